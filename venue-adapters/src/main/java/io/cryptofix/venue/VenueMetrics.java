package io.cryptofix.venue;

/**
 * What venue adapters tell the gateway's metrics: rate limits, balances, their state, their clock and
 * what they could not read; and what the dispatcher in front of them refused. Called on venue worker
 * threads and the duty cycle: implementations must be thread-safe and quick.
 */
public interface VenueMetrics
{
    /** A request waited {@code waitedMillis} before leaving, to stay inside the venue's limits. */
    void onRateLimitWait(String venueId, long waitedMillis);

    /** The venue refused a request for its rate limit; the adapter pauses. */
    void onRateLimited(String venueId);

    /**
     * @return whether the adapters should read the accounts' balances for {@link #onBalance}: false
     *     spares the venue's request budget when the balances are not published.
     */
    default boolean readsBalances()
    {
        return true;
    }

    /** The account's free balance of an asset, as the venue reported it (the venue's asset name). */
    default void onBalance(final String venueId, final String asset, final double free)
    {
    }

    /** The venue's state changed (or was first known). */
    default void onVenueState(final String venueId, final VenueState state)
    {
    }

    /** The venue's clock was measured: it runs {@code offsetMillis} ahead of the host's (negative: behind). */
    default void onClockOffset(final String venueId, final long offsetMillis)
    {
    }

    /** Looking an order up at the venue failed; the adapter asks again later, backing off. */
    default void onLookupFailed(final String venueId)
    {
    }

    /** A trade carried a fee of {@code amount} in {@code asset} (the venue's name; negative for a rebate). */
    default void onFee(final String venueId, final String asset, final double amount)
    {
    }

    /** The venue reported an order status the adapter does not know. */
    default void onUnknownStatus(final String venueId)
    {
    }

    /**
     * A new order was refused as the venue being busy to keep the venue's request queue shared: its
     * session had its fair share waiting, or only the room kept for cancels was left. On the duty cycle.
     */
    default void onShareRefused(final String venueId)
    {
    }

    VenueMetrics NONE = new VenueMetrics()
    {
        @Override
        public void onRateLimitWait(final String venueId, final long waitedMillis)
        {
        }

        @Override
        public void onRateLimited(final String venueId)
        {
        }
    };
}
