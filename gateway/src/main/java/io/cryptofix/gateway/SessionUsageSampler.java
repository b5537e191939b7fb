package io.cryptofix.gateway;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every few seconds asks the duty cycle for the risk status and sets the session usage gauges from
 * it: the order path pays nothing, and a scrape sees figures at most one period old.
 */
final class SessionUsageSampler implements AutoCloseable
{
    static final long PERIOD_MILLIS = 5_000;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable ->
    {
        final Thread thread = new Thread(runnable, "session-usage-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private SessionUsageSampler(final CoreTasks tasks, final SessionUsageMetrics metrics, final long periodMillis)
    {
        // a task the duty cycle could not take (queue full) is only skipped: the next period asks again
        timer.scheduleAtFixedRate(() -> tasks.submit((core, nowMillis) -> core.riskStatus())
            .thenAccept(metrics::update), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    static SessionUsageSampler start(final CoreTasks tasks, final SessionUsageMetrics metrics, final long periodMillis)
    {
        return new SessionUsageSampler(tasks, metrics, periodMillis);
    }

    @Override
    public void close()
    {
        timer.shutdownNow();
    }
}
