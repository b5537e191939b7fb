package io.cryptofix.venue.binance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fake Binance lists and how it words its refusals: the instruments' filters as
 * {@code exchangeInfo} publishes them, the filter checks of a new order, Binance's fee, and its
 * error answers.
 */
final class FakeBinanceCatalog
{
    /** Binance's base spot fee: 0.1% of what the trade brings in, charged in that asset. */
    static final BigDecimal FEE_RATE = new BigDecimal("0.001");

    // tickSize, stepSize, minQty, minNotional
    private static final Map<String, String[]> RULES = Map.of(
        "BTCUSDT", new String[] {"0.01", "0.00001", "0.00001", "5"},
        "ETHUSDT", new String[] {"0.01", "0.0001", "0.0001", "5"});

    private FakeBinanceCatalog()
    {
    }

    static boolean listed(final String symbol)
    {
        return RULES.containsKey(symbol);
    }

    static BigDecimal tickSize(final String symbol)
    {
        return new BigDecimal(RULES.get(symbol)[0]);
    }

    static BigDecimal stepSize(final String symbol)
    {
        return new BigDecimal(RULES.get(symbol)[1]);
    }

    /** @return the filter a new order fails (LOT_SIZE, PRICE_FILTER, NOTIONAL), or null. */
    static String filterFailure(final String symbol, final BigDecimal qty, final BigDecimal price, final boolean limit)
    {
        final String[] rules = RULES.get(symbol);
        if (qty.compareTo(new BigDecimal(rules[2])) < 0 || qty.remainder(new BigDecimal(rules[1])).signum() != 0)
        {
            return "LOT_SIZE";
        }
        if (limit && (price.signum() <= 0 || price.remainder(new BigDecimal(rules[0])).signum() != 0))
        {
            return "PRICE_FILTER";
        }
        if (qty.multiply(price).compareTo(new BigDecimal(rules[3])) < 0)
        {
            return "NOTIONAL";
        }
        return null;
    }

    static Map<String, Object> exchangeInfo(final long serverTime)
    {
        final List<Map<String, Object>> symbols = new ArrayList<>();
        for (final String symbol : List.of("BTCUSDT", "ETHUSDT"))
        {
            final String[] rules = RULES.get(symbol);
            final Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("symbol", symbol);
            entry.put("status", "TRADING");
            entry.put("baseAsset", symbol.substring(0, 3));
            entry.put("baseAssetPrecision", "8");
            entry.put("quoteAsset", "USDT");
            entry.put("quotePrecision", "8");
            entry.put("quoteAssetPrecision", "8");
            entry.put("orderTypes", List.of("LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"));
            entry.put("icebergAllowed", "true");
            entry.put("ocoAllowed", "true");
            entry.put("isSpotTradingAllowed", "true");
            entry.put("isMarginTradingAllowed", "false");
            entry.put("permissions", List.of("SPOT"));
            entry.put("filters", List.of(
                Map.of("filterType", "PRICE_FILTER", "minPrice", rules[0], "maxPrice", "1000000.00", "tickSize", rules[0]),
                Map.of("filterType", "LOT_SIZE", "minQty", rules[2], "maxQty", "9000.00", "stepSize", rules[1]),
                Map.of("filterType", "NOTIONAL", "minNotional", rules[3])));
            symbols.add(entry);
        }
        return Map.of("timezone", "UTC", "serverTime", serverTime, "symbols", symbols,
            "rateLimits", List.of(), "exchangeFilters", List.of());
    }

    /** {@code /sapi/v1/asset/assetDetail}, which live Binance serves and its Spot Test Network does not. */
    static Map<String, Object> assetDetails()
    {
        final Map<String, Object> detail =
            Map.of("minWithdrawAmount", "0.001", "depositStatus", true, "withdrawFee", "0.0005", "withdrawStatus", true);
        return Map.of("BTC", detail, "USDT", detail, "ETH", detail);
    }

    static Map<String, Object> error(final int code, final String message)
    {
        return Map.of("code", code, "msg", message);
    }

    /** Binance's message for an error code a test injects. */
    static String errorMessage(final int code)
    {
        switch (code)
        {
            case -1003: return "Too much request weight used; current limit is 1200 request weight per 1 MINUTE.";
            case -1001: return "Internal error; unable to process your request. Please try again.";
            default: return "An unknown error occurred while processing the request.";
        }
    }
}
