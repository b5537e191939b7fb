package io.cryptofix.venue.rest;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/** One placement of an order at the venue, and what of it has been reported to the gateway. */
final class Placement
{
    final long orderKey;
    final int attempt;
    final String symbol;
    final String clientOrderId;
    String venueOrderId;
    // what the gateway asked the venue for, base currency; null when not known (a placement of an earlier run)
    BigDecimal quantity;
    boolean acknowledged;
    // the gateway asked the venue to cancel it: a cancel found later is the gateway's, not the venue's own
    boolean cancelRequested;
    // a placement asked about after the gateway stopped following it
    boolean untracked;
    BigDecimal executedQty = BigDecimal.ZERO;
    BigDecimal executedQuote = BigDecimal.ZERO;
    // the venue's trades told as fills, by trade id; null until the first
    Set<String> reportedTrades;
    // fills told from the order's totals only: its trades before a takeover were told as a status
    boolean fillsFromTotals;
    // the status word the client was told the order is in doubt for; null when none
    String doubtfulStatus;
    int lookupFailures;
    long nextLookupMillis;

    Placement(final long orderKey, final int attempt, final String symbol, final String clientOrderId)
    {
        this.orderKey = orderKey;
        this.attempt = attempt;
        this.symbol = symbol;
        this.clientOrderId = clientOrderId;
    }

    /** @return true the first time the trade is seen. */
    boolean firstSeen(final String tradeId)
    {
        if (reportedTrades == null)
        {
            reportedTrades = new HashSet<>();
        }
        return reportedTrades.add(tradeId);
    }
}
