package io.cryptofix.config;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code risk} section: pre-trade limits by default and per session, venue and symbol. Left out,
 * no limit applies (or, on a reload, those of the configuration before).
 */
final class RiskSection
{
    static final List<String> KEYS = List.of("default", "sessions", "venues", "symbols", "trips");
    static final List<String> LIMIT_KEYS = List.of("maxOrderQty", "maxOrderNotional", "priceCollarPercent");
    // a session's own pace: by default and per session, not per venue or symbol
    static final List<String> SESSION_LIMIT_KEYS = List.of("maxOrderQty", "maxOrderNotional", "priceCollarPercent",
        "ordersPerSecond", "maxOpenOrders", "maxOpenNotional", "maxDailyNotional", "positionLimit",
        "duplicateOrderWindow", "selfTradePrevention", "venues", "symbols", "accounts");
    static final List<String> TRIP_KEYS = List.of("priceMove", "rejectRate");
    private static final Pattern SYMBOL_OR_PATTERN = Pattern.compile("[A-Z0-9*]+/[A-Z0-9*]+|\\*");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,20}");
    private static final TextRule DURATION = new TextRule(
        "a duration", text -> Durations.parse(text) != null && !Durations.parse(text).isZero(), Durations.FORMAT);
    private static final TextRule SELF_TRADE = new TextRule("a self-trade prevention",
        text -> SelfTradePrevention.of(text) != null, "off, refuse, cancelResting");
    private static final TextRule TRIP_STATE = new TextRule("a trading state for a trip",
        text -> "REDUCING".equals(text) || "HALTED".equals(text), "REDUCING, HALTED");

    private RiskSection()
    {
    }

    static RiskConfig read(final YamlMap root, final RiskConfig fallback)
    {
        if (root.value("risk") == null)
        {
            return fallback == null ? RiskConfig.NONE : fallback;
        }
        final YamlMap risk = root.map("risk", "a map of pre-trade limits (" + String.join(", ", KEYS) + ")");
        risk.allowOnly(KEYS);
        final RiskLimits defaults = risk.value("default") == null ? RiskLimits.NONE :
            limits(risk.map("default", "a map of limits"), SESSION_LIMIT_KEYS);
        return new RiskConfig(defaults, levels(risk, "sessions", ID, "a session's TargetCompID", SESSION_LIMIT_KEYS),
            levels(risk, "venues", ID, "a venue id", LIMIT_KEYS),
            levels(risk, "symbols", SYMBOL_OR_PATTERN, "a symbol BASE/QUOTE or a pattern with *, e.g. */USDT",
                LIMIT_KEYS),
            risk.value("trips") == null ? RiskTrips.NONE : trips(risk.map("trips", "a map of automatic trips (" +
                String.join(", ", TRIP_KEYS) + ")")));
    }

    private static RiskTrips trips(final YamlMap trips)
    {
        trips.allowOnly(TRIP_KEYS);
        RiskTrips.PriceMove priceMove = null;
        if (trips.value("priceMove") != null)
        {
            final YamlMap trip = trips.map("priceMove", "a map: percent, within, state");
            trip.allowOnly(List.of("percent", "within", "state"));
            final BigDecimal percent = trip.positiveDecimal("percent", null);
            final String within = trip.text("within", null, "a duration, e.g. 60s", DURATION);
            final String state = trip.text("state", "HALTED", null, TRIP_STATE);
            priceMove = percent == null || within == null || state == null ? null :
                new RiskTrips.PriceMove(percent, Durations.parse(within), state);
        }
        RiskTrips.RejectRate rejectRate = null;
        if (trips.value("rejectRate") != null)
        {
            final YamlMap trip = trips.map("rejectRate", "a map: percent, within, minOrders");
            trip.allowOnly(List.of("percent", "within", "minOrders"));
            final BigDecimal percent = trip.number("percent", null, BigDecimal.ONE, BigDecimal.valueOf(100));
            final String within = trip.text("within", null, "a duration, e.g. 60s", DURATION);
            final Long minOrders = trip.integer("minOrders", 20L, 1, 1_000_000, null);
            rejectRate = percent == null || within == null || minOrders == null ? null :
                new RiskTrips.RejectRate(percent, Durations.parse(within), minOrders.intValue());
        }
        return new RiskTrips(priceMove, rejectRate);
    }

    private static Map<String, RiskLimits> levels(
        final YamlMap risk, final String key, final Pattern name, final String what, final List<String> keys)
    {
        final Map<String, RiskLimits> levels = new LinkedHashMap<>();
        if (risk.value(key) == null)
        {
            return levels;
        }
        final YamlMap section = risk.map(key, "a map from " + what + " to its limits");
        for (final String entry : section.keys())
        {
            if (!name.matcher(entry).matches())
            {
                section.keyProblem(entry, "is not " + what);
                continue;
            }
            levels.put(entry, limits(section.map(entry, "a map of limits (" + String.join(", ", keys) + ")"), keys));
        }
        return Collections.unmodifiableMap(levels);
    }

    private static RiskLimits limits(final YamlMap limits, final List<String> keys)
    {
        limits.allowOnly(keys);
        final Long ordersPerSecond = limits.value("ordersPerSecond") == null ? null :
            limits.integer("ordersPerSecond", null, 1, 10_000_000, null);
        final Long maxOpenOrders = limits.value("maxOpenOrders") == null ? null :
            limits.integer("maxOpenOrders", null, 1, 10_000_000, null);
        final String window = limits.value("duplicateOrderWindow") == null ? null :
            limits.text("duplicateOrderWindow", null, "a duration", DURATION);
        final String selfTrade = limits.value("selfTradePrevention") == null ? null :
            limits.text("selfTradePrevention", null, "off, refuse or cancelResting", SELF_TRADE);
        final List<String> venues = texts(limits, "venues", ID, "a venue id");
        final List<String> symbols = texts(limits, "symbols", SYMBOL_OR_PATTERN,
            "a symbol BASE/QUOTE or a pattern with *, e.g. BTC/*");
        final List<String> accounts = texts(limits, "accounts", ID, "an Account (1) value");
        return new RiskLimits(optional(limits, "maxOrderQty"), optional(limits, "maxOrderNotional"),
            ordersPerSecond == null ? null : ordersPerSecond.intValue(),
            maxOpenOrders == null ? null : maxOpenOrders.intValue(), optional(limits, "priceCollarPercent"),
            optional(limits, "maxOpenNotional"), optional(limits, "maxDailyNotional"), positionLimits(limits),
            window == null ? null : Durations.parse(window), selfTrade == null ? null : SelfTradePrevention.of(selfTrade),
            venues == null && symbols == null && accounts == null ? null : new Entitlements(venues,
                symbols == null ? null : symbols.stream().map(SymbolPattern::new).toList(), accounts));
    }

    /** {@code positionLimit: {BTC: 5, ETH: 40}}: asset to the largest position, long or short. */
    private static Map<String, BigDecimal> positionLimits(final YamlMap limits)
    {
        if (limits.value("positionLimit") == null)
        {
            return null;
        }
        final YamlMap section = limits.map("positionLimit", "a map from an asset (e.g. BTC) to its largest position");
        final Map<String, BigDecimal> byAsset = new LinkedHashMap<>();
        for (final String asset : section.keys())
        {
            if (!ASSET.matcher(asset).matches())
            {
                section.keyProblem(asset, "is not an asset (capitals and digits, e.g. BTC)");
                continue;
            }
            final BigDecimal limit = section.positiveDecimal(asset, null);
            if (limit != null)
            {
                byAsset.put(asset, limit);
            }
        }
        return Collections.unmodifiableMap(byAsset);
    }

    /** A list of names, each matching {@code rule}; null when the key is absent. */
    private static List<String> texts(final YamlMap limits, final String key, final Pattern rule, final String what)
    {
        final Node node = limits.value(key);
        if (node == null)
        {
            return null;
        }
        if (!(node instanceof SequenceNode list))
        {
            limits.problem(key, "expected a list of " + what + "s, e.g. [" + ("venues".equals(key) ? "SIM" :
                "symbols".equals(key) ? "BTC/*" : "DESK1") + "], found " + YamlMap.describe(node));
            return null;
        }
        final List<String> names = new ArrayList<>();
        for (final Node entry : list.getValue())
        {
            if (entry instanceof ScalarNode scalar && rule.matcher(scalar.getValue()).matches())
            {
                names.add(scalar.getValue());
            }
            else
            {
                limits.problem(key, YamlMap.describe(entry) + " is not " + what);
            }
        }
        return List.copyOf(names);
    }

    /** A limit a level may leave out: null then, and the levels below decide. */
    private static BigDecimal optional(final YamlMap limits, final String key)
    {
        return limits.value(key) == null ? null : limits.positiveDecimal(key, null);
    }
}
