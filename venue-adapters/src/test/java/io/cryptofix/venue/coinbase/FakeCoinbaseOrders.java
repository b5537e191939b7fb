package io.cryptofix.venue.coinbase;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake Coinbase's orders, by Coinbase's rules: what a placement is refused for, how a market order
 * is sized ({@code size} in the base currency, or else {@code funds} in the quote currency, as
 * Coinbase's docs say), stops held "active" until the market reaches them, cancels (forgetting, as
 * Coinbase may, a canceled order that never traded), and the ends Coinbase gives an order on its own.
 */
final class FakeCoinbaseOrders
{
    /** An HTTP answer: status and JSON body. */
    record Answer(int status, Object body)
    {
        static Answer message(final int status, final String message)
        {
            return new Answer(status, Map.of("message", message));
        }
    }

    private static final BigDecimal MIN_SIZE = new BigDecimal("0.00001");
    private static final BigDecimal TICK = new BigDecimal("0.01");
    private static final BigDecimal BALANCE = new BigDecimal("100000");

    private final Map<String, FakeCoinbaseOrder> orders = new ConcurrentHashMap<>();
    private volatile BigDecimal bid = new BigDecimal("59999.99");
    private volatile BigDecimal ask = new BigDecimal("60000.01");

    BigDecimal bid()
    {
        return bid;
    }

    BigDecimal ask()
    {
        return ask;
    }

