package io.cryptofix.venue;

import io.cryptofix.domain.MarketDepth;

/**
 * The best bid and ask of a symbol at a venue, on its way to the duty cycle, where the gateway's
 * emulated stop triggers and its price collar watch it.
 *
 * @param venueId     the venue.
 * @param symbol      BASE/QUOTE.
 * @param bidPx       best bid, {@link io.cryptofix.domain.Fixed}; 0 when there is none.
 * @param askPx       best ask; 0 when there is none.
 * @param depth       the book near the touch, where the venue told it; null otherwise.
 * @param timeMillis  when the venue worker saw the prices.
 */
public record MarketPrice(String venueId, String symbol, long bidPx, long askPx, MarketDepth depth, long timeMillis)
{
}
