package io.cryptofix.venue.bybit;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake Bybit's spot orders and market for BTCUSDT, as Bybit's V5 documentation describes them:
 * placement with its checks and defaults (a market buy's {@code qty} counts quote coin unless
 * {@code marketUnit} is baseCoin), fills against the best bid and ask, PostOnly/IOC/FOK ends,
 * conditional orders held Untriggered, cancels, and the three ways to look orders up: open ones,
 * the recently closed ones (lost when Bybit restarts its service) and the history.
 */
final class FakeBybitOrders
{
    static final BigDecimal MIN_QTY = new BigDecimal("0.000048");
    static final BigDecimal MIN_AMOUNT = BigDecimal.ONE;
    private static final int BASE_PRECISION = 6;
    private static final BigDecimal QUOTE_BALANCE = new BigDecimal("100000");

    private final Map<String, FakeBybitOrder> orders = new ConcurrentHashMap<>();
    // closed orders Bybit's realtime list still shows (openOnly=1): emptied by a service restart
    private final Set<String> recentlyClosed = ConcurrentHashMap.newKeySet();
    private final FakeBybitTrades trades;
    private final AtomicLong nextId = new AtomicLong(1_700_000_000_000_000L);
    private volatile BigDecimal bid = new BigDecimal("59999.99");
    private volatile BigDecimal ask = new BigDecimal("60000.01");

    FakeBybitOrders(final FakeBybitTrades trades)
    {
        this.trades = trades;
    }

    BigDecimal bid()
    {
        return bid;
    }

    BigDecimal ask()
    {
        return ask;
    }

    /** @return Bybit's answer to {@code POST /v5/order/create}. */
    Map<String, Object> create(final JsonNode request)
    {
        final String orderLinkId = request.path("orderLinkId").asText("");
        if (!"BTCUSDT".equals(request.path("symbol").asText()))
        {
            return FakeBybit.failure(10001, "params error: symbol invalid");
        }
        if (!orderLinkId.isEmpty() && find(null, orderLinkId) != null)
        {
            return FakeBybit.failure(170141, "Duplicate clientOrderId.");
        }
        final boolean market = "Market".equals(request.path("orderType").asText());
        final boolean buy = "Buy".equals(request.path("side").asText());
        final BigDecimal touch = buy ? ask : bid;
        final BigDecimal price = market ? touch : new BigDecimal(request.path("price").asText());
        // Bybit's default: a spot market buy counts qty in the quote coin, a market sell in the base coin
        final String marketUnit = request.path("marketUnit").asText(buy ? "quoteCoin" : "baseCoin");
        final BigDecimal requested = new BigDecimal(request.path("qty").asText());
        final BigDecimal qty = market && "quoteCoin".equals(marketUnit) ?
            requested.divide(touch, BASE_PRECISION, RoundingMode.DOWN) : requested;
        if (qty.compareTo(MIN_QTY) < 0)
        {
            return FakeBybit.failure(170136, "Order quantity exceeded lower limit.");
        }
        if (qty.multiply(price).compareTo(MIN_AMOUNT) < 0)
        {
            return FakeBybit.failure(170140, "Order value exceeded lower limit.");
        }
        if (buy && qty.multiply(price).compareTo(QUOTE_BALANCE) > 0)
        {
            return FakeBybit.failure(170131, "Insufficient balance.");
        }
        final String trigger = request.path("triggerPrice").asText("");
        if (!trigger.isEmpty() && !"StopOrder".equals(request.path("orderFilter").asText()))
        {
            return FakeBybit.failure(10001, "params error: orderFilter must be StopOrder for a spot conditional order");
        }
        final FakeBybitOrder order = new FakeBybitOrder(Long.toString(nextId.getAndIncrement()), orderLinkId,
            request.path("side").asText(), request.path("orderType").asText(),
            request.path("timeInForce").asText(market ? "IOC" : "GTC"), marketUnit, requested, qty,
            market ? BigDecimal.ZERO : price);
        if (!trigger.isEmpty())
        {
            final Map<String, Object> refused = hold(order, request.path("triggerDirection").asInt(0), trigger, touch);
            if (refused != null)
            {
                return refused;
            }
        }
        orders.put(order.orderId, order);
        synchronized (order)
        {
            if (order.triggerPrice == null)
            {
                match(order);
            }
        }
        return FakeBybit.ok(Map.of("orderId", order.orderId, "orderLinkId", orderLinkId));
    }

    private static Map<String, Object> hold(
        final FakeBybitOrder order, final int direction, final String trigger, final BigDecimal touch)
    {
        final BigDecimal triggerPrice = new BigDecimal(trigger);
        if (direction == 1 && triggerPrice.compareTo(touch) <= 0)
        {
            return FakeBybit.failure(110092, "expect Rising, but trigger_price[" + trigger + "] <= current[" +
                touch.toPlainString() + "]");
        }
        if (direction != 1 && triggerPrice.compareTo(touch) >= 0)
        {
            return FakeBybit.failure(110093, "expect Falling, but trigger_price[" + trigger + "] >= current[" +
                touch.toPlainString() + "]");
        }
        order.triggerPrice = triggerPrice;
        order.triggerDirection = direction;
        order.status = BybitOrderStatus.UNTRIGGERED;
        return null;
    }

