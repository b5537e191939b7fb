package io.cryptofix.venue.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptofix.venue.rest.VenueError;
import io.cryptofix.venue.rest.XChangeSupport;
import si.mazi.rescu.HttpStatusExceptionSupport;
import si.mazi.rescu.HttpStatusIOException;

import java.io.IOException;
import java.util.Locale;

/**
 * What a failed Coinbase Exchange request means. Coinbase has no error codes of its own: it answers
 * an HTTP status and a {@code message}, and both are named in every reason, e.g.
 * {@code Insufficient funds (HTTP 400)}.
 */
final class CoinbaseRefusal
{
    private static final long RATE_LIMIT_BACKOFF_MILLIS = 5_000;
    private static final int BODY_SHOWN = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CoinbaseRefusal()
    {
    }

    static VenueError classify(final Exception failure)
    {
        final int status = httpStatus(failure);
        final String message = message(failure);
        final String reason = describe(failure);
        if (status == 0)
        {
            // no answer at all (timeout, reset, refused connection): the request may have been acted on
            return VenueError.ambiguous(reason);
        }
        final String lower = message.toLowerCase(Locale.ROOT);
        if (status == 429)
        {
            return new VenueError(VenueError.Kind.RATE_LIMITED, reason, RATE_LIMIT_BACKOFF_MILLIS);
        }
        if (lower.contains("request timestamp expired"))
        {
            return VenueError.clock(reason);
        }
        if (status == 404 || lower.contains("order already done"))
        {
            // a cancel of an order Coinbase has ended already: what it became is asked next
            return new VenueError(VenueError.Kind.UNKNOWN_ORDER, reason, 0);
        }
        if (status >= 500 || lower.contains("service unavailable"))
        {
            return VenueError.ambiguous(reason);
        }
        return VenueError.rejected(reason);
    }

    /** @return the failure in Coinbase's words with its HTTP status, or the failure itself when Coinbase did not answer. */
    static String describe(final Exception failure)
    {
        final int status = httpStatus(failure);
        return status == 0 ? XChangeSupport.describe(failure) : message(failure) + " (HTTP " + status + ")";
    }

    static int httpStatus(final Throwable failure)
    {
        if (failure instanceof HttpStatusExceptionSupport support)
        {
            return support.getHttpStatusCode();
        }
        if (failure instanceof HttpStatusIOException http)
        {
            return http.getHttpStatusCode();
        }
        if (failure.getCause() != null && failure.getCause() != failure)
        {
            return httpStatus(failure.getCause());
        }
        return 0;
    }

    /**
     * Coinbase's {@code message} from an answer not read as JSON (the cancel endpoint answers plain
     * text when it succeeds); otherwise the start of the body as text, e.g. a load balancer's page in
     * an outage.
     */
    private static String bodyMessage(final String body)
    {
        if (body == null || body.isBlank())
        {
            return "no message";
        }
        try
        {
            final JsonNode json = JSON.readTree(body);
            if (json.hasNonNull("message"))
            {
                return json.get("message").asText();
            }
        }
        catch (final IOException e)
        {
            // not JSON: shown as text below
        }
        final String text = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return text.substring(0, Math.min(BODY_SHOWN, text.length()));
    }

    private static String message(final Throwable failure)
    {
        if (failure instanceof HttpStatusIOException http)
        {
            return bodyMessage(http.getHttpBody());
        }
        if (failure instanceof HttpStatusExceptionSupport support)
        {
            final String message = support.getMessage();
            // an answer read as plain text carries Coinbase's whole JSON body as its message
            return message == null || message.isEmpty() ? "no message" :
                message.startsWith("{") ? bodyMessage(message) : message;
        }
        if (failure.getCause() != null && failure.getCause() != failure)
        {
            return message(failure.getCause());
        }
        return String.valueOf(failure.getMessage());
    }
}
