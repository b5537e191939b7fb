package io.cryptofix.venue.okx;

import io.cryptofix.venue.fake.FakeExchange;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OKX v5 REST server on 127.0.0.1 for tests, answering the endpoints the gateway's adapter uses.
 * Private calls are checked as OKX checks them: {@code OK-ACCESS-KEY}, {@code OK-ACCESS-PASSPHRASE},
 * an ISO {@code OK-ACCESS-TIMESTAMP} within 30 seconds and {@code OK-ACCESS-SIGN} = base64(HMAC-SHA256(
 * secret, timestamp + method + request path (with the query of a GET) + body)); each failure gets
 * OKX's own code. Order results come as OKX sends them, HTTP 200 with {@code sCode} per order. It
 * keeps orders by ordId and clOrdId (an unknown JSON field is ignored, as by OKX), cancels a post-only
 * order that would take, fills against its best bid and ask or when a test says, and injects faults.
 * One-way conditional algo orders ({@code /trade/order-algo}) wait "live" until the price reaches
 * their stop-loss or take-profit trigger, then place an ordinary order and turn "effective"; one
 * whose trigger lies on the wrong side of the price is refused with OKX's 51277-51280 (the price a
 * trigger watches is the ask for buys, the bid for sells). A fake started for demo trading refuses a
 * request without {@code x-simulated-trading: 1}, and a live one a request with it, as OKX refuses a
 * key of the other environment.
 *
 * <p>Instrument: BTC-USDT (tick 0.1, lot 0.00000001, min size 0.00001). Balance: 100,000 USDT.
 */
public final class FakeOkx extends FakeExchange
{

    private final String apiKey;
    private final byte[] secret;
    private final String passphrase;
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, Algo> algos = new ConcurrentHashMap<>();
    private final boolean demo;
    private final AtomicLong nextId = new AtomicLong(312_269_865_356_374_016L);
    private volatile BigDecimal bid = new BigDecimal("59999.9");
    private volatile BigDecimal ask = new BigDecimal("60000.1");
    private volatile boolean rateLimitNext;

    private FakeOkx(final String apiKey, final String secret, final String passphrase, final boolean demo)
    {
        this.demo = demo;
        this.apiKey = apiKey;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.passphrase = passphrase;
        listen();
    }

    public static FakeOkx start(final String apiKey, final String secret, final String passphrase)
    {
        return new FakeOkx(apiKey, secret, passphrase, false);
    }

    /** An OKX whose key belongs to demo trading. */
    public static FakeOkx startDemo(final String apiKey, final String secret, final String passphrase)
    {
        return new FakeOkx(apiKey, secret, passphrase, true);
    }

    /** Moves the best bid and ask; algo orders whose trigger is reached place their orders. */
    public void market(final String newBid, final String newAsk)
    {
        bid = new BigDecimal(newBid);
        ask = new BigDecimal(newAsk);
        for (final Algo algo : algos.values())
        {
            synchronized (algo)
            {
                final boolean buy = "buy".equals(algo.side);
                final BigDecimal touch = buy ? ask : bid;
                // a buy's stop-loss lies above the price and its take-profit below; a sell's the other way
                final boolean above = algo.stopLoss == buy;
                if ("live".equals(algo.state) &&
                    (above ? touch.compareTo(algo.triggerPx) >= 0 : touch.compareTo(algo.triggerPx) <= 0))
                {
                    final boolean market = algo.orderPx.signum() < 0;
                    final Order order = new Order(Long.toString(nextId.getAndIncrement()), "", algo.side,
                        market ? "market" : "limit", algo.size, market ? BigDecimal.ZERO : algo.orderPx);
                    orders.put(order.ordId, order);
                    if (market || (buy ? algo.orderPx.compareTo(touch) >= 0 : algo.orderPx.compareTo(touch) <= 0))
                    {
                        order.fill(algo.size, touch);
                    }
                    algo.ordId = order.ordId;
                    algo.state = "effective";
                }
            }
        }
    }

    public int algoOrdersWithAlgoClOrdId(final String algoClOrdId)
    {
        int count = 0;
        for (final Algo algo : algos.values())
        {
            count += algoClOrdId.equals(algo.algoClOrdId) ? 1 : 0;
        }
        return count;
    }

    /** The next private request gets HTTP 429 with OKX's code 50011. */
    public void rateLimitNext()
    {
        rateLimitNext = true;
    }

