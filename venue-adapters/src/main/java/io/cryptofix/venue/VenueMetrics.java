package io.cryptofix.venue;

/**
 * What venue adapters tell the gateway's metrics about rate limits. Called on venue worker threads:
 * implementations must be thread-safe and quick.
 */
public interface VenueMetrics
{
    /** A request waited {@code waitedMillis} before leaving, to stay inside the venue's limits. */
    void onRateLimitWait(String venueId, long waitedMillis);

    /** The venue refused a request for its rate limit; the adapter pauses. */
    void onRateLimited(String venueId);

    /** The account's free balance of an asset, as the venue reported it (the venue's asset name). */
    default void onBalance(final String venueId, final String asset, final double free)
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
