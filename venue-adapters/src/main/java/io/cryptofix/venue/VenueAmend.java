package io.cryptofix.venue;

/**
 * A change of price and quantity to an order in place, sent only to a venue that amends natively.
 *
 * @param orderKey      the gateway's key of the order.
 * @param symbol        the order's symbol, BASE/QUOTE.
 * @param venueOrderId  the venue's id for the order.
 * @param quantity      the new total quantity of the venue order, its filled part included.
 * @param limitPrice    the new limit price; 0 for an order without one.
 * @param stopPx        the new trigger price; 0 for an order without one.
 */
public record VenueAmend(long orderKey, String symbol, String venueOrderId, long quantity, long limitPrice, long stopPx)
{
}