    /** Fills the order against the best bid or ask if it crosses, or ends it as its time in force says. */
    private void match(final FakeBybitOrder order)
    {
        final BigDecimal touch = order.isBuy() ? ask : bid;
        final boolean market = order.price.signum() == 0;
        final boolean crosses = market ||
            (order.isBuy() ? order.price.compareTo(touch) >= 0 : order.price.compareTo(touch) <= 0);
        if ("PostOnly".equals(order.timeInForce) && crosses)
        {
            close(order, "Cancelled", "UNKNOWN", "EC_PostOnlyWillTakeLiquidity");
        }
        else if (!crosses && "IOC".equals(order.timeInForce))
        {
            close(order, "Cancelled", "UNKNOWN", "EC_NoImmediateQtyToFill");
        }
        else if (!crosses && "FOK".equals(order.timeInForce))
        {
            close(order, "Cancelled", "UNKNOWN", "EC_NoEnoughQtyToFill");
        }
        else if (crosses)
        {
            trade(order, order.qty, touch, false);
        }
    }

    /** Moves the best bid and ask; conditional orders whose trigger is reached are triggered. */
    void market(final BigDecimal newBid, final BigDecimal newAsk)
    {
        bid = newBid;
        ask = newAsk;
        for (final FakeBybitOrder order : orders.values())
        {
            synchronized (order)
            {
                final BigDecimal watched = order.isBuy() ? ask : bid;
                if (BybitOrderStatus.UNTRIGGERED.equals(order.status) && (order.triggerDirection == 1 ?
                    watched.compareTo(order.triggerPrice) >= 0 : watched.compareTo(order.triggerPrice) <= 0))
                {
                    order.status = "New";
                    match(order);
                }
            }
        }
    }

    void trade(final FakeBybitOrder order, final BigDecimal qty, final BigDecimal price, final boolean maker)
    {
        trades.trade(order, qty, price, maker);
        if (!order.isOpen())
        {
            recentlyClosed.add(order.orderId);
        }
    }

    /** Ends an order as Bybit does: its status, cancel type and reason; it joins the recently closed. */
    void close(final FakeBybitOrder order, final String status, final String cancelType, final String rejectReason)
    {
        order.end(status, cancelType, rejectReason);
        recentlyClosed.add(order.orderId);
    }

    /** @return Bybit's answer to {@code POST /v5/order/cancel}. */
    Map<String, Object> cancel(final JsonNode request)
    {
        final FakeBybitOrder order = find(request.path("orderId").asText(null), request.path("orderLinkId").asText(null));
        if (order == null)
        {
            return FakeBybit.failure(170213, "Order does not exist.");
        }
        synchronized (order)
        {
            final boolean untriggered = BybitOrderStatus.UNTRIGGERED.equals(order.status);
            // an untriggered conditional order is found only with the StopOrder filter, an ended order not at all
            if (untriggered != "StopOrder".equals(request.path("orderFilter").asText()) || !order.isOpen())
            {
                return FakeBybit.failure(170213, "Order does not exist.");
            }
            close(order, untriggered ? "Deactivated" : order.filled.signum() == 0 ? "Cancelled" : "PartiallyFilledCanceled",
                "CancelByUser", "EC_PerCancelRequest");
        }
        return FakeBybit.ok(Map.of("orderId", order.orderId, "orderLinkId", order.orderLinkId));
    }

    /**
     * {@code GET /v5/order/realtime}: by id, client id or symbol (orderId first, then orderLinkId),
     * open orders by default, the recently closed ones with {@code openOnly} 1.
     */
    List<Map<String, Object>> realtime(final Map<String, String> params)
    {
        final boolean closed = "1".equals(params.get("openOnly"));
        final List<Map<String, Object>> list = new ArrayList<>();
        for (final FakeBybitOrder order : selected(params))
        {
            synchronized (order)
            {
                if (closed ? recentlyClosed.contains(order.orderId) : order.isOpen())
                {
                    list.add(order.json());
                }
            }
        }
        return list;
    }

    /** {@code GET /v5/order/history}: closed orders only (a unified account's history has no open ones). */
    List<Map<String, Object>> history(final Map<String, String> params)
    {
        final List<Map<String, Object>> list = new ArrayList<>();
        for (final FakeBybitOrder order : selected(params))
        {
            synchronized (order)
            {
                if (!order.isOpen())
                {
                    list.add(order.json());
                }
            }
        }
        return list;
    }

    private List<FakeBybitOrder> selected(final Map<String, String> params)
    {
        if (params.get("orderId") != null || params.get("orderLinkId") != null)
        {
            final FakeBybitOrder order = find(params.get("orderId"), params.get("orderLinkId"));
            return order == null ? List.of() : List.of(order);
        }
        return new ArrayList<>(orders.values());
    }

    /** Bybit restarts its service: closed orders are only in the history from now on. */
    void restart()
    {
        recentlyClosed.clear();
    }

    FakeBybitOrder find(final String orderId, final String orderLinkId)
    {
        if (orderId != null && !orderId.isEmpty())
        {
            return orders.get(orderId);
        }
        for (final FakeBybitOrder order : orders.values())
        {
            if (orderLinkId != null && orderLinkId.equals(order.orderLinkId))
            {
                return order;
            }
        }
        return null;
    }

    FakeBybitOrder last()
    {
        FakeBybitOrder last = null;
        for (final FakeBybitOrder order : orders.values())
        {
            if (last == null || Long.parseLong(order.orderId) > Long.parseLong(last.orderId))
            {
                last = order;
            }
        }
        return last;
    }

    int withOrderLinkId(final String orderLinkId)
    {
        int count = 0;
        for (final FakeBybitOrder order : orders.values())
        {
            count += orderLinkId.equals(order.orderLinkId) ? 1 : 0;
        }
        return count;
    }
}
