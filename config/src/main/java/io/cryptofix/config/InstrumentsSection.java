package io.cryptofix.config;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A venue's {@code instruments}: symbol to trading rules. A map given in the file replaces the default
 * instruments; an instrument the defaults know takes its omitted rules from there.
 */
final class InstrumentsSection
{
    static final List<String> KEYS = List.of("tickSize", "lotSize", "minQty", "minNotional", "referencePrice", "levelQty");

    private static final String KEY = "instruments";
    private static final BigDecimal MAX_NOTIONAL = BigDecimal.valueOf(1_000_000_000L);
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]+/[A-Z0-9]+");

    private InstrumentsSection()
    {
    }

    /**
     * @param fallback  the default venue's instruments; null makes the section and every rule required.
     */
    static Map<String, InstrumentConfig> read(
        final YamlMap venue, final Map<String, InstrumentConfig> fallback, final Problems problems)
    {
        if (venue.value(KEY) == null)
        {
            if (fallback == null)
            {
                venue.missing(KEY, "at least one instrument");
                return Map.of();
            }
            return fallback;
        }
        final YamlMap instruments = venue.map(KEY, "a map of symbol to instrument rules");
        if (!instruments.isMap())
        {
            return Map.of();
        }
        if (instruments.keys().isEmpty())
        {
            instruments.sectionProblem("empty (required: at least one instrument)");
            return Map.of();
        }

        final Map<String, InstrumentConfig> result = new LinkedHashMap<>();
        for (final String symbol : instruments.keys())
        {
            if (!SYMBOL.matcher(symbol).matches())
            {
                instruments.keyProblem(symbol, YamlMap.quoted(symbol) + " is not a symbol in BASE/QUOTE form " +
                    "(allowed: uppercase letters and digits on both sides of one '/', e.g. BTC/USDT)");
            }
            final YamlMap rules = instruments.map(symbol, "a map of instrument rules");
            result.put(symbol, instrument(symbol, rules, fallback == null ? null : fallback.get(symbol)));
        }
        return Collections.unmodifiableMap(result);
    }

    private static InstrumentConfig instrument(final String symbol, final YamlMap rules, final InstrumentConfig fallback)
    {
        rules.allowOnly(KEYS);
        final boolean known = fallback != null;
        final BigDecimal tickSize = rules.positiveDecimal("tickSize", known ? fallback.tickSize() : null);
        final BigDecimal lotSize = rules.positiveDecimal("lotSize", known ? fallback.lotSize() : null);
        // an instrument the defaults do not know can still omit minQty: one lot is the natural minimum.
        // Without a usable lotSize that default does not exist, and lotSize's own problem says enough.
        final BigDecimal minQty = !known && lotSize == null && rules.value("minQty") == null ? null :
            rules.positiveDecimal("minQty", known ? fallback.minQty() : lotSize);
        // no minimum unless one is set: most venues' minimum notional is small, and each states its own
        final BigDecimal minNotional = rules.number(
            "minNotional", known ? fallback.minNotional() : BigDecimal.ZERO, BigDecimal.ZERO, MAX_NOTIONAL);
        final BigDecimal referencePrice = rules.positiveDecimal("referencePrice", known ? fallback.referencePrice() : null);
        final BigDecimal levelQty = rules.positiveDecimal("levelQty", known ? fallback.levelQty() : null);
        return new InstrumentConfig(symbol, tickSize, lotSize, minQty, minNotional, referencePrice, levelQty);
    }
}
