package io.cryptofix.acceptor;

import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.cryptofix.store.OrderJournal;
import org.agrona.collections.IntHashSet;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import uk.co.real_logic.artio.CommonConfiguration;
import uk.co.real_logic.artio.engine.logger.FixArchiveScanner;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads back the FIX messages the gateway's engine recorded in the Aeron archive of a data
 * directory, in the order they were recorded, received and sent, and the order events of the
 * journal recorded in the same archive. The gateway must be stopped: the
 * archive is opened by an archiving media driver of its own, in a fresh Aeron directory that is
 * deleted afterwards.
 */
public final class FixMessageArchive
{
    private static final String IPC = "aeron:ipc";
    private static final String LOCAL_CONTROL = "aeron:ipc?term-length=64k";
    private static final int TERM_LENGTH = 1024 * 1024;
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
     * @throws IllegalStateException with a message for operators when there is no archive or it is in use.
     */
    public static void scan(final Path dataDir, final Listener listener)
    {
        scan(dataDir, listener, null);
    }

    /**
     * @param journal  receives the order journal's events after the FIX messages; null to skip them.
     * @throws IllegalStateException with a message for operators when there is no archive or it is in use.
     */
    public static void scan(final Path dataDir, final Listener listener, final OrderJournal.Handler journal)
    {
        final Path archiveDir = dataDir.toAbsolutePath().resolve("archive");
        if (!Files.isDirectory(archiveDir))
        {
            throw new IllegalStateException("no FIX message archive in " + dataDir.toAbsolutePath() +
                " (the gateway keeps it in <dataDir>/archive)");
        }
        StaleArchiveMark.removeIfOwnerIsGone(archiveDir);
        final Path aeronDir = Path.of(CommonConfiguration.optimalTmpDirName(), "cryptofix-audit-" + ProcessHandle.current().pid());
        final String aeronDirName = aeronDir.toString();
        final ArchivingMediaDriver driver;
        try
        {
            // the gateway's own driver and archive settings, in an Aeron directory of its own
            driver = ArchivingMediaDriver.launch(
                FixAcceptor.mediaDriverContext(aeronDirName, TERM_LENGTH),
                FixAcceptor.archiveContext(aeronDirName, archiveDir, TERM_LENGTH));
        }
        catch (final RuntimeException e)
        {
            throw new IllegalStateException("cannot open the FIX message archive in " + archiveDir +
                " (is the gateway still running on this data directory? stop it first): " + e.getMessage(), e);
        }
        try (driver;
            FixArchiveScanner scanner = new FixArchiveScanner(new FixArchiveScanner.Configuration()
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
                    message.body()),
                null, false, SCANNER_STREAM);
            if (journal != null)
            {
                OrderJournal.replay(aeronDirName, new SleepingMillisIdleStrategy(1), journal);
            }
        }
    }
}
