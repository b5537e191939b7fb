package io.cryptofix.venue.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptofix.venue.rest.ExchangeOrder;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads one Bybit V5 spot order ({@code orderStatus}, {@code cancelType}, {@code rejectReason},
 * the executed totals) into the gateway's {@link ExchangeOrder}. Bybit spot has no GTD, so no
 * Bybit order ends as EXPIRED: every end with quantity left is a cancel, by request or by Bybit.
 * A status word not listed here is UNKNOWN, never guessed.
 */
final class BybitOrderStatus
{
    static final String UNTRIGGERED = "Untriggered";
    private static final String BY_REQUEST = "CancelByUser";
    private static final String NO_ERROR = "EC_NoError";

    // why Bybit ended an order on its own, by cancelType: the causes a spot order can meet
    private static final Map<String, String> CANCEL_TYPES = Map.ofEntries(
        Map.entry("CancelBySmp", "self-trade prevention"),
        Map.entry("CancelByMmpTriggered", "market maker protection"),
        Map.entry("CancelByAdmin", "an operator at Bybit"),
        Map.entry("CancelByDCP", "disconnect cancel protection"),
        Map.entry("CancelByTpSlTsClear", "its take-profit/stop-loss being cleared"),
        Map.entry("CancelByCannotAffordOrderCost", "insufficient balance for the order's cost once triggered"),
        Map.entry("CancelByAccountBlocking", "the account being blocked"),
        Map.entry("CancelBySettle", "the symbol being delisted"),
        Map.entry("CancelByDelivery", "the symbol being delivered"),
        Map.entry("CancelByRebalance", "its price leaving the allowed range"),
        Map.entry("CancelByOcoTpCanceledBySlTriggered", "the other leg of its OCO triggering"),
        Map.entry("CancelByOcoSlCanceledByTpTriggered", "the other leg of its OCO triggering"));

    // why the matching engine ended or refused it, by rejectReason
    private static final Map<String, String> REJECT_REASONS = Map.ofEntries(
        Map.entry("EC_NoImmediateQtyToFill", "IOC or market order with nothing left to fill against"),
        Map.entry("EC_NoEnoughQtyToFill", "FOK order that could not fill in full"),
        Map.entry("EC_CancelForNoFullFill", "FOK order that could not fill in full"),
        Map.entry("EC_PostOnlyWillTakeLiquidity", "post-only order that would take liquidity"),
        Map.entry("EC_BySelfMatch", "self-trade prevention"),
        Map.entry("EC_StopBySelfMatch", "self-trade prevention"),
        Map.entry("EC_CancelByMMP", "market maker protection"),
        Map.entry("EC_ReachMarketPriceLimit", "market order reaching its price protection limit"),
        Map.entry("EC_ReachRiskPriceLimit", "order reaching the risk price limit"),
        Map.entry("EC_ReachMaxTradeNum", "order reaching the most trades one order may have"),
        Map.entry("EC_InvalidSymbolStatus", "symbol not trading"),
        Map.entry("EC_InCallAuctionStatus", "symbol in its call auction"),
        Map.entry("EC_CancelByOrderValueZero", "order value rounding to zero"),
        Map.entry("EC_CancelByMatchValueZero", "remaining value rounding to zero"));

    private BybitOrderStatus()
    {
    }

    /** @param order one element of a V5 order list. */
    static ExchangeOrder read(final JsonNode order)
    {
        final String status = order.path("orderStatus").asText();
        final ExchangeOrder.State state = state(status);
        return new ExchangeOrder(order.path("orderId").asText(), order.path("orderLinkId").asText(), state,
            decimal(order.path("cumExecQty").asText()), decimal(order.path("cumExecValue").asText()), status,
            reason(state, status, order.path("cancelType").asText(""), order.path("rejectReason").asText("")));
    }

    static ExchangeOrder.State state(final String status)
    {
        switch (status)
        {
            // Created: taken by Bybit, not yet through matching; Triggered: a conditional order on its way to New
            case "Created":
            case "New":
            case "PartiallyFilled":
            case UNTRIGGERED:
            case "Triggered": return ExchangeOrder.State.OPEN;
            case "Filled": return ExchangeOrder.State.FILLED;
            case "Cancelled":
            case "PartiallyFilledCanceled":
            case "Deactivated": return ExchangeOrder.State.CANCELED;
            case "Rejected": return ExchangeOrder.State.REJECTED;
            default: return ExchangeOrder.State.UNKNOWN;
        }
    }

    /** @return why Bybit ended the order, for the client's Text; null when a request ended it or it has not ended. */
    private static String reason(
        final ExchangeOrder.State state, final String status, final String cancelType, final String rejectReason)
    {
        if (state == ExchangeOrder.State.REJECTED)
        {
            final boolean said = !rejectReason.isEmpty() && !NO_ERROR.equals(rejectReason);
            return "rejected by Bybit (" + (said ? rejectReason : status) + ")";
        }
        if (state != ExchangeOrder.State.CANCELED || BY_REQUEST.equals(cancelType))
        {
            return null;
        }
        final String cause = CANCEL_TYPES.containsKey(cancelType) ? CANCEL_TYPES.get(cancelType) :
            REJECT_REASONS.get(rejectReason);
        final String codes = String.join(", ", Stream.of(status, cancelType, rejectReason)
            .filter(word -> !word.isEmpty() && !"UNKNOWN".equals(word) && !NO_ERROR.equals(word)).toList());
        final String when = "Deactivated".equals(status) ? " before it triggered" : "";
        return "canceled by Bybit" + when + (cause == null ? "" : ": " + cause) + " (" + codes + ")";
    }

    private static BigDecimal decimal(final String value)
    {
        return value == null || value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value);
    }
}
