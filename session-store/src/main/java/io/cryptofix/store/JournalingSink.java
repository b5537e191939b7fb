package io.cryptofix.store;

import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderEventSink;
import org.agrona.concurrent.EpochNanoClock;

import java.util.function.LongConsumer;

/**
 * The order core's events into the journal: each event that changes an order or tells a client of
 * one is appended before the next sink hears of it, so the journal holds what happened before anyone
 * is told. A venue request's event is appended only once the venue's queue took the request; the
 * journal then says where its record ends, so that the request waits until that is written.
 */
public final class JournalingSink implements OrderEventSink
{
    private final OrderJournal journal;
    private final EpochNanoClock clock;
    private final LongConsumer venueRequestJournaled;

    /**
     * @param venueRequestJournaled  told the journal position a venue request's record ends at.
     */
    public JournalingSink(
        final OrderJournal journal, final EpochNanoClock clock, final LongConsumer venueRequestJournaled)
    {
        this.journal = journal;
        this.clock = clock;
        this.venueRequestJournaled = venueRequestJournaled;
    }

    @Override
    public void onEvent(final OrderEvent event)
    {
        // an answer about no order (an unknown order's refusal) changes nothing the journal keeps
        if (!event.type().journaled() || event.order() == null)
        {
            return;
        }
        final long position = journal.append(event, clock.nanoTime());
        if (event.type().isVenueRequest())
        {
            venueRequestJournaled.accept(position);
        }
    }
}