    /** Moves the best bid and ask; stops reached become open limit orders and trade if their price crosses. */
    void market(final BigDecimal newBid, final BigDecimal newAsk)
    {
        bid = newBid;
        ask = newAsk;
        for (final FakeCoinbaseOrder order : orders.values())
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
                        order.fill(order.size, touch, true);
                    }
                }
            }
        }
    }

    /** Places an order, or says why Coinbase would not; the placed order is returned as its JSON. */
    Answer place(final JsonNode request, final FakeCoinbaseOrder[] placed)
    {
        if (!"BTC-USD".equals(request.path("product_id").asText()))
        {
            return Answer.message(400, "product_id is not a valid product");
        }
        final boolean market = "market".equals(request.path("type").asText());
        final boolean buy = "buy".equals(request.path("side").asText());
        final BigDecimal touch = buy ? ask : bid;
        final BigDecimal price = market ? touch : new BigDecimal(request.path("price").asText());
        final BigDecimal size = size(request, market, price);
        if (size == null)
        {
            return Answer.message(400, "size or funds is required");
        }
        if (size.compareTo(MIN_SIZE) < 0)
        {
            return Answer.message(400, "size is too small. Minimum size is 0.00001");
        }
        if (!market && price.remainder(TICK).signum() != 0)
        {
            return Answer.message(400, "price is too accurate. Smallest unit is 0.01");
        }
        if (buy && size.multiply(price).compareTo(BALANCE) > 0)
        {
            return Answer.message(400, "Insufficient funds");
        }
        final boolean crosses = market || (buy ? price.compareTo(touch) >= 0 : price.compareTo(touch) <= 0);
        if (request.path("post_only").asBoolean(false) && crosses)
        {
            return Answer.message(400, "Post only mode");
        }
        final String stop = request.path("stop").asText("");
        if (!stop.isEmpty())
        {
            final String problem = stopProblem(stop, market, buy, request.path("stop_price").asText(""));
            if (problem != null)
            {
                return Answer.message(400, problem);
            }
        }
        final FakeCoinbaseOrder order = new FakeCoinbaseOrder(UUID.randomUUID().toString(),
            request.path("client_oid").asText(null), request.path("side").asText(), request.path("type").asText(), size,
            market ? null : price);
        order.timeInForce = request.path("time_in_force").asText("GTC");
        placed[0] = order;
        orders.put(order.id, order);
        synchronized (order)
        {
            if (!stop.isEmpty())
            {
                // a stop order waits off the book, whatever its price, until the market reaches its stop price
                order.stop = stop;
                order.stopPrice = new BigDecimal(request.path("stop_price").asText());
                order.status = "active";
            }
            else if (crosses)
            {
                order.fill(size, touch, true);
            }
            else if ("IOC".equals(order.timeInForce) || "FOK".equals(order.timeInForce))
            {
                order.end("canceled");
            }
            return new Answer(200, order.json());
        }
    }

    /** Coinbase's market order: {@code size} in the base currency, or {@code funds} in the quote currency. */
    private static BigDecimal size(final JsonNode request, final boolean market, final BigDecimal price)
    {
        if (request.hasNonNull("size"))
        {
            return new BigDecimal(request.path("size").asText());
        }
        if (market && request.hasNonNull("funds"))
        {
            return new BigDecimal(request.path("funds").asText()).divide(price, 8, RoundingMode.DOWN);
        }
        return null;
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
        if (stopPrice.isEmpty() || new BigDecimal(stopPrice).remainder(TICK).signum() != 0)
        {
            return "Invalid stop_price";
        }
        return null;
    }

    Answer get(final String id)
    {
        final FakeCoinbaseOrder order = find(id);
        if (order == null)
        {
            return Answer.message(404, "NotFound");
        }
        synchronized (order)
        {
            return new Answer(200, order.json());
        }
    }

    Answer cancel(final String id)
    {
        final FakeCoinbaseOrder order = find(id);
        if (order == null)
        {
            return Answer.message(404, "NotFound");
        }
        synchronized (order)
        {
            if (!order.working())
            {
                return Answer.message(400, "Order already done");
            }
            order.end("canceled");
            if (order.filled.signum() == 0)
            {
                // Coinbase may purge a canceled order that never traded
                orders.remove(order.id);
            }
            return new Answer(200, id.startsWith("client:") ? order.clientOid : order.id);
        }
    }

    /** The orders still working: open, pending and active (Coinbase's list without a status filter). */
    List<Map<String, Object>> working()
    {
        final List<Map<String, Object>> open = new ArrayList<>();
        for (final FakeCoinbaseOrder order : orders.values())
        {
            synchronized (order)
            {
                if (order.working())
                {
                    open.add(order.json());
                }
            }
        }
        return open;
    }

    /** An order's fills, newest first, at most {@code limit}, after the cursor (a trade id) when given. */
    Answer fills(final String orderId, final int limit, final String after, final Map<String, String> cursor)
    {
        final FakeCoinbaseOrder order = orders.get(orderId);
        final List<Map<String, Object>> page = new ArrayList<>();
        if (order != null)
        {
            synchronized (order)
            {
                for (int i = order.fills.size() - 1; i >= 0 && page.size() < limit; i--)
                {
                    final Map<String, Object> fill = order.fills.get(i);
                    if (after == null || ((Long)fill.get("trade_id")) < Long.parseLong(after))
                    {
                        page.add(fill);
                    }
                }
            }
        }
        if (!page.isEmpty())
        {
            cursor.put("cb-after", String.valueOf(page.get(page.size() - 1).get("trade_id")));
        }
        return new Answer(200, page);
    }

    FakeCoinbaseOrder find(final String id)
    {
        if (id.startsWith("client:"))
        {
            final String clientOid = id.substring("client:".length());
            for (final FakeCoinbaseOrder order : orders.values())
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

    FakeCoinbaseOrder last()
    {
        FakeCoinbaseOrder last = null;
        for (final FakeCoinbaseOrder order : orders.values())
        {
            if (last == null || order.createdNanos > last.createdNanos)
            {
                last = order;
            }
        }
        return last;
    }

    int withClientOid(final String clientOid)
    {
        int count = 0;
        for (final FakeCoinbaseOrder order : orders.values())
        {
            count += clientOid.equals(order.clientOid) ? 1 : 0;
        }
        return count;
    }

    void forget(final String id)
    {
        orders.remove(id);
    }
}
