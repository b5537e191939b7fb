package io.cryptofix.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectorySizeTest
{
    @TempDir
    Path dir;

    @Test
    void everyFileUnderTheDirectoryCountsAndTheFreeSpaceIsTheFileSystems() throws Exception
    {
        Files.write(dir.resolve("a"), new byte[1000]);
        Files.createDirectories(dir.resolve("archive/segments"));
        Files.write(dir.resolve("archive/segments/0.rec"), new byte[4096]);

        assertThat(DataDirectorySize.bytes(dir)).isEqualTo(5096);
        assertThat(DataDirectorySize.usableBytes(dir)).isPositive()
            .isLessThanOrEqualTo(Files.getFileStore(dir).getTotalSpace());
        assertThat(DataDirectorySize.bytes(dir.resolve("gone"))).isZero();
    }
}
