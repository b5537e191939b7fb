package io.cryptofix.venue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * How far the order journal is appended and written, for what must wait until the journal has
 * written its record: a venue request (so that after a crash the journal names every request a venue
 * may have received) and, on the FIX side, an ExecutionReport.
 *
 * <p>A request is journaled only once its venue's queue took it (what could not be queued never
 * happened). So the duty cycle tags each request as it queues it ({@link #tag}), and once the journal
 * has appended the request's event it tells the gate where the record ends ({@link #journaled}); the
 * venue worker waits until that position is written before it calls the venue.
 *
 * @see #appended
 * @see #written
 */
public final class JournalGate
{
    /** No journal: requests go at once. */
    public static final JournalGate NONE = new JournalGate(() -> 0, () -> 0);

    private static final long NOT_YET_JOURNALED = Long.MAX_VALUE;

    private final LongSupplier appended;
    private final LongSupplier written;
    // tagged since the journal last said how far it appended; duty cycle only
    private final List<Journaled> untold = new ArrayList<>();

    /**
     * @param appended  how far the journal is appended: read on the duty cycle only.
     * @param written   how far the journal is written where it survives a crash: read by any thread.
     */
    public JournalGate(final LongSupplier appended, final LongSupplier written)
    {
        this.appended = appended;
        this.written = written;
    }

    /** A request, and the journal position its record ends at once the journal has appended it. */
    static final class Journaled
    {
        final Object request;
        volatile long position = NOT_YET_JOURNALED;

        Journaled(final Object request)
        {
            this.request = request;
        }
    }

    public LongSupplier appended()
    {
        return appended;
    }

    public LongSupplier written()
    {
        return written;
    }

    /** On the duty cycle, as a request is queued: it waits for its record. */
    Object tag(final Object request)
    {
        if (this == NONE)
        {
            return request;
        }
        final Journaled journaled = new Journaled(request);
        untold.add(journaled);
        return journaled;
    }

    /**
     * On the duty cycle, once the journal has appended the events of the requests queued since the
     * last call: their records end at or before {@code position}.
     */
    public void journaled(final long position)
    {
        if (untold.isEmpty())
        {
            return;
        }
        for (int i = 0; i < untold.size(); i++)
        {
            untold.get(i).position = position;
        }
        untold.clear();
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
        while (written.getAsLong() < journaled.position)
        {
            if (Thread.currentThread().isInterrupted())
            {
                return null;
            }
            Thread.yield();
        }
        return journaled.request;
    }
}
