package io.cryptofix.domain;

import io.cryptofix.config.RoundingPolicy;
import io.cryptofix.config.VenueCapabilities;

import java.time.LocalTime;

/**
 * How the gateway trades at one venue: what the venue does natively (the gateway emulates the rest),
 * what to do with quantities and prices off the lot or tick, and when Day orders end.
 */
public record VenueRules(String venueId, VenueCapabilities supports, RoundingPolicy rounding, LocalTime dayCutoffUtc)
{
}
