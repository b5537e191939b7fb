package io.cryptofix.config;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code venues} section: venue id (the ExDestination value) to venue settings. A map given in the
 * file replaces the default venues; settings a venue leaves out come from the first default venue.
 */
final class VenuesSection
{
    static final List<String> SIMULATED_KEYS = List.of(
        "type", "rounding", "dayCutoffUtc", "seed", "latencyMillis", "marketTickMillis", "volatilityBps", "depthLevels",
        "spreadTicks", "supports", "faults", "instruments", VenueAccountsSection.KEY);
    static final List<String> SUPPORTS_KEYS = List.of(
        "stopOrders", "stopLimitOrders", "postOnly", "immediateOrCancel", "fillOrKill", "goodTillDate", "amend");
    static final List<String> FAULTS_KEYS = List.of("loseCancels", "loseSubmitAnswers");

    private static final String KEY = "venues";
    private static final Pattern VENUE_ID = Pattern.compile("[A-Z0-9_]+");
    private static final List<String> TYPES =
        List.of(VenueConfig.TYPE_SIMULATED, VenueConfig.TYPE_BINANCE, VenueConfig.TYPE_KRAKEN, VenueConfig.TYPE_COINBASE,
            VenueConfig.TYPE_OKX, VenueConfig.TYPE_BYBIT);
    private static final TextRule TYPE = new TextRule("a venue type", TYPES::contains, String.join(", ", TYPES));
    private static final TextRule ROUNDING = new TextRule(
        "a rounding policy", name -> RoundingPolicy.fromConfigName(name) != null, "reject, round");
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final TextRule CUTOFF = new TextRule(
        "a UTC time of day", text -> TIME_OF_DAY.matcher(text).matches(), "HH:MM, 00:00-23:59");

    private VenuesSection()
    {
    }

    /**
     * @param fallback  the default venues; null makes the section required.
     * @return the venues in file order, including any with a malformed id (so that sessions naming them
     *     get no second, misleading "not configured" message); empty when the section is unusable.
     */
    static Map<String, VenueConfig> read(final YamlMap root, final Map<String, VenueConfig> fallback, final Problems problems)
    {
        if (root.value(KEY) == null)
        {
            if (fallback == null)
            {
                root.missing(KEY, "at least one venue");
                return Map.of();
            }
            return fallback;
        }
        final YamlMap venues = root.map(KEY, "a map of venue id to venue settings");
        if (!venues.isMap())
        {
            return Map.of();
        }
        if (venues.keys().isEmpty())
        {
            venues.sectionProblem("empty (required: at least one venue)");
            return Map.of();
        }

        final VenueConfig template = fallback == null || fallback.isEmpty() ? null : fallback.values().iterator().next();
        final Map<String, VenueConfig> result = new LinkedHashMap<>();
        for (final String id : venues.keys())
        {
            if (!VENUE_ID.matcher(id).matches())
            {
                venues.keyProblem(id, YamlMap.quoted(id) +
                    " is not a valid venue id (allowed: uppercase letters, digits and underscore, e.g. SIM)");
            }
            result.put(id, venue(id, venues.map(id, "a map of venue settings"), template, problems));
        }
        return Collections.unmodifiableMap(result);
    }

    private static VenueConfig venue(final String id, final YamlMap venue, final VenueConfig template, final Problems problems)
    {
        final String type = venue.text("type", template == null ? null : template.type(), "a venue type: " + TYPE.allowed(), TYPE);
        final String rounding = venue.text(
            "rounding", template == null ? null : template.rounding().configName(), "a rounding policy", ROUNDING);
        final String cutoff = venue.text(
            "dayCutoffUtc", template == null ? null : template.dayCutoffUtc().toString(), "a UTC time of day", CUTOFF);
        final RoundingPolicy roundingPolicy = rounding == null ? null : RoundingPolicy.fromConfigName(rounding);
        final LocalTime dayCutoffUtc = cutoff == null ? null : LocalTime.parse(cutoff);
        if (type == null)
        {
            // the allowed keys depend on the type; checking them against a guess would only add noise
            return new VenueConfig(id, null, roundingPolicy, dayCutoffUtc, null, Map.of());
        }
        if (!VenueConfig.TYPE_SIMULATED.equals(type))
        {
            return new VenueConfig(id, type, roundingPolicy, dayCutoffUtc, null, Map.of(),
                ExchangeVenueSection.read(id, type, venue), VenueAccountsSection.read(id, false, venue));
        }
        venue.allowOnly(SIMULATED_KEYS);
        final SimulatedVenueConfig simulated = simulated(
            venue, template == null || template.simulated() == null ? null : template.simulated());
        final Map<String, InstrumentConfig> instruments = InstrumentsSection.read(
            venue, template == null ? null : template.instruments(), problems);
        return new VenueConfig(id, type, roundingPolicy, dayCutoffUtc, simulated, instruments, null,
            VenueAccountsSection.read(id, true, venue));
    }

