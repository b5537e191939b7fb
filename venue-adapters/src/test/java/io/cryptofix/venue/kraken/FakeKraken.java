package io.cryptofix.venue.kraken;

import io.cryptofix.venue.fake.FakeExchange;
import com.sun.net.httpserver.HttpExchange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Kraken spot REST server on 127.0.0.1 for tests, answering the endpoints the gateway's adapter and
 * XChange use in Kraken's own envelope ({@code {"error":[...],"result":...}}, HTTP 200 even for
 * errors). Private calls are checked as Kraken checks them: {@code API-Key}, {@code API-Sign} =
 * base64(HMAC-SHA512(base64-decoded secret, URI path + SHA256(nonce + POST body))) and a nonce that
 * must grow; each failure gets Kraken's own error. It keeps orders (with userref, post-only, IOC and
 * GTD expiry), fills them against its best bid and ask or when a test says, and injects faults.
 *
 * <p>Pairs: XXBTZUSD (BTC/USD, price decimals 1, lot decimals 8, ordermin 0.0001) and XETHZUSD
 * (ETH/USD, 2, 8, 0.002). Balance: 100,000 USD.
 */
public final class FakeKraken extends FakeExchange
{
    private static final Map<String, Object[]> PAIRS = Map.of(
        // altname, wsname, base, pair decimals, ordermin
        "XXBTZUSD", new Object[] {"XBTUSD", "XBT/USD", "XXBT", 1, "0.0001"},
        "XETHZUSD", new Object[] {"ETHUSD", "ETH/USD", "XETH", 2, "0.002"});

    private final String apiKey;
    private final byte[] secret;
    private final Map<String, BigDecimal[]> markets = new ConcurrentHashMap<>();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(100_000);
    private long lastNonce;
    private volatile String nextError;

    private FakeKraken(final String apiKey, final String secretBase64)
    {
        this.apiKey = apiKey;
        this.secret = Base64.getDecoder().decode(secretBase64);
        markets.put("XXBTZUSD", new BigDecimal[] {new BigDecimal("59999.9"), new BigDecimal("60000.1")});
        markets.put("XETHZUSD", new BigDecimal[] {new BigDecimal("2999.99"), new BigDecimal("3000.01")});
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

    /** Moves the best bid and ask of a pair (XXBTZUSD); stops whose trigger is reached trade. */
    public void market(final String pair, final String bid, final String ask)
    {
        final BigDecimal[] book = {new BigDecimal(bid), new BigDecimal(ask)};
        markets.put(pair, book);
        for (final Order order : orders.values())
        {
            synchronized (order)
            {
                if (order.pair.equals(pair) && "open".equals(order.status))
                {
                    triggerIfReached(order, book);
                }
            }
        }
    }

    /** Kraken's rule: stop-loss buys when the price rises to the trigger and sells when it falls; take-profit the other way. */
    private static void triggerIfReached(final Order order, final BigDecimal[] book)
    {
        if (order.trigger == null || order.triggered)
        {
            return;
        }
        final boolean buy = "buy".equals(order.type);
        final BigDecimal touch = buy ? book[1] : book[0];
        final boolean stopLoss = order.ordertype.startsWith("stop-loss");
        if (buy == stopLoss ? touch.compareTo(order.trigger) < 0 : touch.compareTo(order.trigger) > 0)
        {
            return;
        }
        order.triggered = true;
        if (!order.ordertype.endsWith("-limit") ||
            (buy ? order.price.compareTo(touch) >= 0 : order.price.compareTo(touch) <= 0))
        {
            order.fill(order.volume, touch);
        }
    }

    /** Trades {@code volume} of the order with this userref at {@code price}, as another participant would. */
    public void trade(final String userref, final String volume, final String price)
    {
        for (final Order order : orders.values())
        {
            synchronized (order)
            {
                if (order.userref.equals(userref) && "open".equals(order.status))
                {
                    order.fill(new BigDecimal(volume), new BigDecimal(price));
                    return;
                }
            }
        }
        throw new IllegalArgumentException("no open order with userref " + userref);
    }

    /** Orders placed with this userref (a duplicate placement would be a second entry). */
    public int ordersWithUserref(final String userref)
    {
        int count = 0;
        for (final Order order : orders.values())
        {
            count += order.userref.equals(userref) ? 1 : 0;
        }
        return count;
    }

    /** The userref of the order placed last. */
    public String lastUserref()
    {
        Order last = null;
        for (final Order order : orders.values())
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
            final Map<String, String> params = params(query + "&" + body);
            expireDue();
            switch (path)
            {
                case "/0/public/AssetPairs" -> result(exchange, assetPairs());
                case "/0/public/Assets" -> result(exchange, assets());
                case "/0/public/Ticker" -> result(exchange, tickers(params.get("pair")));
                default -> privateCall(exchange, path, body, params);
            }
        }
    }

