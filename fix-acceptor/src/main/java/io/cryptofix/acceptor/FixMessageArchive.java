package io.cryptofix.acceptor;

import io.aeron.archive.client.AeronArchive;
import org.agrona.collections.IntHashSet;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import uk.co.real_logic.artio.CommonConfiguration;
import uk.co.real_logic.artio.engine.logger.FixArchiveScanner;

/**
 * Reads back every FIX message the gateway's engine recorded in an Aeron archive, received and
 * sent, in the order they were recorded, with Artio's {@link FixArchiveScanner}. For reading the
 * archive of a stopped gateway (gateway's {@code StoppedGatewayArchive} launches a media driver and
 * archive on it); a running gateway's FIX messages are read with {@link ArchivedFixMessages}.
 */
public final class FixMessageArchive
{
    private static final String IPC = "aeron:ipc";
    private static final String LOCAL_CONTROL = "aeron:ipc?term-length=64k";
    private static final int SCANNER_STREAM = 1_000_555;
    private static final int REORDER_BUFFER_START = 4 * 1024 * 1024;
    private static final int REORDER_BUFFER_MAX = 1024 * 1024 * 1024;

    /** One archived message. */
    public interface Listener
    {
        /**
         * @param received        true for a message from the client, false for one the gateway sent.
         * @param timestampNanos  when the engine received or sent it, nanoseconds since the epoch.
         * @param message         the raw FIX message, SOH delimited.
         */
        void onMessage(boolean received, long timestampNanos, String message);
    }

    private FixMessageArchive()
    {
    }

    /**
     * Hands every recorded FIX message to {@code listener}, oldest first.
     *
     * @param aeronDirName  a media driver whose archive holds the engine's recordings.
     */
    public static void scan(final String aeronDirName, final Listener listener)
    {
        try (FixArchiveScanner scanner = new FixArchiveScanner(new FixArchiveScanner.Configuration()
            .aeronDirectoryName(aeronDirName)
            .idleStrategy(new SleepingMillisIdleStrategy(1))
            // the buffer that puts received and sent messages in time order: Artio's default
            // starts at 256 MB, grown as needed from a small start instead
            .compactionSize(REORDER_BUFFER_START)
            .maximumBufferSize(REORDER_BUFFER_MAX)
            .archiveContext(new AeronArchive.Context()
                .aeronDirectoryName(aeronDirName)
                .controlRequestChannel(AeronArchive.Configuration.localControlChannel())
                .controlRequestStreamId(AeronArchive.Configuration.localControlStreamId())
                .controlResponseChannel(LOCAL_CONTROL))))
        {
            final IntHashSet streams = new IntHashSet();
            streams.add(CommonConfiguration.DEFAULT_INBOUND_LIBRARY_STREAM);
            streams.add(CommonConfiguration.DEFAULT_OUTBOUND_LIBRARY_STREAM);
            scanner.scan(IPC, streams,
                (message, buffer, offset, length, header) -> listener.onMessage(
                    header.streamId() == CommonConfiguration.DEFAULT_INBOUND_LIBRARY_STREAM, message.timestamp(),
                    FixSecrets.redact(message.body())),
                null, false, SCANNER_STREAM);
        }
    }
}
