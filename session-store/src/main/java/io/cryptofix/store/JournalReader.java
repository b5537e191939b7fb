package io.cryptofix.store;

import io.aeron.Aeron;
import io.aeron.ChannelUri;
import io.aeron.FragmentAssembler;
import io.aeron.Image;
import io.aeron.Subscription;
import io.aeron.archive.client.AeronArchive;
import io.aeron.archive.client.ArchiveException;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.CloseHelper;
import org.agrona.collections.MutableLong;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads the order journal out of the archive while the gateway goes on appending to it, for feeds
 * that copy it elsewhere (the PostgreSQL system of record): lists each run's recording with how far
 * the archive has written it, and replays a bounded range of one, handing each event over with its
 * position. It never subscribes to the journal's live publication, so a reader that falls behind
 * holds up nobody but itself: trading never waits for it. For one thread.
 */
public final class JournalReader implements AutoCloseable
{
    /** The position of a recording that has none (not started, not stopped), as the archive says it. */
    public static final long NULL_POSITION = AeronArchive.NULL_POSITION;

    private static final String RECORDED_CHANNEL = "aeron:ipc";
    private static final String REPLAY_CHANNEL = "aeron:ipc?term-length=1m";
    // a stream of its own, apart from the start-up replay's (1000701) and the FIX message reader's
    // (1000702): replays are told apart by session id anyway, this keeps them apart in AeronStat too
    private static final int REPLAY_STREAM_ID = 1_000_703;
    private static final long REPLAY_START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Aeron aeron;
    private final AeronArchive archive;

    private JournalReader(final Aeron aeron, final AeronArchive archive)
    {
        this.aeron = aeron;
        this.archive = archive;
    }