    /** Trades {@code size} of the order placed last at {@code price}, as another participant would. */
    public void tradeLast(final String size, final String price)
    {
        final Order order = last();
        synchronized (order)
        {
            order.fill(new BigDecimal(size), new BigDecimal(price));
        }
    }

    public String lastClOrdId()
    {
        final Order order = last();
        return order == null ? null : order.clOrdId;
    }

    public int ordersWithClOrdId(final String clOrdId)
    {
        int count = 0;
        for (final Order order : orders.values())
        {
            count += clOrdId.equals(order.clOrdId) ? 1 : 0;
        }
        return count;
    }

    private Order last()
    {
        Order last = null;
        for (final Order order : orders.values())
        {
            if (last == null || Long.parseLong(order.ordId) > Long.parseLong(last.ordId))
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
            final String query = exchange.getRequestURI().getRawQuery();
            countRequest(method + " " + path);
            final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            final Map<String, String> params = params(query);
            switch (path)
            {
                case "/api/v5/public/instruments" ->
                {
                    send(exchange, 200, ok(List.of(Map.of("instType", "SPOT", "instId", "BTC-USDT", "baseCcy", "BTC",
                        "quoteCcy", "USDT", "tickSz", "0.1", "lotSz", "0.00000001", "minSz", "0.00001", "state", "live"))));
                    return;
                }
                case "/api/v5/market/ticker" ->
                {
                    send(exchange, 200, ok(List.of(Map.of("instType", "SPOT", "instId", "BTC-USDT",
                        "last", ask.toPlainString(), "askPx", ask.toPlainString(), "askSz", "1",
                        "bidPx", bid.toPlainString(), "bidSz", "1", "ts", Long.toString(System.currentTimeMillis())))));
                    return;
                }
                default ->
                {
                }
            }
            if (delayedOrFailed(exchange))
            {
                return;
            }
            final String refusal = refusal(exchange, method, path + ("GET".equals(method) && query != null ? "?" + query : ""), body);
            if (refusal != null)
            {
                final String[] codeAndMessage = refusal.split(":", 2);
                send(exchange, 401, Map.of("code", codeAndMessage[0], "msg", codeAndMessage[1]));
                return;
            }
            if (demo != "1".equals(exchange.getRequestHeaders().getFirst("x-simulated-trading")))
            {
                send(exchange, 401, Map.of("code", "50101", "msg", "APIKey does not match current environment."));
                return;
            }
            if (rateLimitNext)
            {
                rateLimitNext = false;
                send(exchange, 429, Map.of("code", "50011", "msg", "Too Many Requests"));
                return;
            }
            switch (method + " " + path)
            {
                case "GET /api/v5/account/balance" -> send(exchange, 200, ok(List.of(Map.of("totalEq", "100000",
                    "details", List.of(Map.of("ccy", "USDT", "availBal", "100000", "cashBal", "100000", "eq", "100000"))))));
                case "POST /api/v5/trade/order" -> placeOrder(exchange, JSON.readTree(body));
                case "GET /api/v5/trade/order" -> queryOrder(exchange, params);
                case "GET /api/v5/trade/orders-pending" -> pendingOrders(exchange);
                case "POST /api/v5/trade/cancel-order" -> cancelOrder(exchange, JSON.readTree(body));
                case "POST /api/v5/trade/order-algo" -> placeAlgo(exchange, JSON.readTree(body));
                case "GET /api/v5/trade/order-algo" -> queryAlgo(exchange, params);
                case "POST /api/v5/trade/cancel-algos" -> cancelAlgos(exchange, JSON.readTree(body));
                default -> send(exchange, 404, Map.of("code", "50000", "msg", "Unknown endpoint"));
            }
        }
    }

