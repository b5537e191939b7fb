package io.cryptofix.venue.bybit;

import io.cryptofix.venue.rest.VenueError;
import si.mazi.rescu.HttpStatusIOException;

/**
 * What a failed Bybit request means, from Bybit's {@code retCode} (answered with HTTP 200) or the
 * HTTP status, in Bybit's own words and code: "Insufficient balance. (170131)",
 * "Bybit answered HTTP 503 (service unavailable: maintenance or overload)".
 */
final class BybitErrors
{
    private static final int TIMESTAMP_OUTSIDE_WINDOW = 10002;
    private static final long DEFAULT_BACKOFF_MILLIS = 2_000;

    private BybitErrors()
    {
    }

    static VenueError classify(final Exception failure)
    {
        if (failure instanceof BybitRefusal refusal)
        {
            final String reason = refusal.getMessage() + " (" + refusal.code + ")";
            switch (refusal.code)
            {
                case TIMESTAMP_OUTSIDE_WINDOW:
                    // nothing happened: the clock is measured again and the request may go again
                    return VenueError.clock(reason);
                case 10006:
                case 10018:
                    return new VenueError(VenueError.Kind.RATE_LIMITED, reason, DEFAULT_BACKOFF_MILLIS);
                case 110001:
                case 170213:
                    return new VenueError(VenueError.Kind.UNKNOWN_ORDER, reason, 0);
                case 10000:
                case 10016:
                    // Bybit's "server timeout" and "internal error": it may or may not have acted
                    return VenueError.ambiguous(reason);
                default:
                    return VenueError.rejected(reason);
            }
        }
        if (failure instanceof HttpStatusIOException http)
        {
            final int status = http.getHttpStatusCode();
            final String reason = "Bybit answered HTTP " + status + httpMeaning(status);
            if (status == 429 || status == 403)
            {
                // Bybit answers 403 when an IP exceeds its request limit
                return new VenueError(VenueError.Kind.RATE_LIMITED, reason, DEFAULT_BACKOFF_MILLIS);
            }
            return status >= 500 ? VenueError.ambiguous(reason) : VenueError.rejected(reason);
        }
        return VenueError.ambiguous(failure.getClass().getSimpleName() +
            (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }

    private static String httpMeaning(final int status)
    {
        switch (status)
        {
            case 403: return " (forbidden: request limit exceeded from this IP)";
            case 404: return " (not found)";
            case 429: return " (too many requests)";
            case 502: return " (bad gateway)";
            case 503: return " (service unavailable: maintenance or overload)";
            case 504: return " (gateway timeout)";
            default: return "";
        }
    }

    /** A request Bybit answered with a non-zero {@code retCode} (HTTP 200). */
    static final class BybitRefusal extends RuntimeException
    {
        final int code;

        BybitRefusal(final int code, final String message)
        {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
