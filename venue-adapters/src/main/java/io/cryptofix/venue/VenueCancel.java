package io.cryptofix.venue;

/**
 * A cancel of an order placed earlier.
 *
 * @param orderKey      the gateway's key of the order to cancel.
 * @param symbol        the order's symbol, BASE/QUOTE.
 * @param venueOrderId  the venue's id for the order, as given in {@link VenueListener#onOrderAccepted}.
 */
public record VenueCancel(long orderKey, String symbol, String venueOrderId)
{
}
