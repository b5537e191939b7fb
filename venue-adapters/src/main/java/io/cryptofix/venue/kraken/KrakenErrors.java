package io.cryptofix.venue.kraken;

import io.cryptofix.venue.rest.VenueError;
import io.cryptofix.venue.rest.XChangeSupport;
import org.knowm.xchange.exceptions.ExchangeException;
import org.knowm.xchange.exceptions.ExchangeUnavailableException;
import org.knowm.xchange.exceptions.FrequencyLimitExceededException;
import org.knowm.xchange.exceptions.RateLimitExceededException;
import si.mazi.rescu.HttpStatusIOException;

import java.util.regex.Pattern;

/**
 * What Kraken's errors mean, by Kraken's own words ({@code EOrder:...}, {@code EAPI:...}), which are
 * its error codes: the reason of every {@link VenueError} and start-up failure is Kraken's word.
 */
final class KrakenErrors
{
    static final long DEFAULT_BACKOFF_MILLIS = 15_000;
    // severity, category, message: EService:Unavailable, WGeneral:...
    private static final Pattern KRAKEN_ERROR = Pattern.compile("\\[?[EW][A-Za-z]+:.*");

    private KrakenErrors()
    {
    }

    static VenueError classify(final Exception failure)
    {
        if (failure instanceof KrakenRefusal refusal)
        {
            return classify(refusal);
        }
        if (failure instanceof RateLimitExceededException || failure instanceof FrequencyLimitExceededException)
        {
            return new VenueError(VenueError.Kind.RATE_LIMITED, failure.getMessage(), DEFAULT_BACKOFF_MILLIS);
        }
        if (failure instanceof ExchangeUnavailableException)
        {
            return VenueError.ambiguous(failure.getMessage());
        }
        if (failure instanceof ExchangeException)
        {
            // XChange's calls (prices, metadata) carry Kraken's words in brackets
            return classify(new KrakenRefusal(java.util.List.of(
                String.valueOf(failure.getMessage()).replace("[", "").replace("]", ""))));
        }
        if (failure instanceof HttpStatusIOException http)
        {
            final int status = http.getHttpStatusCode();
            if (status == 429)
            {
                return new VenueError(VenueError.Kind.RATE_LIMITED, "HTTP 429 from Kraken", DEFAULT_BACKOFF_MILLIS);
            }
            return status >= 500 ? VenueError.ambiguous("HTTP " + status + " from Kraken") :
                VenueError.rejected("HTTP " + status + " from Kraken");
        }
        return VenueError.ambiguous(XChangeSupport.describe(failure));
    }

    private static VenueError classify(final KrakenRefusal refusal)
    {
        final String words = refusal.getMessage();
        if (refusal.has("EAPI:Invalid nonce"))
        {
            return VenueError.clock("Kraken refused the request's nonce as not above the last one (" + words + ")");
        }
        if (refusal.has("EAPI:Rate limit exceeded") || refusal.has("EOrder:Rate limit exceeded") ||
            refusal.has("EGeneral:Too many requests") || refusal.has("EGeneral:Temporary lockout"))
        {
            return new VenueError(VenueError.Kind.RATE_LIMITED, words, DEFAULT_BACKOFF_MILLIS);
        }
        if (refusal.has("EOrder:Unknown order") || refusal.has("EOrder:Invalid order"))
        {
            return new VenueError(VenueError.Kind.UNKNOWN_ORDER, words, 0);
        }
        if (unavailable(refusal))
        {
            // Kraken may or may not have acted
            return VenueError.ambiguous(words);
        }
        return VenueError.rejected(words);
    }

    /** Kraken's answers for "not now": maintenance, overload, its own failure. */
    static boolean unavailable(final KrakenRefusal refusal)
    {
        return refusal.has("EService:") || refusal.has("EGeneral:Internal error");
    }

    /** A start-up failure in Kraken's words, for the operator: Kraken's error, or the HTTP status. */
    static String startFailure(final Throwable failure)
    {
        Throwable cause = failure;
        while (cause != null)
        {
            if (cause instanceof KrakenRefusal)
            {
                return "Kraken answered " + cause.getMessage();
            }
            if (cause instanceof HttpStatusIOException http)
            {
                return "Kraken answered HTTP " + http.getHttpStatusCode();
            }
            if (cause instanceof ExchangeException && krakensWords(cause.getMessage()))
            {
                return "Kraken answered " + cause.getMessage().replace("[", "").replace("]", "");
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return XChangeSupport.describe(failure);
    }

    /** XChange passes Kraken's errors on as they are, e.g. {@code EService:Unavailable}, or in brackets. */
    private static boolean krakensWords(final String message)
    {
        return message != null && KRAKEN_ERROR.matcher(message).matches();
    }
}
