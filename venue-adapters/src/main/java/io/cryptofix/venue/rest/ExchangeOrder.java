package io.cryptofix.venue.rest;

import java.math.BigDecimal;

/**
 * An order as a venue's REST API reports it.
 *
 * @param venueOrderId   the venue's id.
 * @param clientOrderId  the id the gateway gave it.
 * @param state          where it stands.
 * @param executedQty    what has filled in all, in the base currency.
 * @param executedQuote  the quote-currency value of what has filled (quantity times price, summed).
 * @param venueStatus    the venue's own status word (e.g. Binance {@code EXPIRED_IN_MATCH}), or null;
 *                       with {@link State#UNKNOWN} the word the adapter does not know.
 * @param reason         for an order the venue ended on its own: why, in words for the client's
 *                       Text (e.g. "expired by Binance's self-trade prevention (EXPIRED_IN_MATCH)");
 *                       null when the state says it all.
 */
public record ExchangeOrder(
    String venueOrderId,
    String clientOrderId,
    State state,
    BigDecimal executedQty,
    BigDecimal executedQuote,
    String venueStatus,
    String reason)
{
    public ExchangeOrder(
        final String venueOrderId,
        final String clientOrderId,
        final State state,
        final BigDecimal executedQty,
        final BigDecimal executedQuote)
    {
        this(venueOrderId, clientOrderId, state, executedQty, executedQuote, null, null);
    }

    public boolean isTerminal()
    {
        return state != State.OPEN && state != State.UNKNOWN;
    }

    public enum State
    {
        /** Working, possibly partly filled (includes a stop not yet triggered). */
        OPEN,
        FILLED,
        /**
         * Ended with quantity left, by request or by the venue (IOC, FOK, market remainder,
         * self-trade prevention, market maker protection, a venue-side cancel): FIX Canceled.
         */
        CANCELED,
        /** Expired by the venue at the order's ExpireTime (native GTD): FIX Expired. */
        EXPIRED,
        /** Refused by the venue after it was sent. */
        REJECTED,
        /** A status the adapter does not know; {@link #venueStatus()} holds it. Never guessed. */
        UNKNOWN
    }
}
