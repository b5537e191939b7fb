package io.cryptofix.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import io.cryptofix.store.JournalEvent;
import io.cryptofix.store.OrderEventKind;
import io.cryptofix.translation.ClientText;
import quickfix.ConfigError;
import quickfix.DataDictionary;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw FIX message for people: each field with its FIX 4.4 name (and the name of its value, for
 * enumerated fields), as one {@code |} delimited line or one JSON object per line.
 *
 * <p>What a client sent may hold any byte but SOH. A line of text has each character outside
 * printable ASCII escaped ({@code \x01}, see {@link ClientText}), so no value can break a line, forge
 * one or reach the terminal as a control sequence. JSON keeps each value exact, written with JSON's
 * own escapes for everything outside printable ASCII (a backslash, u and four hex digits), so a
 * reader gets back what was sent.
 */
final class FixMessageFormat
{
    static final char SOH = '\u0001';

    private final DataDictionary dictionary;
    private final boolean json;
    private final JsonFactory jsonFactory = new JsonFactoryBuilder()
        .characterEscapes(new PrintableAsciiEscapes()).highestNonEscapedChar(0x7E).build();

    FixMessageFormat(final boolean json)
    {
        this.json = json;
        try
        {
            // the FIX 4.4 dictionary shipped with QuickFIX/J, the one the gateway's codecs are generated from
            this.dictionary = new DataDictionary("FIX44.xml");
        }
        catch (final ConfigError e)
        {
            throw new IllegalStateException("FIX 4.4 dictionary not found on the class path", e);
        }
    }

    /** The fields of a raw message, in order: {tag, value}. */
    static List<String[]> fields(final String message)
    {
        final List<String[]> fields = new ArrayList<>();
        int start = 0;
        while (start < message.length())
        {
            int end = message.indexOf(SOH, start);
            end = end < 0 ? message.length() : end;
            final int equals = message.indexOf('=', start);
            if (equals > start && equals < end)
            {
                fields.add(new String[] {message.substring(start, equals), message.substring(equals + 1, end)});
            }
            start = end + 1;
        }
        return fields;
    }

    static String value(final List<String[]> fields, final String tag)
    {
        for (final String[] field : fields)
        {
            if (field[0].equals(tag))
            {
                return field[1];
            }
        }
        return null;
    }

    String format(final boolean received, final long timestampNanos, final String client, final List<String[]> fields)
    {
        final String time = Instant.ofEpochSecond(0, timestampNanos).toString();
        return json ? json(received, time, client, fields) : text(received, time, client, fields);
    }

    /** A journal event of an order: what happened and where the order then stood. */
    String format(final JournalEvent event)
    {
        final String time = Instant.ofEpochSecond(0, event.timeNanos()).toString();
        if (!json)
        {
            return time + " EVT " + ClientText.escape(event.describe());
        }
        final StringWriter out = new StringWriter(256);
        try (JsonGenerator generator = jsonFactory.createGenerator(out))
        {
            generator.writeStartObject();
            generator.writeStringField("time", time);
            generator.writeStringField("direction", "event");
            generator.writeStringField("event", event.kind().name().toLowerCase());
            if (event.kind() == OrderEventKind.REPORT)
            {
                generator.writeStringField("execType", String.valueOf(event.execType()));
            }
            if (event.cxlRejResponseTo() != 0)
            {
                generator.writeStringField("cxlRejResponseTo", String.valueOf(event.cxlRejResponseTo()));
                generator.writeNumberField("cxlRejReason", event.cxlRejReason());
            }
            generator.writeNumberField("orderKey", event.orderKey());
            generator.writeStringField("clOrdId", event.clOrdId());
            generator.writeStringField("state", event.orderState().name());
            generator.writeStringField("venue", event.venueId());
            generator.writeNumberField("placement", event.venueAttempt());
            generator.writeStringField("description", event.describe());
            generator.writeEndObject();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private String text(final boolean received, final String time, final String client, final List<String[]> fields)
    {
        final StringBuilder line = new StringBuilder(256)
            .append(time).append(received ? " IN  " : " OUT ").append(client).append(' ');
        for (int i = 0; i < fields.size(); i++)
        {
            final String[] field = fields.get(i);
            line.append(i == 0 ? "" : "|").append(name(field[0])).append('(').append(field[0]).append(")=").append(field[1]);
            final String meaning = meaning(field[0], field[1]);
            if (meaning != null)
            {
                line.append('[').append(meaning).append(']');
            }
        }
        return ClientText.escape(line.toString());
    }

    private String json(final boolean received, final String time, final String client, final List<String[]> fields)
    {
        final StringWriter out = new StringWriter(512);
        try (JsonGenerator generator = jsonFactory.createGenerator(out))
        {
            generator.writeStartObject();
            generator.writeStringField("time", time);
            generator.writeStringField("direction", received ? "in" : "out");
            generator.writeStringField("session", client);
            generator.writeArrayFieldStart("fields");
            for (final String[] field : fields)
            {
                generator.writeStartObject();
                generator.writeNumberField("tag", tagNumber(field[0]));
                generator.writeStringField("name", name(field[0]));
                generator.writeStringField("value", field[1]);
                final String meaning = meaning(field[0], field[1]);
                if (meaning != null)
                {
                    generator.writeStringField("meaning", meaning);
                }
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private String name(final String tag)
    {
        final String name = dictionary.getFieldName(tagNumber(tag));
        return name == null ? "Tag" + tag : name;
    }

    private String meaning(final String tag, final String value)
    {
        return dictionary.getValueName(tagNumber(tag), value);
    }

    /** The tag as a number; -1 for a malformed one, which has no name. */
    private static int tagNumber(final String tag)
    {
        try
        {
            return Integer.parseInt(tag);
        }
        catch (final NumberFormatException e)
        {
            return -1;
        }
    }

    /**
     * JSON escapes the control characters below 0x20 itself, and Jackson those beyond 0x7E when told
     * to; DEL (0x7F) it writes as it is unless told here.
     */
    private static final class PrintableAsciiEscapes extends CharacterEscapes
    {
        private final int[] escapes = standardAsciiEscapesForJSON();

        PrintableAsciiEscapes()
        {
            escapes[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii()
        {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(final int ch)
        {
            // only ESCAPE_STANDARD is used: JSON's own backslash-u escape
            return null;
        }
    }
}
