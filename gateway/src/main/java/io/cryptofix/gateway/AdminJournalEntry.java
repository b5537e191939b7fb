package io.cryptofix.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One line of the admin journal: who did what to which scope, why, and how it ended. Written as one
 * JSON object per line, so that a line cut short by a crash spoils only itself.
 *
 * @param timeMillis  when, epoch milliseconds; written as an ISO-8601 UTC time.
 * @param who         the token's name; {@code admin-token} for the data directory's token, {@code gateway}
 *                    for an automatic trip, {@code unknown} for a token nobody has.
 * @param role        the token's role ({@code viewer}, {@code operator}, {@code risk-officer}); null when unknown.
 * @param action      {@code status}, {@code halt}, {@code reduce}, {@code resume}, {@code kill}, {@code reload}
 *                    or {@code reload-credentials}.
 * @param scope       {@code global}, {@code venue} or {@code session}; null for status and reload;
 *                    {@code venue} for reload-credentials, which changes no state.
 * @param name        the venue id or session CompID; null for the global scope.
 * @param reason      the operator's words; null when none was given.
 * @param outcome     see the constants: accepted, tripped, unauthorized, forbidden, or {@code failed: <why>}.
 */
record AdminJournalEntry(
    long timeMillis, String who, String role, String action, String scope, String name, String reason, String outcome)
{
    /** Handed to the core; a state change in it is restored at the next start. */
    static final String ACCEPTED = "accepted";
    /** An automatic trip of the gateway's own; restored at the next start like an accepted one. */
    static final String TRIPPED = "tripped";
    /** No token, or one nobody has (HTTP 401); nothing changed. */
    static final String UNAUTHORIZED = "unauthorized";
    /** A token whose role may not do this (HTTP 403); nothing changed. */
    static final String FORBIDDEN = "forbidden";
    /** Prefix of the line that follows an accepted one the core did not carry out: it is not restored. */
    static final String FAILED = "failed";

    private static final JsonFactory JSON = new JsonFactory();

    /** Whether it left its scope in a trading state: an accepted or tripped halt, reduce, kill or resume. */
    boolean changesState()
    {
        final AdminAction known = AdminAction.of(action);
        return (ACCEPTED.equals(outcome) || TRIPPED.equals(outcome)) && scope != null && known != null &&
            known.state() != null;
    }

    boolean failed()
    {
        return outcome != null && outcome.startsWith(FAILED);
    }

    /** @return the line, without its line feed. */
    String toJson()
    {
        final StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out))
        {
            json.writeStartObject();
            json.writeStringField("time", Instant.ofEpochMilli(timeMillis).toString());
            json.writeStringField("who", who);
            json.writeStringField("role", role);
            json.writeStringField("action", action);
            json.writeStringField("scope", scope);
            json.writeStringField("name", name);
            json.writeStringField("reason", reason);
            json.writeStringField("outcome", outcome);
            json.writeEndObject();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * @return the entry, or null for a line that is not one (the last line of a journal whose writer
     *     was killed mid-line).
     */
    static AdminJournalEntry parse(final String line)
    {
        long time = -1;
        String who = null;
        String role = null;
        String action = null;
        String scope = null;
        String name = null;
        String reason = null;
        String outcome = null;
        try (JsonParser json = JSON.createParser(line))
        {
            if (json.nextToken() != JsonToken.START_OBJECT)
            {
                return null;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = json.getCurrentName();
                json.nextToken();
                final String value = json.currentToken() == JsonToken.VALUE_NULL ? null : json.getValueAsString();
                switch (field)
                {
                    case "time" -> time = value == null ? -1 : Instant.parse(value).toEpochMilli();
                    case "who" -> who = value;
                    case "role" -> role = value;
                    case "action" -> action = value;
                    case "scope" -> scope = value;
                    case "name" -> name = value;
                    case "reason" -> reason = value;
                    case "outcome" -> outcome = value;
                    default -> json.skipChildren();
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT || time < 0 || action == null || outcome == null)
            {
                return null;
            }
        }
        catch (final IOException | DateTimeParseException e)
        {
            return null;
        }
        return new AdminJournalEntry(time, who, role, action, scope, name, reason, outcome);
    }
}
