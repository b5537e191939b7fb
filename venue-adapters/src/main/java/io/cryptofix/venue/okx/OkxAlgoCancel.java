package io.cryptofix.venue.okx;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of an OKX algo cancel request (a JSON array of these). */
public record OkxAlgoCancel(@JsonProperty("algoId") String algoId, @JsonProperty("instId") String instId)
{
}
