package io.cryptofix.venue.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.cryptofix.venue.fake.FakeExchange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Bybit V5 REST server (spot, unified account) on 127.0.0.1 for tests. Private calls are checked
 * as Bybit documents: {@code X-BAPI-API-KEY}; {@code X-BAPI-TIMESTAMP} against the fake's own clock
 * ({@link #venueMillis()}): server_time - recv_window <= timestamp < server_time + 1000, the window
 * from {@code X-BAPI-RECV-WINDOW} (5000 when absent), else retCode 10002; and {@code X-BAPI-SIGN} =
 * hex HMAC-SHA256(secret, timestamp + key + receive window + the query string as sent (GET) or the
 * body (POST)). Each refusal gets Bybit's {@code retCode} with HTTP 200. Orders, fills and lookups
 * are {@link FakeBybitOrders}', executions and fees {@link FakeBybitTrades}'. A testnet fake answers
 * 404, as a host without the endpoint would, to any path outside the V5 groups Bybit's testnet
 * serves for spot trading.
 *
 * <p>The book ({@code GET /v5/market/orderbook}) is what a test sets with {@link #book}, or one level
 * a side of {@link #DEFAULT_LEVEL_SIZE} at the prices {@link #market} sets; its best bid and ask are
 * the prices orders fill at and conditional orders trigger from. As Bybit: {@code limit} levels a
 * side (1 without it, 1 to 200 for spot), each {@code [price, size]}; a category or symbol it does
 * not list, or a limit outside that range, retCode 10001 (Bybit's parameter error; the wording of
 * {@code retMsg} is the fake's).
 *
 * <p>Instrument: BTCUSDT (tick 0.01, base precision 0.000001, min qty 0.000048, min amount 1).
 * Balance: 100,000 USDT.
 */
public final class FakeBybit extends FakeExchange
{
    /**
     * The size of each side's one level after {@link #market}: more than any order the fake's balance
     * allows, as its fills take any size at the touch.
     */
    public static final String DEFAULT_LEVEL_SIZE = "100";
    /** The deepest spot book Bybit gives a side on {@code /v5/market/orderbook}. */
    private static final int MAX_SPOT_BOOK_LEVELS = 200;
    private static final long DEFAULT_RECV_WINDOW_MILLIS = 5_000;
    // a timestamp may run this far ahead of Bybit's clock
    private static final long AHEAD_ALLOWED_MILLIS = 1_000;
    private static final Set<String> TESTNET_GROUPS = Set.of("/v5/market/", "/v5/order/", "/v5/execution/", "/v5/account/");

    private final String apiKey;
    private final byte[] secret;
    private final boolean testnet;
    private final FakeBybitTrades trades = new FakeBybitTrades();
    private final FakeBybitOrders orders = new FakeBybitOrders(trades);
    private final AtomicInteger notFound = new AtomicInteger();
    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private final AtomicInteger lookupRefusalsLeft = new AtomicInteger();
    private volatile Map<String, Object> lookupRefusal;
    private volatile Map<String, Object> refusal;
    private volatile JsonNode lastOrderRequest;
    // each new book has the next update id, as Bybit's u
    private final AtomicLong bookUpdates = new AtomicLong(1);
    private volatile Book book = Book.oneLevel(orders.bid(), orders.ask(), bookUpdates.get());
    private volatile Map<String, String> lastBookRequest;

    /** Both sides of the book, best first, each level {@code [price, size]}: swapped whole, so a read sees one book. */
    private record Book(List<List<String>> bids, List<List<String>> asks, long updateId)
    {
        static Book oneLevel(final BigDecimal bid, final BigDecimal ask, final long updateId)
        {
            return new Book(List.of(List.of(bid.toPlainString(), DEFAULT_LEVEL_SIZE)),
                List.of(List.of(ask.toPlainString(), DEFAULT_LEVEL_SIZE)), updateId);
        }
    }

    private FakeBybit(final String apiKey, final String secret, final boolean testnet)
    {
        this.apiKey = apiKey;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.testnet = testnet;
        listen();
    }

    public static FakeBybit start(final String apiKey, final String secret)
    {
        return new FakeBybit(apiKey, secret, false);
    }

    /** A fake of Bybit's testnet (https://api-testnet.bybit.com). */
    public static FakeBybit startTestnet(final String apiKey, final String secret)
    {
        return new FakeBybit(apiKey, secret, true);
    }

    /** The next private request gets Bybit's "too many visits" (retCode 10006). */
    public void rateLimitNext()
    {
        refuseNext(1, 10006, "Too many visits!");
    }

    /** The next {@code count} private requests are refused with this retCode (HTTP 200), e.g. 10016 "Server error". */
    public void refuseNext(final int count, final int retCode, final String retMsg)
    {
        refusal = failure(retCode, retMsg);
        refusalsLeft.set(count);
    }

    /** The next {@code count} order lookups ({@code GET /v5/order/realtime}) are refused with this retCode. */
    public void refuseNextLookups(final int count, final int retCode, final String retMsg)
    {
        lookupRefusal = failure(retCode, retMsg);
        lookupRefusalsLeft.set(count);
    }

    /**
     * Moves the best bid and ask, the book becoming one level a side of {@link #DEFAULT_LEVEL_SIZE};
     * conditional orders whose trigger is reached are triggered.
     */
    public void market(final String newBid, final String newAsk)
    {
        book = Book.oneLevel(new BigDecimal(newBid), new BigDecimal(newAsk), bookUpdates.incrementAndGet());
        orders.market(new BigDecimal(newBid), new BigDecimal(newAsk));
    }

    /**
     * Sets the book of {@code symbol} (the gateway's name, BTC/USDT: the one symbol listed), best
     * first, each level {@code [price, size]} as Bybit writes them. Its best bid and ask become the
     * prices orders fill at and conditional orders trigger from; an empty side leaves that price as it was.
     */
    public void book(final String symbol, final List<List<String>> bids, final List<List<String>> asks)
    {
        if (!"BTC/USDT".equals(symbol))
        {
            throw new IllegalArgumentException("FakeBybit lists BTCUSDT only, not " + symbol);
        }
        book = new Book(copy(bids), copy(asks), bookUpdates.incrementAndGet());
        orders.market(bids.isEmpty() ? orders.bid() : new BigDecimal(bids.get(0).get(0)),
            asks.isEmpty() ? orders.ask() : new BigDecimal(asks.get(0).get(0)));
    }

    private static List<List<String>> copy(final List<List<String>> levels)
    {
        return levels.stream().map(level -> List.of(level.get(0), level.get(1))).toList();
    }

    /** @return the query parameters of the last {@code GET /v5/market/orderbook} received, null before the first. */
    public Map<String, String> lastBookRequest()
    {
        return lastBookRequest;
    }

    /** Trades {@code qty} of the order placed last at {@code price}, as another participant would. */
    public void tradeLast(final String qty, final String price)
    {
        final FakeBybitOrder order = orders.last();
        synchronized (order)
        {
            orders.trade(order, new BigDecimal(qty), new BigDecimal(price), true);
        }
    }

    /** Fills the order in several trades between two polls: each {@code "qty@price"}, each with its fee. */
    public void fillInTrades(final String orderLinkId, final String... qtyAtPrice)
    {
        final FakeBybitOrder order = orders.find(null, orderLinkId);
        synchronized (order)
        {
            for (final String trade : qtyAtPrice)
            {
                final String[] parts = trade.split("@");
                orders.trade(order, new BigDecimal(parts[0]), new BigDecimal(parts[1]), true);
            }
        }
    }

    /**
     * Bybit ends the order on its own (or says it did): {@code status} with its {@code cancelType}
     * and {@code rejectReason}, e.g. Cancelled, CancelBySmp, EC_BySelfMatch. Any word works, a
     * status Bybit may add one day included.
     */
    public void endOrder(final String orderLinkId, final String status, final String cancelType, final String rejectReason)
    {
        final FakeBybitOrder order = orders.find(null, orderLinkId);
        synchronized (order)
        {
            orders.close(order, status, cancelType, rejectReason);
        }
    }

    /** Bybit restarts its service: closed orders are found in the order history only. */
    public void restartService()
    {
        orders.restart();
    }

    public String lastOrderLinkId()
    {
        final FakeBybitOrder order = orders.last();
        return order == null ? null : order.orderLinkId;
    }

    /** The body of the last {@code POST /v5/order/create} received, as sent. */
    public JsonNode lastOrderRequest()
    {
        return lastOrderRequest;
    }

    public int ordersWithOrderLinkId(final String orderLinkId)
    {
        return orders.withOrderLinkId(orderLinkId);
    }

    /** How many requests were answered 404 (a path the testnet does not serve). */
    public int notFoundAnswers()
    {
        return notFound.get();
    }

    @Override
    protected void handle(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            final String method = exchange.getRequestMethod();
            final String path = exchange.getRequestURI().getPath();
            final String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            countRequest(method + " " + path);
            final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (testnet && TESTNET_GROUPS.stream().noneMatch(path::startsWith))
            {
                notFound.incrementAndGet();
                send(exchange, 404, Map.of());
                return;
            }
            // an outage or a slow venue meets every request, public ones included
            if (delayedOrFailed(exchange))
            {
                return;
            }
            final Map<String, String> params = params(query);
            if (path.startsWith("/v5/market/"))
            {
                send(exchange, 200, publicAnswer(path, params));
                return;
            }
            final Map<String, Object> refused = refusal(exchange, "GET".equals(method) ? query : body);
            if (refused != null)
            {
                send(exchange, 200, refused);
                return;
            }
            final Map<String, Object> answer = privateAnswer(method + " " + path, params, body);
            if (answer != null)
            {
                send(exchange, 200, answer);
            }
        }
    }

    private Map<String, Object> publicAnswer(final String path, final Map<String, String> params)
    {
        switch (path)
        {
            case "/v5/market/time":
                final long nanos = venueMillis() * 1_000_000;
                return ok(Map.of("timeSecond", Long.toString(nanos / 1_000_000_000), "timeNano", Long.toString(nanos)));
            case "/v5/market/instruments-info":
                return ok(Map.of("category", "spot", "list", "BTCUSDT".equals(params.get("symbol")) ? List.of(Map.of(
                    "symbol", "BTCUSDT", "baseCoin", "BTC", "quoteCoin", "USDT", "status", "Trading",
                    "lotSizeFilter", Map.of("basePrecision", "0.000001", "minOrderQty", FakeBybitOrders.MIN_QTY.toPlainString(),
                        "minOrderAmt", FakeBybitOrders.MIN_AMOUNT.toPlainString()),
                    "priceFilter", Map.of("tickSize", "0.01"))) : List.of()));
            case "/v5/market/orderbook":
                return orderbook(params);
            default:
                return failure(10001, "unknown endpoint");
        }
    }

    /** The book, {@code limit} levels a side, checked as Bybit checks it. */
    private Map<String, Object> orderbook(final Map<String, String> params)
    {
        lastBookRequest = Map.copyOf(params);
        final String category = params.getOrDefault("category", "");
        if (!Set.of("spot", "linear", "inverse", "option").contains(category))
        {
            return failure(10001, "params error: category invalid");
        }
        // the fake lists BTCUSDT on spot alone
        if (!"spot".equals(category) || !"BTCUSDT".equals(params.get("symbol")))
        {
            return failure(10001, "params error: symbol invalid");
        }
        final int limit = limit(params.get("limit"));
        if (limit < 1 || limit > MAX_SPOT_BOOK_LEVELS)
        {
            return failure(10001, "params error: limit invalid");
        }
        final Book now = book;
        final long time = venueMillis();
        return ok(Map.of("s", "BTCUSDT", "b", levels(now.bids(), limit), "a", levels(now.asks(), limit), "ts", time,
            "u", now.updateId(), "seq", now.updateId(), "cts", time));
    }

    /** @return the levels asked for: 1 without {@code limit}, -1 for one that is no whole number. */
    private static int limit(final String limit)
    {
        if (limit == null)
        {
            return 1;
        }
        try
        {
            return Integer.parseInt(limit);
        }
        catch (final NumberFormatException e)
        {
            return -1;
        }
    }

    private static List<List<String>> levels(final List<List<String>> side, final int limit)
    {
        return side.stream().limit(limit).toList();
    }

    private Map<String, Object> privateAnswer(final String call, final Map<String, String> params, final String body)
        throws IOException
    {
        switch (call)
        {
            case "GET /v5/account/wallet-balance":
                return ok(Map.of("list", List.of(Map.of(
                    "accountType", "UNIFIED", "coin", List.of(Map.of("coin", "USDT", "walletBalance", "100000"))))));
            case "POST /v5/order/create":
                lastOrderRequest = JSON.readTree(body);
                final Map<String, Object> placed = orders.create(lastOrderRequest);
                // placed, and the answer lost on its way back
                return takeDropNextOrderResponse() ? null : placed;
            case "POST /v5/order/cancel":
                return orders.cancel(JSON.readTree(body));
            case "GET /v5/order/realtime":
                return ok(Map.of("category", "spot", "list", orders.realtime(params)));
            case "GET /v5/order/history":
                return ok(Map.of("category", "spot", "list", orders.history(params)));
            case "GET /v5/execution/list":
                return ok(trades.page(params.get("orderId"), params.get("limit"), params.get("cursor")));
            default:
                return failure(10001, "unknown endpoint");
        }
    }

    private synchronized Map<String, Object> refusal(final HttpExchange exchange, final String payload)
    {
        final String key = exchange.getRequestHeaders().getFirst("X-BAPI-API-KEY");
        if (key == null || !key.equals(apiKey))
        {
            return failure(10003, "API key is invalid.");
        }
        final String timestamp = exchange.getRequestHeaders().getFirst("X-BAPI-TIMESTAMP");
        final String window = exchange.getRequestHeaders().getFirst("X-BAPI-RECV-WINDOW");
        final long serverTime = venueMillis();
        final long recvWindow = window == null ? DEFAULT_RECV_WINDOW_MILLIS : Long.parseLong(window);
        if (timestamp == null || Long.parseLong(timestamp) < serverTime - recvWindow ||
            Long.parseLong(timestamp) >= serverTime + AHEAD_ALLOWED_MILLIS)
        {
            return failure(10002, "invalid request, please check your server timestamp or recv_window param. " +
                "req_timestamp[" + timestamp + "],server_timestamp[" + serverTime + "],recv_window[" + recvWindow + "]");
        }
        final String sign = exchange.getRequestHeaders().getFirst("X-BAPI-SIGN");
        if (sign == null || !sign.equalsIgnoreCase(signature(secret, timestamp + key + (window == null ? "" : window) + payload)))
        {
            return failure(10004, "error sign! origin_string[" + timestamp + key + "]");
        }
        if (refusalsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0)
        {
            return refusal;
        }
        if ("/v5/order/realtime".equals(exchange.getRequestURI().getPath()) &&
            lookupRefusalsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0)
        {
            return lookupRefusal;
        }
        return null;
    }

    static String signature(final byte[] secret, final String message)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final GeneralSecurityException e)
        {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> ok(final Object result)
    {
        return Map.of("retCode", 0, "retMsg", "OK", "result", result);
    }

    static Map<String, Object> failure(final int code, final String message)
    {
        return Map.of("retCode", code, "retMsg", message, "result", Map.of());
    }
}
