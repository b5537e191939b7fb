package io.cryptofix.config;

import java.time.LocalTime;
import java.util.Map;

/**
 * One venue. {@code type} selects the adapter; only {@code simulated} exists so far.
 *
 * @param id           the ExDestination (100) value that routes to this venue, e.g. {@code SIM}.
 * @param type         adapter type.
 * @param rounding     what to do with a quantity or price off the lot or tick.
 * @param dayCutoffUtc when Day (TimeInForce 0) orders expire, UTC time of day.
 * @param simulated    settings of the simulated venue (present when type is simulated).
 * @param instruments  tradable instruments by symbol in BASE/QUOTE form, in file order.
 */
public record VenueConfig(
    String id,
    String type,
    RoundingPolicy rounding,
    LocalTime dayCutoffUtc,
    SimulatedVenueConfig simulated,
    Map<String, InstrumentConfig> instruments)
{
    public static final String TYPE_SIMULATED = "simulated";
}
