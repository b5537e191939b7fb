package io.cryptofix.venue.coinbase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the fake Coinbase lists: its one product and its currencies, in Coinbase's JSON. */
final class FakeCoinbaseCatalog
{
    private FakeCoinbaseCatalog()
    {
    }

    static Map<String, Object> product()
    {
        final Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", "BTC-USD");
        product.put("base_currency", "BTC");
        product.put("quote_currency", "USD");
        product.put("base_min_size", "0.00001");
        product.put("base_max_size", "1000");
        product.put("quote_increment", "0.01");
        product.put("base_increment", "0.00000001");
        product.put("min_market_funds", "1");
        product.put("max_market_funds", "1000000");
        product.put("status", "online");
        product.put("cancel_only", false);
        product.put("limit_only", false);
        product.put("post_only", false);
        product.put("trading_disabled", false);
        product.put("fx_stablecoin", false);
        return product;
    }

    static Map<String, Object> currency(final String id, final String precision)
    {
        final Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", "BTC".equals(id) ? "crypto" : "fiat");
        details.put("symbol", id);
        details.put("network_confirmations", 2);
        details.put("sort_order", 1);
        details.put("push_payment_methods", List.of());
        details.put("group_types", List.of());
        final Map<String, Object> currency = new LinkedHashMap<>();
        currency.put("id", id);
        currency.put("name", id);
        currency.put("min_size", precision);
        currency.put("status", "online");
        currency.put("message", "");
        currency.put("max_precision", precision);
        currency.put("details", details);
        return currency;
    }
}
