package io.cryptofix.venue.bybit;

import io.cryptofix.venue.fake.FakeExchange;
import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * A Bybit V5 REST server (spot, unified account) on 127.0.0.1 for tests. Private calls are checked
 * as Bybit checks them: {@code X-BAPI-API-KEY}, {@code X-BAPI-TIMESTAMP} within the 5 s receive
 * window, and {@code X-BAPI-SIGN} = hex HMAC-SHA256(secret, timestamp + key + receive window + the
 * query string as sent (GET) or the body (POST)); each failure gets Bybit's own {@code retCode} with
 * HTTP 200. It keeps orders by orderId and orderLinkId, cancels a PostOnly order that would take,
 * fills against its best bid and ask or when a test says, and injects faults. Spot conditional orders
 * ({@code triggerPrice} with {@code orderFilter} StopOrder) wait Untriggered until the price moves to
 * the trigger in their {@code triggerDirection} (one whose trigger is already passed is refused, with
 * the codes Bybit uses for that check); until then a cancel finds them only with the StopOrder filter,
 * and a canceled one is Deactivated. The price a trigger watches is the ask for buys, the bid for sells.
 *
 * <p>Instrument: BTCUSDT (tick 0.01, base precision 0.000001, min qty 0.000048, min amount 1).
 * Balance: 100,000 USDT.
 */
public final class FakeBybit extends FakeExchange
{
    private static final long RECEIVE_WINDOW_MILLIS = 5_000;

