package io.cryptofix.venue;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

/**
 * The thread that talks to one venue: takes requests from the duty cycle off a bounded queue, calls
 * the (possibly blocking) adapter, and lets the adapter do its periodic work. The adapter is only
 * ever touched from this thread.
 */
final class VenueWorker implements Agent
{
    private static final int REQUESTS_PER_CYCLE = 64;

    private final VenueAdapter adapter;
    private final OneToOneConcurrentArrayQueue<Object> requests;
    private final QueueingVenueListener listener;
    private final EpochClock clock;
    private final JournalGate journal;

    VenueWorker(
        final VenueAdapter adapter,
        final OneToOneConcurrentArrayQueue<Object> requests,
        final QueueingVenueListener listener,
        final EpochClock clock,
        final JournalGate journal)
    {
        this.adapter = adapter;
        this.requests = requests;
        this.listener = listener;
        this.clock = clock;
        this.journal = journal;
    }

    @Override
    public void onStart()
    {
        adapter.start(listener, clock.time());
    }

    @Override
    public int doWork()
    {
        int work = 0;
        Object polled;
        while (work < REQUESTS_PER_CYCLE && (polled = requests.poll()) != null)
        {
            final Object request = journal.await(polled);
            if (request == null)
            {
                break;
            }
            final long nowMillis = clock.time();
            if (request instanceof VenueOrder order)
            {
                adapter.submit(order, nowMillis);
            }
            else if (request instanceof VenueCancel cancel)
            {
                adapter.cancel(cancel, nowMillis);
            }
            else if (request instanceof VenueQuery query)
            {
                adapter.query(query, nowMillis);
            }
            else
            {
                adapter.amend((VenueAmend)request, nowMillis);
            }
            work++;
        }
        return work + adapter.doWork(clock.time());
    }

    @Override
    public void onClose()
    {
        listener.stop();
        adapter.close();
    }

    @Override
    public String roleName()
    {
        return "venue-" + adapter.venueId();
    }
}
