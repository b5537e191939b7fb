package io.cryptofix.venue.kraken;

import io.cryptofix.venue.fake.FakeExchange;
import com.sun.net.httpserver.HttpExchange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Kraken spot REST server on 127.0.0.1 for tests, answering the endpoints the gateway's adapter and
 * XChange use in Kraken's own envelope ({@code {"error":[...],"result":...}}, HTTP 200 even for
 * errors). Private calls are checked as Kraken checks them: {@code API-Key}, {@code API-Sign} =
 * base64(HMAC-SHA512(base64-decoded secret, URI path + SHA256(nonce + POST body))) and a nonce that
 * must grow (Kraken checks no time window); each failure gets Kraken's own error. Its orders are kept
 * by {@link FakeKrakenOrders}. Faults: those of every fake, Kraken's own service errors
 * ({@code EService:Unavailable} in maintenance), and orders ended by Kraken in any status.
 *
 * <p>Its book ({@code GET /0/public/Depth}) is what a test sets ({@link #book}), or one level a side
 * of {@link #DEFAULT_LEVEL_VOLUME} at the best bid and ask ({@link #market}); its best bid and ask are
 * the prices its orders trade at.
 *
 * <p>Pairs: XXBTZUSD (BTC/USD, price decimals 1, lot decimals 8, ordermin 0.0001) and XETHZUSD
 * (ETH/USD, 2, 8, 0.002). Balance: 100,000 USD.
 */
public final class FakeKraken extends FakeExchange
{
    /** The volume of the one level a side that {@link #market} sets, in the base currency. */
    public static final String DEFAULT_LEVEL_VOLUME = "10";

    // GET /0/public/Depth: levels a side when no count is sent, and the most a count may ask for
    private static final int DEFAULT_DEPTH_COUNT = 100;
    private static final int MAX_DEPTH_COUNT = 500;

    private final String apiKey;
    private final byte[] secret;
    private final FakeKrakenOrders orders = new FakeKrakenOrders();
    private final Map<String, Book> books = new ConcurrentHashMap<>();
    private volatile Map<String, String> lastDepthRequest = Map.of();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger serviceErrorsLeft = new AtomicInteger();
    private long lastNonce;
    private volatile String nextError;
    private volatile String serviceError;

    private FakeKraken(final String apiKey, final String secretBase64)
    {
        this.apiKey = apiKey;
        this.secret = Base64.getDecoder().decode(secretBase64);
        orders.markets().forEach((pair, market) -> books.put(pair, oneLevel(market[0], market[1])));
        listen();
    }

    /**
     * @param secretBase64  the API secret as Kraken hands it out: base64.
     */
    public static FakeKraken start(final String apiKey, final String secretBase64)
    {
        return new FakeKraken(apiKey, secretBase64);
    }

    /** The next private request is answered with this Kraken error, e.g. {@code EAPI:Rate limit exceeded}. */
    public void failNext(final String error)
    {
        this.nextError = error;
    }

    /**
     * The next {@code count} requests, public or private, are answered with this Kraken error before
     * Kraken acts: {@code EService:Unavailable} (maintenance), {@code EService:Busy}.
     */
    public void serviceErrors(final int count, final String error)
    {
        serviceError = error;
        serviceErrorsLeft.set(count);
    }

    /** @return how many requests were refused with this Kraken error, e.g. {@code EAPI:Invalid nonce}. */
    public int refusals(final String error)
    {
        final AtomicInteger count = refusals.get(error);
        return count == null ? 0 : count.get();
    }

    /**
     * Moves the best bid and ask of a pair (XXBTZUSD); stops whose trigger is reached trade. The book is
     * then one level a side, of {@link #DEFAULT_LEVEL_VOLUME}.
     */
    public void market(final String pair, final String bid, final String ask)
    {
        final BigDecimal[] market = {new BigDecimal(bid), new BigDecimal(ask)};
        books.put(pair, oneLevel(market[0], market[1]));
        orders.market(pair, market);
    }

    /**
     * Sets the book of a pair (XXBTZUSD), each level {@code volume@price}, best first, e.g.
     * {@code List.of("0.5@60000.1", "0.2@60300")} for the asks; an empty side has no level. Its best bid
     * and ask move the market as {@link #market} does (an empty side leaves that price where it was).
     */
    public void book(final String pair, final List<String> bids, final List<String> asks)
    {
        final BigDecimal[] market = orders.markets().get(pair);
        final List<List<Object>> bidLevels = levels(bids);
        final List<List<Object>> askLevels = levels(asks);
        books.put(pair, new Book(bidLevels, askLevels));
        orders.market(pair, new BigDecimal[] {
            bidLevels.isEmpty() ? market[0] : new BigDecimal((String)bidLevels.get(0).get(0)),
            askLevels.isEmpty() ? market[1] : new BigDecimal((String)askLevels.get(0).get(0))});
    }

    /** Trades {@code volume} of the open order with this userref at {@code price}, as another participant would. */
    public void trade(final String userref, final String volume, final String price)
    {
        fillInTrades(userref, volume + "@" + price);
    }

    /**
     * Trades the open order with this userref in several trades at once, each {@code volume@price},
     * as resting (maker) orders trade: between two polls, each with its own price and fee.
     */
    public void fillInTrades(final String userref, final String... trades)
    {
        final FakeKrakenOrder order = orders.open(userref);
        synchronized (order)
        {
            for (final String trade : trades)
            {
                final String[] parts = trade.split("@");
                orders.fill(order, new BigDecimal(parts[0]), new BigDecimal(parts[1]), true);
            }
        }
    }

    /**
     * Kraken ends the order with this userref (placed last with it) on its own, or changes its
     * status again: {@code status} is any word, documented or not, {@code reason} Kraken's
     * {@code reason} field (null for none).
     */
    public void endOrder(final String userref, final String status, final String reason)
    {
        final FakeKrakenOrder order = orders.placedLast(userref);
        synchronized (order)
        {
            order.status = status;
            order.reason = reason;
        }
    }

    /** Kraken no longer has the order with this userref: no call finds it, a cancel of it is refused as unknown. */
    public void forgetOrder(final String userref)
    {
        orders.forget(orders.placedLast(userref));
    }

    /** The query parameters of the last {@code GET /0/public/Depth} request. */
    public Map<String, String> lastDepthRequest()
    {
        return lastDepthRequest;
    }

    /** The parameters of the last AddOrder request, nonce included. */
    public Map<String, String> lastAddOrder()
    {
        return orders.lastAddOrder();
    }

    /** Orders placed with this userref (a duplicate placement would be a second entry). */
    public int ordersWithUserref(final String userref)
    {
        int count = 0;
        for (final FakeKrakenOrder order : orders.all())
        {
            count += order.userref.equals(userref) ? 1 : 0;
        }
        return count;
    }

    /** The userref of the order placed last. */
    public String lastUserref()
    {
        FakeKrakenOrder last = null;
        for (final FakeKrakenOrder order : orders.all())
        {
            if (last == null || order.sequence > last.sequence)
            {
                last = order;
            }
        }
        return last == null ? null : last.userref;
    }

    /** Kraken's signing rule, for checking it against the example of Kraken's API documentation. */
    static String signature(final byte[] secret, final String path, final String nonce, final String body)
    {
        try
        {
            final MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            final byte[] hash = sha256.digest((nonce + body).getBytes(StandardCharsets.UTF_8));
            final Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret, "HmacSHA512"));
            mac.update(path.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(hash));
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
            final String path = exchange.getRequestURI().getPath();
            countRequest(path);
            final String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (delayedOrFailed(exchange))
            {
                return;
            }
            if (serviceErrorsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0)
            {
                error(exchange, serviceError);
                return;
            }
            orders.expireDue();
            switch (path)
            {
                case "/0/public/Time" -> result(exchange, time());
                case "/0/public/AssetPairs" -> result(exchange, assetPairs());
                case "/0/public/Assets" -> result(exchange, assets());
                case "/0/public/Depth" -> depth(exchange, params(query));
                default -> privateCall(exchange, path, body, params(body));
            }
        }
    }

    private void privateCall(final HttpExchange exchange, final String path, final String body,
        final Map<String, String> params) throws IOException
    {
        final String refusal = refusal(exchange, path, body, params);
        if (refusal != null)
        {
            refusals.computeIfAbsent(refusal, unused -> new AtomicInteger()).incrementAndGet();
            error(exchange, refusal);
            return;
        }
        final String error = nextError;
        if (error != null)
        {
            nextError = null;
            error(exchange, error);
            return;
        }
        try
        {
            switch (path)
            {
                case "/0/private/Balance" -> result(exchange, Map.of("ZUSD", "100000.0000", "XXBT", "10.0000000000"));
                case "/0/private/AddOrder" ->
                {
                    final Map<String, Object> placed = orders.addOrder(params);
                    if (!takeDropNextOrderResponse())
                    {
                        result(exchange, placed);
                    }
                }
                case "/0/private/CancelOrder" -> result(exchange, orders.cancelOrder(params));
                case "/0/private/QueryOrders" -> result(exchange, orders.queryOrders(params));
                case "/0/private/QueryTrades" -> result(exchange, orders.queryTrades(params));
                case "/0/private/OpenOrders" -> result(exchange, Map.of("open", orders.ordersWith(params.get("userref"), true)));
                case "/0/private/ClosedOrders" ->
                {
                    final Map<String, Object> closed = orders.ordersWith(params.get("userref"), false);
                    result(exchange, Map.of("closed", closed, "count", closed.size()));
                }
                default -> error(exchange, "EGeneral:Unknown method");
            }
        }
        catch (final FakeKrakenOrders.Refused e)
        {
            error(exchange, e.getMessage());
        }
    }

    private synchronized String refusal(final HttpExchange exchange, final String path, final String body,
        final Map<String, String> params)
    {
        final String key = exchange.getRequestHeaders().getFirst("API-Key");
        if (key == null || !key.equals(apiKey))
        {
            return "EAPI:Invalid key";
        }
        final String nonce = params.get("nonce");
        final String sign = exchange.getRequestHeaders().getFirst("API-Sign");
        if (nonce == null || sign == null || !sign.equals(signature(secret, path, nonce, body)))
        {
            return "EAPI:Invalid signature";
        }
        final long value = Long.parseLong(nonce);
        if (value <= lastNonce)
        {
            return "EAPI:Invalid nonce";
        }
        lastNonce = value;
        return null;
    }

    /** Kraken's time: whole seconds, and the same instant as RFC 1123 text. */
    private Map<String, Object> time()
    {
        final long seconds = venueMillis() / 1000;
        return Map.of("unixtime", seconds, "rfc1123",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC)));
    }

    private Map<String, Object> assetPairs()
    {
        final Map<String, Object> pairs = new LinkedHashMap<>();
        for (final Map.Entry<String, Object[]> pair : FakeKrakenOrders.PAIRS.entrySet())
        {
            final Object[] rules = pair.getValue();
            final Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("altname", rules[0]);
            entry.put("wsname", rules[1]);
            entry.put("aclass_base", "currency");
            entry.put("base", rules[2]);
            entry.put("aclass_quote", "currency");
            entry.put("quote", "ZUSD");
            entry.put("lot", "unit");
            entry.put("pair_decimals", rules[3]);
            entry.put("lot_decimals", 8);
            entry.put("lot_multiplier", 1);
            entry.put("leverage_buy", List.of());
            entry.put("leverage_sell", List.of());
            entry.put("fees", List.of(List.of(0, 0.26), List.of(50000, 0.24)));
            entry.put("fees_maker", List.of(List.of(0, 0.16), List.of(50000, 0.14)));
            entry.put("fee_volume_currency", "ZUSD");
            entry.put("margin_call", 80);
            entry.put("margin_stop", 40);
            entry.put("ordermin", rules[4]);
            pairs.put(pair.getKey(), entry);
        }
        return pairs;
    }

    private static Map<String, Object> assets()
    {
        return Map.of(
            "XXBT", Map.of("aclass", "currency", "altname", "XBT", "decimals", 10, "display_decimals", 5),
            "XETH", Map.of("aclass", "currency", "altname", "ETH", "decimals", 10, "display_decimals", 5),
            "ZUSD", Map.of("aclass", "currency", "altname", "USD", "decimals", 4, "display_decimals", 2));
    }

    /**
     * {@code GET /0/public/Depth}: {@code pair} (mandatory; Kraken's name of the pair or its altname)
     * and {@code count} (1 to 500, default 100), refused with Kraken's error otherwise. The book is
     * named by Kraken's name of the pair, whichever name was asked; each level is
     * {@code ["price", "volume", timestamp]}.
     */
    private void depth(final HttpExchange exchange, final Map<String, String> params) throws IOException
    {
        lastDepthRequest = Map.copyOf(params);
        final String asked = params.get("pair");
        if (asked == null || asked.isEmpty())
        {
            error(exchange, "EGeneral:Invalid arguments");
            return;
        }
        String pair = null;
        for (final Map.Entry<String, Object[]> listed : FakeKrakenOrders.PAIRS.entrySet())
        {
            if (listed.getKey().equals(asked) || listed.getValue()[0].equals(asked))
            {
                pair = listed.getKey();
            }
        }
        if (pair == null)
        {
            error(exchange, "EQuery:Unknown asset pair");
            return;
        }
        final String countText = params.get("count");
        final int count = countText == null ? DEFAULT_DEPTH_COUNT :
            countText.matches("[0-9]{1,3}") ? Integer.parseInt(countText) : -1;
        if (count < 1 || count > MAX_DEPTH_COUNT)
        {
            error(exchange, "EGeneral:Invalid arguments:count");
            return;
        }
        final Book book = books.get(pair);
        final Map<String, Object> levels = new LinkedHashMap<>();
        levels.put("asks", book.asks.subList(0, Math.min(count, book.asks.size())));
        levels.put("bids", book.bids.subList(0, Math.min(count, book.bids.size())));
        result(exchange, Map.of(pair, levels));
    }

    private static Book oneLevel(final BigDecimal bid, final BigDecimal ask)
    {
        return new Book(List.of(level(bid, DEFAULT_LEVEL_VOLUME)), List.of(level(ask, DEFAULT_LEVEL_VOLUME)));
    }

    private static List<List<Object>> levels(final List<String> volumeAtPrice)
    {
        final List<List<Object>> levels = new ArrayList<>();
        for (final String level : volumeAtPrice)
        {
            final String[] parts = level.split("@");
            levels.add(level(new BigDecimal(parts[1]), parts[0]));
        }
        return List.copyOf(levels);
    }

    /** {@code ["price", "volume", timestamp]} as Kraken writes them: at least five price and three volume decimals. */
    private static List<Object> level(final BigDecimal price, final String volume)
    {
        final BigDecimal vol = new BigDecimal(volume);
        return List.of(price.setScale(Math.max(5, price.scale())).toPlainString(),
            vol.setScale(Math.max(3, vol.scale())).toPlainString(), System.currentTimeMillis() / 1000);
    }

    /** A pair's book as {@code GET /0/public/Depth} sends it, best first. */
    private record Book(List<List<Object>> bids, List<List<Object>> asks)
    {
    }

    private static void result(final HttpExchange exchange, final Object result) throws IOException
    {
        send(exchange, 200, Map.of("error", List.of(), "result", result));
    }

    private static void error(final HttpExchange exchange, final String error) throws IOException
    {
        send(exchange, 200, Map.of("error", List.of(error)));
    }
}
