package io.cryptofix.gateway;

import io.aeron.archive.ArchivingMediaDriver;
import io.cryptofix.acceptor.FixMessageArchive;
import io.cryptofix.store.OrderJournal;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import uk.co.real_logic.artio.CommonConfiguration;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Aeron archive of a stopped gateway's data directory, read back: the FIX messages its engine
 * recorded, received and sent, in the order they were recorded, then the order events of the journal
 * recorded in the same archive. The archive is opened with the gateway's own driver and archive
 * settings by a media driver of its own, in a fresh Aeron directory that is deleted afterwards.
 */
public final class StoppedGatewayArchive
{
    private static final int TERM_LENGTH = 1024 * 1024;

    private StoppedGatewayArchive()
    {
    }

    /**
     * @param journal  receives the order journal's events after the FIX messages; null to skip them.
     * @throws IllegalStateException with a message for operators when there is no archive or it is in use.
     */
    public static void scan(final Path dataDir, final FixMessageArchive.Listener messages, final OrderJournal.Handler journal)
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
            driver = ArchivingMediaDriver.launch(
                MediaDriverAndArchive.mediaDriverContext(aeronDirName, TERM_LENGTH),
                MediaDriverAndArchive.archiveContext(aeronDirName, archiveDir, TERM_LENGTH));
        }
        catch (final RuntimeException e)
        {
            throw new IllegalStateException("cannot open the FIX message archive in " + archiveDir +
                " (is the gateway still running on this data directory? stop it first): " + e.getMessage(), e);
        }
        try (driver)
        {
            FixMessageArchive.scan(aeronDirName, messages);
            if (journal != null)
            {
                OrderJournal.replay(aeronDirName, new SleepingMillisIdleStrategy(1), journal);
            }
        }
    }
}
