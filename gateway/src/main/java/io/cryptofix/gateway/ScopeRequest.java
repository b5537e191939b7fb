package io.cryptofix.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cryptofix.order.TradingScope;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The body of a halt, reduce, resume or kill: {@code {"scope": "global"|"venue"|"session", "name": "...",
 * "reason": "..."}}, checked field by field, each refusal saying what is allowed.
 *
 * @param name    the venue id or session CompID; null for the global scope.
 * @param reason  the operator's words: the status and the refusals' Text carry them.
 */
record ScopeRequest(TradingScope scope, String name, String reason)
{
    static final int MAX_NAME = 64;
    static final int MAX_REASON = 200;

    private static final JsonFactory JSON = new JsonFactory();
    private static final List<String> FIELDS = List.of("scope", "name", "reason");

    /** The scope's word in the API and the journal: {@code global}, {@code venue}, {@code session}. */
    String scopeWord()
    {
        return word(scope);
    }

    static String word(final TradingScope scope)
    {
        return scope.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws BadRequest saying what is wrong and what is allowed.
     */
    static ScopeRequest parse(final String body)
    {
        String scope = null;
        String name = null;
        String reason = null;
        try (JsonParser json = JSON.createParser(body))
        {
            if (json.nextToken() != JsonToken.START_OBJECT)
            {
                throw new BadRequest("the body must be a JSON object with scope, name and reason");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = json.getCurrentName();
                final JsonToken value = json.nextToken();
                if (!FIELDS.contains(field))
                {
                    throw new BadRequest("unknown field '" + field + "' (allowed: " + String.join(", ", FIELDS) + ")");
                }
                if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL)
                {
                    throw new BadRequest(field + " must be a string");
                }
                final String text = value == JsonToken.VALUE_NULL ? null : json.getText();
                switch (field)
                {
                    case "scope" -> scope = text;
                    case "name" -> name = text;
                    default -> reason = text;
                }
            }
            if (json.nextToken() != null)
            {
                throw new BadRequest("the body must be one JSON object, with nothing after it");
            }
        }
        catch (final JsonParseException e)
        {
            throw new BadRequest("the body is not JSON: " + e.getOriginalMessage());
        }
        catch (final IOException e)
        {
            throw new BadRequest("the body could not be read: " + e.getMessage());
        }
        return of(scope, name, reason);
    }

    /** Checks the three values as the API receives them. */
    static ScopeRequest of(final String scopeWord, final String name, final String reason)
    {
        if (scopeWord == null)
        {
            throw new BadRequest("scope is required (allowed: global, venue, session)");
        }
        final TradingScope scope = switch (scopeWord)
        {
            case "global" -> TradingScope.GLOBAL;
            case "venue" -> TradingScope.VENUE;
            case "session" -> TradingScope.SESSION;
            default -> throw new BadRequest("scope '" + scopeWord + "' is not known (allowed: global, venue, session)");
        };
        final String trimmedName = name == null || name.isBlank() ? null : name.strip();
        if (scope == TradingScope.GLOBAL && trimmedName != null)
        {
            throw new BadRequest("the global scope takes no name (allowed: scope venue or session with a name)");
        }
        if (scope != TradingScope.GLOBAL && trimmedName == null)
        {
            throw new BadRequest("name is required for scope " + scopeWord + " (the " +
                (scope == TradingScope.VENUE ? "venue id, as in ExDestination" : "session's client CompID") + ")");
        }
        if (trimmedName != null && trimmedName.length() > MAX_NAME)
        {
            throw new BadRequest("name is longer than " + MAX_NAME + " characters");
        }
        if (reason == null || reason.isBlank())
        {
            throw new BadRequest("reason is required: say why, it is kept with the state and shown to clients " +
                "whose orders are refused");
        }
        final String trimmedReason = reason.strip();
        if (trimmedReason.length() > MAX_REASON || trimmedReason.chars().anyMatch(Character::isISOControl))
        {
            throw new BadRequest("reason must be one line of at most " + MAX_REASON + " characters");
        }
        return new ScopeRequest(scope, trimmedName, trimmedReason);
    }

    /** A request the API refuses with 400 and this message; nothing was changed. */
    static final class BadRequest extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        BadRequest(final String message)
        {
            super(message, null, false, false);
        }
    }
}
