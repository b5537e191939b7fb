package io.cryptofix.gateway;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;

import java.nio.file.Path;

/**
 * The embedded Aeron media driver and archive everything else runs on: IPC between the FIX engine
 * and the library, the recording of the FIX messages and of the order journal under
 * {@code <dataDir>/archive}. Small term buffers, shared threading, idle strategies that park.
 * Both directories are readable by the gateway's user only. Closing stops both and removes the Aeron
 * directory, which is this gateway's once it has started a driver in it.
 */
final class MediaDriverAndArchive implements AutoCloseable
{
    private static final String ARCHIVE_LOCAL_CONTROL = "aeron:ipc?term-length=64k";

    private final Path aeronDir;
    private final ArchivingMediaDriver driver;

    private MediaDriverAndArchive(final Path aeronDir, final ArchivingMediaDriver driver)
    {
        this.aeronDir = aeronDir;
        this.driver = driver;
    }

    /**
     * Creates the data directory if need be, clears the archive mark of a gateway that died, and
     * launches the driver with its archive in {@code aeronDir}.
     */
    static MediaDriverAndArchive launch(final Path aeronDir, final Path dataDir, final int termBufferLength)
    {
        OwnerOnlyDirectory.create(dataDir, "data directory");
        final String aeronDirName = aeronDir.toString();
        final Path archiveDir = dataDir.resolve("archive");
        try
        {
            StaleArchiveMark.removeIfOwnerIsGone(archiveDir);
            final ArchivingMediaDriver driver = ArchivingMediaDriver.launch(
                mediaDriverContext(aeronDirName, termBufferLength),
                archiveContext(aeronDirName, archiveDir, termBufferLength));
            // the driver always makes its directory anew, as the umask allows, and no setting of
            // Aeron's changes that: closed to others here, before the FIX engine or the journal
            // publishes a message in it (what is there so far is the driver's control file and the
            // archive's own control streams)
            OwnerOnlyDirectory.tightenMadeByOthers(aeronDir, "Aeron directory");
            return new MediaDriverAndArchive(aeronDir, driver);
        }
        catch (final RuntimeException | Error e)
        {
            // the driver may have got as far as making the directory its own
            IoUtil.delete(aeronDir.toFile(), true);
            throw e;
        }
    }

    static MediaDriver.Context mediaDriverContext(final String aeronDirName, final int termBufferLength)
    {
        return new MediaDriver.Context()
            .aeronDirectoryName(aeronDirName)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(IdleStrategies.parking())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .warnIfDirectoryExists(false)
            .termBufferSparseFile(true)
            .publicationTermBufferLength(termBufferLength)
            .ipcTermBufferLength(termBufferLength);
    }

    static Archive.Context archiveContext(final String aeronDirName, final Path archiveDir, final int termBufferLength)
    {
        // only the local IPC control channel: no UDP port to collide with another gateway
        return new Archive.Context()
            .aeronDirectoryName(aeronDirName)
            .archiveDir(archiveDir.toFile())
            .controlChannelEnabled(false)
            .archiveClientContext(new AeronArchive.Context().controlResponseChannel(ARCHIVE_LOCAL_CONTROL))
            .replicationChannel("aeron:udp?endpoint=localhost:0")
            .threadingMode(ArchiveThreadingMode.SHARED)
            // the archive's recorder is on the order path: reports wait for it to write the journal
            .idleStrategySupplier(IdleStrategies::archive)
            .deleteArchiveOnStart(false)
            .segmentFileLength(Math.max(termBufferLength * 4, 8 * 1024 * 1024));
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(driver);
        IoUtil.delete(aeronDir.toFile(), true);
    }
}
