package io.cryptofix.order;

import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.OrdType;

import java.util.function.Consumer;

/**
 * Stops the gateway holds for venues without native triggers: held in the {@link TriggerBook}
 * against the venue's best bid and ask, and placed at the venue as market or limit orders once their
 * price is reached. The client hears Restated, with a Text saying how the order was placed.
 */
final class StopTriggers
{
    private final TriggerBook book = new TriggerBook();
    private final Consumer<Order> onTrigger = this::trigger;
    private final InstrumentCatalog instruments;
    private final OrderEvents events;
    private final VenueRequests requests;
    private final FollowUps followUps;

    StopTriggers(
        final InstrumentCatalog instruments,
        final OrderEvents events,
        final VenueRequests requests,
        final FollowUps followUps)
    {
        this.instruments = instruments;
        this.events = events;
        this.requests = requests;
        this.followUps = followUps;
    }

    /** Holds the order, and triggers it at once if the latest prices already reach it. */
    void hold(final Order order)
    {
        book.hold(order);
        book.check(order, onTrigger);
    }

    /** Holds the order again after a restart; the next prices decide. */
    void holdAgain(final Order order)
    {
        book.hold(order);
    }

    /** The order's terms changed: the latest prices may reach its new StopPx. */
    void check(final Order order)
    {
        book.check(order, onTrigger);
    }

    void release(final Order order)
    {
        book.release(order);
    }

    void onMarketPrice(final String venueId, final String symbol, final long bidPx, final long askPx)
    {
        book.onMarketPrice(venueId, symbol, bidPx, askPx, onTrigger);
    }

    int held()
    {
        return book.held();
    }

    private void trigger(final Order order)
    {
        if (order.state().isTerminal() || order.isPlaced())
        {
            return;
        }
        final VenueCapabilities supports = instruments.venue(order.venueId()).supports();
        final OrdType placedAs = order.ordType().triggered();
        if (!requests.submit(order, placedAs, VenueTerms.venueTimeInForce(order.timeInForce(), supports),
            order.leavesQty(), placedAs.hasLimitPrice() ? order.price() : 0, 0))
        {
            // the venue's queue is full: keep holding, the next price tries again
            book.hold(order);
            return;
        }
        followUps.watch(order, VenueWatch.Kind.SUBMIT);
        events.begin(OrderEventType.TRIGGERED, order).text(ReportTexts.triggered(order, placedAs));
        events.emit();
    }
}
