package io.cryptofix.venue.kraken;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reads Kraken's envelope: the result, or Kraken's errors as a {@link KrakenRefusal}. */
final class KrakenAnswer
{
    private KrakenAnswer()
    {
    }

    static JsonNode result(final JsonNode answer) throws KrakenRefusal
    {
        final JsonNode error = answer == null ? null : answer.get("error");
        if (error != null && error.isArray() && error.size() > 0)
        {
            final List<String> errors = new ArrayList<>();
            error.forEach(each -> errors.add(each.asText()));
            throw new KrakenRefusal(errors);
        }
        if (answer == null || !answer.hasNonNull("result"))
        {
            // an envelope with neither: nothing says what happened
            throw new KrakenRefusal(List.of("EGeneral:Internal error (answer without a result)"));
        }
        return answer.get("result");
    }
}