    /**
     * Connects to the archive of the media driver at {@code aeronDirName}, which must run an archive
     * with its local control channel (as the gateway's does).
     */
    public static JournalReader open(final String aeronDirName)
    {
        Aeron aeron = null;
        try
        {
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDirName));
            return new JournalReader(aeron, OrderJournal.connect(aeron));
        }
        catch (final RuntimeException e)
        {
            CloseHelper.quietClose(aeron);
            throw e;
        }
    }

    /**
     * The journal's identity: when its first recording started, epoch milliseconds, as
     * {@link OrderJournal#startedMillis()} gives it; {@link Long#MIN_VALUE} while there is no recording.
     */
    public long journalStartedMillis()
    {
        final MutableLong started = new MutableLong(Long.MIN_VALUE);
        archive.listRecordingsForUri(0, 1, RECORDED_CHANNEL, OrderJournal.STREAM_ID,
            (controlSessionId, correlationId, recordingId, startTimestamp, stopTimestamp, startPosition,
                stopPosition, initialTermId, segmentFileLength, termBufferLength, mtuLength, sessionId, streamId,
                strippedChannel, originalChannel, sourceIdentity) -> started.set(startTimestamp));
        return started.get();
    }

    /**
     * The journal's recordings from {@code fromRecordingId} on, oldest first, each with how far the
     * archive has written it now.
     */
    public List<Recording> recordings(final long fromRecordingId)
    {
        final List<long[]> found = new ArrayList<>();
        archive.listRecordingsForUri(fromRecordingId, Integer.MAX_VALUE, RECORDED_CHANNEL, OrderJournal.STREAM_ID,
            (controlSessionId, correlationId, recordingId, startTimestamp, stopTimestamp, startPosition,
                stopPosition, initialTermId, segmentFileLength, termBufferLength, mtuLength, sessionId, streamId,
                strippedChannel, originalChannel, sourceIdentity) -> found.add(new long[] {recordingId, startPosition}));
        final List<Recording> recordings = new ArrayList<>(found.size());
        for (final long[] recording : found)
        {
            // asked after the listing, so a recording that stops meanwhile shows its stop position
            final boolean active = archive.getRecordingPosition(recording[0]) != NULL_POSITION;
            recordings.add(new Recording(
                recording[0], recording[1], archive.getMaxRecordedPosition(recording[0]), active));
        }
        return recordings;
    }

    /**
     * Starts replaying the events of one recording between two positions, each of which must be the
     * start of the recording or the position just after an event.
     */
    public Replay replay(final long recordingId, final long fromPosition, final long toPosition)
    {
        if (toPosition <= fromPosition)
        {
            throw new IllegalArgumentException("nothing to replay from " + fromPosition + " to " + toPosition);
        }
        final long replaySession = archive.startReplay(
            recordingId, fromPosition, toPosition - fromPosition, REPLAY_CHANNEL, REPLAY_STREAM_ID);
        try
        {
            final Subscription subscription = aeron.addSubscription(
                ChannelUri.addSessionId(REPLAY_CHANNEL, (int)replaySession), REPLAY_STREAM_ID);
            return new Replay(recordingId, replaySession, subscription, toPosition);
        }
        catch (final RuntimeException e)
        {
            stopQuietly(replaySession);
            throw e;
        }
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(archive, aeron);
    }

    private void stopQuietly(final long replaySession)
    {
        try
        {
            archive.stopReplay(replaySession);
        }
        catch (final ArchiveException e)
        {
            // the replay ended already: what stopping it was for
        }
    }

    /**
     * One run's recording of the journal.
     *
     * @param startPosition     where its first event starts.
     * @param recordedPosition  how far the archive has written it: events up to here can be replayed.
     * @param active            whether the run is still appending to it.
     */
    public record Recording(long recordingId, long startPosition, long recordedPosition, boolean active)
    {
    }

    /** Receives replayed events with where they end in their recording. */
    @FunctionalInterface
    public interface Handler
    {
        /**
         * @param position  the journal position just after the event: a replay from here goes on with the next one.
         */
        void onEvent(long recordingId, long position, JournalEvent event);
    }

    /** A bounded replay under way, polled by its reader's thread until it is done. */
    public final class Replay implements AutoCloseable
    {
        private final long recordingId;
        private final long replaySession;
        private final Subscription subscription;
        private final long toPosition;
        private final FragmentAssembler assembler;
        private final long startedNanos = System.nanoTime();
        private Handler handler;
        private Image image;
        private boolean closed;

        private Replay(
            final long recordingId, final long replaySession, final Subscription subscription, final long toPosition)
        {
            this.recordingId = recordingId;
            this.replaySession = replaySession;
            this.subscription = subscription;
            this.toPosition = toPosition;
            final FragmentHandler onMessage = (buffer, offset, length, header) ->
                handler.onEvent(this.recordingId, header.position(), OrderEventCodec.decode(buffer, offset));
            this.assembler = new FragmentAssembler(onMessage);
        }

        /**
         * Hands over the events that have arrived, at most {@code fragmentLimit} fragments' worth (an
         * event takes one or more fragments, so never more events than that).
         *
         * @return the fragments read; 0 when none has arrived yet.
         */
        public int poll(final Handler handler, final int fragmentLimit)
        {
            if (image == null)
            {
                image = subscription.imageBySessionId((int)replaySession);
                if (image == null)
                {
                    archive.checkForErrorResponse();
                    if (System.nanoTime() - startedNanos > REPLAY_START_TIMEOUT_NANOS)
                    {
                        throw new IllegalStateException("the archive did not start replaying journal recording " +
                            recordingId + " within " + TimeUnit.NANOSECONDS.toSeconds(REPLAY_START_TIMEOUT_NANOS) + " s");
                    }
                    return 0;
                }
            }
            this.handler = handler;
            return image.poll(assembler, fragmentLimit);
        }

        /** Whether every event up to the end of the range has been handed over (or the replay ended early). */
        public boolean isDone()
        {
            return image != null && (image.position() >= toPosition || image.isEndOfStream() || image.isClosed());
        }

        public long recordingId()
        {
            return recordingId;
        }

        /** Stops the replay if it has not ended. */
        @Override
        public void close()
        {
            if (!closed)
            {
                closed = true;
                if (!isDone())
                {
                    stopQuietly(replaySession);
                }
                CloseHelper.quietClose(subscription);
            }
        }
    }
}
