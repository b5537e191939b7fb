package io.cryptofix.acceptor;

import org.agrona.collections.Long2ObjectHashMap;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.builder.ExecutionReportEncoder;
import uk.co.real_logic.artio.builder.OrderCancelRejectEncoder;
import uk.co.real_logic.artio.session.Session;

import java.util.ArrayDeque;
import java.util.function.LongFunction;

/**
 * ExecutionReports and OrderCancelRejects for sessions that are not logged on (fills, expiries,
 * cancels on disconnect, what a restart found at the venues), kept in order and sent as new messages
 * once the session has logged on again. Each is a copy of
 * the report as it was encoded, so what the client reads is the order as it stood then. Held in
 * memory: a gateway restart loses them. Duty-cycle thread only.
 */
final class HeldReports
{
    // a bound on what one silent client can make the gateway keep; past it reports are dropped and counted
    static final int MAX_PER_SESSION = 100_000;

    private final Long2ObjectHashMap<ArrayDeque<Encoder>> bySession = new Long2ObjectHashMap<>();
    private int held;

    /**
     * @return false if the session already has {@link #MAX_PER_SESSION} reports waiting.
     */
    boolean hold(final long sessionId, final ExecutionReportEncoder report)
    {
        final ExecutionReportEncoder copy = new ExecutionReportEncoder();
        DurableReports.copy(report, copy);
        return keep(sessionId, copy);
    }

    /**
     * @return false if the session already has {@link #MAX_PER_SESSION} messages waiting.
     */
    boolean hold(final long sessionId, final OrderCancelRejectEncoder reject)
    {
        final OrderCancelRejectEncoder copy = new OrderCancelRejectEncoder();
        reject.copyTo(copy);
        return keep(sessionId, copy);
    }

    private boolean keep(final long sessionId, final Encoder copy)
    {
        ArrayDeque<Encoder> reports = bySession.get(sessionId);
        if (reports == null)
        {
            reports = new ArrayDeque<>();
            bySession.put(sessionId, reports);
        }
        if (reports.size() >= MAX_PER_SESSION)
        {
            return false;
        }
        reports.addLast(copy);
        held++;
        return true;
    }

    /** Whether reports wait for the session, which then must hear them before anything new. */
    boolean has(final long sessionId)
    {
        return bySession.containsKey(sessionId);
    }

    /** Reports waiting, all sessions together. */
    int held()
    {
        return held;
    }

    /**
     * Sends the waiting reports of every session that can take messages again, oldest first, as
     * far as each session takes them.
     *
     * @param sessions  the session of an id, or null while it is not logged on.
     * @return how many were sent.
     */
    int deliver(final LongFunction<Session> sessions, final ReportSender sender)
    {
        int sent = 0;
        final Long2ObjectHashMap<ArrayDeque<Encoder>>.EntryIterator waiting =
            bySession.entrySet().iterator();
        while (waiting.hasNext())
        {
            waiting.next();
            final Session session = sessions.apply(waiting.getLongKey());
            if (session == null || !session.canSendMessage())
            {
                continue;
            }
            final ArrayDeque<Encoder> reports = waiting.getValue();
            int result;
            while (!reports.isEmpty() && (result = sender.trySend(session, reports.peekFirst())) != ReportSender.NOT_NOW)
            {
                // one the codec refuses is dropped (and logged by the sender), never left to block the rest
                reports.pollFirst();
                held--;
                sent += result == ReportSender.SENT ? 1 : 0;
            }
            if (reports.isEmpty())
            {
                waiting.remove();
            }
        }
        return sent;
    }
}
