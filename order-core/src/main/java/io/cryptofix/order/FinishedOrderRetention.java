package io.cryptofix.order;

import java.time.Duration;

/**
 * How long the gateway keeps a finished order in memory: its client can ask for its status, and its
 * ClOrdID stays taken, until then. By default until the end of the UTC day after the one it finished
 * in, so that a ClOrdID is unique within any trading day it was used on, as FIX asks.
 */
public final class FinishedOrderRetention
{
    /** Until the end of the next UTC day: an order finished on 7 December is held until 9 December 00:00 UTC. */
    public static final FinishedOrderRetention NEXT_UTC_DAY_END = new FinishedOrderRetention(0);

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    // 0: until the end of the next UTC day; else for this long after it finished
    private final long forMillis;

    private FinishedOrderRetention(final long forMillis)
    {
        this.forMillis = forMillis;
    }

    /** For this long after an order finished. */
    public static FinishedOrderRetention of(final Duration retention)
    {
        if (retention.isNegative() || retention.isZero())
        {
            throw new IllegalArgumentException("a retention must be positive: " + retention);
        }
        return new FinishedOrderRetention(retention.toMillis());
    }

    /** When an order finished at {@code finishedMillis} leaves memory. */
    long evictAtMillis(final long finishedMillis)
    {
        return forMillis == 0 ? (Math.floorDiv(finishedMillis, DAY_MILLIS) + 2) * DAY_MILLIS : finishedMillis + forMillis;
    }

    /** For messages: {@code until the end of the next UTC day}, {@code for PT1H}. */
    public String describe()
    {
        return forMillis == 0 ? "until the end of the next UTC day" : "for " + Duration.ofMillis(forMillis);
    }

    @Override
    public String toString()
    {
        return describe();
    }
}
