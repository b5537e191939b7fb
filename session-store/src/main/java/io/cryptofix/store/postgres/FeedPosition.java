package io.cryptofix.store.postgres;

/**
 * Where a feed is up to in one recording of what it copies, as {@code feed_progress} keeps it.
 *
 * @param feed         which feed: {@link PostgresStore#JOURNAL_FEED} or {@link PostgresStore#FIX_MESSAGES_FEED}.
 * @param journalId    the identity of what the recording belongs to (the journal's, or the FIX
 *                     archive's): recording ids start again when it is created anew.
 * @param recordingId  the archive recording.
 * @param position     everything before this position is written.
 */
public record FeedPosition(String feed, long journalId, long recordingId, long position)
{
}
