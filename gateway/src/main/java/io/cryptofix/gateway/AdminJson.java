package io.cryptofix.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin API's answers: one JSON object each, written with jackson-core's streaming generator (the
 * gateway has it already for {@code audit --format json}), and read back by {@code gateway admin}; and
 * the requests' bodies, flat objects of strings.
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

    /**
     * Reads a request's body: one JSON object whose fields are strings (or null) among those allowed.
     *
     * @param allowed  the field names allowed.
     * @param named    the fields as a refusal names them: {@code scope, name and reason}.
     * @return each field given, by name; a null value as null.
     * @throws ScopeRequest.BadRequest saying what is wrong and what is allowed.
     */
    static Map<String, String> stringFields(final String body, final List<String> allowed, final String named)
    {
        final Map<String, String> fields = new HashMap<>();
        try (JsonParser json = JSON.createParser(body))
        {
            if (json.nextToken() != JsonToken.START_OBJECT)
            {
                throw new ScopeRequest.BadRequest("the body must be a JSON object with " + named);
            }
            while (json.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = json.getCurrentName();
                final JsonToken value = json.nextToken();
                if (!allowed.contains(field))
                {
                    throw new ScopeRequest.BadRequest("unknown field '" + field + "' (allowed: " +
                        String.join(", ", allowed) + ")");
                }
                if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL)
                {
                    throw new ScopeRequest.BadRequest(field + " must be a string");
                }
                fields.put(field, value == JsonToken.VALUE_NULL ? null : json.getText());
            }
            if (json.nextToken() != null)
            {
                throw new ScopeRequest.BadRequest("the body must be one JSON object, with nothing after it");
            }
        }
        catch (final JsonParseException e)
        {
            throw new ScopeRequest.BadRequest("the body is not JSON: " + e.getOriginalMessage());
        }
        catch (final IOException e)
        {
            throw new ScopeRequest.BadRequest("the body could not be read: " + e.getMessage());
        }
        return fields;
    }

    /** @return {@code {"error": "..."}}, what every refusal answers. */
    static String error(final String message)
    {
        return object(json -> json.writeStringField("error", message));
    }
}
