package io.cryptofix.venue.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.ExchangeOrder.State;

import java.math.BigDecimal;

/**
 * Kraken's order statuses ({@code QueryOrders}, {@code OpenOrders}, {@code ClosedOrders}) in FIX's
 * terms. Kraken documents five: {@code pending} and {@code open} are working (a stop not yet
 * triggered is {@code open}); {@code closed} is fully executed, or ended with volume left (then
 * Canceled with what executed); {@code canceled} carries Kraken's {@code reason}; {@code expired} is
 * a GTD order at its {@code expiretm}. Any other word is {@link State#UNKNOWN}, never guessed.
 */
final class KrakenOrderStates
{
    private KrakenOrderStates()
    {
    }

    /** @param json one order of Kraken's answer, keyed by {@code txid}. */
    static ExchangeOrder order(final String txid, final JsonNode json)
    {
        final String status = json.path("status").asText("");
        final BigDecimal volume = decimal(json, "vol");
        final BigDecimal executed = decimal(json, "vol_exec");
        final BigDecimal cost = decimal(json, "cost");
        final String reason = json.hasNonNull("reason") ? json.get("reason").asText() : null;
        final String userref = json.hasNonNull("userref") ? json.get("userref").asText() : null;
        final State state;
        final String why;
        switch (status)
        {
            case "pending":
            case "open":
                state = State.OPEN;
                why = null;
                break;
            case "closed":
                final boolean filled = executed.compareTo(volume) >= 0;
                state = filled ? State.FILLED : State.CANCELED;
                why = filled ? null : "closed by Kraken with " + executed.toPlainString() + " of " +
                    volume.toPlainString() + " executed" + (reason == null ? "" : " (" + reason + ")");
                break;
            case "canceled":
                state = State.CANCELED;
                why = canceledBecause(reason);
                break;
            case "expired":
                state = State.EXPIRED;
                why = "expired by Kraken at the order's expire time (expired)";
                break;
            default:
                state = State.UNKNOWN;
                why = "Kraken order status '" + status + "' is not one the gateway knows";
                break;
        }
        return new ExchangeOrder(txid, userref, state, executed, cost, status, why);
    }

    /** Kraken's {@code reason} of a canceled order in words for the client, with Kraken's own in brackets. */
    static String canceledBecause(final String reason)
    {
        if (reason == null || reason.isBlank())
        {
            return "canceled by Kraken (canceled)";
        }
        final String lower = reason.toLowerCase();
        if (lower.startsWith("user requested"))
        {
            return "canceled at Kraken on request (" + reason + ")";
        }
        if (lower.contains("post only"))
        {
            return "canceled by Kraken: the post-only order would have taken liquidity (" + reason + ")";
        }
        if (lower.contains("self"))
        {
            return "canceled by Kraken's self-trade prevention (" + reason + ")";
        }
        if (lower.contains("insufficient"))
        {
            return "canceled by Kraken for insufficient funds (" + reason + ")";
        }
        return "canceled by Kraken (" + reason + ")";
    }

    private static BigDecimal decimal(final JsonNode json, final String field)
    {
        final JsonNode value = json.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? BigDecimal.ZERO :
            new BigDecimal(value.asText());
    }
}
