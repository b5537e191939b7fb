package io.cryptofix.venue.binance;

import io.cryptofix.venue.fake.FakeExchange;
import com.sun.net.httpserver.HttpExchange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A Binance spot REST server on 127.0.0.1 for tests, speaking the endpoints the gateway's adapter and
 * XChange use. It checks every signed request as Binance does: the API key in {@code X-MBX-APIKEY},
 * a hex HMAC-SHA256 of the query string followed by the body, keyed with the secret, and a timestamp
 * inside {@code recvWindow}; each failure gets Binance's own error. It keeps orders, fills them against
 * its best bid and ask or when a test says, holds stop orders (STOP_LOSS, STOP_LOSS_LIMIT,
 * TAKE_PROFIT) until its prices reach them, and injects faults: latency, an error for the next
 * request, and a dropped response after an order was placed.
 *
 * <p>Instruments: BTCUSDT (tick 0.01, lot 0.00001, min notional 5) and ETHUSDT (tick 0.01, lot
 * 0.0001, min notional 5). Balances: 100,000 USDT, 10 BTC, 100 ETH.
 */
public final class FakeBinance extends FakeExchange
{
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("^[a-zA-Z0-9-_]{1,36}$");
    private static final Map<String, String[]> RULES = Map.of(
        // tickSize, stepSize, minQty, minNotional
        "BTCUSDT", new String[] {"0.01", "0.00001", "0.00001", "5"},
        "ETHUSDT", new String[] {"0.01", "0.0001", "0.0001", "5"});

    private final String apiKey;
    private final byte[] secret;
    private final Map<String, BigDecimal[]> markets = new ConcurrentHashMap<>();
    private final Map<Long, FakeOrder> orders = new ConcurrentHashMap<>();
    private final AtomicLong nextOrderId = new AtomicLong(1000);
    private volatile int[] nextError;

    private FakeBinance(final String apiKey, final String secretKey)
    {
        this.apiKey = apiKey;
        this.secret = secretKey.getBytes(StandardCharsets.UTF_8);
        markets.put("BTCUSDT", new BigDecimal[] {new BigDecimal("59999.99"), new BigDecimal("60000.01")});
        markets.put("ETHUSDT", new BigDecimal[] {new BigDecimal("2999.99"), new BigDecimal("3000.01")});
        listen();
    }

    public static FakeBinance start(final String apiKey, final String secretKey)
    {
        return new FakeBinance(apiKey, secretKey);
    }

    /** The next signed request is answered with this HTTP status and Binance error. */
    public void failNext(final int httpStatus, final int code)
    {
        this.nextError = new int[] {httpStatus, code};
    }

    /** Moves the best bid and ask of a symbol (BTCUSDT); later orders trade against them, stops trigger. */
    public void market(final String symbol, final String bid, final String ask)
    {
        final BigDecimal[] market = {new BigDecimal(bid), new BigDecimal(ask)};
        markets.put(symbol, market);
        for (final FakeOrder order : orders.values())
        {
            synchronized (order)
            {
                if (order.symbol.equals(symbol) && order.isOpen() && !order.triggered && order.stopPrice != null &&
                    triggers(order.type, "BUY".equals(order.side), order.stopPrice, market))
                {
                    order.triggered = true;
                    final boolean buy = "BUY".equals(order.side);
                    final BigDecimal touch = buy ? market[1] : market[0];
                    if (!order.type.endsWith("_LIMIT") ||
                        (buy ? order.price.compareTo(touch) >= 0 : order.price.compareTo(touch) <= 0))
                    {
                        order.fill(order.origQty, touch);
                    }
                }
            }
        }
    }

    /** Binance's rule: STOP_LOSS buys when the price rises to the stop, sells when it falls; TAKE_PROFIT the other way. */
    private static boolean triggers(final String type, final boolean buy, final BigDecimal stop, final BigDecimal[] market)
    {
        final boolean stopLoss = type.startsWith("STOP_LOSS");
        final BigDecimal price = buy ? market[1] : market[0];
        return buy == stopLoss ? price.compareTo(stop) >= 0 : price.compareTo(stop) <= 0;
    }

    /** Trades {@code qty} of a resting order at {@code price}, as another participant would. */
    public void trade(final String clientOrderId, final String qty, final String price)
    {
        final FakeOrder order = byClientOrderId(clientOrderId);
        synchronized (order)
        {
            order.fill(new BigDecimal(qty), new BigDecimal(price));
        }
    }

    /** The client order id of the order placed last. */
    public String lastClientOrderId()
    {
        FakeOrder last = null;
        for (final FakeOrder order : orders.values())
        {
            if (last == null || order.orderId > last.orderId)
            {
                last = order;
            }
        }
        return last == null ? null : last.clientOrderId;
    }

