package io.cryptofix.store.postgres;

import io.cryptofix.store.JournalEvent;
import io.cryptofix.store.JournalReader;
import org.agrona.CloseHelper;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The work of a {@link JournalFeed}: look for recordings the database has not got to the end of,
 * replay the missing range from the archive, write it in batches, each with its progress. After any
 * failure everything in hand is dropped and, after a back-off, the feed starts again from the
 * progress the database has committed: that is the one place that says what was written.
 */
final class JournalFeedAgent implements Agent
{
    private static final long NO_JOURNAL = Long.MIN_VALUE;
    private static final int MAX_CAUSE_LENGTH = 200;

    private final String aeronDirName;
    private final PostgresStore store;
    private final int batchSize;
    private final long flushIntervalNanos;
    private final long firstBackoffNanos;
    private final long maxBackoffNanos;
    private final NanoClock clock;
    private final FeedStatus status;
    private final List<JournalEntry> batch;
    private final JournalReader.Handler onEvent = this::onEvent;

    private JournalReader reader;
    private JournalReader.Replay replay;
    private long journalId = NO_JOURNAL;
    // recordings before this one have stopped and are fed to their end: no need to look at them again
    private long scanFromRecordingId;
    // as the database has it; null until read, and again after a failure
    private Long2LongHashMap fed;
    private long nextScanNanos;
    private long nextAttemptNanos;
    private long backoffNanos;
    private boolean failing;

    JournalFeedAgent(
        final String aeronDirName,
        final PostgresStore store,
        final int batchSize,
        final long flushIntervalNanos,
        final long firstBackoffNanos,
        final long maxBackoffNanos,
        final NanoClock clock,
        final FeedStatus status)
    {
        this.aeronDirName = aeronDirName;
        this.store = store;
        this.batchSize = batchSize;
        this.flushIntervalNanos = flushIntervalNanos;
        this.firstBackoffNanos = firstBackoffNanos;
        this.maxBackoffNanos = maxBackoffNanos;
        this.clock = clock;
        this.status = status;
        this.batch = new ArrayList<>(batchSize);
        this.backoffNanos = firstBackoffNanos;
        final long now = clock.nanoTime();
        this.nextScanNanos = now;
        this.nextAttemptNanos = now;
    }

    @Override
    public int doWork()
    {
        final long now = clock.nanoTime();
        if (now - nextAttemptNanos < 0)
        {
            return 0;
        }
        try
        {
            return replay == null ? scan(now) : feed();
        }
        catch (final Exception e)
        {
            failed(e, now);
            return 0;
        }
    }

    @Override
    public void onClose()
    {
        CloseHelper.quietCloseAll(replay, reader, store);
        replay = null;
        reader = null;
    }

    @Override
    public String roleName()
    {
        return "journal-feed";
    }

    /** Finds the oldest recording with events the database lacks and starts replaying them. */
    private int scan(final long now) throws SQLException
    {
        if (now - nextScanNanos < 0)
        {
            return 0;
        }
        nextScanNanos = now + flushIntervalNanos;
        if (reader == null)
        {
            reader = JournalReader.open(aeronDirName);
        }
        if (journalId == NO_JOURNAL)
        {
            journalId = reader.journalStartedMillis();
            if (journalId == NO_JOURNAL)
            {
                // the gateway has not journaled yet
                status.caughtUp(true);
                return 0;
            }
        }
        if (fed == null)
        {
            fed = store.fedPositions(journalId);
            reachable();
        }
        boolean allFinishedSoFar = true;
        for (final JournalReader.Recording recording : reader.recordings(scanFromRecordingId))
        {
            final long fedTo = fed.get(recording.recordingId());
            final long from = fedTo == fed.missingValue() ? recording.startPosition() :
                Math.max(fedTo, recording.startPosition());
            if (recording.recordedPosition() > from)
            {
                replay = reader.replay(recording.recordingId(), from, recording.recordedPosition());
                status.caughtUp(false);
                return 1;
            }
            if (allFinishedSoFar && !recording.active())
            {
                scanFromRecordingId = recording.recordingId() + 1;
            }
            else
            {
                allFinishedSoFar = false;
            }
        }
        status.caughtUp(true);
        return 0;
    }

