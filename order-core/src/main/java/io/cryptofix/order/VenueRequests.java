package io.cryptofix.order;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.TimeInForce;

/**
 * Requests to an order's venue: each is an event, offered to the venue's queue first and applied
 * only once the queue took it, so that what the journal says was asked is what was asked. A request
 * the order's state does not allow is never offered.
 */
final class VenueRequests
{
    private final OrderEvents events;
    private final VenueRouter venues;
    private final OrderCoreObserver observer;

    VenueRequests(final OrderEvents events, final VenueRouter venues, final OrderCoreObserver observer)
    {
        this.events = events;
        this.venues = venues;
        this.observer = observer;
    }

    /** Places the order again (a triggered stop, a replacement) as placement {@code attempt}. */
    boolean submit(
        final Order order,
        final OrdType venueOrdType,
        final TimeInForce venueTimeInForce,
        final long quantity,
        final long price,
        final long stopPx)
    {
        if (!allowed(order, OrderEventType.VENUE_SUBMIT))
        {
            return false;
        }
        final OrderEvent placement = events.begin(OrderEventType.VENUE_SUBMIT, order)
            .placement(order.venueAttempt() + 1, venueOrdType, venueTimeInForce, quantity, price, stopPx);
        return venues.submit(placement) && events.emit();
    }

    boolean cancel(final Order order, final VenueCancelCause cause)
    {
        return allowed(order, OrderEventType.VENUE_CANCEL) &&
            venues.cancel(events.begin(OrderEventType.VENUE_CANCEL, order).cancelCause(cause)) && events.emit();
    }

    boolean amend(final Order order, final long orderQty, final long price, final long stopPx)
    {
        return allowed(order, OrderEventType.VENUE_AMEND) &&
            venues.amend(events.begin(OrderEventType.VENUE_AMEND, order).quantities(orderQty, price, stopPx)) &&
            events.emit();
    }

    boolean query(final Order order)
    {
        return allowed(order, OrderEventType.VENUE_QUERY) &&
            venues.query(events.begin(OrderEventType.VENUE_QUERY, order)) && events.emit();
    }

    /** Offers a new order's SUBMITTED event, begun by the caller, to its venue's queue. */
    boolean submitNew(final OrderEvent submitted)
    {
        return venues.submit(submitted);
    }

    private boolean allowed(final Order order, final OrderEventType type)
    {
        if (OrderTransitions.allows(order, type))
        {
            return true;
        }
        observer.onEventRefused(order, type, events.now());
        return false;
    }
}
