package io.cryptofix.domain;

import io.cryptofix.config.RoundingPolicy;
import io.cryptofix.config.VenueCapabilities;

import java.time.LocalTime;
import java.util.Set;

/**
 * How the gateway trades at one venue: what the venue does natively (the gateway emulates the rest),
 * what to do with quantities and prices off the lot or tick, when Day orders end, and the accounts
 * at the venue an order may name in Account (1).
 *
 * @param accounts  the venue's accounts by name, beside its own keys (which an order without Account uses).
 */
public record VenueRules(
    String venueId, VenueCapabilities supports, RoundingPolicy rounding, LocalTime dayCutoffUtc, Set<String> accounts)
{
    /** A venue traded on its own keys only. */
    public VenueRules(
        final String venueId, final VenueCapabilities supports, final RoundingPolicy rounding, final LocalTime dayCutoffUtc)
    {
        this(venueId, supports, rounding, dayCutoffUtc, Set.of());
    }
}
