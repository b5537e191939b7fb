package io.cryptofix.acceptor;

import io.aeron.Aeron;
import io.aeron.ChannelUri;
import io.aeron.FragmentAssembler;
import io.aeron.Image;
import io.aeron.Subscription;
import io.aeron.archive.client.AeronArchive;
import io.aeron.archive.client.ArchiveException;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import uk.co.real_logic.artio.CommonConfiguration;
import uk.co.real_logic.artio.messages.FixMessageDecoder;
import uk.co.real_logic.artio.messages.MessageHeaderDecoder;
import uk.co.real_logic.artio.messages.MessageStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * The FIX messages the engine recorded in the gateway's Aeron archive, read while the gateway runs:
 * each recording of the library streams (received from clients, sent to them) from a given position
 * up to where the archive has written it, by a bounded replay. Reading never slows the engine: it
 * replays what is recorded rather than subscribing to the live streams. One thread only.
 */
public final class ArchivedFixMessages implements AutoCloseable
{
    private static final String IPC = "aeron:ipc";
    private static final String REPLAY_CHANNEL = "aeron:ipc?term-length=1m";
    private static final int REPLAY_STREAM_ID = 1_000_702;
    private static final String LOCAL_CONTROL_RESPONSE = "aeron:ipc?term-length=64k";
    private static final int FRAGMENTS_PER_POLL = 64;

    private final Aeron aeron;
    private final AeronArchive archive;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final FixMessageDecoder fixMessage = new FixMessageDecoder();

    /** One recording of a library stream. */
    public record Recording(long recordingId, boolean received, long startPosition)
    {
    }

    /** Receives the messages read. */
    @FunctionalInterface
    public interface Handler
    {
        /**
         * @param position        the recording's position just after the message: where to go on from.
         * @param received        true for a message from the client, false for one the gateway sent.
         * @param timestampNanos  when the engine received or sent it, nanoseconds since the epoch.
         * @param message         the raw FIX message, SOH delimited.
         */
        void onMessage(long recordingId, long position, boolean received, long timestampNanos, String message);
    }

    /** Receives the messages read with the session each belongs to. */
    @FunctionalInterface
    public interface SessionHandler
    {
        /**
         * @param sessionId       the engine's id of the session, the same across restarts.
         * @param received        true for a message from the client, false for one the gateway sent.
         * @param timestampNanos  when the engine received or sent it, nanoseconds since the epoch.
         * @param message         the raw FIX message, SOH delimited.
         */
        void onMessage(long sessionId, boolean received, long timestampNanos, String message);
    }

    private ArchivedFixMessages(final Aeron aeron, final AeronArchive archive)
    {
        this.aeron = aeron;
        this.archive = archive;
    }

