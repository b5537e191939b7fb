package io.cryptofix.venue.rest;

/**
 * What a failed venue request means for the order, decided by the venue's error code, never by
 * guessing.
 *
 * @param kind          the class of the failure.
 * @param reason        the venue's own words, for the client's Text.
 * @param backoffMillis with {@link Kind#RATE_LIMITED}: how long to send nothing more.
 */
public record VenueError(Kind kind, String reason, long backoffMillis)
{
    public enum Kind
    {
        /** The venue refused the request for good (balance, filters, symbol, post-only would take). */
        REJECTED,
        /** The venue refused the request for its rate limit: nothing happened; back off. */
        RATE_LIMITED,
        /** The venue has no such order. */
        UNKNOWN_ORDER,
        /** No answer, or one that does not say what happened (5xx, timeout, reset): ask the venue. */
        AMBIGUOUS,
        /**
         * The venue refused the request for its timestamp (outside the receive window, Binance -1021,
         * OKX 50102, Bybit 10002, Kraken EAPI:Invalid nonce, Coinbase "request timestamp expired"):
         * nothing happened; measure the clock again and the request may be sent again.
         */
        CLOCK
    }

    public static VenueError rejected(final String reason)
    {
        return new VenueError(Kind.REJECTED, reason, 0);
    }

    public static VenueError clock(final String reason)
    {
        return new VenueError(Kind.CLOCK, reason, 0);
    }

    public static VenueError ambiguous(final String reason)
    {
        return new VenueError(Kind.AMBIGUOUS, reason, 0);
    }
}
