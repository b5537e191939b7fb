package io.cryptofix.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The data directory and the Aeron directory are the gateway user's alone: made rwx------, and an
 * existing one open to others tightened with a WARNING that says what it was.
 */
class OwnerOnlyDirectoryTest
{
    private static final Logger LOGGER = Logger.getLogger(OwnerOnlyDirectory.class.getName());

    @TempDir
    Path temp;

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler()
    {
        @Override
        public void publish(final LogRecord record)
        {
            warnings.add(record.getLevel() + " " + java.text.MessageFormat.format(record.getMessage(),
                record.getParameters()));
        }

        @Override
        public void flush()
        {
        }

        @Override
        public void close()
        {
        }
    };

    @BeforeEach
    void capture()
    {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        LOGGER.addHandler(capture);
    }

    @AfterEach
    void release()
    {
        LOGGER.removeHandler(capture);
    }

    @Test
    void aNewDirectoryAndTheParentsItNeedsAreMadeOwnerOnly() throws Exception
    {
        final Path dataDir = temp.resolve("srv").resolve("data");

        OwnerOnlyDirectory.create(dataDir, "data directory");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.getParent())))
            .isEqualTo("rwx------");
        assertThat(warnings).isEmpty();
    }

    @Test
    void anExistingDirectoryOpenToOthersIsTightenedSayingWhatItWas() throws Exception
    {
        final Path dataDir = Files.createDirectory(temp.resolve("data"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));

        OwnerOnlyDirectory.create(dataDir, "data directory");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(warnings).containsExactly("WARNING data directory " + dataDir + " was rwxr-xr-x, open to other " +
            "users of this machine; made rwx------");
    }

    @Test
    void anOwnerOnlyDirectoryIsLeftAsItIs() throws Exception
    {
        final Path dataDir = Files.createDirectory(temp.resolve("data"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));

        OwnerOnlyDirectory.create(dataDir, "data directory");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aDirectoryTheMediaDriverMadeIsTightenedQuietly() throws Exception
    {
        final Path aeronDir = Files.createDirectory(temp.resolve("aeron"));
        Files.setPosixFilePermissions(aeronDir, PosixFilePermissions.fromString("rwxr-xr-x"));

        OwnerOnlyDirectory.tightenMadeByOthers(aeronDir, "Aeron directory");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(aeronDir))).isEqualTo("rwx------");
        assertThat(warnings).as("it is made so at every start: nothing to warn of").isEmpty();
    }
}
