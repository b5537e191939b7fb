package io.cryptofix.venue.okx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of an OKX order placement, with OKX's own field names.
 *
 * @param instId   e.g. {@code BTC-USDT}.
 * @param tdMode   {@code cash}: spot, no margin.
 * @param clOrdId  the client order id (1-32 letters and digits).
 * @param side     {@code buy} or {@code sell}.
 * @param ordType  {@code market}, {@code limit}, {@code post_only}, {@code ioc} or {@code fok}.
 * @param sz       quantity.
 * @param px       price; absent for market orders.
 * @param tgtCcy   the unit of {@code sz} of a market order: {@code base_ccy}, always sent, since OKX
 *                 reads a spot market buy's size in the quote currency when it is absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OkxOrderRequest(
    @JsonProperty("instId") String instId,
    @JsonProperty("tdMode") String tdMode,
    @JsonProperty("clOrdId") String clOrdId,
    @JsonProperty("side") String side,
    @JsonProperty("ordType") String ordType,
    @JsonProperty("sz") String sz,
    @JsonProperty("px") String px,
    @JsonProperty("tgtCcy") String tgtCcy)
{
}
