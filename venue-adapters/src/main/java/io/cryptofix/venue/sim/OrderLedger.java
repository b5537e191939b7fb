package io.cryptofix.venue.sim;

import io.cryptofix.domain.MarketDepth;
import io.cryptofix.order.VenueOrderStatus;
import io.cryptofix.venue.VenueAmend;
import io.cryptofix.venue.VenueListener;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.VenueQuery;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the simulated venue remembers of each order, to answer status queries by client order id,
 * and the acknowledgements it loses on purpose ({@code faults.loseSubmitAnswers}). Sits between the
 * venue's markets and the gateway: every answer passes through it. Like a real venue it forgets
 * closed orders after a while; open ones it keeps.
 */
final class OrderLedger implements VenueListener
{
    private static final int CLOSED_ORDERS_KEPT = 100_000;

    private final VenueListener gateway;
    private final Map<Long, Entry> open = new HashMap<>();
    private final Map<Long, Entry> closed = new LinkedHashMap<>()
    {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<Long, Entry> eldest)
        {
            return size() > CLOSED_ORDERS_KEPT;
        }
    };
    private int submitAnswersToLose;

    OrderLedger(final VenueListener gateway, final int submitAnswersToLose)
    {
        this.gateway = gateway;
        this.submitAnswersToLose = submitAnswersToLose;
    }

    /** An order reaches the venue: a new placement of its key replaces the earlier one. */
    void placing(final VenueOrder order)
    {
        closed.remove(order.orderKey());
        open.put(order.orderKey(), new Entry(order.attempt(), order.quantity()));
    }

    void amending(final VenueAmend amend)
    {
        final Entry entry = open.get(amend.orderKey());
        if (entry != null)
        {
            entry.amendedQty = amend.quantity();
        }
    }

    /** Answers a status query from what the venue remembers. */
    void query(final VenueQuery query, final long nowMillis)
    {
        Entry entry = open.get(query.orderKey());
        if (entry == null)
        {
            entry = closed.get(query.orderKey());
        }
        if (entry == null || entry.attempt < query.attempt())
        {
            gateway.onOrderStatus(query.orderKey(), VenueOrderStatus.UNKNOWN, null, 0, 0, nowMillis);
            return;
        }
        if (entry.attempt > query.attempt())
        {
            // an earlier placement, canceled to place the order again
            gateway.onOrderStatus(query.orderKey(), VenueOrderStatus.CANCELED, null, 0, 0, nowMillis);
            return;
        }
        final long avgPx = entry.cumQty == 0 ? 0 : Math.round(entry.notional / entry.cumQty);
        gateway.onOrderStatus(query.orderKey(), entry.status, entry.venueOrderId, entry.cumQty, avgPx, nowMillis);
    }

    @Override
    public void onOrderAccepted(final long orderKey, final String venueOrderId, final long timeMillis)
    {
        final Entry entry = open.get(orderKey);
        if (entry != null)
        {
            entry.status = VenueOrderStatus.OPEN;
            entry.venueOrderId = venueOrderId;
        }
        if (submitAnswersToLose > 0)
        {
            submitAnswersToLose--;
            return;
        }
        gateway.onOrderAccepted(orderKey, venueOrderId, timeMillis);
    }

    @Override
    public void onOrderRejected(final long orderKey, final String reason, final long timeMillis)
    {
        close(orderKey, VenueOrderStatus.REJECTED);
        gateway.onOrderRejected(orderKey, reason, timeMillis);
    }

    @Override
    public void onFill(final long orderKey, final long lastQty, final long lastPx, final long timeMillis)
    {
        final Entry entry = open.get(orderKey);
        if (entry != null)
        {
            entry.cumQty += lastQty;
            entry.notional += (double)lastQty * lastPx;
            if (entry.cumQty >= entry.quantity)
            {
                close(orderKey, VenueOrderStatus.FILLED);
            }
        }
        gateway.onFill(orderKey, lastQty, lastPx, timeMillis);
    }

    @Override
    public void onOrderCanceled(final long orderKey, final String reason, final long timeMillis)
    {
        close(orderKey, VenueOrderStatus.CANCELED);
        gateway.onOrderCanceled(orderKey, reason, timeMillis);
    }

    @Override
    public void onCancelRejected(final long orderKey, final String reason, final long timeMillis)
    {
        gateway.onCancelRejected(orderKey, reason, timeMillis);
    }

    @Override
    public void onOrderExpired(final long orderKey, final long timeMillis)
    {
        close(orderKey, VenueOrderStatus.CANCELED);
        gateway.onOrderExpired(orderKey, timeMillis);
    }

    @Override
    public void onOrderReplaced(final long orderKey, final long timeMillis)
    {
        final Entry entry = open.get(orderKey);
        if (entry != null && entry.amendedQty > 0)
        {
            entry.quantity = entry.amendedQty;
            entry.amendedQty = 0;
        }
        gateway.onOrderReplaced(orderKey, timeMillis);
    }

    @Override
    public void onReplaceRejected(final long orderKey, final String reason, final long timeMillis)
    {
        final Entry entry = open.get(orderKey);
        if (entry != null)
        {
            entry.amendedQty = 0;
        }
        gateway.onReplaceRejected(orderKey, reason, timeMillis);
    }

    @Override
    public void onOrderStatus(
        final long orderKey,
        final VenueOrderStatus status,
        final String venueOrderId,
        final long cumQty,
        final long avgPx,
        final long timeMillis)
    {
        gateway.onOrderStatus(orderKey, status, venueOrderId, cumQty, avgPx, timeMillis);
    }

    @Override
    public void onMarketPrice(final String symbol, final long bidPx, final long askPx, final long timeMillis)
    {
        gateway.onMarketPrice(symbol, bidPx, askPx, timeMillis);
    }

    @Override
    public void onMarketDepth(final String symbol, final MarketDepth depth, final long timeMillis)
    {
        gateway.onMarketDepth(symbol, depth, timeMillis);
    }

    private void close(final long orderKey, final VenueOrderStatus status)
    {
        final Entry entry = open.remove(orderKey);
        if (entry != null)
        {
            entry.status = status;
            closed.put(orderKey, entry);
        }
    }

    /** One placement of an order, as the venue sees it. */
    private static final class Entry
    {
        final int attempt;
        long quantity;
        long amendedQty;
        VenueOrderStatus status = VenueOrderStatus.UNKNOWN;
        String venueOrderId;
        long cumQty;
        double notional;

        Entry(final int attempt, final long quantity)
        {
            this.attempt = attempt;
            this.quantity = quantity;
        }
    }
}
