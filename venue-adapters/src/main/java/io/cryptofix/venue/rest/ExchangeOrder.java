package io.cryptofix.venue.rest;

import java.math.BigDecimal;

/**
 * An order as a venue's REST API reports it.
 *
 * @param venueOrderId   the venue's id.
 * @param clientOrderId  the id the gateway gave it.
 * @param state          where it stands.
 * @param executedQty    what has filled in all.
 * @param executedQuote  the quote-currency value of what has filled (quantity times price, summed).
 */
public record ExchangeOrder(
    String venueOrderId, String clientOrderId, State state, BigDecimal executedQty, BigDecimal executedQuote)
{
    public enum State
    {
        /** Working, possibly partly filled. */
        OPEN,
        FILLED,
        /** Canceled, by request or by the venue (IOC, FOK, market remainder). */
        CANCELED,
        /** Expired by the venue at the order's ExpireTime (native GTD). */
        EXPIRED,
        REJECTED
    }
}
