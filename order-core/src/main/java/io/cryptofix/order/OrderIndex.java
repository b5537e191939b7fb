package io.cryptofix.order;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every order the gateway has, by key, by ClOrdID within its session, and, while it works, among its
 * session's working orders: mass operations and cancel-on-disconnect look at those, never at all
 * orders. A ClOrdID stays taken for as long as the gateway has the order (the request ClOrdIDs of
 * its cancels and replaces too), so none is used twice in a session. Keys and working orders are in
 * open-addressing maps (no entry objects); ClOrdIDs in a {@link HashMap}, whose hash spreading and
 * tree bins keep look-ups short however alike clients make their ClOrdIDs (sequential numbers
 * cluster in a linear-probing map).
 */
final class OrderIndex
{
    private static final Comparator<Order> OLDEST_FIRST = Comparator.comparingLong(Order::orderKey);

    private final Long2ObjectHashMap<Order> byKey = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<Map<String, Order>> byClOrdId = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<Long2ObjectHashMap<Order>> working = new Long2ObjectHashMap<>();
    // the ClOrdIDs of each order's cancels and replaces, by order key: they leave with the order
    private final Long2ObjectHashMap<List<String>> requestClOrdIds = new Long2ObjectHashMap<>();
    private long nextOrderKey = 1;

    /** Takes the next order key: for a new order, or for the OrderID of a report that needs one of its own. */
    long takeOrderKey()
    {
        return nextOrderKey++;
    }

    /** Continues order keys after those an earlier run used. */
    void continueAfter(final long nextOrderKey)
    {
        this.nextOrderKey = Math.max(this.nextOrderKey, nextOrderKey);
    }

    Order byKey(final long orderKey)
    {
        return byKey.get(orderKey);
    }

    /** The order the session knows by this ClOrdID (its own, or a request's), or null. */
    Order byClOrdId(final long sessionId, final String clOrdId)
    {
        final Map<String, Order> orders = byClOrdId.get(sessionId);
        return orders == null ? null : orders.get(clOrdId);
    }

    boolean isTaken(final long sessionId, final String clOrdId)
    {
        return byClOrdId(sessionId, clOrdId) != null;
    }

    void add(final Order order)
    {
        byKey.put(order.orderKey(), order);
        sessionClOrdIds(order.sessionId()).put(order.clOrdId(), order);
        if (!order.state().isTerminal())
        {
            sessionWorking(order.sessionId()).put(order.orderKey(), order);
        }
    }

    /** A request's ClOrdID is taken at once, so that no new order or other request takes it meanwhile. */
    void reserve(final Order order, final String requestClOrdId)
    {
        sessionClOrdIds(order.sessionId()).put(requestClOrdId, order);
        List<String> requests = requestClOrdIds.get(order.orderKey());
        if (requests == null)
        {
            requests = new ArrayList<>(2);
            requestClOrdIds.put(order.orderKey(), requests);
        }
        requests.add(requestClOrdId);
    }

    /** A refused request gives its ClOrdID back. */
    void release(final Order order, final String requestClOrdId)
    {
        final Map<String, Order> orders = byClOrdId.get(order.sessionId());
        if (orders != null && orders.get(requestClOrdId) == order)
        {
            orders.remove(requestClOrdId);
        }
        final List<String> requests = requestClOrdIds.get(order.orderKey());
        if (requests != null)
        {
            requests.remove(requestClOrdId);
        }
    }

    /**
     * A finished order leaves the gateway's memory: no longer known by key or by any of its ClOrdIDs,
     * which its session may use again.
     */
    void evict(final Order order)
    {
        if (byKey.get(order.orderKey()) != order)
        {
            return;
        }
        byKey.remove(order.orderKey());
        final Map<String, Order> orders = byClOrdId.get(order.sessionId());
        if (orders != null)
        {
            orders.remove(order.firstClOrdId(), order);
            // after a restart the index knew it by its latest ClOrdID alone
            orders.remove(order.clOrdId(), order);
            final List<String> requests = requestClOrdIds.remove(order.orderKey());
            if (requests != null)
            {
                for (final String clOrdId : requests)
                {
                    orders.remove(clOrdId, order);
                }
            }
        }
        finished(order);
    }

    /** @return how many of the session's orders are working now (open at a venue or held by the gateway). */
    int workingCount(final long sessionId)
    {
        final Long2ObjectHashMap<Order> orders = working.get(sessionId);
        return orders == null ? 0 : orders.size();
    }

    /** The order ended: it stays known by key and ClOrdID, but no longer works. */
    void finished(final Order order)
    {
        final Long2ObjectHashMap<Order> orders = working.get(order.sessionId());
        if (orders != null)
        {
            orders.remove(order.orderKey());
        }
    }

    /**
     * Fills {@code into} with the session's working orders (of {@code symbol}, unless null), oldest first.
     */
    List<Order> working(final long sessionId, final String symbol, final List<Order> into)
    {
        into.clear();
        final Long2ObjectHashMap<Order> orders = working.get(sessionId);
        if (orders != null)
        {
            for (final Order order : orders.values())
            {
                if (symbol == null || symbol.equals(order.symbol()))
                {
                    into.add(order);
                }
            }
        }
        into.sort(OLDEST_FIRST);
        return into;
    }

    /** Fills {@code into} with every working order of every session, oldest first: for the kill switch. */
    List<Order> allWorking(final List<Order> into)
    {
        into.clear();
        for (final Long2ObjectHashMap<Order> orders : working.values())
        {
            into.addAll(orders.values());
        }
        into.sort(OLDEST_FIRST);
        return into;
    }

    Iterable<Order> all()
    {
        return byKey.values();
    }

    int size()
    {
        return byKey.size();
    }

    int workingCount()
    {
        int count = 0;
        for (final Long2ObjectHashMap<Order> orders : working.values())
        {
            count += orders.size();
        }
        return count;
    }

    private Map<String, Order> sessionClOrdIds(final long sessionId)
    {
        Map<String, Order> orders = byClOrdId.get(sessionId);
        if (orders == null)
        {
            orders = new HashMap<>();
            byClOrdId.put(sessionId, orders);
        }
        return orders;
    }

    private Long2ObjectHashMap<Order> sessionWorking(final long sessionId)
    {
        Long2ObjectHashMap<Order> orders = working.get(sessionId);
        if (orders == null)
        {
            orders = new Long2ObjectHashMap<>();
            working.put(sessionId, orders);
        }
        return orders;
    }
}
