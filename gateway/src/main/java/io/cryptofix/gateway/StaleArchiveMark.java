package io.cryptofix.gateway;

import io.aeron.archive.ArchiveMarkFile;
import org.agrona.concurrent.SystemEpochClock;

import java.io.File;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The archive's mark file of a gateway that was killed (SIGKILL, power loss) still looks active for
 * ten seconds, and the archive refuses to start on it. The mark names the process that wrote it:
 * when that process is gone, the mark is removed so that the gateway restarts at once. A mark of a
 * live process is left alone, and the archive then refuses, as it should.
 */
final class StaleArchiveMark
{
    private static final Logger LOG = System.getLogger(StaleArchiveMark.class.getName());
    private static final long OPEN_TIMEOUT_MILLIS = 1_000;
    // how long the archive takes a mark for a live archive since its last activity
    private static final long LIVENESS_TIMEOUT_MILLIS = 10_000;

    private StaleArchiveMark()
    {
    }

    static void removeIfOwnerIsGone(final Path archiveDir)
    {
        final Path mark = archiveDir.resolve(ArchiveMarkFile.FILENAME);
        if (!Files.exists(mark))
        {
            return;
        }
        final long pid;
        try (ArchiveMarkFile file = new ArchiveMarkFile(
            archiveDir.toFile(), ArchiveMarkFile.FILENAME, SystemEpochClock.INSTANCE, OPEN_TIMEOUT_MILLIS, message -> { }))
        {
            final boolean terminated = file.decoder().version() < 0;
            final boolean recent = System.currentTimeMillis() - file.activityTimestampVolatile() < LIVENESS_TIMEOUT_MILLIS;
            if (terminated || !recent)
            {
                // stopped cleanly, or long enough ago: the archive starts on it as it is
                return;
            }
            pid = file.decoder().pid();
        }
        catch (final RuntimeException e)
        {
            // unreadable: the archive decides
            return;
        }
        if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
        {
            return;
        }
        final File file = mark.toFile();
        if (file.delete())
        {
            LOG.log(Level.WARNING, "the last run (process {0}) ended without stopping; its archive mark is cleared",
                pid);
        }
    }
}
