package io.cryptofix.acceptor;

import org.agrona.collections.Long2LongHashMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A file in the data directory saying how far the engine's recordings had been read at a start: one
 * line {@code <recording id> <position>} each. Written whole and moved into place, so a crash leaves
 * the old file or the new one, never half of one.
 */
final class RecordingPositions
{
    private RecordingPositions()
    {
    }

    /**
     * @return recording id to position; empty when there is no file or it cannot be read (every
     *     recording is then read from its start, which only costs time).
     */
    static Long2LongHashMap read(final Path file)
    {
        final Long2LongHashMap positions = new Long2LongHashMap(Long.MIN_VALUE);
        if (!Files.exists(file))
        {
            return positions;
        }
        try
        {
            for (final String line : Files.readAllLines(file, StandardCharsets.US_ASCII))
            {
                final String[] recordingAndPosition = line.trim().split(" ");
                if (recordingAndPosition.length == 2)
                {
                    positions.put(Long.parseLong(recordingAndPosition[0]), Long.parseLong(recordingAndPosition[1]));
                }
            }
        }
        catch (final IOException | NumberFormatException e)
        {
            positions.clear();
        }
        return positions;
    }

    static void write(final Path file, final Long2LongHashMap positions)
    {
        final List<String> lines = new ArrayList<>();
        positions.forEach((recordingId, position) -> lines.add(recordingId + " " + position));
        try
        {
            final Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.write(next, lines, StandardCharsets.US_ASCII);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
