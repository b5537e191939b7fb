package io.cryptofix.venue.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.ExchangeOrder.State;

import java.math.BigDecimal;

/**
 * Binance's order statuses in the gateway's terms, read from an order answer as a JSON tree so that
 * a status word the adapter does not know becomes {@link State#UNKNOWN} instead of a failed read.
 * Binance spot has no GTD, so none of its ends is a FIX Expired: whatever Binance ends with
 * quantity left (EXPIRED, EXPIRED_IN_MATCH) is Canceled, with a reason naming the cause.
 */
final class BinanceOrderStatus
{
    static final String SELF_TRADE_PREVENTION = "expired by Binance's self-trade prevention (EXPIRED_IN_MATCH)";
    static final String EXPIRED_BY_ORDER_RULE =
        "ended by Binance with quantity left: IOC, FOK or market order not filled in full (EXPIRED)";
    static final String EXPIRED_BY_EXCHANGE =
        "canceled by Binance itself, e.g. in maintenance or liquidation (EXPIRED)";
    static final String REFUSED = "rejected by Binance (REJECTED)";

    private BinanceOrderStatus()
    {
    }

    /**
     * @param json an order as Binance answers for it (placement, query, cancel, open orders).
     * @param clientOrderIdField {@code clientOrderId}, or {@code origClientOrderId} in a cancel's answer,
     *                           where {@code clientOrderId} is the cancel's own id.
     */
    static ExchangeOrder order(final JsonNode json, final String clientOrderIdField)
    {
        final String status = json.path("status").asText(null);
        final String type = json.path("type").asText("");
        final String timeInForce = json.path("timeInForce").asText("");
        return new ExchangeOrder(
            json.path("orderId").asText(null),
            json.path(clientOrderIdField).asText(null),
            state(status),
            decimal(json, "executedQty"),
            decimal(json, "cummulativeQuoteQty"),
            status,
            reason(status, type, timeInForce));
    }

    static State state(final String status)
    {
        if (status == null)
        {
            return State.UNKNOWN;
        }
        switch (status)
        {
            // PENDING_NEW: part of an order list, not yet on the book; PENDING_CANCEL: documented as
            // unused; both still working as far as anyone can tell
            case "NEW":
            case "PARTIALLY_FILLED":
            case "PENDING_NEW":
            case "PENDING_CANCEL":
                return State.OPEN;
            case "FILLED":
                return State.FILLED;
            case "CANCELED":
            case "EXPIRED":
            case "EXPIRED_IN_MATCH":
                return State.CANCELED;
            case "REJECTED":
                return State.REJECTED;
            default:
                return State.UNKNOWN;
        }
    }

    /** @return why Binance ended the order on its own, for the client's Text; null when it did not. */
    static String reason(final String status, final String type, final String timeInForce)
    {
        if (status == null)
        {
            return "Binance answered without an order status";
        }
        switch (status)
        {
            case "EXPIRED_IN_MATCH":
                return SELF_TRADE_PREVENTION;
            case "EXPIRED":
                // Binance uses one word for both: the order type's own rule, or the exchange canceling it
                return "MARKET".equals(type) || "IOC".equals(timeInForce) || "FOK".equals(timeInForce) ?
                    EXPIRED_BY_ORDER_RULE : EXPIRED_BY_EXCHANGE;
            case "REJECTED":
                return REFUSED;
            default:
                return state(status) == State.UNKNOWN ? "Binance order status " + status + " not known to the adapter" :
                    null;
        }
    }

    private static BigDecimal decimal(final JsonNode json, final String field)
    {
        final JsonNode value = json.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? BigDecimal.ZERO : new BigDecimal(value.asText());
    }
}
