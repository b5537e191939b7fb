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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the configuration file the gateway was started with and, when its {@code timeouts} or
 * {@code risk} section changes, hands the new section to the gateway. The whole file is validated
 * first: an invalid edit is reported and what is in force stays. Other sections only take effect at
 * the next start, and a change to them is said so. Runs on a thread of its own, never the duty cycle;
 * the admin API's reload ({@link #reloadNow}) takes the same path.
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
                    reload(false);
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

    /**
     * What one reload did.
     *
     * @param valid  false when the file was invalid and what is in force stayed.
     * @param lines  what was reloaded, refused or left for the next start, as logged.
     */
    record Outcome(boolean valid, List<String> lines)
    {
    }

    /**
     * Reads the file now, as a change to it would: for an operator's reload through the admin API.
     * Safe from any thread; one reload at a time.
     */
    Outcome reloadNow()
    {
        return reload(true);
    }

    /** @param asked  an operator asked: said so even when nothing changed. */
    private synchronized Outcome reload(final boolean asked)
    {
        final List<String> lines = new ArrayList<>();
        final GatewayConfig edited;
        try
        {
            edited = ConfigLoader.load(file);
        }
        catch (final ConfigException e)
        {
            lines.add("configuration not reloaded: " + file + " is invalid, the timeouts and limits in force stay: " +
                String.join("; ", e.problems()));
            lines.forEach(log);
            return new Outcome(false, lines);
        }
        final boolean timeoutsChanged = !edited.timeouts().equals(current.timeouts());
        final boolean riskChanged = !edited.risk().equals(current.risk());
        final boolean othersChanged = !edited.withTimeouts(current.timeouts()).withRisk(current.risk()).equals(current);
        if (timeoutsChanged)
        {
            apply.accept(edited.timeouts());
            final int rules = edited.timeouts().rules().size();
            lines.add("timeout policy reloaded from " + file + ": " + rules + (rules == 1 ? " rule" : " rules") +
                (edited.timeouts().reevaluateOnReload() ? ", working orders re-evaluated" : ", for new orders"));
        }
        if (riskChanged)
        {
            applyRisk.accept(edited.risk());
            lines.add("risk limits reloaded from " + file + ", for new orders, cancels and replaces");
        }
        if (othersChanged)
        {
            lines.add("only the timeouts and risk sections take effect while running; the other changes to " + file +
                " apply at the next start");
        }
        if (lines.isEmpty() && asked)
        {
            lines.add("configuration reread from " + file + ": nothing changed");
        }
        current = edited;
        lines.forEach(log);
        return new Outcome(true, lines);
    }
}
