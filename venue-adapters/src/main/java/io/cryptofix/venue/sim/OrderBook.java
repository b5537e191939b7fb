package io.cryptofix.venue.sim;

import io.cryptofix.domain.Side;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A limit order book for one symbol with price-time priority: better prices trade first, and at
 * one price the order that came first trades first. Not thread-safe: only the venue worker uses it.
 */
final class OrderBook
{
    private final TreeMap<Long, ArrayDeque<RestingOrder>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, ArrayDeque<RestingOrder>> asks = new TreeMap<>();
    private final Map<Long, RestingOrder> gatewayOrders = new HashMap<>();

    /**
     * Trades an incoming order against the opposite side, best price first.
     *
     * @param limitPrice  the worst price the order accepts, or 0 for a market order.
     * @return the quantity left unfilled.
     */
    long match(final Side side, final long limitPrice, final long qty, final Trade trade)
    {
        final TreeMap<Long, ArrayDeque<RestingOrder>> opposite = side == Side.BUY ? asks : bids;
        long remaining = qty;
        final Iterator<Map.Entry<Long, ArrayDeque<RestingOrder>>> levels = opposite.entrySet().iterator();
        while (remaining > 0 && levels.hasNext())
        {
            final Map.Entry<Long, ArrayDeque<RestingOrder>> level = levels.next();
            final long price = level.getKey();
            if (limitPrice != 0 && (side == Side.BUY ? price > limitPrice : price < limitPrice))
            {
                break;
            }
            final ArrayDeque<RestingOrder> queue = level.getValue();
            while (remaining > 0 && !queue.isEmpty())
            {
                final RestingOrder resting = queue.peekFirst();
                final long tradedQty = Math.min(remaining, resting.remainingQty);
                resting.remainingQty -= tradedQty;
                remaining -= tradedQty;
                if (resting.remainingQty == 0)
                {
                    queue.pollFirst();
                    if (!resting.isSynthetic())
                    {
                        gatewayOrders.remove(resting.orderKey);
                    }
                }
                trade.onTrade(resting, tradedQty, price);
            }
            if (queue.isEmpty())
            {
                levels.remove();
            }
        }
        return remaining;
    }

    void rest(final RestingOrder order)
    {
        final TreeMap<Long, ArrayDeque<RestingOrder>> book = order.side == Side.BUY ? bids : asks;
        book.computeIfAbsent(order.price, price -> new ArrayDeque<>()).addLast(order);
        if (!order.isSynthetic())
        {
            gatewayOrders.put(order.orderKey, order);
        }
    }

    /**
     * @return the gateway order removed, or null if it is not resting.
     */
    RestingOrder cancel(final long orderKey)
    {
        final RestingOrder order = gatewayOrders.remove(orderKey);
        if (order != null)
        {
            final TreeMap<Long, ArrayDeque<RestingOrder>> book = order.side == Side.BUY ? bids : asks;
            final ArrayDeque<RestingOrder> queue = book.get(order.price);
            queue.remove(order);
            if (queue.isEmpty())
            {
                book.remove(order.price);
            }
        }
        return order;
    }

    /**
     * @return the gateway order resting under {@code orderKey}, or null.
     */
    RestingOrder resting(final long orderKey)
    {
        return gatewayOrders.get(orderKey);
    }

    /**
     * @param side        the side of an incoming order.
     * @param limitPrice  the worst price it accepts, or 0 for any.
     * @return the quantity it could trade against at once.
     */
    long availableQty(final Side side, final long limitPrice)
    {
        final TreeMap<Long, ArrayDeque<RestingOrder>> opposite = side == Side.BUY ? asks : bids;
        long available = 0;
        for (final Map.Entry<Long, ArrayDeque<RestingOrder>> level : opposite.entrySet())
        {
            final long price = level.getKey();
            if (limitPrice != 0 && (side == Side.BUY ? price > limitPrice : price < limitPrice))
            {
                break;
            }
            for (final RestingOrder order : level.getValue())
            {
                available += order.remainingQty;
            }
        }
        return available;
    }

    boolean isResting(final long orderKey)
    {
        return gatewayOrders.containsKey(orderKey);
    }

    void removeSyntheticLiquidity()
    {
        removeSynthetic(bids);
        removeSynthetic(asks);
    }

    /**
     * Writes a side's levels nearest the touch into {@code levels} as price/quantity pairs, best first.
     *
     * @param side  the side of the book ({@link Side#BUY}: the bids).
     * @return how many levels were written: at most {@code levels.length / 2}.
     */
    int depth(final Side side, final long[] levels)
    {
        final TreeMap<Long, ArrayDeque<RestingOrder>> book = side == Side.BUY ? bids : asks;
        int count = 0;
        for (final Map.Entry<Long, ArrayDeque<RestingOrder>> level : book.entrySet())
        {
            if (2 * count == levels.length)
            {
                break;
            }
            long qty = 0;
            for (final RestingOrder order : level.getValue())
            {
                qty += order.remainingQty;
            }
            levels[2 * count] = level.getKey();
            levels[2 * count + 1] = qty;
            count++;
        }
        return count;
    }

    /**
     * @return the best price on a side, or 0 if the side is empty.
     */
    long bestPrice(final Side side)
    {
        final TreeMap<Long, ArrayDeque<RestingOrder>> book = side == Side.BUY ? bids : asks;
        return book.isEmpty() ? 0 : book.firstKey();
    }

    private static void removeSynthetic(final TreeMap<Long, ArrayDeque<RestingOrder>> book)
    {
        final Iterator<ArrayDeque<RestingOrder>> levels = book.values().iterator();
        while (levels.hasNext())
        {
            final ArrayDeque<RestingOrder> queue = levels.next();
            queue.removeIf(RestingOrder::isSynthetic);
            if (queue.isEmpty())
            {
                levels.remove();
            }
        }
    }
}
