package io.cryptofix.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin API's answers: one JSON object each, written with jackson-core's streaming generator (the
 * gateway has it already for {@code audit --format json}), and read back by {@code gateway admin}.
 */
final class AdminJson
{
    private static final JsonFactory JSON = new JsonFactory();

    private AdminJson()
    {
    }

    /** Writes the fields of one object. */
    @FunctionalInterface
    interface Fields
    {
        void write(JsonGenerator json) throws IOException;
    }

    static String object(final Fields fields)
    {
        final StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out))
        {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Reads an answer back, for the command line: objects as ordered maps, arrays as lists, numbers
     * and strings as text (no binary floating point), null as null.
     *
     * @throws IOException when the text is not JSON.
     */
    static Object read(final String text) throws IOException
    {
        try (JsonParser json = JSON.createParser(text))
        {
            json.nextToken();
            return value(json);
        }
    }

    private static Object value(final JsonParser json) throws IOException
    {
        final JsonToken token = json.currentToken();
        if (token == null)
        {
            throw new IOException("no JSON value");
        }
        switch (token)
        {
            case START_OBJECT:
                final Map<String, Object> object = new LinkedHashMap<>();
                while (json.nextToken() == JsonToken.FIELD_NAME)
                {
                    final String field = json.getCurrentName();
                    json.nextToken();
                    object.put(field, value(json));
                }
                return object;
            case START_ARRAY:
                final List<Object> array = new ArrayList<>();
                while (json.nextToken() != JsonToken.END_ARRAY)
                {
                    array.add(value(json));
                }
                return array;
            case VALUE_NULL:
                return null;
            default:
                return json.getText();
        }
    }

    /** @return {@code {"error": "..."}}, what every refusal answers. */
    static String error(final String message)
    {
        return object(json -> json.writeStringField("error", message));
    }
}
