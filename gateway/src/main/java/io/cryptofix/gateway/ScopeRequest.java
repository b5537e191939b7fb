package io.cryptofix.gateway;

import io.cryptofix.order.TradingScope;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        final Map<String, String> fields = AdminJson.stringFields(body, FIELDS, "scope, name and reason");
        return of(fields.get("scope"), fields.get("name"), fields.get("reason"));
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
