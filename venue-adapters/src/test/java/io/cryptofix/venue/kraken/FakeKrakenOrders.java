package io.cryptofix.venue.kraken;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake Kraken's order book side: its orders and trades, and Kraken's trading calls on them
 * (AddOrder, CancelOrder, QueryOrders, OpenOrders, ClosedOrders, QueryTrades) with Kraken's answers,
 * written from Kraken's REST documentation. A refusal is thrown as {@link Refused} with Kraken's error.
 */
final class FakeKrakenOrders
{
    /** AddOrder's parameters as Kraken's documentation lists them; any other is refused. */
    static final Set<String> ADD_ORDER_PARAMETERS = Set.of("nonce", "otp", "userref", "cl_ord_id", "ordertype", "type",
        "volume", "displayvol", "asset_class", "pair", "price", "price2", "trigger", "leverage", "reduce_only", "stptype",
        "oflags", "timeinforce", "starttm", "expiretm", "close[ordertype]", "close[price]", "close[price2]", "deadline",
        "validate");

    // pair: altname, wsname, base, pair decimals, ordermin
    static final Map<String, Object[]> PAIRS = Map.of(
        "XXBTZUSD", new Object[] {"XBTUSD", "XBT/USD", "XXBT", 1, "0.0001"},
        "XETHZUSD", new Object[] {"ETHUSD", "ETH/USD", "XETH", 2, "0.002"});

    private final Map<String, BigDecimal[]> markets = new ConcurrentHashMap<>();
    private final Map<String, FakeKrakenOrder> orders = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(100_000);
    private double lastTradeTime;
    private volatile Map<String, String> lastAddOrder = Map.of();

    /** Kraken's error for a request, e.g. {@code EOrder:Unknown order}. */
    static final class Refused extends Exception
    {
        Refused(final String error)
        {
            super(error, null, false, false);
        }
    }

    FakeKrakenOrders()
    {
        markets.put("XXBTZUSD", new BigDecimal[] {new BigDecimal("59999.9"), new BigDecimal("60000.1")});
        markets.put("XETHZUSD", new BigDecimal[] {new BigDecimal("2999.99"), new BigDecimal("3000.01")});
    }

    Map<String, BigDecimal[]> markets()
    {
        return markets;
    }

    Map<String, String> lastAddOrder()
    {
        return lastAddOrder;
    }

    Iterable<FakeKrakenOrder> all()
    {
        return orders.values();
    }

    /** Moves the best bid and ask; stops whose trigger is reached trade. */
    void market(final String pair, final BigDecimal[] book)
    {
        markets.put(pair, book);
        for (final FakeKrakenOrder order : orders.values())
        {
            synchronized (order)
            {
                if (order.pair.equals(pair) && order.isOpen())
                {
                    triggerIfReached(order, book);
                }
            }
        }
    }

    Map<String, Object> addOrder(final Map<String, String> params) throws Refused
    {
        lastAddOrder = Map.copyOf(params);
        for (final String name : params.keySet())
        {
            if (!ADD_ORDER_PARAMETERS.contains(name))
            {
                throw new Refused("EGeneral:Invalid arguments:" + name);
            }
        }
        final String pair = params.get("pair");
        final Object[] rules = PAIRS.get(pair);
        if (rules == null)
        {
            throw new Refused("EQuery:Unknown asset pair");
        }
        final String ordertype = params.get("ordertype");
        final boolean stop = ordertype.startsWith("stop-loss") || ordertype.startsWith("take-profit");
        final boolean market = "market".equals(ordertype) || "stop-loss".equals(ordertype) || "take-profit".equals(ordertype);
        final boolean buy = "buy".equals(params.get("type"));
        final BigDecimal[] book = markets.get(pair);
        final BigDecimal touch = buy ? book[1] : book[0];
        final String flags = params.getOrDefault("oflags", "");
        // Kraken's default: volume in the base currency; viqc asks for the quote currency (market orders)
        final BigDecimal volume = flags.contains("viqc") ?
            new BigDecimal(params.get("volume")).divide(touch, 8, RoundingMode.DOWN) : new BigDecimal(params.get("volume"));
        if (volume.compareTo(new BigDecimal((String)rules[4])) < 0)
        {
            throw new Refused("EOrder:Order minimum not met");
        }
        // for a stop, price is the trigger and price2 the limit of a stop-loss-limit
        final BigDecimal trigger = stop ? new BigDecimal(params.get("price")) : null;
        final BigDecimal price = market ? touch : new BigDecimal(params.get(stop ? "price2" : "price"));
        if (!market && price.stripTrailingZeros().scale() > (Integer)rules[3])
        {
            throw new Refused("EOrder:Invalid price:" + rules[0] + " price can only be specified up to " + rules[3] +
                " decimals.");
        }
        if (buy && volume.multiply(price).compareTo(new BigDecimal("100000")) > 0)
        {
            throw new Refused("EOrder:Insufficient funds");
        }
        final boolean crosses = !stop && (market || (buy ? price.compareTo(touch) >= 0 : price.compareTo(touch) <= 0));
        if (flags.contains("post") && crosses)
        {
            throw new Refused("EOrder:Post only order");
        }
        final String txid = "O" + nextId.getAndIncrement() + "-FAKE-KRAKEN";
        // Kraken shows the fee currency it chose among the flags: fciq by default when buying, fcib when selling
        final String feeFlag = flags.contains("fci") ? "" : buy ? "fciq" : "fcib";
        final FakeKrakenOrder order = new FakeKrakenOrder(nextId.get(), txid, params.getOrDefault("userref", "0"), pair,
            (String)rules[0], params.get("type"), ordertype, volume, market ? BigDecimal.ZERO : price,
            params.containsKey("expiretm") ? Long.parseLong(params.get("expiretm")) : 0,
            flags.isEmpty() ? feeFlag : feeFlag.isEmpty() ? flags : flags + "," + feeFlag);
        order.trigger = trigger;
        orders.put(txid, order);
        synchronized (order)
        {
            // a stop whose trigger is already reached is triggered at once
            triggerIfReached(order, book);
            if (crosses)
            {
                fill(order, volume, touch, false);
            }
            else if ("IOC".equals(params.get("timeinforce")))
            {
                order.status = "canceled";
                order.reason = "IOC";
            }
        }
        return Map.of("descr", Map.of("order", params.get("type") + " " + volume.toPlainString() + " " + rules[0] + " @ " +
            ordertype), "txid", List.of(txid));
    }

