package io.cryptofix.venue.binance;

import io.cryptofix.venue.binance.FakeBinance.FakeOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static io.cryptofix.venue.binance.FakeBinanceCatalog.error;

/**
 * The fake Binance's matching side: its orders, placed, queried, canceled, traded against its best
 * bid and ask or by a test, and ended by Binance on its own; each trade kept with Binance's fee for
 * {@code myTrades}. Answers are what Binance documents for each endpoint, errors included.
 */
final class FakeBinanceOrders
{
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("^[a-zA-Z0-9-_]{1,36}$");

    /** An HTTP status and JSON body to send. */
    record Answer(int status, Object body)
    {
        static Answer ok(final Object body)
        {
            return new Answer(200, body);
        }

        static Answer refused(final int code, final String message)
        {
            return new Answer(400, error(code, message));
        }
    }

    private final Map<String, BigDecimal[]> markets = new ConcurrentHashMap<>();
    private final Map<Long, FakeOrder> orders = new ConcurrentHashMap<>();
    private final AtomicLong nextOrderId;
    private final AtomicLong nextTradeId = new AtomicLong(1);

    FakeBinanceOrders()
    {
        this(1000);
    }

    /** @param firstOrderId  where this account's order ids start: Binance's are unique across accounts. */
    FakeBinanceOrders(final long firstOrderId)
    {
        nextOrderId = new AtomicLong(firstOrderId);
        markets.put("BTCUSDT", new BigDecimal[] {new BigDecimal("59999.99"), new BigDecimal("60000.01")});
        markets.put("ETHUSDT", new BigDecimal[] {new BigDecimal("2999.99"), new BigDecimal("3000.01")});
    }

    Answer place(final Map<String, String> params)
    {
        final String symbol = params.get("symbol");
        if (!FakeBinanceCatalog.listed(symbol))
        {
            return Answer.refused(-1121, "Invalid symbol.");
        }
        final String clientOrderId = params.getOrDefault("newClientOrderId", "x-" + nextOrderId.get());
        if (!CLIENT_ORDER_ID.matcher(clientOrderId).matches())
        {
            return Answer.refused(-1100,
                "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[a-zA-Z0-9-_]{1,36}$'.");
        }
        for (final FakeOrder open : orders.values())
        {
            if (open.clientOrderId.equals(clientOrderId) && open.isOpen())
            {
                return Answer.refused(-2010, "Duplicate order sent.");
            }
        }
        final String type = params.get("type");
        final boolean buy = "BUY".equals(params.get("side"));
        final BigDecimal[] market = markets.get(symbol);
        final BigDecimal touch = buy ? market[1] : market[0];
        final BigDecimal qty;
        if (params.containsKey("quantity"))
        {
            qty = new BigDecimal(params.get("quantity"));
        }
        else if ("MARKET".equals(type) && params.containsKey("quoteOrderQty"))
        {
            // Binance's other unit for a market order: spend (or receive) this much of the quote asset
            qty = new BigDecimal(params.get("quoteOrderQty")).divide(touch, FakeBinanceCatalog.stepSize(symbol).scale(),
                RoundingMode.DOWN);
        }
        else
        {
            return Answer.refused(-1102, "MARKET".equals(type) ?
                "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!" :
                "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.");
        }
        final boolean stop = type.startsWith("STOP_LOSS") || type.startsWith("TAKE_PROFIT");
        final boolean withPrice = "LIMIT".equals(type) || "LIMIT_MAKER".equals(type) || type.endsWith("_LIMIT");
        final BigDecimal price = withPrice ? new BigDecimal(params.get("price")) : touch;
        final BigDecimal stopPrice = stop ? new BigDecimal(params.get("stopPrice")) : null;
        String filter = FakeBinanceCatalog.filterFailure(symbol, qty, price, withPrice);
        if (filter == null && stop && stopPrice.remainder(FakeBinanceCatalog.tickSize(symbol)).signum() != 0)
        {
            filter = "PRICE_FILTER";
        }
        if (filter != null)
        {
            return Answer.refused(-1013, "Filter failure: " + filter);
        }
        if (buy && qty.multiply(price).compareTo(new BigDecimal("100000")) > 0)
        {
            return Answer.refused(-2010, "Account has insufficient balance for requested action.");
        }
        if (stop && triggers(type, buy, stopPrice, market))
        {
            return Answer.refused(-2010, "Stop price would trigger immediately.");
        }
        final boolean crosses = !stop && (buy ? price.compareTo(touch) >= 0 : price.compareTo(touch) <= 0);
        if ("LIMIT_MAKER".equals(type) && crosses)
        {
            return Answer.refused(-2010, "Order would immediately match and take.");
        }
        final FakeOrder order = new FakeOrder(nextOrderId.getAndIncrement(), clientOrderId, symbol, params.get("side"),
            type, params.getOrDefault("timeInForce", "GTC"), qty, withPrice ? price : BigDecimal.ZERO);
        order.stopPrice = stopPrice;
        orders.put(order.orderId, order);
        synchronized (order)
        {
            if (crosses || "MARKET".equals(type))
            {
                order.fill(nextTradeId.getAndIncrement(), qty, touch);
            }
            else if ("IOC".equals(order.timeInForce) || "FOK".equals(order.timeInForce))
            {
                order.status = "EXPIRED";
            }
            return Answer.ok(placed(order, params.getOrDefault("newOrderRespType",
                "MARKET".equals(type) || "LIMIT".equals(type) ? "FULL" : "ACK")));
        }
    }

