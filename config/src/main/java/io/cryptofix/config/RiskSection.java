package io.cryptofix.config;

import java.math.BigDecimal;
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
    static final List<String> KEYS = List.of("default", "sessions", "venues", "symbols");
    static final List<String> LIMIT_KEYS = List.of("maxOrderQty", "maxOrderNotional", "priceCollarPercent");
    // a session's own pace: by default and per session, not per venue or symbol
    static final List<String> SESSION_LIMIT_KEYS =
        List.of("maxOrderQty", "maxOrderNotional", "priceCollarPercent", "ordersPerSecond", "maxOpenOrders");
    private static final Pattern SYMBOL_OR_PATTERN = Pattern.compile("[A-Z0-9*]+/[A-Z0-9*]+|\\*");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

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
                LIMIT_KEYS));
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
        return new RiskLimits(optional(limits, "maxOrderQty"), optional(limits, "maxOrderNotional"),
            ordersPerSecond == null ? null : ordersPerSecond.intValue(),
            maxOpenOrders == null ? null : maxOpenOrders.intValue(), optional(limits, "priceCollarPercent"));
    }

    /** A limit a level may leave out: null then, and the levels below decide. */
    private static BigDecimal optional(final YamlMap limits, final String key)
    {
        return limits.value(key) == null ? null : limits.positiveDecimal(key, null);
    }
}
