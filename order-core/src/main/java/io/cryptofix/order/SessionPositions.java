package io.cryptofix.order;

import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Side;

import java.util.HashMap;
import java.util.Map;

/**
 * Each session's position in each base asset, net of its own fills (a buy adds, a sell takes away),
 * and the quantity its working orders still have open on each side: what the session holds, and what
 * it could come to hold if all of them filled. Kept from the events the core emits
 * ({@link #applied}), so it follows every fill, replace and ending the orders go through, and built
 * again from the replayed orders after a restart ({@link #rebuild}).
 *
 * <p>Sessions are named by their client CompID. A session's positions are looked up by symbol, and
 * the symbol's base asset (BTC of BTC/USDT) is worked out once per session and symbol: after that an
 * event costs two map look-ups and no allocation. Duty-cycle thread only.
 */
final class SessionPositions
{
    /** One session's position in one asset, and its open quantity on each side; Fixed. */
    static final class AssetPosition
    {
        private final String asset;
        private long position;
        private long openBuys;
        private long openSells;

        AssetPosition(final String asset)
        {
            this.asset = asset;
        }

        String asset()
        {
            return asset;
        }

        /** Net of the session's fills: positive long, negative short. */
        long position()
        {
            return position;
        }

        long openBuys()
        {
            return openBuys;
        }

        long openSells()
        {
            return openSells;
        }

        long open(final Side side)
        {
            return side == Side.BUY ? openBuys : openSells;
        }

        private void filled(final Side side, final long qty)
        {
            position += side == Side.BUY ? qty : -qty;
        }

        private void opened(final Side side, final long qty)
        {
            if (side == Side.BUY)
            {
                openBuys += qty;
            }
            else
            {
                openSells += qty;
            }
        }
    }

    /** A session's positions, by symbol for the order path and by asset for reading them. */
    static final class SessionBook
    {
        private final Map<String, AssetPosition> bySymbol = new HashMap<>();
        private final Map<String, AssetPosition> byAsset = new HashMap<>();
        private int openOrders;

        int openOrders()
        {
            return openOrders;
        }

        Map<String, AssetPosition> byAsset()
        {
            return byAsset;
        }

        private AssetPosition of(final String symbol)
        {
            AssetPosition position = bySymbol.get(symbol);
            if (position == null)
            {
                position = byAsset.computeIfAbsent(baseAsset(symbol), AssetPosition::new);
                bySymbol.put(symbol, position);
            }
            return position;
        }
    }

    private final Map<String, SessionBook> sessions = new HashMap<>();

    /**
     * An event was emitted: a fill moves the position, and a change of the order's LeavesQty (it
     * started, filled, was replaced or ended) moves the open quantity on its side.
     *
     * @param leavesBefore  the order's LeavesQty before the event; 0 for the event that created it.
     */
    void applied(final OrderEvent event, final long leavesBefore)
    {
        final Order order = event.order();
        final OrderEventType type = event.type();
        if (order == null || type.isAnswer())
        {
            return;
        }
        final boolean fill = type == OrderEventType.PARTIAL_FILL || type == OrderEventType.FULL_FILL;
        final long leavesAfter = order.leavesQty();
        if (!fill && leavesAfter == leavesBefore)
        {
            return;
        }
        final SessionBook book = book(order.clientCompId());
        final AssetPosition position = book.of(order.symbol());
        if (fill)
        {
            position.filled(order.side(), event.lastQty());
        }
        position.opened(order.side(), leavesAfter - leavesBefore);
        // a working order always has quantity left: LeavesQty tells when one starts or ends
        book.openOrders += (leavesAfter > 0 ? 1 : 0) - (leavesBefore > 0 ? 1 : 0);
    }

    /**
     * After a restart, before anything else happens to the orders: every replayed order, finished or
     * not, counts with what it filled, and a working one with what it has left.
     */
    void rebuild(final Iterable<Order> orders)
    {
        sessions.clear();
        for (final Order order : orders)
        {
            final long leaves = order.leavesQty();
            if (order.cumQty() == 0 && leaves == 0)
            {
                continue;
            }
            final SessionBook book = book(order.clientCompId());
            final AssetPosition position = book.of(order.symbol());
            position.filled(order.side(), order.cumQty());
            position.opened(order.side(), leaves);
            book.openOrders += leaves > 0 ? 1 : 0;
        }
    }

    /** @return the session's position in the symbol's base asset, or null when it never had one. */
    AssetPosition find(final String session, final String symbol)
    {
        final SessionBook book = sessions.get(session == null ? "" : session);
        if (book == null)
        {
            return null;
        }
        final AssetPosition bySymbol = book.bySymbol.get(symbol);
        return bySymbol != null ? bySymbol : book.byAsset.get(baseAsset(symbol));
    }

    /** Every session with orders or fills, by CompID ("" for orders of no known CompID). */
    Map<String, SessionBook> sessions()
    {
        return sessions;
    }

    private SessionBook book(final String session)
    {
        final String key = session == null ? "" : session;
        SessionBook book = sessions.get(key);
        if (book == null)
        {
            book = new SessionBook();
            sessions.put(key, book);
        }
        return book;
    }

    /** BTC of BTC/USDT; the whole symbol when it names no quote. */
    static String baseAsset(final String symbol)
    {
        final int slash = symbol.indexOf('/');
        return slash < 0 ? symbol : symbol.substring(0, slash);
    }

    /** e.g. {@code 2 BTC long}, {@code 0.5 BTC short}, {@code flat}. */
    static String describe(final long position, final String asset)
    {
        return position == 0 ? "flat" : Fixed.toString(Math.abs(position)) + " " + asset +
            (position > 0 ? " long" : " short");
    }
}
