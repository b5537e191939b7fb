package io.cryptofix.order;

import io.cryptofix.config.Durations;
import io.cryptofix.config.RiskConfig;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Side;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Object2LongHashMap;

import java.time.Duration;

/**
 * The duplicate-order guard ({@code duplicateOrderWindow}, off by default): an order with the same
 * side, symbol, quantity and price as an order the same session sent within the window is refused, as
 * a client's likely double send under a new ClOrdID. Remembers the last order of each set of terms
 * by a hash, and compares the order itself, so a hash collision never refuses a different order.
 */
final class DuplicateOrderGuard
{
    static final String CHECK = "duplicateOrderWindow";
    private static final long OFF = -1;
    private static final long UNRESOLVED = Long.MIN_VALUE;
    private static final int PRUNE_EVERY = 4096;

    private final OrderIndex index;
    private RiskConfig config = RiskConfig.NONE;
    private final Object2LongHashMap<String> windowMillis = new Object2LongHashMap<>(UNRESOLVED);
    // hash of (session, side, symbol, quantity, price) -> the order key of the last such order
    private final Long2LongHashMap lastOrder = new Long2LongHashMap(-1);
    private int sincePrune;
    private boolean anyOn;

    DuplicateOrderGuard(final OrderIndex index)
    {
        this.index = index;
    }

    void config(final RiskConfig config)
    {
        this.config = config;
        windowMillis.clear();
        anyOn = config.defaults().duplicateOrderWindow() != null ||
            config.sessions().values().stream().anyMatch(limits -> limits.duplicateOrderWindow() != null);
    }

    /**
     * @return null when no order of the session with the same terms came within its window, else the
     *     client's Text naming the earlier order.
     */
    String refusal(
        final long sessionId, final String compId, final Side side, final String symbol, final long orderQty,
        final long price, final long nowMillis)
    {
        if (!anyOn)
        {
            return null;
        }
        final long window = window(compId);
        if (window == OFF)
        {
            return null;
        }
        final long earlierKey = lastOrder.get(hash(sessionId, side, symbol, orderQty, price));
        final Order earlier = earlierKey < 0 ? null : index.byKey(earlierKey);
        if (earlier == null || earlier.sessionId() != sessionId || earlier.side() != side ||
            earlier.orderQty() != orderQty || earlier.price() != price || !earlier.symbol().equals(symbol) ||
            nowMillis - earlier.createdMillis() >= window)
        {
            return null;
        }
        return "duplicate order (" + CHECK + " " + Durations.format(Duration.ofMillis(window)) +
            "): same side, symbol, quantity " + Fixed.toString(orderQty) + " and price" +
            (price > 0 ? " " + Fixed.toString(price) : "") + " as ClOrdID (11) '" + earlier.clOrdId() + "' sent " +
            (nowMillis - earlier.createdMillis()) + " ms ago";
    }

    /** A new order of the session was accepted: the one a duplicate would repeat. */
    void accepted(final Order order, final long nowMillis)
    {
        if (!anyOn || window(order.clientCompId()) == OFF)
        {
            return;
        }
        lastOrder.put(hash(order.sessionId(), order.side(), order.symbol(), order.orderQty(), order.price()),
            order.orderKey());
        if (++sincePrune >= PRUNE_EVERY)
        {
            sincePrune = 0;
            prune(nowMillis);
        }
    }

    /** Forgets orders too old to be repeated, so that the guard holds only a window's worth. */
    private void prune(final long nowMillis)
    {
        final Long2LongHashMap.EntryIterator entries = lastOrder.entrySet().iterator();
        while (entries.hasNext())
        {
            entries.next();
            final Order order = index.byKey(entries.getLongValue());
            if (order == null || nowMillis - order.createdMillis() >= window(order.clientCompId()))
            {
                entries.remove();
            }
        }
    }

    private long window(final String compId)
    {
        final String key = compId == null ? "" : compId;
        long window = windowMillis.getValue(key);
        if (window == UNRESOLVED)
        {
            final Duration configured = config.duplicateOrderWindow(compId);
            window = configured == null ? OFF : configured.toMillis();
            windowMillis.put(key, window);
        }
        return window;
    }

    private static long hash(
        final long sessionId, final Side side, final String symbol, final long orderQty, final long price)
    {
        long hash = sessionId;
        hash = hash * 31 + side.ordinal();
        hash = hash * 31 + symbol.hashCode();
        hash = hash * 1_000_003 + orderQty;
        return hash * 1_000_003 + price;
    }
}
