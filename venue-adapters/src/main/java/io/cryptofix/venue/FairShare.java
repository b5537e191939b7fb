package io.cryptofix.venue;

/**
 * How much of a venue's request queue new orders may take, and how much of that one session may hold.
 *
 * <p>A quarter of the queue is kept for requests about orders already working (cancels, status
 * queries, amends): a mass cancel or a kill switch must get through when clients have filled the rest
 * with new orders. The room left is shared between the sessions that have requests waiting, counting
 * one more: so however hard the sessions already waiting push, some room stays free for a session that
 * has nothing waiting yet, and its order goes straight in. A session alone may fill half the room; when
 * others arrive, a session above its new share takes no new order until the venue has worked its own
 * requests down below it.
 */
final class FairShare
{
    private FairShare()
    {
    }

    /**
     * @param capacity  requests the venue's queue holds.
     * @return how many of them may be new orders; the rest is kept for requests about working orders.
     */
    static int newOrderRoom(final int capacity)
    {
        return Math.max(1, capacity - capacity / 4);
    }

    /**
     * @param newOrderRoom     what {@link #newOrderRoom} gives for the queue.
     * @param sessionsWaiting  sessions with at least one request waiting in the queue, the asking one among them if it has.
     * @return how many waiting requests a session may have and still place a new order; at least 1.
     */
    static int perSession(final int newOrderRoom, final int sessionsWaiting)
    {
        return Math.max(1, newOrderRoom / (sessionsWaiting + 1));
    }

    /**
     * @param newOrderRoom     what {@link #newOrderRoom} gives for the queue.
     * @param queued           requests waiting in the queue, of every session and kind.
     * @param sessionsWaiting  sessions with at least one request waiting in the queue.
     * @param sessionQueued    requests of the asking session waiting in the queue.
     * @return whether the session's new order may join the queue, or why not.
     */
    static Admission admit(final int newOrderRoom, final int queued, final int sessionsWaiting, final int sessionQueued)
    {
        if (sessionQueued >= perSession(newOrderRoom, sessionsWaiting))
        {
            return Admission.OVER_SHARE;
        }
        return queued >= newOrderRoom ? Admission.ROOM_USED : Admission.ADMITTED;
    }

    /** Whether a new order may join a venue's queue. */
    enum Admission
    {
        ADMITTED,
        /** The session already has its share of the queue waiting. */
        OVER_SHARE,
        /** The room for new orders is used up: what is left is kept for cancels, queries and amends. */
        ROOM_USED
    }
}
