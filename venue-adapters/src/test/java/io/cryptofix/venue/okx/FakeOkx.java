package io.cryptofix.venue.okx;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.cryptofix.venue.fake.FakeExchange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OKX v5 REST server on 127.0.0.1 for tests, answering the endpoints the gateway's adapter uses,
 * written from OKX's documentation. Private calls are checked as OKX checks them:
 * {@code OK-ACCESS-KEY}, {@code OK-ACCESS-PASSPHRASE}, an ISO {@code OK-ACCESS-TIMESTAMP} within 30
 * seconds of the venue's own clock ({@link #clockOffset}; 50102 "Timestamp request expired" outside)
 * and {@code OK-ACCESS-SIGN} = base64(HMAC-SHA256(secret, timestamp + method + request path (with
 * the query of a GET) + body)); each failure gets OKX's own code. {@code /public/time} tells the
 * venue's clock. Orders and their fills are {@link FakeOkxOrders}, algo orders {@link FakeOkxAlgos}.
 * Faults: an outage of plain 5xx pages ({@link #serverErrors}), OKX's own 50001 "Service temporarily
 * unavailable" (HTTP 503) and 50013 "Systems are busy" (HTTP 429), its rate limit (50011). A fake
 * started for demo trading refuses a request without {@code x-simulated-trading: 1}, and a live one a
 * request with it, as OKX refuses a key of the other environment; in demo trading OKX lacks the
 * funding (asset), sub-account and earn endpoints, and answers them 50038.
 *
 * <p>The book ({@code GET /api/v5/market/books}) is what a test sets with {@link #book}, or one level
 * a side of {@link #DEFAULT_LEVEL_SIZE} at the prices {@link #market} sets; its best bid and ask are
 * the prices orders fill at and algo orders trigger from. As OKX: {@code sz} levels a side (1 without
 * it, 1 to 400, else 51000 "Parameter sz error"), an instrument not listed 51001, no {@code instId}
 * 50014 (HTTP 400); each level {@code [px, sz, "0", orders]}.
 *
 * <p>Instrument: BTC-USDT (tick 0.1, lot 0.00000001, min size 0.00001). Balance: 100,000 USDT.
 */
public final class FakeOkx extends FakeExchange
{
    /**
     * The size of each side's one level after {@link #market}: more than any order the fake's balance
     * allows, as its fills take any size at the touch.
     */
    public static final String DEFAULT_LEVEL_SIZE = "100";
    /** The deepest book OKX gives a side on {@code /market/books}. */
    private static final int MAX_BOOK_LEVELS = 400;
    /** OKX refuses a request whose timestamp is further than this from its clock. */
    private static final long TIMESTAMP_WINDOW_MILLIS = 30_000;
    private static final List<String> NOT_IN_DEMO = List.of("/api/v5/asset/", "/api/v5/users/subaccount",
        "/api/v5/finance/");

    private final String apiKey;
    private final byte[] secret;
    private final String passphrase;
    private final boolean demo;
    private final AtomicLong ids = new AtomicLong(312_269_865_356_374_016L);
    private final FakeOkxOrders orders = new FakeOkxOrders(ids);
    private final FakeOkxAlgos algos = new FakeOkxAlgos(ids, orders);
    private final AtomicInteger okxErrorsLeft = new AtomicInteger();
    private final AtomicInteger notInDemoRequests = new AtomicInteger();
    private volatile Object[] okxError;
    private volatile boolean rateLimitNext;
    private volatile long lastTimestampSkewMillis;
    private volatile Book book = Book.oneLevel(orders.bid(), orders.ask());
    private volatile BookRequest lastBookRequest;

    /** Both sides of the book, best first, each level {@code [px, sz]}: swapped whole, so a read sees one book. */
    private record Book(List<List<String>> bids, List<List<String>> asks)
    {
        static Book oneLevel(final BigDecimal bid, final BigDecimal ask)
        {
            return new Book(List.of(List.of(bid.toPlainString(), DEFAULT_LEVEL_SIZE)),
                List.of(List.of(ask.toPlainString(), DEFAULT_LEVEL_SIZE)));
        }
    }

    /**
     * A book request as received.
     *
     * @param params     its query parameters.
     * @param simulated  its {@code x-simulated-trading} header, null when absent.
     */
    public record BookRequest(Map<String, String> params, String simulated)
    {
    }

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

    /**
     * Moves the best bid and ask, the book becoming one level a side of {@link #DEFAULT_LEVEL_SIZE};
     * algo orders whose trigger is reached place their orders.
     */
    public void market(final String newBid, final String newAsk)
    {
        book = Book.oneLevel(new BigDecimal(newBid), new BigDecimal(newAsk));
        orders.market(new BigDecimal(newBid), new BigDecimal(newAsk));
        algos.priceMoved();
    }

    /**
     * Sets the book of {@code symbol} (the gateway's name, BTC/USDT: the one instrument listed),
     * best first, each level {@code [px, sz]} as OKX writes them. Its best bid and ask become the
     * prices orders fill at and algo orders trigger from; an empty side leaves that price as it was.
     */
    public void book(final String symbol, final List<List<String>> bids, final List<List<String>> asks)
    {
        if (!"BTC/USDT".equals(symbol))
        {
            throw new IllegalArgumentException("FakeOkx lists BTC-USDT only, not " + symbol);
        }
        book = new Book(copy(bids), copy(asks));
        orders.market(bids.isEmpty() ? orders.bid() : new BigDecimal(bids.get(0).get(0)),
            asks.isEmpty() ? orders.ask() : new BigDecimal(asks.get(0).get(0)));
        algos.priceMoved();
    }

    private static List<List<String>> copy(final List<List<String>> levels)
    {
        return levels.stream().map(level -> List.of(level.get(0), level.get(1))).toList();
    }

    /** @return the last {@code GET /api/v5/market/books} received, null before the first. */
    public BookRequest lastBookRequest()
    {
        return lastBookRequest;
    }

    public int algoOrdersWithAlgoClOrdId(final String algoClOrdId)
    {
        return algos.withAlgoClOrdId(algoClOrdId);
    }

    /** The next private request gets HTTP 429 with OKX's code 50011. */
    public void rateLimitNext()
    {
        rateLimitNext = true;
    }

    /** The next {@code count} requests get OKX's 50001 "Service temporarily unavailable" with HTTP 503. */
    public void unavailable(final int count)
    {
        okxError = new Object[] {503, "50001", "Service temporarily unavailable. Please try again later."};
        okxErrorsLeft.set(count);
    }

    /** The next {@code count} requests get OKX's 50013 "Systems are busy" with HTTP 429. */
    public void busy(final int count)
    {
        okxError = new Object[] {429, "50013", "Systems are busy. Please try again later."};
        okxErrorsLeft.set(count);
    }

    /** Trades {@code size} of the order placed last at {@code price}, as another participant would. */
    public void tradeLast(final String size, final String price)
    {
        orders.trade(orders.last(), new BigDecimal(size), new BigDecimal(price), FakeOkxOrders.MAKER_FEE);
    }

    /**
     * Fills the order in several trades, each {@code "qty@price"}, as makers: one fill each in
     * {@code /trade/fills}, with OKX's maker fee.
     */
    public void fillInTrades(final String clOrdId, final String... trades)
    {
        final FakeOkxOrders.Order order = orders.find(null, clOrdId);
        for (final String trade : trades)
        {
            final String[] qtyAndPrice = trade.split("@");
            orders.trade(order, new BigDecimal(qtyAndPrice[0]), new BigDecimal(qtyAndPrice[1]), FakeOkxOrders.MAKER_FEE);
        }
    }

    /** OKX ends the order on its own in {@code state} (e.g. {@code mmp_canceled}, or a word it never documented). */
    public void endOrder(final String clOrdId, final String state)
    {
        endOrder(clOrdId, state, "", "");
    }

    /** OKX cancels the order on its own, saying why ({@code cancelSource}, {@code cancelSourceReason}). */
    public void endOrder(final String clOrdId, final String state, final String cancelSource, final String reason)
    {
        final FakeOkxOrders.Order order = orders.find(null, clOrdId);
        synchronized (order)
        {
            order.end(state, cancelSource, reason);
        }
    }

    /** OKX cancels the order placed last on its own, e.g. the one a triggered algo order placed, which has no clOrdId. */
    public void endLastOrder(final String state, final String cancelSource, final String reason)
    {
        final FakeOkxOrders.Order order = orders.last();
        synchronized (order)
        {
            order.end(state, cancelSource, reason);
        }
    }

    /** OKX ends the algo order on its own in {@code state} (e.g. {@code order_failed}, with an error code). */
    public void endAlgoOrder(final String algoClOrdId, final String state, final String failCode)
    {
        algos.end(algoClOrdId, state, failCode);
    }

    /** @return the body of the last order placement, as received. */
    public JsonNode lastPlacement()
    {
        return orders.lastPlacement();
    }

    /** @return how far the last private request's timestamp was from the venue's clock (negative: behind). */
    public long lastTimestampSkewMillis()
    {
        return lastTimestampSkewMillis;
    }

    /** @return requests to endpoints OKX's demo trading lacks. */
    public int requestsNotServedInDemo()
    {
        return notInDemoRequests.get();
    }

    public String lastClOrdId()
    {
        final FakeOkxOrders.Order order = orders.last();
        return order == null ? null : order.clOrdId;
    }

    public int ordersWithClOrdId(final String clOrdId)
    {
        return orders.withClOrdId(clOrdId);
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
            if (delayedOrFailed(exchange) || okxError(exchange) || answeredPublic(exchange, path, params))
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
            if (demo && NOT_IN_DEMO.stream().anyMatch(path::startsWith))
            {
                notInDemoRequests.incrementAndGet();
                send(exchange, 200, Map.of("code", "50038", "msg", "This feature is unavailable in demo trading",
                    "data", List.of()));
                return;
            }
            if (rateLimitNext)
            {
                rateLimitNext = false;
                send(exchange, 429, Map.of("code", "50011", "msg", "Too Many Requests"));
                return;
            }
            route(exchange, method + " " + path, params, body);
        }
    }

    private void route(final HttpExchange exchange, final String request, final Map<String, String> params,
        final String body) throws IOException
    {
        switch (request)
        {
            case "GET /api/v5/account/balance" -> send(exchange, 200, FakeOkxOrders.ok(List.of(Map.of("totalEq", "100000",
                "details", List.of(Map.of("ccy", "USDT", "availBal", "100000", "cashBal", "100000", "eq", "100000"))))));
            case "POST /api/v5/trade/order" ->
            {
                final Map<String, Object> answer = orders.place(JSON.readTree(body));
                if (!takeDropNextOrderResponse())
                {
                    send(exchange, 200, answer);
                }
            }
            case "GET /api/v5/trade/order" -> send(exchange, 200, orders.query(params));
            case "GET /api/v5/trade/orders-pending" -> send(exchange, 200, orders.pending());
            case "POST /api/v5/trade/cancel-order" -> send(exchange, 200, orders.cancel(JSON.readTree(body)));
            case "GET /api/v5/trade/fills" -> send(exchange, 200, orders.fills(params));
            case "POST /api/v5/trade/order-algo" ->
            {
                final Map<String, Object> answer = algos.place(JSON.readTree(body));
                if (!takeDropNextOrderResponse())
                {
                    send(exchange, 200, answer);
                }
            }
            case "GET /api/v5/trade/order-algo" -> send(exchange, 200, algos.query(params));
            case "POST /api/v5/trade/cancel-algos" -> send(exchange, 200, algos.cancel(JSON.readTree(body)));
            default -> send(exchange, 404, Map.of("code", "50000", "msg", "Unknown endpoint"));
        }
    }

    /** Answers OKX's own unavailable or busy error while one is set. */
    private boolean okxError(final HttpExchange exchange) throws IOException
    {
        final Object[] error = okxError;
        if (error == null || okxErrorsLeft.getAndUpdate(left -> Math.max(0, left - 1)) <= 0)
        {
            return false;
        }
        send(exchange, (Integer)error[0], Map.of("code", error[1], "msg", error[2], "data", List.of()));
        return true;
    }

    /** Answers the public endpoints, which need no key. */
    private boolean answeredPublic(final HttpExchange exchange, final String path, final Map<String, String> params)
        throws IOException
    {
        switch (path)
        {
            case "/api/v5/public/time" -> send(exchange, 200,
                FakeOkxOrders.ok(List.of(Map.of("ts", Long.toString(venueMillis())))));
            case "/api/v5/public/instruments" -> send(exchange, 200, FakeOkxOrders.ok(List.of(Map.of("instType", "SPOT",
                "instId", "BTC-USDT", "baseCcy", "BTC", "quoteCcy", "USDT", "tickSz", "0.1", "lotSz", "0.00000001",
                "minSz", "0.00001", "state", "live"))));
            case "/api/v5/market/books" -> books(exchange, params);
            default ->
            {
                return false;
            }
        }
        return true;
    }

    /** The book, {@code sz} levels a side, checked as OKX checks it. */
    private void books(final HttpExchange exchange, final Map<String, String> params) throws IOException
    {
        lastBookRequest =
            new BookRequest(Map.copyOf(params), exchange.getRequestHeaders().getFirst("x-simulated-trading"));
        final String instId = params.getOrDefault("instId", "");
        if (instId.isEmpty())
        {
            send(exchange, 400,
                Map.of("code", "50014", "msg", "Parameter instId can not be empty.", "data", List.of()));
            return;
        }
        if (!"BTC-USDT".equals(instId))
        {
            send(exchange, 200, Map.of("code", "51001", "msg", "Instrument ID does not exist.", "data", List.of()));
            return;
        }
        final int depth = depth(params.get("sz"));
        if (depth < 1 || depth > MAX_BOOK_LEVELS)
        {
            send(exchange, 200, Map.of("code", "51000", "msg", "Parameter sz error", "data", List.of()));
            return;
        }
        final Book now = book;
        send(exchange, 200, FakeOkxOrders.ok(List.of(Map.of("asks", levels(now.asks(), depth),
            "bids", levels(now.bids(), depth), "ts", Long.toString(venueMillis())))));
    }

    /** @return the depth asked for: 1 without {@code sz}, -1 for one that is no whole number. */
    private static int depth(final String sz)
    {
        if (sz == null)
        {
            return 1;
        }
        try
        {
            return Integer.parseInt(sz);
        }
        catch (final NumberFormatException e)
        {
            return -1;
        }
    }

    /** The first {@code depth} levels as OKX writes them: price, size, a deprecated "0", and the number of orders. */
    private static List<List<String>> levels(final List<List<String>> side, final int depth)
    {
        return side.stream().limit(depth).map(level -> List.of(level.get(0), level.get(1), "0", "1")).toList();
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
            if (timestamp == null)
            {
                return "50107:OK-ACCESS-TIMESTAMP cannot be empty";
            }
            lastTimestampSkewMillis = Instant.parse(timestamp).toEpochMilli() - venueMillis();
            if (Math.abs(lastTimestampSkewMillis) > TIMESTAMP_WINDOW_MILLIS)
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
}