    private final String apiKey;
    private final byte[] secret;
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1_700_000_000_000_000L);
    private volatile BigDecimal bid = new BigDecimal("59999.99");
    private volatile BigDecimal ask = new BigDecimal("60000.01");
    private volatile boolean rateLimitNext;

    private FakeBybit(final String apiKey, final String secret)
    {
        this.apiKey = apiKey;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        listen();
    }

    public static FakeBybit start(final String apiKey, final String secret)
    {
        return new FakeBybit(apiKey, secret);
    }

    /** The next private request gets Bybit's "too many visits" (retCode 10006). */
    public void rateLimitNext()
    {
        rateLimitNext = true;
    }

    /** Moves the best bid and ask; conditional orders whose trigger is reached are triggered. */
    public void market(final String newBid, final String newAsk)
    {
        bid = new BigDecimal(newBid);
        ask = new BigDecimal(newAsk);
        for (final Order order : orders.values())
        {
            synchronized (order)
            {
                if ("Untriggered".equals(order.status) && reached(order.triggerDirection, order.triggerPrice,
                    "Buy".equals(order.side) ? ask : bid))
                {
                    order.status = "New";
                    match(order, null);
                }
            }
        }
    }

    private static boolean reached(final int direction, final BigDecimal trigger, final BigDecimal price)
    {
        return direction == 1 ? price.compareTo(trigger) >= 0 : price.compareTo(trigger) <= 0;
    }

    /** Fills the order against the best bid or ask if its price crosses it, or cancels it as its time in force says. */
    private void match(final Order order, final String timeInForce)
    {
        final boolean buy = "Buy".equals(order.side);
        final BigDecimal touch = buy ? ask : bid;
        final boolean market = order.price.signum() == 0;
        final boolean crosses = market || (buy ? order.price.compareTo(touch) >= 0 : order.price.compareTo(touch) <= 0);
        if ("PostOnly".equals(timeInForce) && crosses || !crosses && ("IOC".equals(timeInForce) || "FOK".equals(timeInForce)))
        {
            order.status = "Cancelled";
        }
        else if (crosses)
        {
            order.fill(order.qty, touch);
        }
    }

    /** Trades {@code qty} of the order placed last at {@code price}, as another participant would. */
    public void tradeLast(final String qty, final String price)
    {
        final Order order = last();
        synchronized (order)
        {
            order.fill(new BigDecimal(qty), new BigDecimal(price));
        }
    }

    public String lastOrderLinkId()
    {
        final Order order = last();
        return order == null ? null : order.orderLinkId;
    }

    public int ordersWithOrderLinkId(final String orderLinkId)
    {
        int count = 0;
        for (final Order order : orders.values())
        {
            count += orderLinkId.equals(order.orderLinkId) ? 1 : 0;
        }
        return count;
    }

    private Order last()
    {
        Order last = null;
        for (final Order order : orders.values())
        {
            if (last == null || Long.parseLong(order.orderId) > Long.parseLong(last.orderId))
            {
                last = order;
            }
        }
        return last;
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
            final Map<String, String> params = params(query);
            if (path.equals("/v5/market/instruments-info"))
            {
                send(exchange, 200, ok(Map.of("category", "spot", "list", "BTCUSDT".equals(params.get("symbol")) ? List.of(Map.of(
                    "symbol", "BTCUSDT", "baseCoin", "BTC", "quoteCoin", "USDT", "status", "Trading",
                    "lotSizeFilter", Map.of("basePrecision", "0.000001", "minOrderQty", "0.000048", "minOrderAmt", "1"),
                    "priceFilter", Map.of("tickSize", "0.01"))) : List.of())));
                return;
            }
            if (path.equals("/v5/market/tickers"))
            {
                send(exchange, 200, ok(Map.of("category", "spot", "list", List.of(Map.of("symbol", "BTCUSDT",
                    "bid1Price", bid.toPlainString(), "ask1Price", ask.toPlainString(), "lastPrice", ask.toPlainString())))));
                return;
            }
            if (delayedOrFailed(exchange))
            {
                return;
            }
            final Object[] refusal = refusal(exchange, "GET".equals(method) ? query : body);
            if (refusal != null)
            {
                send(exchange, 200, Map.of("retCode", refusal[0], "retMsg", refusal[1], "result", Map.of()));
                return;
            }
            if (rateLimitNext)
            {
                rateLimitNext = false;
                send(exchange, 200, Map.of("retCode", 10006, "retMsg", "Too many visits!", "result", Map.of()));
                return;
            }
            switch (method + " " + path)
            {
                case "GET /v5/account/wallet-balance" -> send(exchange, 200, ok(Map.of("list", List.of(Map.of(
                    "accountType", "UNIFIED", "coin", List.of(Map.of("coin", "USDT", "walletBalance", "100000")))))));
                case "POST /v5/order/create" -> createOrder(exchange, JSON.readTree(body));
                case "POST /v5/order/cancel" -> cancelOrder(exchange, JSON.readTree(body));
                case "GET /v5/order/realtime" ->
                {
                    final boolean byId = params.get("orderId") != null || params.get("orderLinkId") != null;
                    final Order order = find(params.get("orderId"), params.get("orderLinkId"));
                    send(exchange, 200, ok(Map.of("category", "spot", "list", byId ?
                        (order == null ? List.of() : List.of(order.json())) : openOrders())));
                }
                default -> send(exchange, 200, Map.of("retCode", 10001, "retMsg", "unknown endpoint", "result", Map.of()));
            }
        }
    }

    private void createOrder(final HttpExchange exchange, final JsonNode request) throws IOException
    {
        final String orderLinkId = request.path("orderLinkId").asText("");
        if (!"BTCUSDT".equals(request.path("symbol").asText()))
        {
            send(exchange, 200, failure(10001, "params error: symbol invalid"));
            return;
        }
        if (!orderLinkId.isEmpty() && ordersWithOrderLinkId(orderLinkId) > 0)
        {
            send(exchange, 200, failure(170141, "Duplicate clientOrderId."));
            return;
        }
        final boolean market = "Market".equals(request.path("orderType").asText());
        final boolean buy = "Buy".equals(request.path("side").asText());
        final BigDecimal qty = new BigDecimal(request.path("qty").asText());
        final BigDecimal touch = buy ? ask : bid;
        final BigDecimal price = market ? touch : new BigDecimal(request.path("price").asText());
        if (qty.compareTo(new BigDecimal("0.000048")) < 0)
        {
            send(exchange, 200, failure(170136, "Order quantity exceeded lower limit."));
            return;
        }
        if (buy && qty.multiply(price).compareTo(new BigDecimal("100000")) > 0)
        {
            send(exchange, 200, failure(170131, "Insufficient balance."));
            return;
        }
        final String timeInForce = request.path("timeInForce").asText("GTC");
        final String trigger = request.path("triggerPrice").asText("");
        if (!trigger.isEmpty() && !"StopOrder".equals(request.path("orderFilter").asText()))
        {
            send(exchange, 200, failure(10001, "params error: orderFilter must be StopOrder for a spot conditional order"));
            return;
        }
        final Order order = new Order(Long.toString(nextId.getAndIncrement()), orderLinkId, request.path("side").asText(),
            qty, market ? BigDecimal.ZERO : price);
        if (!trigger.isEmpty())
        {
            final int direction = request.path("triggerDirection").asInt(0);
            final BigDecimal triggerPrice = new BigDecimal(trigger);
            if (direction == 1 && triggerPrice.compareTo(touch) <= 0)
            {
                send(exchange, 200, failure(110092, "expect Rising, but trigger_price[" + trigger + "] <= current[" +
                    touch.toPlainString() + "]"));
                return;
            }
            if (direction != 1 && triggerPrice.compareTo(touch) >= 0)
            {
                send(exchange, 200, failure(110093, "expect Falling, but trigger_price[" + trigger + "] >= current[" +
                    touch.toPlainString() + "]"));
                return;
            }
            order.triggerPrice = triggerPrice;
            order.triggerDirection = direction;
            order.status = "Untriggered";
        }
        orders.put(order.orderId, order);
        synchronized (order)
        {
            if (order.triggerPrice == null)
            {
                match(order, timeInForce);
            }
        }
        if (takeDropNextOrderResponse())
        {
            return;
        }
        send(exchange, 200, ok(Map.of("orderId", order.orderId, "orderLinkId", orderLinkId)));
    }

    /** Without ids Bybit lists the orders still working, conditional ones included. */
    private List<Map<String, Object>> openOrders()
    {
        final List<Map<String, Object>> open = new ArrayList<>();
        for (final Order order : orders.values())
        {
            synchronized (order)
            {
                if ("New".equals(order.status) || "PartiallyFilled".equals(order.status) ||
                    "Untriggered".equals(order.status))
                {
                    open.add(order.json());
                }
            }
        }
        return open;
    }

    private void cancelOrder(final HttpExchange exchange, final JsonNode request) throws IOException
    {
        final Order order = find(request.path("orderId").asText(null), request.path("orderLinkId").asText(null));
        if (order == null)
        {
            send(exchange, 200, failure(170213, "Order does not exist."));
            return;
        }
        synchronized (order)
        {
            final boolean untriggered = "Untriggered".equals(order.status);
            if (untriggered != "StopOrder".equals(request.path("orderFilter").asText()) ||
                !untriggered && !"New".equals(order.status) && !"PartiallyFilled".equals(order.status))
            {
                send(exchange, 200, failure(170213, "Order does not exist."));
                return;
            }
            order.status = untriggered ? "Deactivated" : order.filled.signum() == 0 ? "Cancelled" : "PartiallyFilledCanceled";
        }
        send(exchange, 200, ok(Map.of("orderId", order.orderId, "orderLinkId", order.orderLinkId)));
    }

    private Order find(final String orderId, final String orderLinkId)
    {
        if (orderId != null && !orderId.isEmpty())
        {
            return orders.get(orderId);
        }
        for (final Order order : orders.values())
        {
            if (orderLinkId != null && orderLinkId.equals(order.orderLinkId))
            {
                return order;
            }
        }
        return null;
    }

    private synchronized Object[] refusal(final HttpExchange exchange, final String payload)
    {
        final String key = exchange.getRequestHeaders().getFirst("X-BAPI-API-KEY");
        if (key == null || !key.equals(apiKey))
        {
            return new Object[] {10003, "API key is invalid."};
        }
        final String timestamp = exchange.getRequestHeaders().getFirst("X-BAPI-TIMESTAMP");
        if (timestamp == null || Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis()) > RECEIVE_WINDOW_MILLIS)
        {
            return new Object[] {10002, "invalid request, please check your server timestamp or recv_window param"};
        }
        final String window = exchange.getRequestHeaders().getFirst("X-BAPI-RECV-WINDOW");
        final String sign = exchange.getRequestHeaders().getFirst("X-BAPI-SIGN");
        if (sign == null || !sign.equalsIgnoreCase(signature(secret, timestamp + key + (window == null ? "" : window) + payload)))
        {
            return new Object[] {10004, "error sign! origin_string[" + timestamp + key + "]"};
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

    private static Map<String, Object> ok(final Object result)
    {
        return Map.of("retCode", 0, "retMsg", "OK", "result", result);
    }

    private static Map<String, Object> failure(final int code, final String message)
    {
        return Map.of("retCode", code, "retMsg", message, "result", Map.of());
    }

    /** One order at the fake venue. */
    private static final class Order
    {
        final String orderId;
        final String orderLinkId;
        final String side;
        final BigDecimal qty;
        final BigDecimal price;
        String status = "New";
        BigDecimal triggerPrice;
        int triggerDirection;
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;

        Order(final String orderId, final String orderLinkId, final String side, final BigDecimal qty, final BigDecimal price)
        {
            this.orderId = orderId;
            this.orderLinkId = orderLinkId;
            this.side = side;
            this.qty = qty;
            this.price = price;
        }

        void fill(final BigDecimal fillQty, final BigDecimal fillPrice)
        {
            filled = filled.add(fillQty);
            value = value.add(fillQty.multiply(fillPrice));
            status = filled.compareTo(qty) >= 0 ? "Filled" : "PartiallyFilled";
        }

        Map<String, Object> json()
        {
            final Map<String, Object> json = new LinkedHashMap<>();
            json.put("orderId", orderId);
            json.put("orderLinkId", orderLinkId);
            json.put("symbol", "BTCUSDT");
            json.put("side", side);
            json.put("price", price.toPlainString());
            json.put("qty", qty.toPlainString());
            json.put("cumExecQty", filled.toPlainString());
            json.put("cumExecValue", value.toPlainString());
            json.put("orderStatus", status);
            if (triggerPrice != null)
            {
                json.put("stopOrderType", "Stop");
                json.put("triggerPrice", triggerPrice.toPlainString());
                json.put("triggerDirection", triggerDirection);
            }
            return json;
        }
    }
}
