package io.cryptofix.gateway;

import io.cryptofix.config.ConfigException;
import io.cryptofix.config.ConfigLoader;
import io.cryptofix.config.GatewayConfig;
import io.cryptofix.config.RiskConfig;
import io.cryptofix.config.TimeoutConfig;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the configuration file the gateway was started with and, when its {@code timeouts} or
 * {@code risk} section changes, hands the new section to the gateway. The whole file is validated
 * first: an invalid edit is reported and what is in force stays. Other sections only take effect at
 * the next start, and a change to them is said so. Runs on a thread of its own, never the duty cycle.
 */
final class ConfigReloader implements AutoCloseable
{
    // editors often write a file in several steps: wait for the writes to settle before reading it
    private static final long SETTLE_MILLIS = 200;

    private final Path file;
    private final Consumer<TimeoutConfig> apply;
    private final Consumer<RiskConfig> applyRisk;
    private final Consumer<String> log;
    private final WatchService watchService;
    private final Thread thread;
    private GatewayConfig current;

    /**
     * @param current  the configuration in force, read from {@code file}.
     * @param apply    receives each new, valid timeout policy.
     * @param applyRisk receives each new, valid set of pre-trade limits.
     * @param log      receives one line per reload, refusal or ignored change.
     */
    ConfigReloader(
        final Path file,
        final GatewayConfig current,
        final Consumer<TimeoutConfig> apply,
        final Consumer<RiskConfig> applyRisk,
        final Consumer<String> log)
        throws IOException
    {
        this.applyRisk = applyRisk;
        this.file = file.toAbsolutePath();
        this.current = current;
        this.apply = apply;
        this.log = log;
        this.watchService = FileSystems.getDefault().newWatchService();
        this.file.getParent().register(watchService,
            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
        this.thread = new Thread(this::watch, "config-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException
    {
        watchService.close();
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void watch()
    {
        try
        {
            while (true)
            {
                final WatchKey key = watchService.take();
                boolean ours = concernsFile(key);
                // let a burst of writes settle, and take the events it caused with it
                WatchKey more;
                while ((more = watchService.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null)
                {
                    ours |= concernsFile(more);
                }
                if (ours)
                {
                    reload();
                }
            }
        }
        catch (final ClosedWatchServiceException | InterruptedException e)
        {
            // closed: the gateway is stopping
        }
    }

    private boolean concernsFile(final WatchKey key)
    {
        boolean ours = false;
        for (final WatchEvent<?> event : key.pollEvents())
        {
            ours |= event.context() instanceof Path changed && changed.equals(file.getFileName());
        }
        key.reset();
        return ours;
    }

    private void reload()
    {
        final GatewayConfig edited;
        try
        {
            edited = ConfigLoader.load(file);
        }
        catch (final ConfigException e)
        {
            log.accept("configuration not reloaded: " + file + " is invalid, the timeouts and limits in force stay: " +
                String.join("; ", e.problems()));
            return;
        }
        final boolean timeoutsChanged = !edited.timeouts().equals(current.timeouts());
        final boolean riskChanged = !edited.risk().equals(current.risk());
        final boolean othersChanged = !edited.withTimeouts(current.timeouts()).withRisk(current.risk()).equals(current);
        if (timeoutsChanged)
        {
            apply.accept(edited.timeouts());
            final int rules = edited.timeouts().rules().size();
            log.accept("timeout policy reloaded from " + file + ": " + rules + (rules == 1 ? " rule" : " rules") +
                (edited.timeouts().reevaluateOnReload() ? ", working orders re-evaluated" : ", for new orders"));
        }
        if (riskChanged)
        {
            applyRisk.accept(edited.risk());
            log.accept("risk limits reloaded from " + file + ", for new orders, cancels and replaces");
        }
        if (othersChanged)
        {
            log.accept("only the timeouts and risk sections take effect while running; the other changes to " + file +
                " apply at the next start");
        }
        current = edited;
    }
}
