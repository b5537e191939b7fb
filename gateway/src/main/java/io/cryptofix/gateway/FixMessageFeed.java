package io.cryptofix.gateway;

import io.cryptofix.acceptor.ArchivedFixMessages;
import io.cryptofix.store.postgres.FeedPosition;
import io.cryptofix.store.postgres.FixMessageRow;
import io.cryptofix.store.postgres.PostgresStore;
import org.agrona.CloseHelper;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Copies the FIX messages the engine recorded into the PostgreSQL system of record, on a thread of
 * its own: each recording of the library streams from where the database says it was fed to where
 * the archive has written it ({@link ArchivedFixMessages}), in batches, each committed with its
 * progress. Trading never waits for it; when PostgreSQL is down it logs one WARNING, backs off
 * (1 s doubling to 30 s) and resumes from the committed progress, so nothing is lost or doubled.
 */
public final class FixMessageFeed implements Agent
{
    private static final Logger LOG = System.getLogger(FixMessageFeed.class.getName());
    private static final long SCAN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long FIRST_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final String aeronDirName;
    private final PostgresStore store;
    private final long journalId;
    private final int batchSize;
    private final List<FixMessageRow> rows;
    private final IdleStrategy replayIdle = new SleepingMillisIdleStrategy(1);
    private ArchivedFixMessages archive;
    // as the database has it; null until read, and again after a failure
    private Long2LongHashMap fed;
    private long nextScanNanos;
    private long backoffNanos = FIRST_BACKOFF_NANOS;
    private boolean failing;
    private long skipped;

    private FixMessageFeed(final String aeronDirName, final PostgresStore store, final long journalId, final int batchSize)
    {
        this.aeronDirName = aeronDirName;
        this.store = store;
        this.journalId = journalId;
        this.batchSize = batchSize;
        this.rows = new ArrayList<>(batchSize);
        this.nextScanNanos = System.nanoTime();
    }

    /**
     * Starts copying the FIX messages of the archive of the media driver at {@code aeronDirName} into
     * {@code store}, which the returned runner's agent owns and closes.
     *
     * @param journalId  the order journal's identity ({@code OrderJournal.startedMillis()}), in the key of the progress.
     */
    public static AgentRunner start(final String aeronDirName, final PostgresStore store, final long journalId,
        final int batchSize)
    {
        final AgentRunner runner = new AgentRunner(new SleepingMillisIdleStrategy(5),
            throwable -> LOG.log(Level.WARNING, "system of record: FIX message feed error", throwable), null,
            new FixMessageFeed(aeronDirName, store, journalId, batchSize));
        AgentRunner.startOnThread(runner);
        return runner;
    }

    @Override
    public int doWork()
    {
        final long now = System.nanoTime();
        if (now - nextScanNanos < 0)
        {
            return 0;
        }
        nextScanNanos = now + SCAN_INTERVAL_NANOS;
        try
        {
            final int copied = copyNewMessages();
            reachable();
            return copied;
        }
        catch (final Exception e)
        {
            failed(e, now);
            return 0;
        }
    }

    private int copyNewMessages() throws SQLException
    {
        if (archive == null)
        {
            archive = ArchivedFixMessages.connect(aeronDirName);
        }
        if (fed == null)
        {
            fed = store.fedPositions(PostgresStore.FIX_MESSAGES_FEED, journalId);
        }
        int copied = 0;
        for (final ArchivedFixMessages.Recording recording : archive.recordings())
        {
            final long fedTo = fed.get(recording.recordingId());
            final long from = fedTo == fed.missingValue() ? recording.startPosition() :
                Math.max(fedTo, recording.startPosition());
            final long to = archive.writtenPosition(recording.recordingId());
            if (to <= from)
            {
                continue;
            }
            final long readTo = archive.read(recording, from, to, replayIdle,
                (recordingId, position, received, timestampNanos, message) ->
                {
                    add(received, timestampNanos, message);
                    if (rows.size() >= batchSize)
                    {
                        write(recordingId, position);
                    }
                });
            if (readTo > fed.get(recording.recordingId()) || !rows.isEmpty())
            {
                // the range may end in the engine's other traffic: progress covers it too
                write(recording.recordingId(), readTo);
                copied++;
            }
        }
        return copied;
    }

    private void add(final boolean received, final long timestampNanos, final String message)
    {
        try
        {
            rows.add(FixMessageRow.of(received ? FixMessageRow.Direction.IN : FixMessageRow.Direction.OUT,
                FixMessageRow.UNKNOWN_SESSION, timestampNanos, message));
        }
        catch (final IllegalArgumentException e)
        {
            // the engine recorded it as a valid message; one without a header cannot be keyed, so it is counted
            skipped++;
            LOG.log(Level.WARNING, "system of record: FIX message without MsgType, MsgSeqNum or CompIDs not " +
                "copied ({0} so far)", skipped);
        }
    }

    private void write(final long recordingId, final long position)
    {
        try
        {
            store.writeFixMessages(rows, List.of(
                new FeedPosition(PostgresStore.FIX_MESSAGES_FEED, journalId, recordingId, position)));
        }
        catch (final SQLException e)
        {
            throw new FeedFailed(e);
        }
        fed.put(recordingId, position);
        rows.clear();
    }

    private void reachable()
    {
        backoffNanos = FIRST_BACKOFF_NANOS;
        if (failing)
        {
            failing = false;
            LOG.log(Level.INFO, "system of record: PostgreSQL " + store.describe() +
                " reachable again; copying FIX messages on from where it was");
        }
    }

    private void failed(final Exception e, final long now)
    {
        rows.clear();
        fed = null;
        if (!failing)
        {
            failing = true;
            final Throwable cause = e instanceof FeedFailed ? e.getCause() : e;
            LOG.log(Level.WARNING, "system of record: cannot copy FIX messages into PostgreSQL " + store.describe() +
                " (" + cause.getMessage() + "); trading goes on, the copy resumes when it can");
        }
        nextScanNanos = now + backoffNanos;
        backoffNanos = Math.min(backoffNanos * 2, MAX_BACKOFF_NANOS);
    }

    @Override
    public void onClose()
    {
        CloseHelper.quietCloseAll(archive, store);
    }

    @Override
    public String roleName()
    {
        return "fix-message-feed";
    }

    /** A database failure inside a read of the archive, carried out of it. */
    private static final class FeedFailed extends RuntimeException
    {
        FeedFailed(final SQLException cause)
        {
            super(cause);
        }
    }
}
