package io.cryptofix.store;

import io.aeron.Aeron;
import io.aeron.ChannelUri;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.archive.client.AeronArchive;
import io.aeron.archive.codecs.SourceLocation;
import io.aeron.archive.status.RecordingPos;
import io.cryptofix.order.OrderEvent;
import org.agrona.CloseHelper;
import org.agrona.collections.MutableLong;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;

import java.util.ArrayList;
import java.util.List;

/**
 * The order event journal: an Aeron publication recorded by the Aeron Archive the gateway already
 * runs for Artio. Each run records one recording on the journal stream; replay reads them all, in
 * order. An event is durable once the archive has written it to its recording file, which
 * {@link #durablePosition()} tells: from then on it survives the gateway process being killed.
 * Appending is for one thread (the duty cycle); {@link #durablePosition()} may be read by any.
 */
public final class OrderJournal implements AutoCloseable
{
    /** The channel and stream the journal is published and recorded on. */
    public static final String CHANNEL = "aeron:ipc?term-length=1m";
    public static final int STREAM_ID = 1_000_700;
    private static final String RECORDED_CHANNEL = "aeron:ipc";
    private static final String REPLAY_CHANNEL = "aeron:ipc?term-length=1m";
    private static final int REPLAY_STREAM_ID = 1_000_701;
    private static final String LOCAL_CONTROL_RESPONSE = "aeron:ipc?term-length=64k";

