package io.cryptofix.venue.okx;

import com.fasterxml.jackson.databind.JsonNode;
import org.knowm.xchange.okex.dto.OkexResponse;
import org.knowm.xchange.okex.dto.trade.OkexOrderResponse;

import java.util.List;

/**
 * A request OKX answered with an error code in its body (HTTP 200), and how an answer is read for
 * one: OKX puts a refusal of an order in the order's own result ({@code sCode}), and a refusal of the
 * request in the answer's {@code code}.
 */
final class OkxRefusal extends RuntimeException
{
    static final String SUCCESS = "0";
    static final String ORDER_DOES_NOT_EXIST = "51603";

    final String code;

    OkxRefusal(final String code, final String message)
    {
        super(message, null, false, false);
        this.code = code;
    }

    /** @return the one result of an order request, or throws the refusal OKX gave. */
    static OkexOrderResponse accepted(final OkexResponse<List<OkexOrderResponse>> response)
    {
        final List<OkexOrderResponse> data = response.getData();
        final OkexOrderResponse result = data == null || data.isEmpty() ? null : data.get(0);
        if (result != null && !SUCCESS.equals(result.getCode()))
        {
            throw new OkxRefusal(result.getCode(), result.getMessage());
        }
        if (!SUCCESS.equals(response.getCode()) || result == null)
        {
            throw new OkxRefusal(response.getCode(), response.getMsg());
        }
        return result;
    }

    /** @return the one result of an algo order request, or throws the refusal OKX gave. */
    static JsonNode acceptedAlgo(final OkexResponse<List<JsonNode>> response)
    {
        final List<JsonNode> data = response.getData();
        final JsonNode result = data == null || data.isEmpty() ? null : data.get(0);
        if (result != null && !SUCCESS.equals(result.path("sCode").asText(SUCCESS)))
        {
            throw new OkxRefusal(result.path("sCode").asText(), result.path("sMsg").asText());
        }
        if (!SUCCESS.equals(response.getCode()) || result == null)
        {
            throw new OkxRefusal(response.getCode(), response.getMsg());
        }
        return result;
    }

    /** @return the answer's data, or throws the refusal OKX gave. */
    static <T> T checked(final OkexResponse<T> response)
    {
        if (!SUCCESS.equals(response.getCode()))
        {
            throw new OkxRefusal(response.getCode(), response.getMsg());
        }
        return response.getData();
    }
}
