package io.cryptofix.store.postgres;

import io.cryptofix.config.PostgresConfig;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Copies the order journal into the PostgreSQL system of record, on a thread of its own, in batches
 * of up to {@code batchSize} events or whatever the last {@code flushInterval} journaled. It reads
 * the journal back from the archive (never the live publication), each recording from where the
 * database says it was fed, so trading never waits for it and a restart, or a database that was
 * down, resumes exactly there: nothing lost, nothing written twice.
 *
 * <p>When PostgreSQL cannot be reached it logs one WARNING, not one per attempt, and tries again
 * after a back-off (1 s by default, doubling up to 30 s), until it can; then it logs once that it
 * is catching up. Nothing it meets reaches the journaling side.
 *
 * <pre>{@code
 * PostgresConfig postgres = config.store().postgres();
 * if (postgres != null)
 * {
 *     feed = JournalFeed.start(aeronDirName, PostgresStore.open(postgres, System::getenv), postgres);
 * }
 * ...
 * feed.close();
 * }</pre>
 */
public final class JournalFeed implements AutoCloseable
{
    /** What {@link #fedPosition} says of a recording this feed has written nothing of. */
    public static final long NOTHING_FED = -1;
    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(100);
    public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

    static final Logger LOG = System.getLogger(JournalFeed.class.getName());
    // short enough that a replay under way is read on promptly; the flush interval paces the rest
    private static final long IDLE_MILLIS = 5;

    private final AgentRunner runner;
    private final FeedStatus status;

    private JournalFeed(final AgentRunner runner, final FeedStatus status)
    {
        this.runner = runner;
        this.status = status;
    }

    /** A feed with the configured batch size and the default timing. */
    public static JournalFeed start(final String aeronDirName, final PostgresStore store, final PostgresConfig config)
    {
        return start(aeronDirName, store, config.batchSize(), DEFAULT_FLUSH_INTERVAL, DEFAULT_FIRST_BACKOFF,
            DEFAULT_MAX_BACKOFF);
    }

    /**
     * Starts feeding the journal in the archive of the media driver at {@code aeronDirName} into
     * {@code store}, which the feed then owns and closes.
     *
     * @param batchSize      events written in one transaction at most.
     * @param flushInterval  how long new events may wait to be written, when fewer than a batch.
     * @param firstBackoff   the wait after the first failure, doubled after each further one ...
     * @param maxBackoff     ... up to this.
     */
    public static JournalFeed start(
        final String aeronDirName,
        final PostgresStore store,
        final int batchSize,
        final Duration flushInterval,
        final Duration firstBackoff,
        final Duration maxBackoff)
    {
        if (batchSize < 1)
        {
            throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
        }
        final FeedStatus status = new FeedStatus();
        final JournalFeedAgent agent = new JournalFeedAgent(aeronDirName, store, batchSize, flushInterval.toNanos(),
            firstBackoff.toNanos(), Math.max(firstBackoff.toNanos(), maxBackoff.toNanos()), new SystemNanoClock(),
            status);
        final AgentRunner runner = new AgentRunner(new SleepingMillisIdleStrategy(IDLE_MILLIS),
            throwable -> LOG.log(Level.WARNING, "system of record: journal feed error", throwable), null, agent);
        LOG.log(Level.INFO, "system of record: feeding the order journal into PostgreSQL " + store.describe());
        AgentRunner.startOnThread(runner);
        return new JournalFeed(runner, status);
    }

    /**
     * How far this feed has written the recording, as committed: every event before this position is
     * in the database; {@link #NOTHING_FED} before its first batch of the recording. Any thread.
     */
    public long fedPosition(final long recordingId)
    {
        return status.fedPosition(recordingId);
    }

    /** Events this feed has added to {@code order_events} (not counting any that were there). Any thread. */
    public long eventsWritten()
    {
        return status.eventsWritten();
    }

    /** Attempts that failed (database or archive unreachable). Any thread. */
    public long failures()
    {
        return status.failures();
    }

    /** Whether its last look found every recording written up to where the archive has it. Any thread. */
    public boolean isCaughtUp()
    {
        return status.isCaughtUp();
    }

    /** Stops the feed's thread and closes the store; what was committed stays, the rest is fed next time. */
    @Override
    public void close()
    {
        runner.close();
    }
}
