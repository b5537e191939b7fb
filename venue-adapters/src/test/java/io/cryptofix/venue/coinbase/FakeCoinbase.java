package io.cryptofix.venue.coinbase;

import io.cryptofix.venue.fake.FakeExchange;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Coinbase Exchange REST server on 127.0.0.1 for tests, answering the endpoints the gateway's
 * adapter and XChange's coinbasepro binding use. Private calls are checked as Coinbase checks them:
 * {@code CB-ACCESS-KEY}, {@code CB-ACCESS-PASSPHRASE}, a {@code CB-ACCESS-TIMESTAMP} within 30
 * seconds, and {@code CB-ACCESS-SIGN} = base64(HMAC-SHA256(base64-decoded secret, timestamp + method
 * + request path + body)); each failure gets Coinbase's own 401 message. It keeps orders by id and
 * client_oid (forgetting, as Coinbase does, a canceled order that had no fill), fills them against its
 * best bid and ask or when a test says, holds stop orders ({@code stop} loss or entry, limit orders
 * only) as "active" until its prices reach them, and injects faults.
 *
 * <p>Products: BTC-USD (quote increment 0.01, base increment 0.00000001, min size 0.00001, min market
 * funds 1). Balance: 100,000 USD.
 */
public final class FakeCoinbase extends FakeExchange
{

    private final String apiKey;
    private final byte[] secret;
    private final String passphrase;
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private volatile BigDecimal bid = new BigDecimal("59999.99");
    private volatile BigDecimal ask = new BigDecimal("60000.01");
    private volatile int[] nextError;
    private volatile String nextErrorMessage;

    private FakeCoinbase(final String apiKey, final String secretBase64, final String passphrase)
    {
        this.apiKey = apiKey;
        this.secret = Base64.getDecoder().decode(secretBase64);
        this.passphrase = passphrase;
        listen();
    }

    public static FakeCoinbase start(final String apiKey, final String secretBase64, final String passphrase)
    {
        return new FakeCoinbase(apiKey, secretBase64, passphrase);
    }

    /** The next private request is answered with this HTTP status and Coinbase message. */
    public void failNext(final int httpStatus, final String message)
    {
        this.nextErrorMessage = message;
        this.nextError = new int[] {httpStatus};
    }

    /**
     * Moves the best bid and ask; stop orders whose stop price is reached become open limit orders and
     * trade if their price crosses (the price a stop watches is the ask for buys, the bid for sells).
     */
    public void market(final String newBid, final String newAsk)
    {
        bid = new BigDecimal(newBid);
        ask = new BigDecimal(newAsk);
        for (final Order order : orders.values())
        {
            synchronized (order)
            {
                final boolean buy = "buy".equals(order.side);
                final BigDecimal touch = buy ? ask : bid;
                if ("active".equals(order.status) &&
                    (buy ? touch.compareTo(order.stopPrice) >= 0 : touch.compareTo(order.stopPrice) <= 0))
                {
                    order.status = "open";
                    if (buy ? order.price.compareTo(touch) >= 0 : order.price.compareTo(touch) <= 0)
                    {
                        order.fill(order.size, touch);
                    }
                }
            }
        }
    }

    /** Trades {@code size} of the open order placed last at {@code price}, as another participant would. */
    public void tradeLast(final String size, final String price)
    {
        final Order order = last();
        synchronized (order)
        {
            order.fill(new BigDecimal(size), new BigDecimal(price));
        }
    }

    /** The client_oid of the order placed last. */
    public String lastClientOid()
    {
        final Order order = last();
        return order == null ? null : order.clientOid;
    }

    public int ordersWithClientOid(final String clientOid)
    {
        int count = 0;
        for (final Order order : orders.values())
        {
            count += clientOid.equals(order.clientOid) ? 1 : 0;
        }
        return count;
    }

