package io.cryptofix.venue.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.ExchangeOrder.State;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads a Coinbase Exchange order ({@code GET /orders/<id>}) as the gateway's {@link ExchangeOrder}:
 * Coinbase's {@code status}, and for a done order its {@code done_reason}, decide the state.
 *
 * <table>
 *   <caption>Coinbase status to state</caption>
 *   <tr><th>Coinbase</th><th>state</th></tr>
 *   <tr><td>received, pending, open</td><td>OPEN</td></tr>
 *   <tr><td>active (a stop not yet triggered)</td><td>OPEN</td></tr>
 *   <tr><td>done, filled, all of size filled</td><td>FILLED</td></tr>
 *   <tr><td>done, filled, less than size filled (a market order's remainder)</td><td>CANCELED</td></tr>
 *   <tr><td>done, canceled, at or after its expire_time (GTT)</td><td>EXPIRED</td></tr>
 *   <tr><td>done, canceled, otherwise</td><td>CANCELED</td></tr>
 *   <tr><td>rejected, or done with rejected</td><td>REJECTED, with reject_reason</td></tr>
 *   <tr><td>any other status or done_reason</td><td>UNKNOWN</td></tr>
 * </table>
 */
final class CoinbaseOrderStatus
{
    private CoinbaseOrderStatus()
    {
    }

    /**
     * @param order         Coinbase's JSON of one order.
     * @param clientOrderId the gateway's id of it, when known; else the order's own {@code client_oid}.
     */
    static ExchangeOrder read(final JsonNode order, final String clientOrderId)
    {
        final String id = text(order, "id");
        final String clientOid = clientOrderId != null ? clientOrderId : text(order, "client_oid");
        final BigDecimal filled = decimal(order, "filled_size");
        final BigDecimal value = decimal(order, "executed_value");
        final String status = text(order, "status");
        if (status == null)
        {
            return new ExchangeOrder(id, clientOid, State.UNKNOWN, filled, value, "(no status)", null);
        }
        switch (status)
        {
            case "received":
            case "pending":
            case "open":
            case "active":
                return new ExchangeOrder(id, clientOid, State.OPEN, filled, value, status, null);
            case "rejected":
                return new ExchangeOrder(id, clientOid, State.REJECTED, filled, value, status, rejected(order));
            case "done":
                return done(order, id, clientOid, filled, value);
            default:
                return new ExchangeOrder(id, clientOid, State.UNKNOWN, filled, value, status, null);
        }
    }

    private static ExchangeOrder done(
        final JsonNode order, final String id, final String clientOid, final BigDecimal filled, final BigDecimal value)
    {
        final String doneReason = text(order, "done_reason");
        final String venueStatus = "done/" + doneReason;
        if ("filled".equals(doneReason))
        {
            final BigDecimal size = order.hasNonNull("size") ? decimal(order, "size") : null;
            if (size == null || filled.compareTo(size) >= 0)
            {
                return new ExchangeOrder(id, clientOid, State.FILLED, filled, value, venueStatus, null);
            }
            // a market order Coinbase ends when the book runs out: what is left is canceled
            return new ExchangeOrder(id, clientOid, State.CANCELED, filled, value, venueStatus,
                "ended by Coinbase with " + size.subtract(filled).stripTrailingZeros().toPlainString() +
                    " unfilled (done_reason filled, the rest of a market order)");
        }
        if ("canceled".equals(doneReason))
        {
            if (endedAtExpireTime(order))
            {
                return new ExchangeOrder(id, clientOid, State.EXPIRED, filled, value, venueStatus,
                    "expired by Coinbase at its expire_time " + text(order, "expire_time") + " (GTT)");
            }
            return new ExchangeOrder(id, clientOid, State.CANCELED, filled, value, venueStatus,
                "canceled by Coinbase (done_reason canceled: an IOC or FOK remainder, self-trade prevention or a cancel)");
        }
        if ("rejected".equals(doneReason))
        {
            return new ExchangeOrder(id, clientOid, State.REJECTED, filled, value, venueStatus, rejected(order));
        }
        return new ExchangeOrder(id, clientOid, State.UNKNOWN, filled, value, venueStatus, null);
    }

    /** Coinbase names no expiry as such: a GTT order canceled at or after its expire_time ended by it. */
    private static boolean endedAtExpireTime(final JsonNode order)
    {
        final Instant expireTime = instant(text(order, "expire_time"));
        final Instant doneAt = instant(text(order, "done_at"));
        return expireTime != null && doneAt != null && !doneAt.isBefore(expireTime);
    }

    private static String rejected(final JsonNode order)
    {
        final String reason = text(order, "reject_reason");
        return "rejected by Coinbase" + (reason == null || reason.isEmpty() ? "" : ": " + reason);
    }

    private static Instant instant(final String iso)
    {
        if (iso == null)
        {
            return null;
        }
        try
        {
            return Instant.parse(iso);
        }
        catch (final DateTimeParseException e)
        {
            return null;
        }
    }

    private static String text(final JsonNode node, final String field)
    {
        final JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static BigDecimal decimal(final JsonNode node, final String field)
    {
        final String value = text(node, field);
        return value == null || value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value);
    }
}