    Map<String, Object> cancelOrder(final Map<String, String> params) throws Refused
    {
        final FakeKrakenOrder order = orders.get(params.get("txid"));
        if (order == null)
        {
            throw new Refused("EOrder:Unknown order");
        }
        synchronized (order)
        {
            // an order Kraken has closed is not open: its cancel is refused as for an unknown order
            if (!order.isOpen())
            {
                throw new Refused("EOrder:Unknown order");
            }
            order.status = "canceled";
            order.reason = "User requested";
        }
        return Map.of("count", 1);
    }

    Map<String, Object> queryOrders(final Map<String, String> params) throws Refused
    {
        final String[] txids = params.getOrDefault("txid", "").split(",");
        if (txids.length > 50)
        {
            throw new Refused("EGeneral:Invalid arguments:txid");
        }
        final boolean withTrades = "true".equals(params.get("trades"));
        final Map<String, Object> found = new LinkedHashMap<>();
        for (final String txid : txids)
        {
            final FakeKrakenOrder order = orders.get(txid);
            if (order == null)
            {
                throw new Refused("EOrder:Invalid order");
            }
            synchronized (order)
            {
                found.put(txid, order.json(withTrades));
            }
        }
        return found;
    }

    Map<String, Object> ordersWith(final String userref, final boolean open)
    {
        final Map<String, Object> found = new LinkedHashMap<>();
        for (final FakeKrakenOrder order : orders.values())
        {
            synchronized (order)
            {
                if ((userref == null || order.userref.equals(userref)) && order.isOpen() == open)
                {
                    found.put(order.txid, order.json(false));
                }
            }
        }
        return found;
    }

    Map<String, Object> queryTrades(final Map<String, String> params) throws Refused
    {
        final String[] txids = params.getOrDefault("txid", "").split(",");
        if (txids.length > 20)
        {
            throw new Refused("EGeneral:Invalid arguments:txid");
        }
        final Map<String, Object> found = new LinkedHashMap<>();
        for (final String txid : txids)
        {
            for (final FakeKrakenOrder order : orders.values())
            {
                synchronized (order)
                {
                    order.trades.stream().filter(trade -> trade.id().equals(txid)).findFirst()
                        .ifPresent(trade -> found.put(txid, order.tradeJson(trade)));
                }
            }
        }
        return found;
    }

    /** The open order with this userref, or an exception. */
    FakeKrakenOrder open(final String userref)
    {
        for (final FakeKrakenOrder order : orders.values())
        {
            if (order.userref.equals(userref) && order.isOpen())
            {
                return order;
            }
        }
        throw new IllegalArgumentException("no open order with userref " + userref);
    }

    /** The order placed last with this userref, in any status, or an exception. */
    FakeKrakenOrder placedLast(final String userref)
    {
        FakeKrakenOrder last = null;
        for (final FakeKrakenOrder order : orders.values())
        {
            if (order.userref.equals(userref) && (last == null || order.sequence > last.sequence))
            {
                last = order;
            }
        }
        if (last == null)
        {
            throw new IllegalArgumentException("no order with userref " + userref);
        }
        return last;
    }

    void forget(final FakeKrakenOrder order)
    {
        orders.remove(order.txid);
    }

    void expireDue()
    {
        final long now = System.currentTimeMillis() / 1000;
        for (final FakeKrakenOrder order : orders.values())
        {
            synchronized (order)
            {
                if (order.isOpen() && order.expiretm > 0 && order.expiretm <= now)
                {
                    order.status = "expired";
                }
            }
        }
    }

    /** A trade of the order, timed after every trade before it. Hold the order's lock. */
    synchronized void fill(final FakeKrakenOrder order, final BigDecimal qty, final BigDecimal price, final boolean maker)
    {
        lastTradeTime = Math.max(System.currentTimeMillis() / 1000.0, lastTradeTime + 0.0001);
        order.fill("T" + nextId.getAndIncrement() + "-FAKE-TRADE", lastTradeTime, qty, price, maker);
    }

    /** Kraken's rule: stop-loss buys when the price rises to the trigger and sells when it falls; take-profit the other way. */
    private void triggerIfReached(final FakeKrakenOrder order, final BigDecimal[] book)
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
            fill(order, order.volume, touch, false);
        }
    }
}
