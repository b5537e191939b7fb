package io.cryptofix.venue;

import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

/**
 * One venue's bounded request queue as the duty cycle offers to it: it knows whose requests wait
 * there, so that a new order joins only within its session's {@link FairShare} and room stays free
 * for requests about working orders. Duty cycle only; the venue's worker thread just polls
 * {@link #requests()}.
 */
final class VenueRequestQueue
{
    private final OneToOneConcurrentArrayQueue<Object> requests;
    private final JournalGate journal;
    private final WaitingBySession waiting;
    private final int newOrderRoom;

    /**
     * @param capacity  requests the queue holds at least (rounded up to a power of two).
     * @param journal   tags each request so that the worker waits for its journal record.
     */
    VenueRequestQueue(final int capacity, final JournalGate journal)
    {
        this.requests = new OneToOneConcurrentArrayQueue<>(capacity);
        this.journal = journal;
        this.waiting = new WaitingBySession(requests.capacity());
        this.newOrderRoom = FairShare.newOrderRoom(requests.capacity());
    }

    /** What the venue's worker polls. */
    OneToOneConcurrentArrayQueue<Object> requests()
    {
        return requests;
    }

    /** Whether a new order of the session may join the queue now; {@link #offer} it if so. */
    FairShare.Admission admitNewOrder(final long sessionId)
    {
        waiting.taken(requests.removedCount());
        return FairShare.admit(newOrderRoom, waiting.total(), waiting.sessions(), waiting.waiting(sessionId));
    }

    /** @return the session's requests waiting in the queue now. */
    int waitingFor(final long sessionId)
    {
        waiting.taken(requests.removedCount());
        return waiting.waiting(sessionId);
    }

    /**
     * Queues a request of the session: any request about a working order, or a new order
     * {@link #admitNewOrder} admitted.
     *
     * @return false if the queue is full; nothing was queued.
     */
    boolean offer(final long sessionId, final Object request)
    {
        // read before the offer: the worker may take the request at once, before its session is noted
        final long removed = requests.removedCount();
        if (!requests.offer(journal.tag(request)))
        {
            return false;
        }
        waiting.queued(sessionId, removed);
        return true;
    }
}
