package io.cryptofix.venue.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.cryptofix.venue.fake.FakeExchange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Coinbase Exchange REST server on 127.0.0.1 for tests. Private calls are checked as Coinbase
 * documents: {@code CB-ACCESS-KEY}, {@code CB-ACCESS-PASSPHRASE}, a {@code CB-ACCESS-TIMESTAMP}
 * (decimal seconds) within 30 seconds of the venue's clock ({@link #clockOffset}), and
 * {@code CB-ACCESS-SIGN} = base64(HMAC-SHA256(base64-decoded secret, timestamp + method + request path
 * + body)); each failure gets Coinbase's 401 and message. Orders follow {@link FakeCoinbaseOrders}; a
 * test ends them as Coinbase would on its own ({@link #endOrder}, {@link #rejectOrder},
 * {@link #expireOrder}), gives one a status word Coinbase never documented ({@link #statusWord}), or
 * fills one in several trades ({@link #fillInTrades}). In {@link #sandbox} mode it answers 404 to
 * what Coinbase's sandbox does not serve (transfers: deposits, withdrawals, Coinbase accounts,
 * payment methods).
 *
 * <p>Its book ({@code GET /products/BTC-USD/book}) is what a test sets ({@link #book}), or one level a
 * side of {@link #DEFAULT_LEVEL_SIZE} at the best bid and ask ({@link #market}); its best bid and ask
 * are the prices its orders trade at.
 *
 * <p>Products: BTC-USD (quote increment 0.01, base increment 0.00000001, min size 0.00001, min market
 * funds 1). Balance: 100,000 USD.
 */
public final class FakeCoinbase extends FakeExchange
{
    /** The size of the one level a side that {@link #market} sets, in the base currency. */
    public static final String DEFAULT_LEVEL_SIZE = "10";

    private static final Set<String> NOT_IN_SANDBOX =
        Set.of("/deposits", "/withdrawals", "/coinbase-accounts", "/payment-methods", "/transfers");
    private static final Pattern BOOK_PATH = Pattern.compile("/products/([^/]+)/book");

    private final String apiKey;
    private final byte[] secret;
    private final String passphrase;
    private final FakeCoinbaseOrders orders = new FakeCoinbaseOrders();
    private final AtomicInteger sandboxMisses = new AtomicInteger();
    private final AtomicInteger fillsUnavailable = new AtomicInteger();
    private volatile boolean sandbox;
    private volatile int[] nextError;
    private volatile String nextErrorMessage;
    private volatile JsonNode lastOrderRequest;
    private volatile String lastTimestamp;
    private final AtomicLong sequence = new AtomicLong(1_000);
    private volatile Book book;
    private volatile Map<String, String> lastBookRequest = Map.of();

    private FakeCoinbase(final String apiKey, final String secretBase64, final String passphrase)
    {
        this.apiKey = apiKey;
        this.secret = Base64.getDecoder().decode(secretBase64);
        this.passphrase = passphrase;
        this.book = oneLevel(orders.bid(), orders.ask());
        listen();
    }

    public static FakeCoinbase start(final String apiKey, final String secretBase64, final String passphrase)
    {
        return new FakeCoinbase(apiKey, secretBase64, passphrase);
    }

    /** From now on the fake is Coinbase's sandbox: what the sandbox does not serve answers 404. */
    public void sandbox()
    {
        sandbox = true;
    }

    /** Requests to endpoints the sandbox does not serve, made while in {@link #sandbox} mode. */
    public int sandboxMisses()
    {
        return sandboxMisses.get();
    }

    /** The next private request is answered with this HTTP status and Coinbase message. */
    public void failNext(final int httpStatus, final String message)
    {
        this.nextErrorMessage = message;
        this.nextError = new int[] {httpStatus};
    }

    /** The next {@code count} reads of an order's fills fail with HTTP 503; its other requests are answered. */
    public void fillsUnavailable(final int count)
    {
        fillsUnavailable.set(count);
    }

    /** The body of the last order placement received, as sent. */
    public JsonNode lastOrderRequest()
    {
        return lastOrderRequest;
    }

    /** The CB-ACCESS-TIMESTAMP of the last private request received, as sent. */
    public String lastTimestamp()
    {
        return lastTimestamp;
    }

    /** @return the venue's clock now, in epoch milliseconds. */
    public long venueTimeMillis()
    {
        return venueMillis();
    }

    /**
     * Moves the best bid and ask; stop orders whose stop price is reached trigger. The book is then one
     * level a side, of {@link #DEFAULT_LEVEL_SIZE}.
     */
    public void market(final String newBid, final String newAsk)
    {
        final BigDecimal bid = new BigDecimal(newBid);
        final BigDecimal ask = new BigDecimal(newAsk);
        book = oneLevel(bid, ask);
        orders.market(bid, ask);
    }

    /**
     * Sets the book of BTC-USD, each level {@code size@price}, best first, e.g.
     * {@code List.of("0.5@60000.01", "0.2@60300")} for the asks; an empty side has no level. Its best
     * bid and ask move the market as {@link #market} does (an empty side leaves that price where it was).
     */
    public void book(final List<String> bids, final List<String> asks)
    {
        final List<String[]> bidLevels = levels(bids);
        final List<String[]> askLevels = levels(asks);
        book = new Book(sequence.incrementAndGet(), bidLevels, askLevels);
        orders.market(bidLevels.isEmpty() ? orders.bid() : new BigDecimal(bidLevels.get(0)[0]),
            askLevels.isEmpty() ? orders.ask() : new BigDecimal(askLevels.get(0)[0]));
    }

    /** The query parameters of the last {@code GET /products/<id>/book} request. */
    public Map<String, String> lastBookRequest()
    {
        return lastBookRequest;
    }

    /** Trades {@code size} of the order placed last at {@code price}, as another participant would. */
    public void tradeLast(final String size, final String price)
    {
        final FakeCoinbaseOrder order = orders.last();
        synchronized (order)
        {
            order.fill(new BigDecimal(size), new BigDecimal(price), false);
        }
    }

    /** Fills the order in one trade per {@code qty@price}, each resting (maker), with Coinbase's maker fee. */
    public void fillInTrades(final String clientOid, final String... trades)
    {
        final FakeCoinbaseOrder order = order(clientOid);
        synchronized (order)
        {
            for (final String trade : trades)
            {
                final String[] qtyAtPrice = trade.split("@");
                order.fill(new BigDecimal(qtyAtPrice[0]), new BigDecimal(qtyAtPrice[1]), false);
            }
        }
    }

    /** Coinbase ends the order on its own: done with this {@code done_reason} (e.g. canceled by self-trade prevention). */
    public void endOrder(final String clientOid, final String doneReason)
    {
        final FakeCoinbaseOrder order = order(clientOid);
        synchronized (order)
        {
            order.end(doneReason);
        }
    }

    /** Coinbase refuses the order after taking it: status rejected with its {@code reject_reason}. */
    public void rejectOrder(final String clientOid, final String rejectReason)
    {
        final FakeCoinbaseOrder order = order(clientOid);
        synchronized (order)
        {
            order.status = "rejected";
            order.rejectReason = rejectReason;
        }
    }

    /** The order, as a GTT order with an expire_time now, is canceled by Coinbase at that time. */
    public void expireOrder(final String clientOid)
    {
        final FakeCoinbaseOrder order = order(clientOid);
        synchronized (order)
        {
            order.timeInForce = "GTT";
            order.expireTime = Instant.now();
            order.end("canceled");
        }
    }

    /** The order's status becomes a word Coinbase's docs do not have. */
    public void statusWord(final String clientOid, final String status)
    {
        final FakeCoinbaseOrder order = order(clientOid);
        synchronized (order)
        {
            order.status = status;
        }
    }

    /** Coinbase purges the order's record: it is not found any more. */
    public void purge(final String clientOid)
    {
        orders.forget(order(clientOid).id);
    }

    /** The client_oid of the order placed last. */
    public String lastClientOid()
    {
        final FakeCoinbaseOrder order = orders.last();
        return order == null ? null : order.clientOid;
    }

    public int ordersWithClientOid(final String clientOid)
    {
        return orders.withClientOid(clientOid);
    }

    private FakeCoinbaseOrder order(final String clientOid)
    {
        final FakeCoinbaseOrder order = orders.find("client:" + clientOid);
        if (order == null)
        {
            throw new IllegalArgumentException("no order " + clientOid);
        }
        return order;
    }

    @Override
    protected void handle(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            final String method = exchange.getRequestMethod();
            final String rawPath = exchange.getRequestURI().getRawPath();
            final String path = URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
            final String query = exchange.getRequestURI().getRawQuery();
            countRequest(method + " " + path.replaceAll("/orders/.+", "/orders/{id}"));
            final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (sandbox && NOT_IN_SANDBOX.stream().anyMatch(path::startsWith))
            {
                sandboxMisses.incrementAndGet();
                send(exchange, 404, Map.of("message", "NotFound"));
                return;
            }
            if (delayedOrFailed(exchange))
            {
                return;
            }
            if (publicEndpoint(exchange, path, params(query)))
            {
                return;
            }
            final String refusal = refusal(exchange, method, rawPath + (query == null ? "" : "?" + query), body);
            if (refusal != null)
            {
                send(exchange, 401, Map.of("message", refusal));
                return;
            }
            final int[] error = nextError;
            if (error != null)
            {
                nextError = null;
                send(exchange, error[0], Map.of("message", nextErrorMessage));
                return;
            }
            route(exchange, method, path, params(query), body);
        }
    }

    private boolean publicEndpoint(final HttpExchange exchange, final String path, final Map<String, String> query)
        throws IOException
    {
        final Matcher bookPath = BOOK_PATH.matcher(path);
        if (bookPath.matches())
        {
            book(exchange, bookPath.group(1), query);
            return true;
        }
        switch (path)
        {
            case "/time":
                final long now = venueMillis();
                send(exchange, 200, Map.of("iso", Instant.ofEpochMilli(now).toString(),
                    "epoch", BigDecimal.valueOf(now, 3)));
                return true;
            case "/products":
                send(exchange, 200, List.of(FakeCoinbaseCatalog.product()));
                return true;
            case "/currencies":
                send(exchange, 200, List.of(FakeCoinbaseCatalog.currency("BTC", "0.00000001"),
                    FakeCoinbaseCatalog.currency("USD", "0.01")));
                return true;
            default:
                return false;
        }
    }

    /**
     * {@code GET /products/<id>/book}: {@code level} 1 (the default: best bid and ask), 2 (every price
     * level, {@code [price, size, num_orders]}) or 3 (every order, {@code [price, size, order_id]}; here
     * one order a level). A product Coinbase does not list is a 404; any other level a 400 (the fake's
     * wording: Coinbase documents a 400 with a message, not the message).
     */
    private void book(final HttpExchange exchange, final String productId, final Map<String, String> query)
        throws IOException
    {
        lastBookRequest = Map.copyOf(query);
        if (!"BTC-USD".equals(productId))
        {
            send(exchange, 404, Map.of("message", "NotFound"));
            return;
        }
        final String level = query.getOrDefault("level", "1");
        if (!List.of("1", "2", "3").contains(level))
        {
            send(exchange, 400, Map.of("message", "Invalid level"));
            return;
        }
        final Book current = book;
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("bids", side(current.bids, level));
        answer.put("asks", side(current.asks, level));
        answer.put("sequence", current.sequence);
        answer.put("auction_mode", false);
        answer.put("auction", null);
        answer.put("time", Instant.now().toString());
        send(exchange, 200, answer);
    }

    private static List<List<Object>> side(final List<String[]> levels, final String level)
    {
        final List<List<Object>> side = new ArrayList<>();
        for (final String[] each : "1".equals(level) && !levels.isEmpty() ? levels.subList(0, 1) : levels)
        {
            side.add(List.of(each[0], each[1], "3".equals(level) ?
                UUID.nameUUIDFromBytes((each[0] + "/" + each[1]).getBytes(StandardCharsets.US_ASCII)).toString() : 1));
        }
        return side;
    }

    private Book oneLevel(final BigDecimal bid, final BigDecimal ask)
    {
        final String[] bidLevel = {bid.toPlainString(), DEFAULT_LEVEL_SIZE};
        final String[] askLevel = {ask.toPlainString(), DEFAULT_LEVEL_SIZE};
        return new Book(sequence.incrementAndGet(), List.<String[]>of(bidLevel), List.<String[]>of(askLevel));
    }

    private static List<String[]> levels(final List<String> sizeAtPrice)
    {
        final List<String[]> levels = new ArrayList<>();
        for (final String level : sizeAtPrice)
        {
            final String[] parts = level.split("@");
            levels.add(new String[] {parts[1], parts[0]});
        }
        return List.copyOf(levels);
    }

    private void route(final HttpExchange exchange, final String method, final String path,
        final Map<String, String> query, final String body) throws IOException
    {
        if (path.equals("/accounts") && "GET".equals(method))
        {
            send(exchange, 200, List.of(Map.of("id", "a1", "currency", "USD", "profile_id", "p1", "balance", "100000",
                "hold", "0", "available", "100000")));
            return;
        }
        if (path.equals("/orders") && "POST".equals(method))
        {
            lastOrderRequest = JSON.readTree(body);
            final FakeCoinbaseOrder[] placed = new FakeCoinbaseOrder[1];
            final FakeCoinbaseOrders.Answer answer = orders.place(lastOrderRequest, placed);
            if (placed[0] != null && takeDropNextOrderResponse())
            {
                return;
            }
            send(exchange, answer.status(), answer.body());
            return;
        }
        if (path.equals("/orders") && "GET".equals(method))
        {
            send(exchange, 200, orders.working());
            return;
        }
        if (path.startsWith("/orders/"))
        {
            final String id = path.substring("/orders/".length());
            final FakeCoinbaseOrders.Answer answer = "GET".equals(method) ? orders.get(id) : orders.cancel(id);
            send(exchange, answer.status(), answer.body());
            return;
        }
        if (path.equals("/fills") && "GET".equals(method) && query.containsKey("order_id"))
        {
            if (fillsUnavailable.getAndUpdate(left -> Math.max(0, left - 1)) > 0)
            {
                send(exchange, 503, Map.of("message", "Service Unavailable"));
                return;
            }
            final Map<String, String> cursor = new HashMap<>();
            final FakeCoinbaseOrders.Answer answer = orders.fills(query.get("order_id"),
                Integer.parseInt(query.getOrDefault("limit", "100")), query.get("after"), cursor);
            cursor.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            send(exchange, answer.status(), answer.body());
            return;
        }
        send(exchange, 404, Map.of("message", "NotFound"));
    }

    private synchronized String refusal(final HttpExchange exchange, final String method, final String requestPath,
        final String body)
    {
        final String key = exchange.getRequestHeaders().getFirst("CB-ACCESS-KEY");
        if (key == null || !key.equals(apiKey))
        {
            return "Invalid API Key";
        }
        if (!passphrase.equals(exchange.getRequestHeaders().getFirst("CB-ACCESS-PASSPHRASE")))
        {
            return "Invalid Passphrase";
        }
        final String timestamp = exchange.getRequestHeaders().getFirst("CB-ACCESS-TIMESTAMP");
        lastTimestamp = timestamp;
        if (timestamp == null || Math.abs(Double.parseDouble(timestamp) - venueMillis() / 1000.0) > 30)
        {
            return "request timestamp expired";
        }
        final String sign = exchange.getRequestHeaders().getFirst("CB-ACCESS-SIGN");
        if (sign == null || !sign.equals(signature(secret, timestamp + method + requestPath + body)))
        {
            return "invalid signature";
        }
        return null;
    }

    /** The book as {@code GET /products/BTC-USD/book} sends it, levels {price, size} best first. */
    private record Book(long sequence, List<String[]> bids, List<String[]> asks)
    {
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