    /** Takes in what the replay has delivered and writes a batch once it is full or the replay is done. */
    private int feed() throws SQLException
    {
        int work = replay.poll(onEvent, batchSize - batch.size());
        final boolean done = replay.isDone();
        if (batch.size() >= batchSize || (done && !batch.isEmpty()))
        {
            work += write();
        }
        if (done)
        {
            replay.close();
            replay = null;
        }
        return work;
    }

    private void onEvent(final long recordingId, final long position, final JournalEvent event)
    {
        batch.add(new JournalEntry(journalId, recordingId, position, event));
    }

    private int write() throws SQLException
    {
        final int events = batch.size();
        final int inserted = store.writeJournalBatch(batch);
        final JournalEntry last = batch.get(events - 1);
        fed.put(last.recordingId(), last.position());
        status.fed(last.recordingId(), last.position(), inserted);
        batch.clear();
        reachable();
        return events;
    }

    private void reachable()
    {
        if (failing)
        {
            failing = false;
            JournalFeed.LOG.log(Level.INFO, "system of record: PostgreSQL " + store.describe() +
                " reachable again; feeding the order journal on from where it was");
        }
        backoffNanos = firstBackoffNanos;
    }

    /**
     * What went wrong, on one line: the driver's own words when the database is involved (its
     * innermost SQLException: connection refused, login refused, I/O error), else the root cause;
     * never the statements and parameters a failed batch carries in its outer message.
     */
    static String rootCause(final Throwable failure)
    {
        Throwable root = failure;
        SQLException innermostSql = failure instanceof SQLException sql ? sql : null;
        while (root.getCause() != null && root.getCause() != root)
        {
            root = root.getCause();
            if (root instanceof SQLException sql)
            {
                innermostSql = sql;
            }
        }
        final Throwable telling = innermostSql != null ? innermostSql : root;
        final String message = telling.getMessage() == null ? "" : telling.getMessage().strip();
        final int lineEnd = message.indexOf('\n');
        final String line = lineEnd < 0 ? message : message.substring(0, lineEnd).strip();
        final String shown = line.length() > MAX_CAUSE_LENGTH ? line.substring(0, MAX_CAUSE_LENGTH) + "..." : line;
        return telling == innermostSql && !shown.isEmpty() ? shown :
            telling.getClass().getSimpleName() + (shown.isEmpty() ? "" : ": " + shown);
    }

    private void failed(final Exception failure, final long now)
    {
        // drop everything in hand: the database's committed progress says where to start again
        CloseHelper.quietClose(replay);
        replay = null;
        batch.clear();
        fed = null;
        if (!(failure instanceof SQLException))
        {
            // the archive, or something read from it: connect afresh, as to a journal never seen
            CloseHelper.quietClose(reader);
            reader = null;
            journalId = NO_JOURNAL;
            scanFromRecordingId = 0;
        }
        status.failed();
        if (!failing)
        {
            failing = true;
            JournalFeed.LOG.log(Level.WARNING, "system of record: cannot feed the order journal into PostgreSQL " +
                store.describe() + " (" + rootCause(failure) + "); trading goes on and the journal keeps every " +
                "event; trying again in " + TimeUnit.NANOSECONDS.toMillis(backoffNanos) + " ms, then less often, " +
                "up to every " + TimeUnit.NANOSECONDS.toMillis(maxBackoffNanos) + " ms");
        }
        JournalFeed.LOG.log(Level.DEBUG, "system of record: feed attempt failed", failure);
        nextAttemptNanos = now + backoffNanos;
        backoffNanos = Math.min(backoffNanos * 2, maxBackoffNanos);
    }
}
