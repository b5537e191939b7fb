package io.cryptofix.store;

import io.cryptofix.order.Order;
import io.cryptofix.order.VenueRouter;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Journals each request for a venue before it is queued for the venue, above all each placement
 * with its attempt number (the venue's client order id derives from it), so that after a crash the
 * journal says which orders may exist at a venue and by which id to look them up.
 */
public final class JournalingVenueRouter implements VenueRouter
{
    private final OrderJournal journal;
    private final VenueRouter next;
    private final EpochNanoClock clock;

    public JournalingVenueRouter(final OrderJournal journal, final VenueRouter next, final EpochNanoClock clock)
    {
        this.journal = journal;
        this.next = next;
        this.clock = clock;
    }

    @Override
    public boolean submit(final Order order)
    {
        journal.appendVenueRequest(OrderEventKind.VENUE_SUBMIT, order, clock.nanoTime());
        return next.submit(order);
    }

    @Override
    public boolean cancel(final Order order)
    {
        journal.appendVenueRequest(OrderEventKind.VENUE_CANCEL, order, clock.nanoTime());
        return next.cancel(order);
    }

    @Override
    public boolean amend(final Order order, final long orderQty, final long price, final long stopPx)
    {
        journal.appendVenueRequest(OrderEventKind.VENUE_AMEND, order, clock.nanoTime());
        return next.amend(order, orderQty, price, stopPx);
    }

    @Override
    public boolean query(final Order order)
    {
        journal.appendVenueRequest(OrderEventKind.VENUE_QUERY, order, clock.nanoTime());
        return next.query(order);
    }
}