    private void privateCall(final HttpExchange exchange, final String path, final String body,
        final Map<String, String> params) throws IOException
    {
        if (delayedOrFailed(exchange))
        {
            return;
        }
        final String refusal = refusal(exchange, path, body, params);
        if (refusal != null)
        {
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
        switch (path)
        {
            case "/0/private/Balance" -> result(exchange, Map.of("ZUSD", "100000.0000", "XXBT", "10.0000000000"));
            case "/0/private/AddOrder" -> addOrder(exchange, params);
            case "/0/private/CancelOrder" -> cancelOrder(exchange, params);
            case "/0/private/QueryOrders" -> queryOrders(exchange, params);
            case "/0/private/OpenOrders" -> result(exchange, Map.of("open", ordersWith(params.get("userref"), true)));
            case "/0/private/ClosedOrders" ->
            {
                final Map<String, Object> closed = ordersWith(params.get("userref"), false);
                result(exchange, Map.of("closed", closed, "count", closed.size()));
            }
            default -> error(exchange, "EGeneral:Unknown method");
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

    private void addOrder(final HttpExchange exchange, final Map<String, String> params) throws IOException
    {
        final String pair = params.get("pair");
        final Object[] rules = PAIRS.get(pair);
        if (rules == null)
        {
            error(exchange, "EQuery:Unknown asset pair");
            return;
        }
        final BigDecimal volume = new BigDecimal(params.get("volume"));
        if (volume.compareTo(new BigDecimal((String)rules[4])) < 0)
        {
            error(exchange, "EOrder:Order minimum not met");
            return;
        }
        final String ordertype = params.get("ordertype");
        final boolean stop = ordertype.startsWith("stop-loss") || ordertype.startsWith("take-profit");
        final boolean market = "market".equals(ordertype) || "stop-loss".equals(ordertype) || "take-profit".equals(ordertype);
        final boolean buy = "buy".equals(params.get("type"));
        final BigDecimal[] book = markets.get(pair);
        final BigDecimal touch = buy ? book[1] : book[0];
        // for a stop, price is the trigger and price2 the limit of a stop-loss-limit
        final BigDecimal trigger = stop ? new BigDecimal(params.get("price")) : null;
        final BigDecimal price = market ? touch : new BigDecimal(params.get(stop ? "price2" : "price"));
        if (!market && price.stripTrailingZeros().scale() > (Integer)rules[3])
        {
            error(exchange, "EOrder:Invalid price:" + rules[0] + " price can only be specified up to " + rules[3] +
                " decimals.");
            return;
        }
        if (buy && volume.multiply(price).compareTo(new BigDecimal("100000")) > 0)
        {
            error(exchange, "EOrder:Insufficient funds");
            return;
        }
        final boolean crosses = !stop && (market || (buy ? price.compareTo(touch) >= 0 : price.compareTo(touch) <= 0));
        final String flags = params.getOrDefault("oflags", "");
        if (flags.contains("post") && crosses)
        {
            error(exchange, "EOrder:Post only order");
            return;
        }
        final String txid = "O" + nextId.getAndIncrement() + "-FAKE-KRAKEN";
        final Order order = new Order(nextId.get(), txid, params.getOrDefault("userref", "0"), pair,
            params.get("type"), params.get("ordertype"), volume, market ? BigDecimal.ZERO : price,
            params.containsKey("expiretm") ? Long.parseLong(params.get("expiretm")) : 0);
        order.trigger = trigger;
        orders.put(txid, order);
        synchronized (order)
        {
            // a stop whose trigger is already reached is triggered at once
            triggerIfReached(order, book);
            if (crosses)
            {
                order.fill(volume, touch);
            }
            else if ("IOC".equals(params.get("timeinforce")))
            {
                order.status = "canceled";
                order.reason = "IOC";
            }
        }
        if (takeDropNextOrderResponse())
        {
            return;
        }
        result(exchange, Map.of("descr", Map.of("order", params.get("type") + " " + volume.toPlainString() + " " +
            rules[0] + " @ " + params.get("ordertype")), "txid", List.of(txid)));
    }

    private void cancelOrder(final HttpExchange exchange, final Map<String, String> params) throws IOException
    {
        final Order order = orders.get(params.get("txid"));
        if (order == null)
        {
            error(exchange, "EOrder:Unknown order");
            return;
        }
        synchronized (order)
        {
            if (!"open".equals(order.status))
            {
                error(exchange, "EOrder:Unknown order");
                return;
            }
            order.status = "canceled";
            order.reason = "User requested";
        }
        result(exchange, Map.of("count", 1));
    }

    private void queryOrders(final HttpExchange exchange, final Map<String, String> params) throws IOException
    {
        final Map<String, Object> found = new LinkedHashMap<>();
        final String[] txids = params.getOrDefault("txid", "").split(",");
        if (txids.length > 50)
        {
            // Kraken answers about 50 orders at most
            error(exchange, "EGeneral:Invalid arguments:txid");
            return;
        }
        for (final String txid : txids)
        {
            final Order order = orders.get(txid);
            if (order == null)
            {
                error(exchange, "EOrder:Unknown order");
                return;
            }
            found.put(txid, order.json());
        }
        result(exchange, found);
    }

    private Map<String, Object> ordersWith(final String userref, final boolean open)
    {
        final Map<String, Object> found = new LinkedHashMap<>();
        for (final Order order : orders.values())
        {
            synchronized (order)
            {
                if ((userref == null || order.userref.equals(userref)) && "open".equals(order.status) == open)
                {
                    found.put(order.txid, order.json());
                }
            }
        }
        return found;
    }

    private void expireDue()
    {
        final long now = System.currentTimeMillis() / 1000;
        for (final Order order : orders.values())
        {
            synchronized (order)
            {
                if ("open".equals(order.status) && order.expiretm > 0 && order.expiretm <= now)
                {
                    order.status = "expired";
                }
            }
        }
    }

    private Map<String, Object> assetPairs()
    {
        final Map<String, Object> pairs = new LinkedHashMap<>();
        for (final Map.Entry<String, Object[]> pair : PAIRS.entrySet())
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

    private Map<String, Object> tickers(final String pair)
    {
        final Map<String, Object> tickers = new LinkedHashMap<>();
        for (final Map.Entry<String, BigDecimal[]> market : markets.entrySet())
        {
            if (pair == null || pair.equals(market.getKey()))
            {
                final String bid = market.getValue()[0].toPlainString();
                final String ask = market.getValue()[1].toPlainString();
                tickers.put(market.getKey(), Map.of("a", List.of(ask, "1", "1.000"), "b", List.of(bid, "1", "1.000"),
                    "c", List.of(ask, "0.1"), "v", List.of("1", "1"), "p", List.of(bid, bid), "t", List.of(1, 1),
                    "l", List.of(bid, bid), "h", List.of(ask, ask), "o", bid));
            }
        }
        return tickers;
    }

    private static void result(final HttpExchange exchange, final Object result) throws IOException
    {
        send(exchange, 200, Map.of("error", List.of(), "result", result));
    }

    private static void error(final HttpExchange exchange, final String error) throws IOException
    {
        send(exchange, 200, Map.of("error", List.of(error)));
    }

    /** One order at the fake venue. */
    private static final class Order
    {
        final long sequence;
        final String txid;
        final String userref;
        final String pair;
        final String type;
        final String ordertype;
        final BigDecimal volume;
        final BigDecimal price;
        final long expiretm;
        final double opentm = System.currentTimeMillis() / 1000.0;
        String status = "open";
        String reason;
        BigDecimal trigger;
        boolean triggered;
        BigDecimal executed = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;

        Order(final long sequence, final String txid, final String userref, final String pair, final String type,
            final String ordertype, final BigDecimal volume, final BigDecimal price, final long expiretm)
        {
            this.sequence = sequence;
            this.txid = txid;
            this.userref = userref;
            this.pair = pair;
            this.type = type;
            this.ordertype = ordertype;
            this.volume = volume;
            this.price = price;
            this.expiretm = expiretm;
        }

        void fill(final BigDecimal qty, final BigDecimal fillPrice)
        {
            executed = executed.add(qty);
            cost = cost.add(qty.multiply(fillPrice));
            if (executed.compareTo(volume) >= 0)
            {
                status = "closed";
            }
        }

        Map<String, Object> json()
        {
            final Map<String, Object> json = new LinkedHashMap<>();
            json.put("refid", null);
            json.put("userref", Long.parseLong(userref));
            json.put("status", status);
            json.put("opentm", opentm);
            json.put("starttm", 0);
            json.put("expiretm", expiretm);
            json.put("descr", Map.of("pair", PAIRS.get(pair)[0], "type", type, "ordertype", ordertype,
                "price", price.toPlainString(), "price2", "0", "leverage", "none", "order", type + " " + volume, "close", ""));
            json.put("vol", volume.toPlainString());
            json.put("vol_exec", executed.toPlainString());
            json.put("cost", cost.toPlainString());
            json.put("fee", "0");
            json.put("price", executed.signum() == 0 ? "0" :
                cost.divide(executed, 8, RoundingMode.HALF_EVEN).toPlainString());
            json.put("stopprice", "0");
            json.put("limitprice", "0");
            json.put("misc", "");
            json.put("oflags", "fciq");
            json.put("reason", reason);
            json.put("closetm", "open".equals(status) ? 0 : System.currentTimeMillis() / 1000.0);
            return json;
        }
    }
}
