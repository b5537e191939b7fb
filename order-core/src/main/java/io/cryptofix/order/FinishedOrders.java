package io.cryptofix.order;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;

/**
 * Finished orders in the order they finished, each leaving the gateway's memory when its retention
 * is over: memory then follows the orders of the last day or so, not every order since the data
 * directory was made. Only the oldest is looked at each time, so the duty cycle's cost is one
 * comparison while nothing is due.
 */
final class FinishedOrders
{
    private static final Comparator<Order> BY_FINISH = Comparator.comparingLong(Order::finishedMillis);

    private final OrderIndex index;
    private final ArrayDeque<Order> oldestFirst = new ArrayDeque<>();
    private FinishedOrderRetention retention = FinishedOrderRetention.NEXT_UTC_DAY_END;

    FinishedOrders(final OrderIndex index)
    {
        this.index = index;
    }

    /** Applies to every order held, counted from when each finished. */
    void retention(final FinishedOrderRetention retention)
    {
        this.retention = retention;
    }

    FinishedOrderRetention retention()
    {
        return retention;
    }

    void finished(final Order order)
    {
        oldestFirst.addLast(order);
    }

    /**
     * The finished orders of earlier runs, in any order: those whose retention is over are not taken.
     *
     * @return the orders to hold, for the index.
     */
    List<Order> recovered(final List<Order> finished, final long nowMillis)
    {
        finished.removeIf(order -> retention.evictAtMillis(order.finishedMillis()) <= nowMillis);
        finished.sort(BY_FINISH);
        oldestFirst.addAll(finished);
        return finished;
    }

    /** @return how many orders left memory. */
    int evictDue(final long nowMillis)
    {
        int evicted = 0;
        Order oldest = oldestFirst.peekFirst();
        while (oldest != null && retention.evictAtMillis(oldest.finishedMillis()) <= nowMillis)
        {
            oldestFirst.pollFirst();
            index.evict(oldest);
            evicted++;
            oldest = oldestFirst.peekFirst();
        }
        return evicted;
    }

    int size()
    {
        return oldestFirst.size();
    }
}
