package io.cryptofix.venue.okx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of an OKX one-way conditional (algo) order, with OKX's field names. A conditional buy's
 * stop-loss trigger lies above the last price and its take-profit trigger below, a sell's the other
 * way round: a FIX Stop or StopLimit is a stop-loss, a MarketIfTouched a take-profit.
 *
 * @param instId       e.g. {@code BTC-USDT}.
 * @param tdMode       {@code cash}: spot, no margin.
 * @param algoClOrdId  the client order id (1-32 letters and digits).
 * @param side         {@code buy} or {@code sell}.
 * @param ordType      {@code conditional}.
 * @param sz           quantity.
 * @param slTriggerPx  the stop-loss trigger price, or null.
 * @param slOrdPx      the price of the order placed on a stop-loss trigger, {@code -1} for market.
 * @param tpTriggerPx  the take-profit trigger price, or null.
 * @param tpOrdPx      the price of the order placed on a take-profit trigger, {@code -1} for market.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OkxAlgoOrderRequest(
    @JsonProperty("instId") String instId,
    @JsonProperty("tdMode") String tdMode,
    @JsonProperty("algoClOrdId") String algoClOrdId,
    @JsonProperty("side") String side,
    @JsonProperty("ordType") String ordType,
    @JsonProperty("sz") String sz,
    @JsonProperty("slTriggerPx") String slTriggerPx,
    @JsonProperty("slOrdPx") String slOrdPx,
    @JsonProperty("tpTriggerPx") String tpTriggerPx,
    @JsonProperty("tpOrdPx") String tpOrdPx)
{
}