    private Order last()
    {
        Order last = null;
        for (final Order order : orders.values())
        {
            if (last == null || order.createdNanos > last.createdNanos)
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
            final String rawPath = exchange.getRequestURI().getRawPath();
            final String path = URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
            countRequest(method + " " + path.replaceAll("/orders/.+", "/orders/{id}"));
            final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("/products"))
            {
                send(exchange, 200, List.of(product()));
                return;
            }
            if (path.equals("/currencies"))
            {
                send(exchange, 200, List.of(currency("BTC", "0.00000001"), currency("USD", "0.01")));
                return;
            }
            if (path.equals("/products/BTC-USD/ticker"))
            {
                send(exchange, 200, Map.of("trade_id", 1, "price", ask.toPlainString(), "size", "0.1",
                    "bid", bid.toPlainString(), "ask", ask.toPlainString(), "volume", "100", "time", Instant.now().toString()));
                return;
            }
            if (delayedOrFailed(exchange))
            {
                return;
            }
            final String query = exchange.getRequestURI().getRawQuery();
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
            route(exchange, method, path, body);
        }
    }

    private void route(final HttpExchange exchange, final String method, final String path, final String body)
        throws IOException
    {
        if (path.equals("/accounts") && "GET".equals(method))
        {
            send(exchange, 200, List.of(Map.of("id", "a1", "currency", "USD", "profile_id", "p1", "balance", "100000",
                "hold", "0", "available", "100000")));
            return;
        }
        if (path.equals("/orders") && "POST".equals(method))
        {
            placeOrder(exchange, JSON.readTree(body));
            return;
        }
        if (path.equals("/orders") && "GET".equals(method))
        {
            // without a status filter Coinbase lists the orders still working: open, pending and active
            final List<Map<String, Object>> open = new ArrayList<>();
            for (final Order order : orders.values())
            {
                synchronized (order)
                {
                    if (!"done".equals(order.status))
                    {
                        open.add(order.json());
                    }
                }
            }
            send(exchange, 200, open);
            return;
        }
        if (path.startsWith("/orders/"))
        {
            final Order order = find(path.substring("/orders/".length()));
            if (order == null)
            {
                send(exchange, 404, Map.of("message", "NotFound"));
                return;
            }
            synchronized (order)
            {
                if ("GET".equals(method))
                {
                    send(exchange, 200, order.json());
                }
                else if (!"open".equals(order.status) && !"active".equals(order.status))
                {
                    send(exchange, 400, Map.of("message", "Order already done"));
                }
                else
                {
                    order.status = "done";
                    order.doneReason = "canceled";
                    if (order.filled.signum() == 0)
                    {
                        // Coinbase keeps no record of a canceled order that never traded
                        orders.remove(order.id);
                    }
                    send(exchange, 200, order.id);
                }
            }
            return;
        }
        send(exchange, 404, Map.of("message", "NotFound"));
    }

    private void placeOrder(final HttpExchange exchange, final JsonNode request) throws IOException
    {
        if (!"BTC-USD".equals(request.path("product_id").asText()))
        {
            send(exchange, 400, Map.of("message", "product_id is not a valid product"));
            return;
        }
        final boolean market = "market".equals(request.path("type").asText());
        final boolean buy = "buy".equals(request.path("side").asText());
        final BigDecimal size = new BigDecimal(request.path("size").asText());
        final BigDecimal touch = buy ? ask : bid;
        final BigDecimal price = market ? touch : new BigDecimal(request.path("price").asText());
        if (size.compareTo(new BigDecimal("0.00001")) < 0)
        {
            send(exchange, 400, Map.of("message", "size is too small. Minimum size is 0.00001"));
            return;
        }
        if (!market && price.remainder(new BigDecimal("0.01")).signum() != 0)
        {
            send(exchange, 400, Map.of("message", "price is too accurate. Smallest unit is 0.01"));
            return;
        }
        if (buy && size.multiply(price).compareTo(new BigDecimal("100000")) > 0)
        {
            send(exchange, 400, Map.of("message", "Insufficient funds"));
            return;
        }
        final boolean crosses = market || (buy ? price.compareTo(touch) >= 0 : price.compareTo(touch) <= 0);
        if (request.path("post_only").asBoolean(false) && crosses)
        {
            send(exchange, 400, Map.of("message", "Post only mode"));
            return;
        }
        final String stop = request.path("stop").asText("");
        if (!stop.isEmpty())
        {
            final String problem = stopProblem(stop, market, buy, request.path("stop_price").asText(""));
            if (problem != null)
            {
                send(exchange, 400, Map.of("message", problem));
                return;
            }
        }
        final Order order = new Order(UUID.randomUUID().toString(), request.path("client_oid").asText(null),
            request.path("side").asText(), request.path("type").asText(), size, market ? null : price);
        orders.put(order.id, order);
        if (!stop.isEmpty())
        {
            // a stop order waits off the book, whatever its price, until the market reaches its stop price
            order.stop = stop;
            order.stopPrice = new BigDecimal(request.path("stop_price").asText());
            order.status = "active";
            send(exchange, 200, order.json());
            return;
        }
        final String timeInForce = request.path("time_in_force").asText("GTC");
        synchronized (order)
        {
            if (crosses)
            {
                order.fill(size, touch);
            }
            else if ("IOC".equals(timeInForce) || "FOK".equals(timeInForce))
            {
                order.status = "done";
                order.doneReason = "canceled";
            }
        }
        if (takeDropNextOrderResponse())
        {
            return;
        }
        synchronized (order)
        {
            send(exchange, 200, order.json());
        }
    }

    /** Coinbase's rules for a stop order: a limit order, "loss" sells and "entry" buys, with a stop price on tick. */
    private static String stopProblem(final String stop, final boolean market, final boolean buy, final String stopPrice)
    {
        if (market)
        {
            return "Invalid order_type: stop orders must be limit orders";
        }
        if (!"loss".equals(stop) && !"entry".equals(stop))
        {
            return "Invalid stop: " + stop;
        }
        if ("loss".equals(stop) == buy)
        {
            return "loss".equals(stop) ? "Invalid stop: loss orders must be sell orders" :
                "Invalid stop: entry orders must be buy orders";
        }
        if (stopPrice.isEmpty() || new BigDecimal(stopPrice).remainder(new BigDecimal("0.01")).signum() != 0)
        {
            return "Invalid stop_price";
        }
        return null;
    }

    private Order find(final String id)
    {
        if (id.startsWith("client:"))
        {
            final String clientOid = id.substring("client:".length());
            for (final Order order : orders.values())
            {
                if (clientOid.equals(order.clientOid))
                {
                    return order;
                }
            }
            return null;
        }
        return orders.get(id);
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
        if (timestamp == null ||
            Math.abs(Double.parseDouble(timestamp) - System.currentTimeMillis() / 1000.0) > 30)
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

    private static Map<String, Object> product()
    {
        final Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", "BTC-USD");
        product.put("base_currency", "BTC");
        product.put("quote_currency", "USD");
        product.put("base_min_size", "0.00001");
        product.put("base_max_size", "1000");
        product.put("quote_increment", "0.01");
        product.put("base_increment", "0.00000001");
        product.put("min_market_funds", "1");
        product.put("max_market_funds", "1000000");
        product.put("status", "online");
        product.put("cancel_only", false);
        product.put("limit_only", false);
        product.put("post_only", false);
        product.put("trading_disabled", false);
        product.put("fx_stablecoin", false);
        return product;
    }

    private static Map<String, Object> currency(final String id, final String precision)
    {
        final Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", "BTC".equals(id) ? "crypto" : "fiat");
        details.put("symbol", id);
        details.put("network_confirmations", 2);
        details.put("sort_order", 1);
        details.put("crypto_address_link", "");
        details.put("crypto_transaction_link", "");
        details.put("push_payment_methods", List.of());
        details.put("group_types", List.of());
        details.put("min_withdrawal_amount", 0.0001);
        final Map<String, Object> currency = new LinkedHashMap<>();
        currency.put("id", id);
        currency.put("name", id);
        currency.put("min_size", precision);
        currency.put("status", "online");
        currency.put("message", "");
        currency.put("max_precision", precision);
        currency.put("details", details);
        return currency;
    }

    /** One order at the fake venue. */
    private static final class Order
    {
        final String id;
        final String clientOid;
        final String side;
        final String type;
        final BigDecimal size;
        final BigDecimal price;
        final long createdNanos = System.nanoTime();
        String status = "open";
        String doneReason;
        String stop;
        BigDecimal stopPrice;
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal executedValue = BigDecimal.ZERO;

        Order(final String id, final String clientOid, final String side, final String type, final BigDecimal size,
            final BigDecimal price)
        {
            this.id = id;
            this.clientOid = clientOid;
            this.side = side;
            this.type = type;
            this.size = size;
            this.price = price;
        }

        void fill(final BigDecimal qty, final BigDecimal fillPrice)
        {
            filled = filled.add(qty);
            executedValue = executedValue.add(qty.multiply(fillPrice));
            if (filled.compareTo(size) >= 0)
            {
                status = "done";
                doneReason = "filled";
            }
        }

        Map<String, Object> json()
        {
            final Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            if (price != null)
            {
                json.put("price", price.toPlainString());
            }
            json.put("size", size.toPlainString());
            json.put("product_id", "BTC-USD");
            json.put("side", side);
            json.put("type", type);
            json.put("created_at", Instant.now().toString());
            json.put("filled_size", filled.toPlainString());
            json.put("fill_fees", "0");
            json.put("executed_value", executedValue.toPlainString());
            json.put("status", status);
            if (stop != null)
            {
                json.put("stop", stop);
                json.put("stop_price", stopPrice.toPlainString());
            }
            json.put("settled", "done".equals(status));
            if (doneReason != null)
            {
                json.put("done_reason", doneReason);
                json.put("done_at", Instant.now().toString());
            }
            return json;
        }
    }
}
