package io.cryptofix.venue.binance;

import io.cryptofix.venue.rest.VenueError;
import io.cryptofix.venue.rest.XChangeSupport;
import org.knowm.xchange.binance.dto.BinanceException;
import si.mazi.rescu.HttpStatusIOException;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a failed Binance request means, by Binance's error code first and its HTTP status second,
 * in Binance's own words with the code, e.g. {@code Order does not exist. (-2013)}.
 */
final class BinanceErrors
{
    /** Binance's code for a timestamp outside the receive window or ahead of its clock. */
    static final int TIMESTAMP = -1021;
    private static final long DEFAULT_BACKOFF_MILLIS = 30_000;
    private static final Pattern HTTP_STATUS_SUFFIX = Pattern.compile(" \\(HTTP status code: \\d+\\)");

    private BinanceErrors()
    {
    }

    static VenueError classify(final Exception failure)
    {
        if (failure instanceof BinanceException binance)
        {
            final String message = HTTP_STATUS_SUFFIX.matcher(String.valueOf(binance.getMessage())).replaceAll("");
            final String reason = message + " (" + binance.getCode() + ")";
            switch (binance.getCode())
            {
                case TIMESTAMP:
                    return VenueError.clock("timestamp outside recvWindow (" + TIMESTAMP + "): " + message);
                case -1003:
                case -1015:
                    return new VenueError(VenueError.Kind.RATE_LIMITED, reason, retryAfter(binance.getResponseHeaders()));
                case -2011:
                case BinanceOrders.NO_SUCH_ORDER:
                    return new VenueError(VenueError.Kind.UNKNOWN_ORDER, reason, 0);
                case -1000:
                case -1001:
                case -1006:
                case -1007:
                    // Binance's own "unknown error", "disconnected", "unexpected response", "timeout":
                    // the request may have been executed
                    return VenueError.ambiguous(reason);
                default:
                    return binance.getHttpStatusCode() >= 500 ? VenueError.ambiguous(reason) : VenueError.rejected(reason);
            }
        }
        if (failure instanceof HttpStatusIOException http)
        {
            final int status = http.getHttpStatusCode();
            final String reason = "Binance answered HTTP " + status + body(http);
            if (status == 429 || status == 418)
            {
                return new VenueError(VenueError.Kind.RATE_LIMITED, reason, retryAfter(http.getResponseHeaders()));
            }
            // 5xx: Binance documents the outcome as unknown, the request may have been executed
            return status >= 500 ? VenueError.ambiguous(reason) : VenueError.rejected(reason);
        }
        return VenueError.ambiguous(XChangeSupport.describe(failure));
    }

    /** A few words of a non-JSON answer (a proxy's or load balancer's page), enough to tell it. */
    private static String body(final HttpStatusIOException http)
    {
        final String body = http.getHttpBody();
        if (body == null || body.isBlank())
        {
            return "";
        }
        final String text = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "" : ": " + (text.length() > 80 ? text.substring(0, 80) + "..." : text);
    }

    private static long retryAfter(final Map<String, List<String>> headers)
    {
        List<String> retryAfter = null;
        if (headers != null)
        {
            for (final Map.Entry<String, List<String>> header : headers.entrySet())
            {
                // HTTP header names are case-insensitive, and servers and the JDK spell them differently
                if ("Retry-After".equalsIgnoreCase(header.getKey()))
                {
                    retryAfter = header.getValue();
                }
            }
        }
        if (retryAfter != null && !retryAfter.isEmpty())
        {
            try
            {
                return Long.parseLong(retryAfter.get(0).trim()) * 1000;
            }
            catch (final NumberFormatException ignored)
            {
                // fall through to the default
            }
        }
        return DEFAULT_BACKOFF_MILLIS;
    }
}
