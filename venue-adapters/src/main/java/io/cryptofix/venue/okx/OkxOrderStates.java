package io.cryptofix.venue.okx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptofix.venue.rest.ExchangeOrder;

import java.math.BigDecimal;
import java.util.Map;

import static io.cryptofix.venue.okx.OkxFormat.decimal;

/**
 * What OKX's order states mean to the gateway. An ordinary order is {@code live} or
 * {@code partially_filled} while it works, and ends {@code filled}, {@code canceled} (with
 * {@code cancelSource}, a code of who or what canceled it, and {@code cancelSourceReason}, OKX's
 * words) or {@code mmp_canceled} (market maker protection). A word not listed here is reported as
 * such, never guessed at. OKX spot orders have no expiry time of their own, so none ends Expired.
 */
final class OkxOrderStates
{
    static final String LIVE = "live";
    static final String PARTIALLY_FILLED = "partially_filled";
    static final String FILLED = "filled";
    static final String CANCELED = "canceled";
    static final String MMP_CANCELED = "mmp_canceled";

    /** cancelSource of a cancel the account asked for: the gateway's own, or its user's at OKX. */
    private static final String BY_USER = "1";
    /** Who or what ended an order, by OKX's cancelSource codes, as the client's Text says it. */
    private static final Map<String, String> CANCELED_BY = Map.of(
        "0", "OKX's system",
        "13", "OKX: fill-or-kill order not filled in full",
        "14", "OKX: rest of an immediate-or-cancel order",
        "15", "OKX: price beyond its price limit",
        "20", "OKX's cancel-all-after timer",
        "31", "OKX: post-only order would have taken liquidity",
        "32", "OKX's self-trade prevention",
        "34", "OKX: order could not settle for want of margin");

    private OkxOrderStates()
    {
    }

    /** An order as OKX's order details (or fills) JSON reads. */
    static ExchangeOrder order(final JsonNode order)
    {
        return order(order.path("ordId").asText(), order.path("clOrdId").asText(""), order.path("state").asText(""),
            decimal(order.path("accFillSz").asText("")), decimal(order.path("avgPx").asText("")),
            order.path("cancelSource").asText(""), order.path("cancelSourceReason").asText(""));
    }

    /**
     * @param cancelSource        OKX's code of who canceled it; empty when not canceled or not told.
     * @param cancelSourceReason  OKX's words for it; may be empty.
     */
    static ExchangeOrder order(
        final String ordId, final String clOrdId, final String state, final BigDecimal filled, final BigDecimal averagePrice,
        final String cancelSource, final String cancelSourceReason)
    {
        final BigDecimal quote = filled.multiply(averagePrice);
        switch (state)
        {
            case LIVE:
            case PARTIALLY_FILLED:
                return new ExchangeOrder(ordId, clOrdId, ExchangeOrder.State.OPEN, filled, quote, state, null);
            case FILLED:
                return new ExchangeOrder(ordId, clOrdId, ExchangeOrder.State.FILLED, filled, quote, state, null);
            case CANCELED:
                return new ExchangeOrder(ordId, clOrdId, ExchangeOrder.State.CANCELED, filled, quote, state,
                    canceledBy(cancelSource, cancelSourceReason));
            case MMP_CANCELED:
                return new ExchangeOrder(ordId, clOrdId, ExchangeOrder.State.CANCELED, filled, quote, state,
                    "canceled by OKX's market maker protection (mmp_canceled)");
            default:
                return new ExchangeOrder(ordId, clOrdId, ExchangeOrder.State.UNKNOWN, filled, quote, state,
                    "OKX reports the order as '" + state + "', a state the gateway does not know");
        }
    }

    /** @return why OKX canceled it, or null when the account asked for the cancel or OKX did not say. */
    private static String canceledBy(final String cancelSource, final String cancelSourceReason)
    {
        if (cancelSource.isEmpty() || BY_USER.equals(cancelSource))
        {
            return null;
        }
        return "canceled by " + CANCELED_BY.getOrDefault(cancelSource, "OKX") + " (cancelSource " + cancelSource +
            (cancelSourceReason.isEmpty() ? "" : ": " + cancelSourceReason) + ")";
    }
}
