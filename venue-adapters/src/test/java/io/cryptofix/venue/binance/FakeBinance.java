package io.cryptofix.venue.binance;

import com.sun.net.httpserver.HttpExchange;
import io.cryptofix.venue.binance.FakeBinanceOrders.Answer;
import io.cryptofix.venue.fake.FakeExchange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.cryptofix.venue.binance.FakeBinanceCatalog.error;

/**
 * A Binance spot REST server on 127.0.0.1 for tests, answering as Binance's spot API documents. It
 * checks every signed request as Binance does: the API key in {@code X-MBX-APIKEY}, a hex HMAC-SHA256
 * of the query string followed by the body, keyed with the secret, and the timing rule (a timestamp
 * more than 1000 ms ahead of its clock, or older than {@code recvWindow}, default 5000, max 60000, is
 * refused with -1021). Its orders ({@link FakeBinanceOrders}) fill against its best bid and ask or
 * when a test says, in one trade or several, each with Binance's fee; stop orders wait for their
 * price; Binance can end an order on its own in any status word ({@link #endOrder}). Faults: latency,
 * an error for the next request, a dropped response after an order was placed, an outage, Binance's
 * "service unavailable", a clock off the host's, and the Spot Test Network's endpoint set
 * ({@link #startTestnet}: only {@code /api}).
 *
 * <p>Its book ({@code GET /api/v3/depth}) is what a test sets ({@link #book}), or one level a side of
 * {@link #DEFAULT_LEVEL_QTY} at the best bid and ask ({@link #market}); its best bid and ask are the
 * prices its orders trade at.
 *
 * <p>Instruments: BTCUSDT (tick 0.01, lot 0.00001, min notional 5) and ETHUSDT (tick 0.01, lot
 * 0.0001, min notional 5). Balances: 100,000 USDT, 10 BTC.
 */
public final class FakeBinance extends FakeExchange
{
    /** The quantity of the one level a side that {@link #market} sets, in the base asset. */
    public static final String DEFAULT_LEVEL_QTY = "10";

    private static final long MAX_RECV_WINDOW = 60_000;
    // GET /api/v3/depth: levels a side when no limit is sent, and the most it sends whatever the limit
    private static final int DEFAULT_DEPTH_LIMIT = 100;
    private static final int MAX_DEPTH_LIMIT = 5000;

    private final boolean testnet;
    private final FakeBinanceOrders orders = new FakeBinanceOrders();
    // API key -> {secret, the orders of its account}: the main account's, and sub-accounts' added by tests
    private final Map<String, SubAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> lastRequests = new ConcurrentHashMap<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailableLeft = new AtomicInteger();
    private final Map<String, Book> books = new ConcurrentHashMap<>();
    private final AtomicLong lastUpdateId = new AtomicLong(1_000);
    private volatile int[] nextError;

    private FakeBinance(final String apiKey, final String secretKey, final boolean testnet)
    {
        this.testnet = testnet;
        accounts.put(apiKey, new SubAccount(secretKey.getBytes(StandardCharsets.UTF_8), orders));
        orders.markets().forEach((symbol, market) -> books.put(symbol, oneLevel(market[0], market[1])));
        listen();
    }

    public static FakeBinance start(final String apiKey, final String secretKey)
    {
        return new FakeBinance(apiKey, secretKey, false);
    }

    /** As Binance's Spot Test Network: only the {@code /api} endpoints; anything else is a 404. */
    public static FakeBinance startTestnet(final String apiKey, final String secretKey)
    {
        return new FakeBinance(apiKey, secretKey, true);
    }

    /** The next signed request is answered with this HTTP status and Binance error. */
    public void failNext(final int httpStatus, final int code)
    {
        this.nextError = new int[] {httpStatus, code};
    }

    /** The next {@code count} requests of any kind get Binance's HTTP 503 with -1001, as in maintenance. */
    public void unavailable(final int count)
    {
        unavailableLeft.set(count);
    }

    /**
     * Moves the best bid and ask of a symbol (BTCUSDT); later orders trade against them, stops trigger.
     * The book is then one level a side, of {@link #DEFAULT_LEVEL_QTY}.
     */
    public void market(final String symbol, final String bid, final String ask)
    {
        final BigDecimal bidPx = new BigDecimal(bid);
        final BigDecimal askPx = new BigDecimal(ask);
        books.put(symbol, oneLevel(bidPx, askPx));
        accounts.values().forEach(account -> account.orders.market(symbol, bidPx, askPx));
    }

