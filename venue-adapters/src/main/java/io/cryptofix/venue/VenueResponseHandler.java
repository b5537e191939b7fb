package io.cryptofix.venue;


/**
 * Receives venue answers and prices on the duty-cycle thread, from {@link VenueDispatcher#pollResponses}.
 */
public interface VenueResponseHandler
{
    void onVenueResponse(VenueResponse response);

    void onMarketPrice(MarketPrice price);

    /** A venue became usable or stopped being so. */
    default void onVenueState(final VenueStateChange change)
    {
    }
}
