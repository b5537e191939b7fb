package io.cryptofix.config;

import java.time.Duration;

/**
 * How much of the past the gateway holds: finished orders stay in memory (their status answered,
 * their ClOrdIDs taken) for {@code finishedOrderRetention} after they finished.
 *
 * @param finishedOrderRetention  how long after it finished an order is held; null: until the end of the
 *                                UTC day after the one it finished in ({@code nextUtcDayEnd}, the default),
 *                                so that a ClOrdID is unique within any trading day it was used on.
 */
public record StateConfig(Duration finishedOrderRetention)
{
    /** Finished orders held until the end of the next UTC day. */
    public static final StateConfig DEFAULT = new StateConfig(null);
}
