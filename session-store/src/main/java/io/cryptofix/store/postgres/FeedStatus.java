package io.cryptofix.store.postgres;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a feed has come, written by its thread and read by any: what it has committed, in each
 * recording, and whether it is failing.
 */
final class FeedStatus
{
    private final Map<Long, Long> fedPositions = new ConcurrentHashMap<>();
    private final AtomicLong eventsWritten = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean caughtUp;

    void fed(final long recordingId, final long position, final int newEvents)
    {
        fedPositions.merge(recordingId, position, Math::max);
        eventsWritten.addAndGet(newEvents);
    }

    void failed()
    {
        caughtUp = false;
        failures.incrementAndGet();
    }

    void caughtUp(final boolean caughtUp)
    {
        this.caughtUp = caughtUp;
    }

    long fedPosition(final long recordingId)
    {
        return fedPositions.getOrDefault(recordingId, JournalFeed.NOTHING_FED);
    }

    long eventsWritten()
    {
        return eventsWritten.get();
    }

    long failures()
    {
        return failures.get();
    }

    boolean isCaughtUp()
    {
        return caughtUp;
    }
}