    /** Orders the venue holds with this client order id (a duplicate would be a second entry). */
    public List<FakeOrder> ordersWithClientOrderId(final String clientOrderId)
    {
        final List<FakeOrder> found = new ArrayList<>();
        for (final FakeOrder order : orders.values())
        {
            if (order.clientOrderId.equals(clientOrderId))
            {
                found.add(order);
            }
        }
        return found;
    }

    public int orderCount()
    {
        return orders.size();
    }

    /** Every order the venue was given, in no particular order. */
    public List<FakeOrder> orders()
    {
        return List.copyOf(orders.values());
    }

    /** The published signing rule, for checking it against Binance's own documented example. */
    static String signature(final byte[] secret, final String payload)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final GeneralSecurityException e)
        {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void handle(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            final String method = exchange.getRequestMethod();
            final String path = exchange.getRequestURI().getPath();
            countRequest(method + " " + path);
            final String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (delayedOrFailed(exchange))
            {
                return;
            }
            if (path.equals("/api/v3/exchangeInfo"))
            {
                send(exchange, 200, exchangeInfo());
                return;
            }
            if (path.equals("/api/v3/ticker/bookTicker"))
            {
                send(exchange, 200, bookTickers());
                return;
            }
            if (path.equals("/api/v3/time"))
            {
                send(exchange, 200, Map.of("serverTime", System.currentTimeMillis()));
                return;
            }
            final Map<String, String> params = params(query + "&" + body);
            if (refused(exchange, query, body, params))
            {
                return;
            }
            final int[] error = nextError;
            if (error != null)
            {
                nextError = null;
                send(exchange, error[0], error(error[1], errorMessage(error[1])));
                return;
            }
            route(exchange, method, path, params);
        }
    }

    private void route(final HttpExchange exchange, final String method, final String path, final Map<String, String> params)
        throws IOException
    {
        switch (method + " " + path)
        {
            case "GET /sapi/v1/asset/assetDetail" -> send(exchange, 200, Map.of(
                "BTC", assetDetail(), "USDT", assetDetail(), "ETH", assetDetail()));
            case "POST /api/v3/order" -> newOrder(exchange, params);
            case "GET /api/v3/order" -> queryOrder(exchange, params);
            case "DELETE /api/v3/order" -> cancelOrder(exchange, params);
            case "GET /api/v3/allOrders" -> send(exchange, 200, ordersOf(params.get("symbol"), false));
            case "GET /api/v3/openOrders" -> send(exchange, 200, ordersOf(params.get("symbol"), true));
            case "GET /api/v3/account" -> send(exchange, 200, Map.of("balances", List.of(
                Map.of("asset", "USDT", "free", "100000", "locked", "0"),
                Map.of("asset", "BTC", "free", "10", "locked", "0"))));
            default -> send(exchange, 404, error(-1000, "Unknown endpoint " + method + " " + path));
        }
    }

    /** @return true when the request was refused (and answered), as Binance refuses it. */
    private boolean refused(
        final HttpExchange exchange, final String query, final String body, final Map<String, String> params)
        throws IOException
    {
        final String key = exchange.getRequestHeaders().getFirst("X-MBX-APIKEY");
        if (key == null || !key.equals(apiKey))
        {
            send(exchange, 401, error(-2015, "Invalid API-key, IP, or permissions for action."));
            return true;
        }
        final String given = params.get("signature");
        final String signed = withoutSignature(query) + body;
        if (given == null || !given.equalsIgnoreCase(signature(secret, signed)))
        {
            send(exchange, 400, error(-1022, "Signature for this request is not valid."));
            return true;
        }
        final String timestamp = params.get("timestamp");
        final long recvWindow = params.containsKey("recvWindow") ? Long.parseLong(params.get("recvWindow")) : 5000;
        final long now = System.currentTimeMillis();
        if (timestamp == null || Long.parseLong(timestamp) > now + 1000 || now - Long.parseLong(timestamp) > recvWindow)
        {
            send(exchange, 400, error(-1021, "Timestamp for this request is outside of the recvWindow."));
            return true;
        }
        return false;
    }

    private void newOrder(final HttpExchange exchange, final Map<String, String> params) throws IOException
    {
        final String symbol = params.get("symbol");
        final String[] rules = RULES.get(symbol);
        if (rules == null)
        {
            send(exchange, 400, error(-1121, "Invalid symbol."));
            return;
        }
        final String clientOrderId = params.getOrDefault("newClientOrderId", "x-" + nextOrderId.get());
        if (!CLIENT_ORDER_ID.matcher(clientOrderId).matches())
        {
            send(exchange, 400, error(-1100,
                "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[a-zA-Z0-9-_]{1,36}$'."));
            return;
        }
        for (final FakeOrder open : orders.values())
        {
            if (open.clientOrderId.equals(clientOrderId) && open.isOpen())
            {
                send(exchange, 400, error(-2010, "Duplicate order sent."));
                return;
            }
        }
        final String type = params.get("type");
        final boolean buy = "BUY".equals(params.get("side"));
        final BigDecimal qty = new BigDecimal(params.get("quantity"));
        final BigDecimal[] market = markets.get(symbol);
        final BigDecimal touch = buy ? market[1] : market[0];
        final boolean stop = type.startsWith("STOP_LOSS") || type.startsWith("TAKE_PROFIT");
        final boolean withPrice = "LIMIT".equals(type) || "LIMIT_MAKER".equals(type) || type.endsWith("_LIMIT");
        final BigDecimal price = withPrice ? new BigDecimal(params.get("price")) : touch;
        final BigDecimal stopPrice = stop ? new BigDecimal(params.get("stopPrice")) : null;
        String filter = filterFailure(rules, qty, price, withPrice);
        if (filter == null && stop && stopPrice.remainder(new BigDecimal(rules[0])).signum() != 0)
        {
            filter = "PRICE_FILTER";
        }
        if (filter != null)
        {
            send(exchange, 400, error(-1013, "Filter failure: " + filter));
            return;
        }
        if (buy && qty.multiply(price).compareTo(new BigDecimal("100000")) > 0)
        {
            send(exchange, 400, error(-2010, "Account has insufficient balance for requested action."));
            return;
        }
        if (stop && triggers(type, buy, stopPrice, market))
        {
            send(exchange, 400, error(-2010, "Stop price would trigger immediately."));
            return;
        }
        final boolean crosses = !stop && (buy ? price.compareTo(touch) >= 0 : price.compareTo(touch) <= 0);
        if ("LIMIT_MAKER".equals(type) && crosses)
        {
            send(exchange, 400, error(-2010, "Order would immediately match and take."));
            return;
        }
        final FakeOrder order = new FakeOrder(nextOrderId.getAndIncrement(), clientOrderId, symbol, params.get("side"),
            type, params.getOrDefault("timeInForce", "GTC"), qty, withPrice ? price : BigDecimal.ZERO);
        order.stopPrice = stopPrice;
        orders.put(order.orderId, order);
        final List<Map<String, Object>> fills = new ArrayList<>();
        synchronized (order)
        {
            if (crosses || "MARKET".equals(type))
            {
                order.fill(qty, touch);
                fills.add(Map.of("price", touch.toPlainString(), "qty", qty.toPlainString(), "commission", "0",
                    "commissionAsset", "BNB", "tradeId", order.orderId));
            }
            else if ("IOC".equals(order.timeInForce) || "FOK".equals(order.timeInForce))
            {
                order.status = "EXPIRED";
            }
        }
        if (takeDropNextOrderResponse())
        {
            // placed, but the client never hears: closing without a response looks like a reset connection
            return;
        }
        final Map<String, Object> response = order.json();
        response.put("transactTime", System.currentTimeMillis());
        response.put("fills", fills);
        send(exchange, 200, response);
    }

    private void queryOrder(final HttpExchange exchange, final Map<String, String> params) throws IOException
    {
        final FakeOrder order = find(params);
        if (order == null)
        {
            send(exchange, 400, error(-2013, "Order does not exist."));
            return;
        }
        synchronized (order)
        {
            send(exchange, 200, order.json());
        }
    }

    private void cancelOrder(final HttpExchange exchange, final Map<String, String> params) throws IOException
    {
        final FakeOrder order = find(params);
        if (order == null)
        {
            send(exchange, 400, error(-2011, "Unknown order sent."));
            return;
        }
        synchronized (order)
        {
            if (!order.isOpen())
            {
                send(exchange, 400, error(-2011, "Unknown order sent."));
                return;
            }
            order.status = "CANCELED";
            final Map<String, Object> response = order.json();
            response.put("origClientOrderId", order.clientOrderId);
            response.put("clientOrderId", "cancel-" + order.orderId);
            send(exchange, 200, response);
        }
    }

    private FakeOrder find(final Map<String, String> params)
    {
        final String orderId = params.get("orderId");
        if (orderId != null && !"0".equals(orderId))
        {
            final FakeOrder order = orders.get(Long.parseLong(orderId));
            return order != null && order.symbol.equals(params.get("symbol")) ? order : null;
        }
        final String clientOrderId = params.get("origClientOrderId");
        return clientOrderId == null ? null : byClientOrderId(clientOrderId);
    }

    private FakeOrder byClientOrderId(final String clientOrderId)
    {
        for (final FakeOrder order : orders.values())
        {
            if (order.clientOrderId.equals(clientOrderId))
            {
                return order;
            }
        }
        return null;
    }

    private List<Map<String, Object>> ordersOf(final String symbol, final boolean openOnly)
    {
        final List<Map<String, Object>> list = new ArrayList<>();
        orders.values().stream().sorted((a, b) -> Long.compare(a.orderId, b.orderId)).forEach(order ->
        {
            synchronized (order)
            {
                if ((symbol == null || order.symbol.equals(symbol)) && (!openOnly || order.isOpen()))
                {
                    list.add(order.json());
                }
            }
        });
        return list;
    }

    private static String filterFailure(final String[] rules, final BigDecimal qty, final BigDecimal price, final boolean limit)
    {
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

    private static Map<String, Object> exchangeInfo()
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
        return Map.of("timezone", "UTC", "serverTime", System.currentTimeMillis(), "symbols", symbols,
            "rateLimits", List.of(), "exchangeFilters", List.of());
    }

    private List<Map<String, Object>> bookTickers()
    {
        final List<Map<String, Object>> tickers = new ArrayList<>();
        for (final Map.Entry<String, BigDecimal[]> market : markets.entrySet())
        {
            tickers.add(Map.of("symbol", market.getKey(), "bidPrice", market.getValue()[0].toPlainString(), "bidQty", "1",
                "askPrice", market.getValue()[1].toPlainString(), "askQty", "1"));
        }
        return tickers;
    }

    private static Map<String, Object> assetDetail()
    {
        return Map.of("minWithdrawAmount", "0.001", "depositStatus", true, "withdrawFee", "0.0005", "withdrawStatus", true);
    }

    private static Map<String, Object> error(final int code, final String message)
    {
        return Map.of("code", code, "msg", message);
    }

    private static String errorMessage(final int code)
    {
        switch (code)
        {
            case -1003: return "Too much request weight used; current limit is 1200 request weight per 1 MINUTE.";
            case -1001: return "Internal error; unable to process your request. Please try again.";
            default: return "An unknown error occurred while processing the request.";
        }
    }

    private static String withoutSignature(final String query)
    {
        final StringBuilder rest = new StringBuilder();
        for (final String pair : query.split("&"))
        {
            if (!pair.isEmpty() && !pair.startsWith("signature="))
            {
                rest.append(rest.length() == 0 ? "" : "&").append(pair);
            }
        }
        return rest.toString();
    }

    /** One order at the fake venue. */
    public static final class FakeOrder
    {
        final long orderId;
        final String clientOrderId;
        final String symbol;
        final String side;
        final String type;
        final String timeInForce;
        final BigDecimal origQty;
        final BigDecimal price;
        String status = "NEW";
        BigDecimal stopPrice;
        boolean triggered;
        BigDecimal executedQty = BigDecimal.ZERO;
        BigDecimal cumQuote = BigDecimal.ZERO;

        FakeOrder(final long orderId, final String clientOrderId, final String symbol, final String side, final String type,
            final String timeInForce, final BigDecimal origQty, final BigDecimal price)
        {
            this.orderId = orderId;
            this.clientOrderId = clientOrderId;
            this.symbol = symbol;
            this.side = side;
            this.type = type;
            this.timeInForce = timeInForce;
            this.origQty = origQty;
            this.price = price;
        }

        public String status()
        {
            synchronized (this)
            {
                return status;
            }
        }

        public String clientOrderId()
        {
            return clientOrderId;
        }

        public BigDecimal executedQty()
        {
            synchronized (this)
            {
                return executedQty;
            }
        }

        boolean isOpen()
        {
            return "NEW".equals(status) || "PARTIALLY_FILLED".equals(status);
        }

        void fill(final BigDecimal qty, final BigDecimal fillPrice)
        {
            executedQty = executedQty.add(qty);
            cumQuote = cumQuote.add(qty.multiply(fillPrice));
            status = executedQty.compareTo(origQty) >= 0 ? "FILLED" : "PARTIALLY_FILLED";
        }

        Map<String, Object> json()
        {
            final Map<String, Object> json = new LinkedHashMap<>();
            json.put("symbol", symbol);
            json.put("orderId", orderId);
            json.put("clientOrderId", clientOrderId);
            json.put("price", price.toPlainString());
            json.put("origQty", origQty.toPlainString());
            json.put("executedQty", executedQty.toPlainString());
            json.put("cummulativeQuoteQty", cumQuote.toPlainString());
            json.put("status", status);
            json.put("timeInForce", timeInForce);
            json.put("type", type);
            json.put("side", side);
            json.put("time", System.currentTimeMillis());
            return json;
        }
    }
}