    /**
     * Sets the book of a symbol (BTCUSDT), each level {@code qty@price}, best first, e.g.
     * {@code List.of("0.5@60000.01", "0.2@60300")} for the asks; an empty side has no level. Its best
     * bid and ask move the market as {@link #market} does (an empty side leaves that price where it was).
     */
    public void book(final String symbol, final List<String> bids, final List<String> asks)
    {
        final BigDecimal[] market = orders.markets().get(symbol);
        final List<List<String>> bidLevels = levels(bids);
        final List<List<String>> askLevels = levels(asks);
        books.put(symbol, new Book(lastUpdateId.incrementAndGet(), bidLevels, askLevels, new AtomicInteger()));
        final BigDecimal bidPx = bidLevels.isEmpty() ? market[0] : new BigDecimal(bidLevels.get(0).get(0));
        final BigDecimal askPx = askLevels.isEmpty() ? market[1] : new BigDecimal(askLevels.get(0).get(0));
        accounts.values().forEach(account -> account.orders.market(symbol, bidPx, askPx));
    }

    /**
     * @return how many answers to {@code GET /api/v3/depth} holding the symbol's book as set last were
     *     sent in full: once it is 2, the client has had the first one in hand before asking again.
     */
    public int depthAnswers(final String symbol)
    {
        final Book book = books.get(symbol);
        return book == null ? 0 : book.answers.get();
    }

    /** Trades {@code qty} of a resting order at {@code price}, as another participant would: one trade. */
    public void trade(final String clientOrderId, final String qty, final String price)
    {
        orders.trade(clientOrderId, new BigDecimal(qty), new BigDecimal(price));
    }

    /** Trades a resting order several times at once, e.g. {@code "0.004@50000", "0.006@49999"}. */
    public void fillInTrades(final String clientOrderId, final String... qtyAtPrice)
    {
        for (final String trade : qtyAtPrice)
        {
            final String[] parts = trade.split("@");
            trade(clientOrderId, parts[0], parts[1]);
        }
    }

    /**
     * Binance ends the order on its own: EXPIRED, EXPIRED_IN_MATCH, CANCELED, REJECTED, or any word,
     * including one Binance may add later.
     */
    public void endOrder(final String clientOrderId, final String status)
    {
        orders.end(clientOrderId, status);
    }

    /** The parameters (query and form) of the last request to {@code key}, e.g. {@code POST /api/v3/order}. */
    public Map<String, String> lastRequest(final String key)
    {
        return lastRequests.get(key);
    }

    /** Every path requested, in order. */
    public List<String> requestedPaths()
    {
        return List.copyOf(paths);
    }

    /** The client order id of the order placed last. */
    public String lastClientOrderId()
    {
        final List<FakeOrder> all = orders.sorted();
        return all.isEmpty() ? null : all.get(all.size() - 1).clientOrderId;
    }

    /** Orders the venue holds with this client order id (a duplicate would be a second entry). */
    public List<FakeOrder> ordersWithClientOrderId(final String clientOrderId)
    {
        return orders.sorted().stream().filter(order -> order.clientOrderId.equals(clientOrderId)).toList();
    }

    public int orderCount()
    {
        return orders.sorted().size();
    }

    /** Every order the venue was given, oldest first. */
    public List<FakeOrder> orders()
    {
        return orders.sorted();
    }

    /**
     * A sub-account of the same Binance user: API keys of its own, orders of its own (an order is
     * found, canceled and listed only with the keys of the account that placed it), the same market.
     */
    public void addSubAccount(final String apiKey, final String secretKey)
    {
        final FakeBinanceOrders subOrders = new FakeBinanceOrders(1_000_000L * (accounts.size() + 1));
        orders.markets().forEach((symbol, market) -> subOrders.market(symbol, market[0], market[1]));
        accounts.put(apiKey, new SubAccount(secretKey.getBytes(StandardCharsets.UTF_8), subOrders));
    }

    /**
     * The account's key replaced, as a user does on Binance's API management page: a new key and secret
     * for the same account and its orders, the old key deleted (a request with it is refused -2015).
     */
    public void replaceKey(final String oldApiKey, final String newApiKey, final String newSecretKey)
    {
        final SubAccount account = accounts.remove(oldApiKey);
        accounts.put(newApiKey, new SubAccount(newSecretKey.getBytes(StandardCharsets.UTF_8), account.orders));
    }