    /** Connects to the archive of the media driver at {@code aeronDirName}, over its local control channel. */
    public static ArchivedFixMessages connect(final String aeronDirName)
    {
        Aeron aeron = null;
        try
        {
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDirName));
            return new ArchivedFixMessages(aeron, AeronArchive.connect(new AeronArchive.Context()
                .aeron(aeron)
                .controlRequestChannel(AeronArchive.Configuration.localControlChannel())
                .controlRequestStreamId(AeronArchive.Configuration.localControlStreamId())
                .controlResponseChannel(LOCAL_CONTROL_RESPONSE)));
        }
        catch (final RuntimeException e)
        {
            CloseHelper.quietClose(aeron);
            throw e;
        }
    }

    /** Every recording of the streams the engine exchanges FIX messages with the library on, oldest first. */
    public List<Recording> recordings()
    {
        final List<Recording> recordings = new ArrayList<>();
        list(CommonConfiguration.DEFAULT_INBOUND_LIBRARY_STREAM, true, recordings);
        list(CommonConfiguration.DEFAULT_OUTBOUND_LIBRARY_STREAM, false, recordings);
        recordings.sort((a, b) -> Long.compare(a.recordingId(), b.recordingId()));
        return recordings;
    }

    private void list(final int streamId, final boolean received, final List<Recording> into)
    {
        archive.listRecordingsForUri(0, Integer.MAX_VALUE, IPC, streamId,
            (controlSessionId, correlationId, recordingId, startTimestamp, stopTimestamp, startPosition,
                stopPosition, initialTermId, segmentFileLength, termBufferLength, mtuLength, sessionId, stream,
                strippedChannel, originalChannel, sourceIdentity) ->
            {
                if (stream == streamId)
                {
                    into.add(new Recording(recordingId, received, startPosition));
                }
            });
    }

    /** How far the archive has written the recording: a live one's current position, else where it stopped. */
    public long writtenPosition(final long recordingId)
    {
        final long live = archive.getRecordingPosition(recordingId);
        return live != AeronArchive.NULL_POSITION ? live : archive.getStopPosition(recordingId);
    }

    /**
     * Reads the FIX messages of a recording from {@code fromPosition} (a message boundary: the
     * recording's start or a position this method returned or a handler was given) to {@code toPosition}.
     *
     * @return the position after the last whole message of the engine's read, FIX or other: where the
     *         next read goes on from (a message cut by {@code toPosition} is read again from its start).
     */
    public long read(
        final Recording recording, final long fromPosition, final long toPosition, final IdleStrategy idle,
        final Handler handler)
    {
        return read(recording, fromPosition, toPosition, idle, (sessionId, position, timestamp, message) ->
            handler.onMessage(recording.recordingId(), position, recording.received(), timestamp, message));
    }

    /** As {@link #read(Recording, long, long, IdleStrategy, Handler)}, each message with its session. */
    public long readWithSessions(
        final Recording recording, final long fromPosition, final long toPosition, final IdleStrategy idle,
        final SessionHandler handler)
    {
        return read(recording, fromPosition, toPosition, idle, (sessionId, position, timestamp, message) ->
            handler.onMessage(sessionId, recording.received(), timestamp, message));
    }

    private long read(
        final Recording recording, final long fromPosition, final long toPosition, final IdleStrategy idle,
        final Decoded handler)
    {
        if (toPosition <= fromPosition)
        {
            return fromPosition;
        }
        final long replaySession = archive.startReplay(recording.recordingId(), fromPosition,
            toPosition - fromPosition, REPLAY_CHANNEL, REPLAY_STREAM_ID);
        final long[] lastWhole = {fromPosition};
        final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, fragmentHeader) ->
        {
            onMessage(buffer, offset, fragmentHeader.position(), handler);
            lastWhole[0] = fragmentHeader.position();
        });
        try (Subscription subscription = aeron.addSubscription(
            ChannelUri.addSessionId(REPLAY_CHANNEL, (int)replaySession), REPLAY_STREAM_ID))
        {
            Image image;
            while ((image = subscription.imageBySessionId((int)replaySession)) == null)
            {
                idle.idle();
            }
            idle.reset();
            while (image.position() < toPosition && !image.isEndOfStream() && !image.isClosed())
            {
                idle.idle(image.poll(assembler, FRAGMENTS_PER_POLL));
            }
        }
        finally
        {
            stopReplayQuietly(replaySession);
        }
        return lastWhole[0];
    }

    private void onMessage(final DirectBuffer buffer, final int offset, final long position, final Decoded handler)
    {
        header.wrap(buffer, offset);
        if (header.templateId() != FixMessageDecoder.TEMPLATE_ID)
        {
            // the engine's other traffic with the library: connects, logons, acknowledgements
            return;
        }
        fixMessage.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        if (fixMessage.status() != MessageStatus.OK)
        {
            // garbled or refused input and catch-up replays are not messages of the session
            return;
        }
        final long sessionId = fixMessage.session();
        final long timestamp = fixMessage.timestamp();
        fixMessage.skipMetaData();
        handler.onMessage(sessionId, position, timestamp, FixSecrets.redact(fixMessage.body()));
    }

    @FunctionalInterface
    private interface Decoded
    {
        void onMessage(long sessionId, long position, long timestampNanos, String message);
    }

    private void stopReplayQuietly(final long replaySession)
    {
        try
        {
            archive.stopReplay(replaySession);
        }
        catch (final ArchiveException ended)
        {
            // a bounded replay that reached its end has already stopped
        }
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(archive, aeron);
    }
}