    private void placeOrder(final HttpExchange exchange, final JsonNode request) throws IOException
    {
        final String clOrdId = request.path("clOrdId").asText("");
        if (!"BTC-USDT".equals(request.path("instId").asText()))
        {
            send(exchange, 200, orderFailure(clOrdId, "51001", "Instrument ID does not exist."));
            return;
        }
        if (!clOrdId.isEmpty() && ordersWithClOrdId(clOrdId) > 0)
        {
            send(exchange, 200, orderFailure(clOrdId, "51016", "Duplicated clOrdId"));
            return;
        }
        final String ordType = request.path("ordType").asText();
        final boolean market = "market".equals(ordType);
        final boolean buy = "buy".equals(request.path("side").asText());
        final BigDecimal size = new BigDecimal(request.path("sz").asText());
        final BigDecimal touch = buy ? ask : bid;
        final BigDecimal price = market ? touch : new BigDecimal(request.path("px").asText());
        if (size.compareTo(new BigDecimal("0.00001")) < 0)
        {
            send(exchange, 200, orderFailure(clOrdId, "51020", "Your order should meet or exceed the minimum order amount."));
            return;
        }
        if (buy && size.multiply(price).compareTo(new BigDecimal("100000")) > 0)
        {
            send(exchange, 200, orderFailure(clOrdId, "51008", "Order failed. Insufficient USDT balance in account."));
            return;
        }
        final boolean crosses = market || (buy ? price.compareTo(touch) >= 0 : price.compareTo(touch) <= 0);
        final Order order = new Order(Long.toString(nextId.getAndIncrement()), clOrdId, request.path("side").asText(),
            ordType, size, market ? BigDecimal.ZERO : price);
        orders.put(order.ordId, order);
        synchronized (order)
        {
            if ("post_only".equals(ordType) && crosses)
            {
                // OKX takes the order and cancels it rather than let it take liquidity
                order.state = "canceled";
            }
            else if (crosses)
            {
                order.fill(size, touch);
            }
            else if ("ioc".equals(ordType) || "fok".equals(ordType))
            {
                order.state = "canceled";
            }
        }
        if (takeDropNextOrderResponse())
        {
            return;
        }
        send(exchange, 200, ok(List.of(Map.of("ordId", order.ordId, "clOrdId", clOrdId, "tag", "", "sCode", "0",
            "sMsg", "Order placed"))));
    }

    private void placeAlgo(final HttpExchange exchange, final JsonNode request) throws IOException
    {
        final String algoClOrdId = request.path("algoClOrdId").asText("");
        if (!"BTC-USDT".equals(request.path("instId").asText()))
        {
            send(exchange, 200, algoFailure("51001", "Instrument ID does not exist."));
            return;
        }
        if (!"conditional".equals(request.path("ordType").asText()))
        {
            send(exchange, 200, algoFailure("51000", "Parameter ordType error"));
            return;
        }
        if (!algoClOrdId.isEmpty() && algoOrdersWithAlgoClOrdId(algoClOrdId) > 0)
        {
            send(exchange, 200, algoFailure("51016", "Duplicated clOrdId"));
            return;
        }
        final boolean buy = "buy".equals(request.path("side").asText());
        final boolean stopLoss = request.hasNonNull("slTriggerPx");
        final BigDecimal trigger = new BigDecimal(request.path(stopLoss ? "slTriggerPx" : "tpTriggerPx").asText());
        final BigDecimal orderPx = new BigDecimal(request.path(stopLoss ? "slOrdPx" : "tpOrdPx").asText("-1"));
        final BigDecimal touch = buy ? ask : bid;
        final String problem = triggerProblem(buy, stopLoss, trigger, touch);
        if (problem != null)
        {
            final String[] codeAndMessage = problem.split(":", 2);
            send(exchange, 200, algoFailure(codeAndMessage[0], codeAndMessage[1]));
            return;
        }
        final Algo algo = new Algo(Long.toString(nextId.getAndIncrement()), algoClOrdId, request.path("side").asText(),
            new BigDecimal(request.path("sz").asText()), stopLoss, trigger, orderPx);
        algos.put(algo.algoId, algo);
        if (takeDropNextOrderResponse())
        {
            return;
        }
        send(exchange, 200, ok(List.of(Map.of("algoId", algo.algoId, "algoClOrdId", algoClOrdId, "sCode", "0", "sMsg", ""))));
    }

    /** OKX's rule for a one-way conditional order: a buy's stop-loss above the price, its take-profit below. */
    private static String triggerProblem(final boolean buy, final boolean stopLoss, final BigDecimal trigger,
        final BigDecimal price)
    {
        if (buy && !stopLoss && trigger.compareTo(price) >= 0)
        {
            return "51277:TP trigger price cannot be higher than the last price";
        }
        if (buy && stopLoss && trigger.compareTo(price) <= 0)
        {
            return "51278:SL trigger price cannot be lower than the last price";
        }
        if (!buy && !stopLoss && trigger.compareTo(price) <= 0)
        {
            return "51279:TP trigger price cannot be lower than the last price";
        }
        if (!buy && stopLoss && trigger.compareTo(price) >= 0)
        {
            return "51280:SL trigger price cannot be higher than the last price";
        }
        return null;
    }

