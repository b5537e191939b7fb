package io.cryptofix.gateway;

import io.cryptofix.config.PerformanceConfig;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.util.concurrent.TimeUnit;

/**
 * How each of the gateway's threads waits when it has nothing to do. Each call returns a new
 * strategy: an idle strategy belongs to the one thread that uses it.
 */
final class IdleStrategies
{
    private IdleStrategies()
    {
    }

    // parks when idle so that an idle gateway costs next to no CPU on a small machine
    static IdleStrategy parking()
    {
        return new BackoffIdleStrategy(
            100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(500));
    }

    /** Backs off to 200 us at most, not 500: the journal's writer, whose latency every report waits for. */
    static IdleStrategy archive()
    {
        return new BackoffIdleStrategy(
            100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(200));
    }

    /**
     * The idle strategy of a thread on the order path (duty cycle, FIX engine, venue workers).
     * Yielding rather than spinning: on a 2-core machine spinning threads would take the cores
     * from each other and from the network stack.
     */
    static IdleStrategy orderPath(final PerformanceConfig.Profile profile)
    {
        return profile == PerformanceConfig.Profile.LOW_LATENCY ? new YieldingIdleStrategy() : parking();
    }
}
