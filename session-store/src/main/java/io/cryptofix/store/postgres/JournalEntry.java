package io.cryptofix.store.postgres;

import io.cryptofix.store.JournalEvent;

/**
 * A journal event with where it is in the journal: the key of its rows in the system of record.
 *
 * @param journalId    the journal's identity, when its first recording started (epoch milliseconds).
 * @param recordingId  the archive recording of the gateway run that journaled it.
 * @param position     the journal position just after the event in its recording.
 */
public record JournalEntry(long journalId, long recordingId, long position, JournalEvent event)
{
}