    private void queryAlgo(final HttpExchange exchange, final Map<String, String> params) throws IOException
    {
        Algo found = params.get("algoId") == null ? null : algos.get(params.get("algoId"));
        for (final Algo algo : algos.values())
        {
            if (found == null && algo.algoClOrdId.equals(params.get("algoClOrdId")))
            {
                found = algo;
            }
        }
        if (found == null)
        {
            send(exchange, 200, Map.of("code", "51603", "msg", "Order does not exist", "data", List.of()));
            return;
        }
        synchronized (found)
        {
            send(exchange, 200, ok(List.of(found.json())));
        }
    }

    private void cancelAlgos(final HttpExchange exchange, final JsonNode request) throws IOException
    {
        final JsonNode first = request.path(0);
        final Algo algo = algos.get(first.path("algoId").asText(""));
        if (algo == null || !"BTC-USDT".equals(first.path("instId").asText()))
        {
            send(exchange, 200, algoFailure("51400", "Cancellation failed as the order does not exist."));
            return;
        }
        synchronized (algo)
        {
            if (!"live".equals(algo.state))
            {
                send(exchange, 200, algoFailure("51400", "Cancellation failed as the order has been triggered or canceled."));
                return;
            }
            algo.state = "canceled";
        }
        send(exchange, 200, ok(List.of(Map.of("algoId", algo.algoId, "sCode", "0", "sMsg", ""))));
    }

    private static Map<String, Object> algoFailure(final String code, final String message)
    {
        return Map.of("code", "1", "msg", "Operation failed.", "data",
            List.of(Map.of("algoId", "", "sCode", code, "sMsg", message)));
    }

    private void queryOrder(final HttpExchange exchange, final Map<String, String> params) throws IOException
    {
        final Order order = find(params.get("ordId"), params.get("clOrdId"));
        if (order == null)
        {
            send(exchange, 200, Map.of("code", "51603", "msg", "Order does not exist", "data", List.of()));
            return;
        }
        synchronized (order)
        {
            send(exchange, 200, ok(List.of(order.json())));
        }
    }

    private void pendingOrders(final HttpExchange exchange) throws IOException
    {
        final List<Map<String, Object>> pending = new ArrayList<>();
        for (final Order order : orders.values())
        {
            synchronized (order)
            {
                if ("live".equals(order.state) || "partially_filled".equals(order.state))
                {
                    pending.add(order.json());
                }
            }
        }
        send(exchange, 200, ok(pending));
    }

    private void cancelOrder(final HttpExchange exchange, final JsonNode request) throws IOException
    {
        final Order order = find(request.path("ordId").asText(null), request.path("clOrdId").asText(null));
        if (order == null)
        {
            send(exchange, 200, orderFailure("", "51400",
                "Order cancellation failed as the order has been filled, canceled or does not exist."));
            return;
        }
        synchronized (order)
        {
            if (!"live".equals(order.state) && !"partially_filled".equals(order.state))
            {
                send(exchange, 200, orderFailure(order.clOrdId, "51400",
                    "Order cancellation failed as the order has been filled, canceled or does not exist."));
                return;
            }
            order.state = "canceled";
        }
        send(exchange, 200, ok(List.of(Map.of("ordId", order.ordId, "clOrdId", order.clOrdId, "sCode", "0", "sMsg", ""))));
    }

    private Order find(final String ordId, final String clOrdId)
    {
        if (ordId != null && !ordId.isEmpty())
        {
            return orders.get(ordId);
        }
        for (final Order order : orders.values())
        {
            if (clOrdId != null && clOrdId.equals(order.clOrdId))
            {
                return order;
            }
        }
        return null;
    }