    private static SimulatedVenueConfig simulated(final YamlMap venue, final SimulatedVenueConfig fallback)
    {
        final boolean noFallback = fallback == null;
        final Long seed = venue.integer("seed", noFallback ? null : fallback.seed(), Long.MIN_VALUE, Long.MAX_VALUE, null);
        // the upper bounds are far beyond any sensible setting; they catch typos such as an extra zero or two
        final Long latencyMillis = venue.integer(
            "latencyMillis", noFallback ? null : fallback.latencyMillis(), 0, 60_000, null);
        // a tick of 0 would spin the market simulation without pause
        final Long marketTickMillis = venue.integer(
            "marketTickMillis", noFallback ? null : fallback.marketTickMillis(), 1, 60_000, null);
        final BigDecimal volatilityBps = venue.number(
            "volatilityBps", noFallback ? null : BigDecimal.valueOf(fallback.volatilityBps()), BigDecimal.ZERO,
            BigDecimal.valueOf(10_000));
        final Long depthLevels = venue.integer("depthLevels", noFallback ? null : (long)fallback.depthLevels(), 1, 1_000, null);
        // a spread of 0 ticks would put the synthetic bid and ask on the same price: a crossed book
        final Long spreadTicks = venue.integer("spreadTicks", noFallback ? null : (long)fallback.spreadTicks(), 1, 1_000, null);
        return new SimulatedVenueConfig(
            orZero(seed),
            orZero(latencyMillis),
            orZero(marketTickMillis),
            volatilityBps == null ? 0 : volatilityBps.doubleValue(),
            (int)orZero(depthLevels),
            (int)orZero(spreadTicks),
            supports(venue, noFallback ? null : fallback.supports()),
            faults(venue, noFallback ? SimulatedFaults.NONE : fallback.faults()));
    }

    private static SimulatedFaults faults(final YamlMap venue, final SimulatedFaults fallback)
    {
        if (venue.value("faults") == null)
        {
            return fallback;
        }
        final YamlMap faults = venue.map("faults", "a map of the requests the venue loses: " +
            String.join(", ", FAULTS_KEYS));
        if (!faults.isMap())
        {
            return fallback;
        }
        faults.allowOnly(FAULTS_KEYS);
        final Long loseCancels = faults.integer("loseCancels", (long)fallback.loseCancels(), 0, 1_000, null);
        final Long loseSubmitAnswers =
            faults.integer("loseSubmitAnswers", (long)fallback.loseSubmitAnswers(), 0, 1_000, null);
        return new SimulatedFaults((int)orZero(loseCancels), (int)orZero(loseSubmitAnswers));
    }

    private static VenueCapabilities supports(final YamlMap venue, final VenueCapabilities fallback)
    {
        if (venue.value("supports") == null)
        {
            if (fallback == null)
            {
                venue.missing("supports", "a map of what the venue does natively: " + String.join(", ", SUPPORTS_KEYS));
            }
            return fallback;
        }
        final YamlMap supports = venue.map("supports", "a map of what the venue does natively");
        if (!supports.isMap())
        {
            return fallback;
        }
        supports.allowOnly(SUPPORTS_KEYS);
        final boolean noFallback = fallback == null;
        final Boolean stopOrders = supports.bool("stopOrders", noFallback ? null : fallback.stopOrders());
        return new VenueCapabilities(
            isTrue(stopOrders),
            // unless said otherwise, a venue that holds stops holds stop-limits too
            isTrue(supports.bool("stopLimitOrders", supports.value("stopOrders") != null || noFallback ?
                Boolean.valueOf(isTrue(stopOrders)) : Boolean.valueOf(fallback.stopLimitOrders()))),
            isTrue(supports.bool("postOnly", noFallback ? null : fallback.postOnly())),
            isTrue(supports.bool("immediateOrCancel", noFallback ? null : fallback.immediateOrCancel())),
            isTrue(supports.bool("fillOrKill", noFallback ? null : fallback.fillOrKill())),
            isTrue(supports.bool("goodTillDate", noFallback ? null : fallback.goodTillDate())),
            isTrue(supports.bool("amend", noFallback ? null : fallback.amend())));
    }

    private static boolean isTrue(final Boolean value)
    {
        // null only for values already reported as problems: the configuration is discarded
        return value != null && value;
    }

    private static long orZero(final Long value)
    {
        // only reached for values already reported as problems: the configuration is discarded
        return value == null ? 0 : value;
    }
}
