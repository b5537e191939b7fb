package io.cryptofix.acceptor;

import io.cryptofix.order.OrderReplay;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;
import org.agrona.collections.Object2IntHashMap;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.nio.file.Path;

/**
 * Which ExecutionReports (by ExecID value) and OrderCancelRejects (by order and the refused
 * request's ClOrdID) the last run handed to the FIX engine: read at start from the engine's
 * recording of what it sent, from where that recording stood when the last run started (kept in
 * {@value #FILE} in the data directory) to where it ends. A message the journal has but the engine
 * never got (the gateway stopped first, or held it for a logged-out client) is sent again; one the
 * engine got is the engine's to resend on a ResendRequest.
 */
public final class SentReports implements OrderReplay.SentLastRun
{
    static final String FILE = "fix-sent-positions";

    private static final String EXECUTION_REPORT = "\u000135=8\u0001";
    private static final String CANCEL_REJECT = "\u000135=9\u0001";
    private static final String POSS_DUP = "\u000143=Y\u0001";
    private static final String EXEC_ID = "\u000117=";
    private static final String CL_ORD_ID = "\u000111=";
    private static final String ORDER_ID = "\u000137=";

    private final LongHashSet execIds = new LongHashSet();
    // "orderKey ClOrdID" -> how many refusals of that request went out
    private final Object2IntHashMap<String> cancelRejects = new Object2IntHashMap<>(0);

    SentReports()
    {
    }

    @Override
    public boolean report(final long execId)
    {
        return execIds.contains(execId);
    }

    @Override
    public boolean cancelReject(final long orderKey, final String requestClOrdId)
    {
        final String key = orderKey + " " + requestClOrdId;
        final int sent = cancelRejects.getValue(key);
        if (sent == 0)
        {
            return false;
        }
        if (sent == 1)
        {
            // the map's missing value is 0, which it cannot hold
            cancelRejects.removeKey(key);
        }
        else
        {
            cancelRejects.put(key, sent - 1);
        }
        return true;
    }

    /**
     * Reads the ExecID values sent since the last start, then notes where the recordings stand now,
     * for the next start. Call before the engine starts sending.
     */
    public static SentReports sinceLastStart(final String aeronDirName, final Path dataDir)
    {
        final Path file = dataDir.resolve(FILE);
        final Long2LongHashMap startedAt = RecordingPositions.read(file);
        final SentReports sent = new SentReports();
        final Long2LongHashMap now = new Long2LongHashMap(Long.MIN_VALUE);
        try (ArchivedFixMessages archive = ArchivedFixMessages.connect(aeronDirName))
        {
            for (final ArchivedFixMessages.Recording recording : archive.recordings())
            {
                if (recording.received())
                {
                    continue;
                }
                final long from = startedAt.get(recording.recordingId());
                final long to = archive.writtenPosition(recording.recordingId());
                archive.read(recording, from == startedAt.missingValue() ? recording.startPosition() : from, to,
                    new SleepingMillisIdleStrategy(1),
                    (recordingId, position, received, timestampNanos, message) -> sent.add(message));
                now.put(recording.recordingId(), to);
            }
        }
        RecordingPositions.write(file, now);
        return sent;
    }

    /** Notes one message the engine sent. */
    void add(final String message)
    {
        if (message.contains(EXECUTION_REPORT))
        {
            // <start>-E<value>: the value is the journal's, the same when a report is sent again
            final long value = number(value(message, EXEC_ID), "-E");
            if (value >= 0)
            {
                execIds.add(value);
            }
        }
        else if (message.contains(CANCEL_REJECT) && !message.contains(POSS_DUP))
        {
            // <journal start>-<order key>; OrderID NONE when there was no order, and nothing journaled
            final long orderKey = number(value(message, ORDER_ID), "-");
            final String clOrdId = value(message, CL_ORD_ID);
            if (orderKey >= 0 && clOrdId != null)
            {
                final String key = orderKey + " " + clOrdId;
                cancelRejects.put(key, cancelRejects.getValue(key) + 1);
            }
        }
    }

    /** The value of {@code tag} (given as SOH, tag number and '='), or null when the message has none. */
    static String value(final String message, final String tag)
    {
        final int at = message.indexOf(tag);
        if (at < 0)
        {
            return null;
        }
        final int start = at + tag.length();
        final int end = message.indexOf('\u0001', start);
        return message.substring(start, end < 0 ? message.length() : end);
    }

    /** The number after the last {@code separator} in {@code id}, or -1 if it is not one of ours. */
    private static long number(final String id, final String separator)
    {
        final int at = id == null ? -1 : id.lastIndexOf(separator);
        if (at < 0)
        {
            return -1;
        }
        try
        {
            return Long.parseLong(id.substring(at + separator.length()));
        }
        catch (final NumberFormatException notOurs)
        {
            return -1;
        }
    }
}
