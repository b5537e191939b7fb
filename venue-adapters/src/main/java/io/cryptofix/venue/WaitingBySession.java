package io.cryptofix.venue;

import org.agrona.collections.Long2LongHashMap;

/**
 * Whose requests wait in one venue's queue: how many each session has there, and how many sessions
 * have any.
 *
 * <p>Kept by the duty cycle alone, the queue's only producer: it notes each queued request's session
 * in a ring, in queue order, and learns how many requests the venue's worker has taken from the
 * queue's own count of removals ({@link #taken}), counting those sessions out. So the worker thread
 * shares nothing with this but the queue itself, and the counts are exact whenever they are read after
 * {@code taken}. Nothing is allocated per request: the ring is sized once, and a session's count is a
 * primitive map entry, removed when it reaches zero.
 */
final class WaitingBySession
{
    private static final long NONE_WAITING = 0;

    // the session of the request queued as number n is at n & mask
    private final long[] sessionsInQueueOrder;
    private final int mask;
    private final Long2LongHashMap waiting = new Long2LongHashMap(NONE_WAITING);
    private long queued;
    private long countedOut;

    /**
     * @param queueCapacity  the queue's capacity, a power of two (as Agrona's array queues round it).
     */
    WaitingBySession(final int queueCapacity)
    {
        if (Integer.bitCount(queueCapacity) != 1)
        {
            throw new IllegalArgumentException("queue capacity must be a power of two: " + queueCapacity);
        }
        // twice the queue: a request's slot is free once the worker has taken the request queued a whole
        // queue before it, which the count read before the offer already shows (see queued)
        sessionsInQueueOrder = new long[queueCapacity * 2];
        mask = queueCapacity * 2 - 1;
    }

    /**
     * The worker has taken {@code removed} requests off the queue since it was made: counts out the
     * sessions of those not yet counted out.
     */
    void taken(final long removed)
    {
        while (countedOut < removed)
        {
            final long sessionId = sessionsInQueueOrder[(int)(countedOut++ & mask)];
            final long left = waiting.get(sessionId) - 1;
            if (left == NONE_WAITING)
            {
                waiting.remove(sessionId);
            }
            else
            {
                waiting.put(sessionId, left);
            }
        }
    }

    /**
     * The queue took a request of {@code sessionId}.
     *
     * @param removed  the queue's count of removals read BEFORE the offer: read after, it may count
     *                 this very request, taken by the worker before its session was noted. The queue
     *                 held at most its capacity then, so the request a whole ring before this one was
     *                 taken and is counted out here, freeing its slot.
     */
    void queued(final long sessionId, final long removed)
    {
        taken(removed);
        sessionsInQueueOrder[(int)(queued++ & mask)] = sessionId;
        waiting.put(sessionId, waiting.get(sessionId) + 1);
    }

    /** @return the session's requests waiting in the queue, as of the last {@link #taken}. */
    int waiting(final long sessionId)
    {
        return (int)waiting.get(sessionId);
    }

    /** @return requests waiting in the queue, of all sessions, as of the last {@link #taken}. */
    int total()
    {
        return (int)(queued - countedOut);
    }

    /** @return sessions with at least one request waiting in the queue, as of the last {@link #taken}. */
    int sessions()
    {
        return waiting.size();
    }
}
