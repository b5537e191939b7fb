package io.cryptofix.venue;

import java.util.function.LongSupplier;

/**
 * How far the order journal is appended and written, for what must wait until the journal has
 * written its record: a venue request (so that after a crash the journal names every request a
 * venue may have received) and, on the FIX side, an ExecutionReport. The duty cycle tags each venue
 * request with the journal's appended position as it queues it; the venue worker waits for the
 * written position to reach the tag before it calls the venue.
 *
 * @param appended  how far the journal is appended: read on the duty cycle only.
 * @param written   how far the journal is written where it survives a crash: read by any thread.
 */
public record JournalGate(LongSupplier appended, LongSupplier written)
{
    /** No journal: requests go at once. */
    public static final JournalGate NONE = new JournalGate(() -> 0, () -> 0);

    /** A request and the journal position its record ends at. */
    record Journaled(long position, Object request)
    {
    }

    Object tag(final Object request)
    {
        return this == NONE ? request : new Journaled(appended.getAsLong(), request);
    }

    /**
     * Waits (yielding: the journal's writer needs the core) until the request's record is written.
     *
     * @return the request, or null if the thread was interrupted (the gateway is stopping) first.
     */
    Object await(final Object request)
    {
        if (!(request instanceof Journaled journaled))
        {
            return request;
        }
        while (written.getAsLong() < journaled.position())
        {
            if (Thread.currentThread().isInterrupted())
            {
                return null;
            }
            Thread.yield();
        }
        return journaled.request();
    }
}
