package io.cryptofix.venue.rest;

import java.math.BigDecimal;

/** One placement of an order at the venue, and what of it has been reported to the gateway. */
final class Placement
{
    final long orderKey;
    final int attempt;
    final String symbol;
    final String clientOrderId;
    String venueOrderId;
    boolean acknowledged;
    // a placement asked about after the gateway stopped following it
    boolean untracked;
    BigDecimal executedQty = BigDecimal.ZERO;
    BigDecimal executedQuote = BigDecimal.ZERO;

    Placement(final long orderKey, final int attempt, final String symbol, final String clientOrderId)
    {
        this.orderKey = orderKey;
        this.attempt = attempt;
        this.symbol = symbol;
        this.clientOrderId = clientOrderId;
    }
}
