package io.cryptofix.venue.rest;

import io.cryptofix.domain.Fixed;
import io.cryptofix.venue.VenueListener;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The orders this run placed at one venue and still follows, and what the gateway has heard of
 * each: the venue's view of an order is reported as the acceptance, fills and end the gateway has
 * not heard yet, fills as the difference from what was reported before.
 */
final class WorkingOrders
{
    // every line of a REST venue goes under RestVenue's logger name, by which logging settings select it
    private static final Logger LOG = System.getLogger(RestVenue.class.getName());
    static final String CANCELED_BY_VENUE = "canceled by the venue";

    private final String venueId;
    private final ExchangeClient client;
    private final RequestPacer.Clock clock;
    private final VenueListener listener;
    // by order key, in placement order, for polling in turn
    private final Map<Long, Placement> working = new LinkedHashMap<>();

    WorkingOrders(
        final String venueId, final ExchangeClient client, final RequestPacer.Clock clock, final VenueListener listener)
    {
        this.venueId = venueId;
        this.client = client;
        this.clock = clock;
        this.listener = listener;
    }

    /** Follows the placement from now on; a placement of the same order before it is replaced. */
    void follow(final Placement placement)
    {
        working.put(placement.orderKey, placement);
    }

    /** @return the placement of the order followed now, or null. */
    Placement get(final long orderKey)
    {
        return working.get(orderKey);
    }

    /** Stops following the order: the venue has ended it, or never took it. */
    void forget(final long orderKey)
    {
        working.remove(orderKey);
    }

    boolean isEmpty()
    {
        return working.isEmpty();
    }

    /** The placements followed, in the order they are to be polled. */
    Collection<Placement> inPollingOrder()
    {
        return working.values();
    }

    /** Puts a placement still followed last in the polling order. */
    void toBack(final Placement placement)
    {
        if (working.remove(placement.orderKey) != null)
        {
            working.put(placement.orderKey, placement);
        }
    }

    void clear()
    {
        working.clear();
    }

    /**
     * Follows an order still working that this run had not followed (placed before a restart) from
     * what the venue says of it now: its fills so far are told by the status answer, not as fills.
     */
    void takeOver(final Placement placement, final ExchangeOrder found)
    {
        placement.untracked = false;
        placement.venueOrderId = found.venueOrderId();
        placement.executedQty = found.executedQty();
        placement.executedQuote = found.executedQuote();
        working.put(placement.orderKey, placement);
    }

    /**
     * Asks the venue for the placement and reports what changed; failures leave it to the next try.
     *
     * @return what the venue said, or null when it has no such order or did not answer.
     */
    ExchangeOrder lookUp(final Placement placement)
    {
        try
        {
            final ExchangeOrder found = client.find(placement.symbol, placement.venueOrderId, placement.clientOrderId);
            if (found != null)
            {
                apply(placement, found, CANCELED_BY_VENUE);
            }
            return found;
        }
        catch (final Exception e)
        {
            LOG.log(Level.WARNING, "venue {0}: looking up {1} failed: {2}", venueId, placement.clientOrderId,
                client.classify(e).reason());
            return null;
        }
    }

    /** Reports what the venue's view of the order says that the gateway has not heard yet. */
    void apply(final Placement placement, final ExchangeOrder order, final String cancelReason)
    {
        final long now = clock.millis();
        if (order.state() == ExchangeOrder.State.REJECTED)
        {
            working.remove(placement.orderKey);
            listener.onOrderRejected(placement.orderKey, "rejected by the venue", now);
            return;
        }
        if (!placement.acknowledged)
        {
            placement.acknowledged = true;
            placement.venueOrderId = order.venueOrderId();
            listener.onOrderAccepted(placement.orderKey, order.venueOrderId(), now);
        }
        reportFills(placement, order);
        if (order.state() == ExchangeOrder.State.FILLED)
        {
            working.remove(placement.orderKey);
        }
        else if (order.state() == ExchangeOrder.State.CANCELED)
        {
            working.remove(placement.orderKey);
            listener.onOrderCanceled(placement.orderKey, cancelReason, now);
        }
        else if (order.state() == ExchangeOrder.State.EXPIRED)
        {
            working.remove(placement.orderKey);
            listener.onOrderExpired(placement.orderKey, now);
        }
    }

    /** Reports the fills the venue shows beyond those reported before, as one fill at their average price. */
    void reportFills(final Placement placement, final ExchangeOrder order)
    {
        final BigDecimal qty = order.executedQty().subtract(placement.executedQty);
        if (qty.signum() <= 0)
        {
            return;
        }
        final BigDecimal quote = order.executedQuote().subtract(placement.executedQuote);
        placement.executedQty = order.executedQty();
        placement.executedQuote = order.executedQuote();
        listener.onFill(placement.orderKey, Fixed.fromBigDecimal(qty),
            Fixed.fromBigDecimal(quote.divide(qty, Fixed.SCALE, RoundingMode.HALF_EVEN)), clock.millis());
    }
}