    /** Every order placed with the keys of {@code apiKey}'s account, oldest first. */
    public List<FakeOrder> ordersOf(final String apiKey)
    {
        return accounts.get(apiKey).orders.sorted();
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
            paths.add(path);
            final String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            final Map<String, String> params = params(query + "&" + body);
            lastRequests.put(method + " " + path, params);
            if (testnet && !path.startsWith("/api/"))
            {
                send(exchange, 404, Map.of());
                return;
            }
            if (delayedOrFailed(exchange))
            {
                return;
            }
            if (unavailableLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0)
            {
                send(exchange, 503, error(-1001, FakeBinanceCatalog.errorMessage(-1001)));
                return;
            }
            switch (path)
            {
                case "/api/v3/exchangeInfo" -> send(exchange, 200, FakeBinanceCatalog.exchangeInfo(venueMillis()));
                case "/api/v3/depth" -> depth(exchange, params);
                case "/api/v3/time" -> send(exchange, 200, Map.of("serverTime", venueMillis()));
                default -> signed(exchange, method, path, query, body, params);
            }
        }
    }

    /**
     * {@code GET /api/v3/depth}: {@code symbol} (mandatory) and {@code limit} (default 100; more than
     * 5000 is answered with 5000), refused with Binance's error otherwise. Prices and quantities in
     * Binance's text, eight decimals.
     */
    private void depth(final HttpExchange exchange, final Map<String, String> params) throws IOException
    {
        final String symbol = params.get("symbol");
        if (symbol == null || symbol.isEmpty())
        {
            send(exchange, 400, error(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."));
            return;
        }
        final Book book = books.get(symbol);
        if (book == null)
        {
            send(exchange, 400, error(-1121, "Invalid symbol."));
            return;
        }
        final String limitText = params.get("limit");
        if (limitText != null && !limitText.matches("[0-9]{1,20}"))
        {
            send(exchange, 400,
                error(-1100, "Illegal characters found in parameter 'limit'; legal range is '^[0-9]{1,20}$'."));
            return;
        }
        final BigDecimal limit = limitText == null ? BigDecimal.valueOf(DEFAULT_DEPTH_LIMIT) : new BigDecimal(limitText);
        if (limit.signum() == 0)
        {
            send(exchange, 400, error(-1130, "Data sent for parameter 'limit' is not valid."));
            return;
        }
        final int levels = limit.min(BigDecimal.valueOf(MAX_DEPTH_LIMIT)).intValue();
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("lastUpdateId", book.updateId);
        answer.put("bids", book.bids.subList(0, Math.min(levels, book.bids.size())));
        answer.put("asks", book.asks.subList(0, Math.min(levels, book.asks.size())));
        send(exchange, 200, answer);
        book.answers.incrementAndGet();
    }

    private Book oneLevel(final BigDecimal bid, final BigDecimal ask)
    {
        return new Book(lastUpdateId.incrementAndGet(), List.of(level(bid, DEFAULT_LEVEL_QTY)),
            List.of(level(ask, DEFAULT_LEVEL_QTY)), new AtomicInteger());
    }

    private static List<List<String>> levels(final List<String> qtyAtPrice)
    {
        final List<List<String>> levels = new ArrayList<>();
        for (final String level : qtyAtPrice)
        {
            final String[] parts = level.split("@");
            levels.add(level(new BigDecimal(parts[1]), parts[0]));
        }
        return List.copyOf(levels);
    }

    /** {@code ["price", "qty"]} as Binance writes them: eight decimals. */
    private static List<String> level(final BigDecimal price, final String qty)
    {
        return List.of(price.setScale(8, RoundingMode.UNNECESSARY).toPlainString(),
            new BigDecimal(qty).setScale(8, RoundingMode.UNNECESSARY).toPlainString());
    }

    private void signed(
        final HttpExchange exchange, final String method, final String path, final String query, final String body,
        final Map<String, String> params) throws IOException
    {
        if (refused(exchange, query, body, params))
        {
            return;
        }
        final FakeBinanceOrders orders = accounts.get(exchange.getRequestHeaders().getFirst("X-MBX-APIKEY")).orders;
        final int[] error = nextError;
        if (error != null)
        {
            nextError = null;
            send(exchange, error[0], error(error[1], FakeBinanceCatalog.errorMessage(error[1])));
            return;
        }
        final Answer answer = switch (method + " " + path)
        {
            case "GET /sapi/v1/asset/assetDetail" -> Answer.ok(FakeBinanceCatalog.assetDetails());
            case "POST /api/v3/order" -> orders.place(params);
            case "GET /api/v3/order" -> orders.query(params);
            case "DELETE /api/v3/order" -> orders.cancel(params);
            case "GET /api/v3/allOrders" -> orders.list(params.get("symbol"), false);
            case "GET /api/v3/openOrders" -> orders.list(params.get("symbol"), true);
            case "GET /api/v3/myTrades" -> orders.trades(params);
            case "GET /api/v3/account" -> Answer.ok(Map.of("balances", List.of(
                Map.of("asset", "USDT", "free", "100000", "locked", "0"),
                Map.of("asset", "BTC", "free", "10", "locked", "0"))));
            default -> new Answer(404, error(-1000, "Unknown endpoint " + method + " " + path));
        };
        if ("POST /api/v3/order".equals(method + " " + path) && answer.status() == 200 && takeDropNextOrderResponse())
        {
            // placed, but the client never hears: closing without a response looks like a reset connection
            return;
        }
        send(exchange, answer.status(), answer.body());
    }

    /** @return true when the request was refused (and answered), as Binance refuses it. */
    private boolean refused(
        final HttpExchange exchange, final String query, final String body, final Map<String, String> params)
        throws IOException
    {
        final String key = exchange.getRequestHeaders().getFirst("X-MBX-APIKEY");
        final SubAccount account = key == null ? null : accounts.get(key);
        if (account == null)
        {
            send(exchange, 401, error(-2015, "Invalid API-key, IP, or permissions for action."));
            return true;
        }
        final String given = params.get("signature");
        final String signed = withoutSignature(query) + body;
        if (given == null || !given.equalsIgnoreCase(signature(account.secret, signed)))
        {
            send(exchange, 400, error(-1022, "Signature for this request is not valid."));
            return true;
        }
        final long recvWindow = params.containsKey("recvWindow") ? Long.parseLong(params.get("recvWindow")) : 5000;
        if (recvWindow > MAX_RECV_WINDOW)
        {
            send(exchange, 400, error(-1131, "recvWindow must be less than 60000"));
            return true;
        }
        final String timestamp = params.get("timestamp");
        if (timestamp == null)
        {
            send(exchange, 400, error(-1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed."));
            return true;
        }
        final long now = venueMillis();
        if (Long.parseLong(timestamp) > now + 1000)
        {
            send(exchange, 400, error(-1021, "Timestamp for this request was 1000ms ahead of the server's time."));
            return true;
        }
        if (now - Long.parseLong(timestamp) > recvWindow)
        {
            send(exchange, 400, error(-1021, "Timestamp for this request is outside of the recvWindow."));
            return true;
        }
        return false;
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

    /**
     * A symbol's book as {@code GET /api/v3/depth} sends it, best first, and how many answers held it.
     *
     * @param updateId  Binance's {@code lastUpdateId}: a new one for each book a test sets.
     */
    private record Book(long updateId, List<List<String>> bids, List<List<String>> asks, AtomicInteger answers)
    {
    }

    /** The keys' secret and the orders of one account of the user. */
    private record SubAccount(byte[] secret, FakeBinanceOrders orders)
    {
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
        final List<Map<String, Object>> trades = new ArrayList<>();
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

        public synchronized String status()
        {
            return status;
        }

        public String clientOrderId()
        {
            return clientOrderId;
        }

        public synchronized BigDecimal executedQty()
        {
            return executedQty;
        }

        /** What Binance took the order's quantity to be, in the base asset. */
        public BigDecimal origQty()
        {
            return origQty;
        }

        boolean isOpen()
        {
            return "NEW".equals(status) || "PARTIALLY_FILLED".equals(status);
        }

        /** One trade, and its fee: 0.1% of what it brings in, in that asset (base for a buy, quote for a sell). */
        void fill(final long tradeId, final BigDecimal qty, final BigDecimal fillPrice)
        {
            executedQty = executedQty.add(qty);
            cumQuote = cumQuote.add(qty.multiply(fillPrice));
            status = executedQty.compareTo(origQty) >= 0 ? "FILLED" : "PARTIALLY_FILLED";
            final boolean buy = "BUY".equals(side);
            final Map<String, Object> trade = new LinkedHashMap<>();
            trade.put("symbol", symbol);
            trade.put("id", tradeId);
            trade.put("orderId", orderId);
            trade.put("price", fillPrice.toPlainString());
            trade.put("qty", qty.toPlainString());
            trade.put("quoteQty", qty.multiply(fillPrice).toPlainString());
            trade.put("commission", (buy ? qty : qty.multiply(fillPrice)).multiply(FakeBinanceCatalog.FEE_RATE)
                .setScale(8, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
            trade.put("commissionAsset", buy ? symbol.substring(0, 3) : "USDT");
            trade.put("time", System.currentTimeMillis());
            trade.put("isBuyer", buy);
            trade.put("isMaker", false);
            trade.put("isBestMatch", true);
            trades.add(trade);
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
