package io.cryptofix.acceptor;

import io.cryptofix.domain.ExecType;
import uk.co.real_logic.artio.builder.ExecutionReportEncoder;
import uk.co.real_logic.artio.builder.HeaderEncoder;
import uk.co.real_logic.artio.builder.OrderCancelRejectEncoder;

import java.util.ArrayDeque;

/**
 * ExecutionReports and OrderCancelRejects waiting for the journal to write the events they report,
 * oldest first. Each is a copy of the message as encoded, in an entry that is reused once it has
 * gone: after warm-up, waiting allocates nothing. Duty-cycle thread only.
 */
final class DurableReports
{
    private final ArrayDeque<Entry> waiting = new ArrayDeque<>();
    private final ArrayDeque<Entry> free = new ArrayDeque<>();

    void add(
        final long sessionId,
        final ExecutionReportEncoder report,
        final long journalPosition,
        final ExecType execType,
        final String clOrdId,
        final long receivedTimeNanos)
    {
        final Entry entry = enqueue(sessionId, journalPosition, clOrdId);
        copy(report, entry.report);
        entry.cancelRejectWaits = false;
        entry.execType = execType;
        entry.receivedTimeNanos = receivedTimeNanos;
    }

    void addCancelReject(
        final long sessionId, final OrderCancelRejectEncoder reject, final long journalPosition, final String clOrdId)
    {
        final Entry entry = enqueue(sessionId, journalPosition, clOrdId);
        if (entry.cancelReject == null)
        {
            entry.cancelReject = new OrderCancelRejectEncoder();
        }
        copy(reject, entry.cancelReject);
        entry.cancelRejectWaits = true;
        entry.execType = null;
        entry.receivedTimeNanos = 0;
    }

    /** A whole copy: the encoders' own copy leaves the header out, and a report sent again has PossResend in it. */
    static void copy(final ExecutionReportEncoder from, final ExecutionReportEncoder to)
    {
        from.copyTo(to);
        copyPossResend(from.header(), to.header());
    }

    static void copy(final OrderCancelRejectEncoder from, final OrderCancelRejectEncoder to)
    {
        from.copyTo(to);
        copyPossResend(from.header(), to.header());
    }

    private static void copyPossResend(final HeaderEncoder from, final HeaderEncoder to)
    {
        if (from.hasPossResend())
        {
            to.possResend(from.possResend());
        }
        else
        {
            to.resetPossResend();
        }
    }

    private Entry enqueue(final long sessionId, final long journalPosition, final String clOrdId)
    {
        Entry entry = free.pollFirst();
        if (entry == null)
        {
            entry = new Entry();
        }
        entry.sessionId = sessionId;
        entry.journalPosition = journalPosition;
        entry.clOrdId = clOrdId;
        waiting.addLast(entry);
        return entry;
    }

    boolean isEmpty()
    {
        return waiting.isEmpty();
    }

    int size()
    {
        return waiting.size();
    }

    /** The oldest waiting report if the journal has written its event, else null. */
    Entry nextDurable(final long durablePosition)
    {
        final Entry next = waiting.peekFirst();
        return next != null && next.journalPosition <= durablePosition ? next : null;
    }

    /** Done with the entry {@link #nextDurable} gave: it is reused for a later report. */
    void sent()
    {
        final Entry entry = waiting.pollFirst();
        entry.clOrdId = null;
        free.addLast(entry);
    }

    static final class Entry
    {
        final ExecutionReportEncoder report = new ExecutionReportEncoder();
        // made for the first reject the entry holds: rejects are rare, and encoders are large
        OrderCancelRejectEncoder cancelReject;
        // which of the two the entry holds
        boolean cancelRejectWaits;
        long sessionId;
        long journalPosition;
        ExecType execType;
        String clOrdId;
        long receivedTimeNanos;
    }
}