    private synchronized String refusal(final HttpExchange exchange, final String method, final String requestPath,
        final String body)
    {
        final String key = exchange.getRequestHeaders().getFirst("OK-ACCESS-KEY");
        if (key == null || !key.equals(apiKey))
        {
            return "50111:Invalid OK-ACCESS-KEY";
        }
        if (!passphrase.equals(exchange.getRequestHeaders().getFirst("OK-ACCESS-PASSPHRASE")))
        {
            return "50105:OK-ACCESS-PASSPHRASE incorrect";
        }
        final String timestamp = exchange.getRequestHeaders().getFirst("OK-ACCESS-TIMESTAMP");
        try
        {
            if (timestamp == null ||
                Math.abs(Instant.parse(timestamp).toEpochMilli() - System.currentTimeMillis()) > 30_000)
            {
                return "50102:Timestamp request expired";
            }
        }
        catch (final RuntimeException e)
        {
            return "50112:Invalid OK-ACCESS-TIMESTAMP";
        }
        final String sign = exchange.getRequestHeaders().getFirst("OK-ACCESS-SIGN");
        if (sign == null || !sign.equals(signature(secret, timestamp + method + requestPath + body)))
        {
            return "50113:Invalid Sign";
        }
        return null;
    }

    static String signature(final byte[] secret, final String message)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final GeneralSecurityException e)
        {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> ok(final Object data)
    {
        return Map.of("code", "0", "msg", "", "data", data);
    }

    private static Map<String, Object> orderFailure(final String clOrdId, final String code, final String message)
    {
        return Map.of("code", "1", "msg", "Operation failed.", "data",
            List.of(Map.of("ordId", "", "clOrdId", clOrdId, "tag", "", "sCode", code, "sMsg", message)));
    }

    /** One conditional algo order at the fake venue. */
    private static final class Algo
    {
        final String algoId;
        final String algoClOrdId;
        final String side;
        final BigDecimal size;
        final boolean stopLoss;
        final BigDecimal triggerPx;
        // -1: a market order on trigger
        final BigDecimal orderPx;
        String state = "live";
        String ordId = "";

        Algo(final String algoId, final String algoClOrdId, final String side, final BigDecimal size,
            final boolean stopLoss, final BigDecimal triggerPx, final BigDecimal orderPx)
        {
            this.algoId = algoId;
            this.algoClOrdId = algoClOrdId;
            this.side = side;
            this.size = size;
            this.stopLoss = stopLoss;
            this.triggerPx = triggerPx;
            this.orderPx = orderPx;
        }

        Map<String, Object> json()
        {
            final Map<String, Object> json = new LinkedHashMap<>();
            json.put("instType", "SPOT");
            json.put("instId", "BTC-USDT");
            json.put("algoId", algoId);
            json.put("algoClOrdId", algoClOrdId);
            json.put("ordType", "conditional");
            json.put("side", side);
            json.put("sz", size.toPlainString());
            json.put(stopLoss ? "slTriggerPx" : "tpTriggerPx", triggerPx.toPlainString());
            json.put(stopLoss ? "slOrdPx" : "tpOrdPx", orderPx.toPlainString());
            json.put("state", state);
            json.put("ordId", ordId);
            json.put("cTime", Long.toString(System.currentTimeMillis()));
            return json;
        }
    }

    /** One order at the fake venue. */
    private static final class Order
    {
        final String ordId;
        final String clOrdId;
        final String side;
        final String ordType;
        final BigDecimal size;
        final BigDecimal price;
        String state = "live";
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;

        Order(final String ordId, final String clOrdId, final String side, final String ordType, final BigDecimal size,
            final BigDecimal price)
        {
            this.ordId = ordId;
            this.clOrdId = clOrdId;
            this.side = side;
            this.ordType = ordType;
            this.size = size;
            this.price = price;
        }

        void fill(final BigDecimal qty, final BigDecimal fillPrice)
        {
            filled = filled.add(qty);
            value = value.add(qty.multiply(fillPrice));
            state = filled.compareTo(size) >= 0 ? "filled" : "partially_filled";
        }

        Map<String, Object> json()
        {
            final Map<String, Object> json = new LinkedHashMap<>();
            json.put("instType", "SPOT");
            json.put("instId", "BTC-USDT");
            json.put("ordId", ordId);
            json.put("clOrdId", clOrdId);
            json.put("px", price.toPlainString());
            json.put("sz", size.toPlainString());
            json.put("ordType", ordType);
            json.put("side", side);
            json.put("tdMode", "cash");
            json.put("accFillSz", filled.toPlainString());
            json.put("avgPx", filled.signum() == 0 ? "" : value.divide(filled, 8, RoundingMode.HALF_EVEN).toPlainString());
            json.put("state", state);
            json.put("cTime", Long.toString(System.currentTimeMillis()));
            json.put("uTime", Long.toString(System.currentTimeMillis()));
            return json;
        }
    }
}
