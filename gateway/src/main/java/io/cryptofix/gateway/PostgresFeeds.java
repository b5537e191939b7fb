package io.cryptofix.gateway;

import io.cryptofix.config.PostgresConfig;
import io.cryptofix.store.postgres.JournalFeed;
import io.cryptofix.store.postgres.PostgresStore;
import org.agrona.CloseHelper;

/**
 * With {@code store.postgres}: the copies of the order journal ({@link JournalFeed}) and of the FIX
 * messages the engine recorded ({@link FixMessageFeed}) into the PostgreSQL system of record. Each
 * copies from the archive on a thread of its own, so a database that is slow or down never holds up
 * trading. Closing stops both, before the media driver they read from.
 */
final class PostgresFeeds implements AutoCloseable
{
    private final AutoCloseable journalFeed;
    private final AutoCloseable fixMessageFeed;

    private PostgresFeeds(final AutoCloseable journalFeed, final AutoCloseable fixMessageFeed)
    {
        this.journalFeed = journalFeed;
        this.fixMessageFeed = fixMessageFeed;
    }

    /**
     * @param journalStartedMillis  the journal's identity, in the key of each feed's progress.
     */
    static PostgresFeeds start(final String aeronDirName, final PostgresConfig postgres, final long journalStartedMillis)
    {
        final JournalFeed journalFeed = JournalFeed.start(aeronDirName, PostgresStore.open(postgres, System::getenv), postgres);
        try
        {
            return new PostgresFeeds(journalFeed, FixMessageFeed.start(aeronDirName,
                PostgresStore.open(postgres, System::getenv), journalStartedMillis, postgres.batchSize()));
        }
        catch (final RuntimeException | Error e)
        {
            CloseHelper.quietClose(journalFeed);
            throw e;
        }
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(fixMessageFeed);
        CloseHelper.quietClose(journalFeed);
    }
}
