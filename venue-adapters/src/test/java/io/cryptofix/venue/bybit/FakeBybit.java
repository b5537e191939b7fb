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
 * <p>Instrument: BTCUSDT (tick 0.01, base precision 0.000001, min qty 0.000048, min amount 1).
 * Balance: 100,000 USDT.
 */
public final class FakeBybit extends FakeExchange
{
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

    /** Moves the best bid and ask; conditional orders whose trigger is reached are triggered. */
    public void market(final String newBid, final String newAsk)
    {
        orders.market(new BigDecimal(newBid), new BigDecimal(newAsk));
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
            case "/v5/market/tickers":
                return ok(Map.of("category", "spot", "list", List.of(Map.of("symbol", "BTCUSDT",
                    "bid1Price", orders.bid().toPlainString(), "ask1Price", orders.ask().toPlainString(),
                    "lastPrice", orders.ask().toPlainString()))));
            default:
                return failure(10001, "unknown endpoint");
        }
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