    private final Aeron aeron;
    private final AeronArchive archive;
    private final ExclusivePublication publication;
    private final CountersReader counters;
    private final int recordingPositionCounter;
    private final long recordingId;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[OrderEventCodec.MAX_LENGTH]);
    private final IdleStrategy idle;
    private long startedMillis;

    private OrderJournal(
        final Aeron aeron, final AeronArchive archive, final ExclusivePublication publication, final IdleStrategy idle)
    {
        this.aeron = aeron;
        this.archive = archive;
        this.publication = publication;
        this.idle = idle;
        this.counters = aeron.countersReader();
        int counterId;
        while ((counterId = RecordingPos.findCounterIdBySession(counters, publication.sessionId(), archive.archiveId())) ==
            CountersReader.NULL_COUNTER_ID)
        {
            // the archive starts recording once it sees the publication
            idle.idle();
            archive.checkForErrorResponse();
        }
        idle.reset();
        this.recordingPositionCounter = counterId;
        this.recordingId = RecordingPos.getRecordingId(counters, counterId);
    }

    /**
     * Starts this run's recording of the journal in the archive of the media driver at
     * {@code aeronDirName}, which must run an archive with its local control channel.
     *
     * @param idle  how to wait while the archive is behind (back pressure) or starting.
     */
    public static OrderJournal open(final String aeronDirName, final IdleStrategy idle)
    {
        Aeron aeron = null;
        AeronArchive archive = null;
        try
        {
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDirName));
            archive = connect(aeron);
            archive.startRecording(CHANNEL, STREAM_ID, SourceLocation.LOCAL);
            final ExclusivePublication publication = aeron.addExclusivePublication(CHANNEL, STREAM_ID);
            final OrderJournal journal = new OrderJournal(aeron, archive, publication, idle);
            journal.startedMillis = firstRecordingStart(archive);
            return journal;
        }
        catch (final RuntimeException e)
        {
            CloseHelper.quietCloseAll(archive, aeron);
            throw e;
        }
    }

    /** When the oldest recording of the journal started, epoch milliseconds. */
    private static long firstRecordingStart(final AeronArchive archive)
    {
        final MutableLong started = new MutableLong(Long.MIN_VALUE);
        archive.listRecordingsForUri(0, 1, RECORDED_CHANNEL, STREAM_ID,
            (controlSessionId, correlationId, recordingId, startTimestamp, stopTimestamp, startPosition,
                stopPosition, initialTermId, segmentFileLength, termBufferLength, mtuLength, sessionId, streamId,
                strippedChannel, originalChannel, sourceIdentity) -> started.set(startTimestamp));
        if (started.get() == Long.MIN_VALUE)
        {
            throw new IllegalStateException("the archive lists no recording of the order journal");
        }
        return started.get();
    }

    static AeronArchive connect(final Aeron aeron)
    {
        return AeronArchive.connect(new AeronArchive.Context()
            .aeron(aeron)
            .controlRequestChannel(AeronArchive.Configuration.localControlChannel())
            .controlRequestStreamId(AeronArchive.Configuration.localControlStreamId())
            .controlResponseChannel(LOCAL_CONTROL_RESPONSE));
    }

    /**
     * Appends an event of the order core's.
     *
     * @return the journal position just after the event.
     */
    public long append(final OrderEvent event, final long timeNanos)
    {
        return append(OrderEventCodec.encode(buffer, event, timeNanos));
    }

    /** @return the journal position just after the event. */
    private long append(final int length)
    {
        long result;
        while ((result = publication.offer(buffer, 0, length)) < 0)
        {
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED)
            {
                throw new IllegalStateException("order journal cannot take more events: " + Publication.errorString(result));
            }
            // back pressured or not yet connected: the archive is catching up
            idle.idle();
        }
        idle.reset();
        return result;
    }

    /** How far the journal has been written by the archive: events up to here survive a crash. */
    public long durablePosition()
    {
        return counters.getCounterValue(recordingPositionCounter);
    }

    /** How far the journal has been appended. */
    public long position()
    {
        return publication.position();
    }

    public long recordingId()
    {
        return recordingId;
    }

    /**
     * When the journal was started, epoch milliseconds: when its first run began recording. The same
     * for every later run on this journal, so ids derived from it (OrderIDs, venue client order ids)
     * stay those of the orders taken over; a new journal gets a new one, so they never clash with
     * orders of a journal that was removed.
     */
    public long startedMillis()
    {
        return startedMillis;
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(publication, archive, aeron);
    }

    /** Receives replayed events. */
    @FunctionalInterface
    public interface Handler
    {
        /**
         * @param recordingId  the recording of the run that journaled the event: order keys are unique within one.
         */
        void onEvent(long recordingId, JournalEvent event);
    }

    /**
     * Reads every event ever journaled in the archive of the media driver at {@code aeronDirName},
     * oldest first: each run's recording in turn, each to where the archive wrote it.
     *
     * @return the number of events read.
     */
    public static long replay(final String aeronDirName, final IdleStrategy idle, final Handler handler)
    {
        try (Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDirName));
            AeronArchive archive = connect(aeron))
        {
            final List<Long> recordings = new ArrayList<>();
            archive.listRecordingsForUri(0, Integer.MAX_VALUE, RECORDED_CHANNEL, STREAM_ID,
                (controlSessionId, correlationId, recordingId, startTimestamp, stopTimestamp, startPosition,
                    stopPosition, initialTermId, segmentFileLength, termBufferLength, mtuLength, sessionId, streamId,
                    strippedChannel, originalChannel, sourceIdentity) -> recordings.add(recordingId));
            final MutableLong events = new MutableLong();
            for (final long recordingId : recordings)
            {
                events.addAndGet(replay(aeron, archive, recordingId, idle, handler));
            }
            return events.get();
        }
    }

    private static long replay(
        final Aeron aeron, final AeronArchive archive, final long recordingId, final IdleStrategy idle,
        final Handler handler)
    {
        final long stopPosition = archive.getMaxRecordedPosition(recordingId);
        final long startPosition = archive.getStartPosition(recordingId);
        if (stopPosition <= startPosition)
        {
            return 0;
        }
        final long replaySession = archive.startReplay(recordingId, startPosition, stopPosition - startPosition,
            REPLAY_CHANNEL, REPLAY_STREAM_ID);
        final String channel = ChannelUri.addSessionId(REPLAY_CHANNEL, (int)replaySession);
        final MutableLong events = new MutableLong();
        final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, header) ->
        {
            handler.onEvent(recordingId, OrderEventCodec.decode(buffer, offset));
            events.increment();
        });
        try (Subscription subscription = aeron.addSubscription(channel, REPLAY_STREAM_ID))
        {
            Image image;
            while ((image = subscription.imageBySessionId((int)replaySession)) == null)
            {
                idle.idle();
            }
            idle.reset();
            while (image.position() < stopPosition && !image.isEndOfStream() && !image.isClosed())
            {
                idle.idle(image.poll(assembler, 100));
            }
        }
        return events.get();
    }
}