    /** A placement's answer in the response type asked for (Binance's default: FULL for MARKET and LIMIT, else ACK). */
    private static Map<String, Object> placed(final FakeOrder order, final String responseType)
    {
        final Map<String, Object> answer = new LinkedHashMap<>();
        if ("ACK".equals(responseType))
        {
            answer.put("symbol", order.symbol);
            answer.put("orderId", order.orderId);
            answer.put("orderListId", -1);
            answer.put("clientOrderId", order.clientOrderId);
        }
        else
        {
            answer.putAll(order.json());
        }
        answer.put("transactTime", System.currentTimeMillis());
        if ("FULL".equals(responseType))
        {
            final List<Map<String, Object>> fills = new ArrayList<>();
            for (final Map<String, Object> trade : order.trades)
            {
                fills.add(Map.of("price", trade.get("price"), "qty", trade.get("qty"), "commission", trade.get("commission"),
                    "commissionAsset", trade.get("commissionAsset"), "tradeId", trade.get("id")));
            }
            answer.put("fills", fills);
        }
        return answer;
    }

    Answer query(final Map<String, String> params)
    {
        final FakeOrder order = find(params);
        if (order == null)
        {
            return Answer.refused(-2013, "Order does not exist.");
        }
        synchronized (order)
        {
            return Answer.ok(order.json());
        }
    }

    Answer cancel(final Map<String, String> params)
    {
        final FakeOrder order = find(params);
        if (order == null)
        {
            return Answer.refused(-2011, "Unknown order sent.");
        }
        synchronized (order)
        {
            // an order Binance has ended, whatever ended it, cannot be canceled: same answer as none at all
            if (!order.isOpen())
            {
                return Answer.refused(-2011, "Unknown order sent.");
            }
            order.status = "CANCELED";
            final Map<String, Object> answer = order.json();
            answer.put("origClientOrderId", order.clientOrderId);
            answer.put("clientOrderId", "cancel-" + order.orderId);
            return Answer.ok(answer);
        }
    }

    /** {@code myTrades}: symbol and orderId, oldest first. */
    Answer trades(final Map<String, String> params)
    {
        final List<Map<String, Object>> trades = new ArrayList<>();
        final String orderId = params.get("orderId");
        for (final FakeOrder order : sorted())
        {
            synchronized (order)
            {
                if (order.symbol.equals(params.get("symbol")) &&
                    (orderId == null || order.orderId == Long.parseLong(orderId)))
                {
                    trades.addAll(order.trades);
                }
            }
        }
        return Answer.ok(trades);
    }

    Answer list(final String symbol, final boolean openOnly)
    {
        final List<Map<String, Object>> list = new ArrayList<>();
        for (final FakeOrder order : sorted())
        {
            synchronized (order)
            {
                if ((symbol == null || order.symbol.equals(symbol)) && (!openOnly || order.isOpen()))
                {
                    list.add(order.json());
                }
            }
        }
        return Answer.ok(list);
    }

    Map<String, BigDecimal[]> markets()
    {
        return markets;
    }

    void market(final String symbol, final BigDecimal bid, final BigDecimal ask)
    {
        final BigDecimal[] market = {bid, ask};
        markets.put(symbol, market);
        for (final FakeOrder order : orders.values())
        {
            synchronized (order)
            {
                if (order.symbol.equals(symbol) && order.isOpen() && !order.triggered && order.stopPrice != null &&
                    triggers(order.type, "BUY".equals(order.side), order.stopPrice, market))
                {
                    order.triggered = true;
                    final boolean buy = "BUY".equals(order.side);
                    final BigDecimal touch = buy ? market[1] : market[0];
                    if (!order.type.endsWith("_LIMIT") ||
                        (buy ? order.price.compareTo(touch) >= 0 : order.price.compareTo(touch) <= 0))
                    {
                        order.fill(nextTradeId.getAndIncrement(), order.origQty, touch);
                    }
                }
            }
        }
    }

    void trade(final String clientOrderId, final BigDecimal qty, final BigDecimal price)
    {
        final FakeOrder order = byClientOrderId(clientOrderId);
        synchronized (order)
        {
            order.fill(nextTradeId.getAndIncrement(), qty, price);
        }
    }

    /** Binance ends the order on its own with this status word, whatever is left of it. */
    void end(final String clientOrderId, final String status)
    {
        final FakeOrder order = byClientOrderId(clientOrderId);
        synchronized (order)
        {
            order.status = status;
        }
    }

    FakeOrder byClientOrderId(final String clientOrderId)
    {
        for (final FakeOrder order : orders.values())
        {
            if (order.clientOrderId.equals(clientOrderId))
            {
                return order;
            }
        }
        return null;
    }

    List<FakeOrder> sorted()
    {
        return orders.values().stream().sorted((a, b) -> Long.compare(a.orderId, b.orderId)).toList();
    }

    /** Binance's rule: STOP_LOSS buys when the price rises to the stop, sells when it falls; TAKE_PROFIT the other way. */
    private static boolean triggers(final String type, final boolean buy, final BigDecimal stop, final BigDecimal[] market)
    {
        final boolean stopLoss = type.startsWith("STOP_LOSS");
        final BigDecimal price = buy ? market[1] : market[0];
        return buy == stopLoss ? price.compareTo(stop) >= 0 : price.compareTo(stop) <= 0;
    }

    /** By orderId when given (Binance prefers it), else by origClientOrderId. */
    private FakeOrder find(final Map<String, String> params)
    {
        final String orderId = params.get("orderId");
        if (orderId != null)
        {
            final FakeOrder order = orders.get(Long.parseLong(orderId));
            return order != null && order.symbol.equals(params.get("symbol")) ? order : null;
        }
        final String clientOrderId = params.get("origClientOrderId");
        final FakeOrder order = clientOrderId == null ? null : byClientOrderId(clientOrderId);
        return order != null && order.symbol.equals(params.get("symbol")) ? order : null;
    }
}
