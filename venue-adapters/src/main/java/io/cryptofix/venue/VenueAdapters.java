package io.cryptofix.venue;

import io.cryptofix.config.VenueConfig;
import io.cryptofix.venue.sim.SimulatedVenue;

/**
 * Creates the adapter a venue's configuration asks for.
 */
public final class VenueAdapters
{
    private VenueAdapters()
    {
    }

    public static VenueAdapter create(final VenueConfig venue)
    {
        if (VenueConfig.TYPE_SIMULATED.equals(venue.type()))
        {
            return new SimulatedVenue(venue);
        }
        throw new IllegalArgumentException("venue " + venue.id() + ": unknown type '" + venue.type() + "'");
    }
}
