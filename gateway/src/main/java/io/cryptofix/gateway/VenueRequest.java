package io.cryptofix.gateway;

import java.util.List;

/**
 * The body of a reload-credentials: {@code {"venue": "BINANCE"}}, the venue id and nothing else. No
 * keys travel in it: the gateway reads them where its configuration keeps them.
 *
 * @param venue  the venue id, as in ExDestination; its accounts are reloaded with it.
 */
record VenueRequest(String venue)
{
    private static final List<String> FIELDS = List.of("venue");

    /**
     * @throws ScopeRequest.BadRequest saying what is wrong and what is allowed.
     */
    static VenueRequest parse(final String body)
    {
        final String venue = AdminJson.stringFields(body, FIELDS, "venue").get("venue");
        if (venue == null || venue.isBlank())
        {
            throw new ScopeRequest.BadRequest("venue is required (the venue id, as in ExDestination)");
        }
        if (venue.strip().length() > ScopeRequest.MAX_NAME)
        {
            throw new ScopeRequest.BadRequest("venue is longer than " + ScopeRequest.MAX_NAME + " characters");
        }
        return new VenueRequest(venue.strip());
    }
}
