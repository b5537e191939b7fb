package io.cryptofix.venue;

/**
 * A request for where an order stands at the venue. Adapters look it up by the client order id they
 * derived from {@code orderKey} and {@code attempt} when placing it: the one id the gateway has
 * before the venue answers. Never answered by placing the order again.
 *
 * @param orderKey      the gateway's key of the order.
 * @param attempt       the placement asked about ({@link VenueOrder#attempt()}).
 * @param symbol        the order's symbol, BASE/QUOTE.
 * @param venueOrderId  the venue's id for the order when the gateway has heard it, else null.
 */
public record VenueQuery(long orderKey, int attempt, String symbol, String venueOrderId)
{
}
