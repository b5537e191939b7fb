package io.cryptofix.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * How much the data directory holds and how much room is left beside it. Read on the metrics thread
 * at each scrape: a few hundred files at most (archive segments, session state), never on the order path.
 */
final class DataDirectorySize
{
    private DataDirectorySize()
    {
    }

    /** @return the bytes of every regular file under {@code dir}; a file removed while walking counts 0. */
    static long bytes(final Path dir)
    {
        final long[] total = {0};
        try
        {
            Files.walkFileTree(dir, new SimpleFileVisitor<>()
            {
                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes)
                {
                    if (attributes.isRegularFile())
                    {
                        total[0] += attributes.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(final Path file, final IOException e)
                {
                    // purged or rotated while walking: nothing to count
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (final NoSuchFileException e)
        {
            return 0;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return total[0];
    }

    /** @return the bytes this user may still write on the file system of {@code dir}. */
    static long usableBytes(final Path dir)
    {
        try
        {
            return Files.getFileStore(dir).getUsableSpace();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
