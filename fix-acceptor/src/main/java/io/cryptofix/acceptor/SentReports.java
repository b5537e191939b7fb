package io.cryptofix.acceptor;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Which ExecutionReports the last run handed to the FIX engine, by ExecID value: read at start from
 * the engine's recording of what it sent, from where that recording stood when the last run
 * started (kept in {@value #FILE} in the data directory) to where it ends. A report the journal has
 * but the engine never got (the gateway stopped first, or held it for a logged-out client) is sent
 * again; one the engine got is the engine's to resend on a ResendRequest.
 */
final class SentReports
{
    static final String FILE = "fix-sent-positions";

    private static final String EXECUTION_REPORT = "\u000135=8\u0001";
    private static final String EXEC_ID = "\u000117=";

    private SentReports()
    {
    }

    /**
     * Reads the ExecID values sent since the last start, then notes where the recordings stand now,
     * for the next start. Call before the engine starts sending.
     */
    static LongHashSet sinceLastStart(final String aeronDirName, final Path dataDir)
    {
        final Path file = dataDir.resolve(FILE);
        final Long2LongHashMap startedAt = read(file);
        final LongHashSet sent = new LongHashSet();
        final List<String> now = new ArrayList<>();
        try (ArchivedFixMessages archive = ArchivedFixMessages.connect(aeronDirName))
        {
            for (final ArchivedFixMessages.Recording recording : archive.recordings())
            {
                if (recording.received())
                {
                    continue;
                }
                final long from = startedAt.get(recording.recordingId());
                final long to = archive.writtenPosition(recording.recordingId());
                archive.read(recording, from == startedAt.missingValue() ? recording.startPosition() : from, to,
                    new SleepingMillisIdleStrategy(1),
                    (recordingId, position, received, timestampNanos, message) -> addExecId(message, sent));
                now.add(recording.recordingId() + " " + to);
            }
        }
        write(file, now);
        return sent;
    }

    private static void addExecId(final String message, final LongHashSet sent)
    {
        if (!message.contains(EXECUTION_REPORT))
        {
            return;
        }
        final int tag = message.indexOf(EXEC_ID);
        if (tag < 0)
        {
            return;
        }
        final int start = tag + EXEC_ID.length();
        final int end = message.indexOf('\u0001', start);
        final String execId = message.substring(start, end < 0 ? message.length() : end);
        // <start>-E<value>: the value is the journal's, the same when a report is sent again
        final int value = execId.lastIndexOf("-E");
        if (value >= 0)
        {
            try
            {
                sent.add(Long.parseLong(execId.substring(value + 2)));
            }
            catch (final NumberFormatException notOurs)
            {
                // not an ExecID this gateway made
            }
        }
    }

    private static Long2LongHashMap read(final Path file)
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
            // unreadable: every recording is read from its start instead, which only costs time
            positions.clear();
        }
        return positions;
    }

    private static void write(final Path file, final List<String> lines)
    {
        try
        {
            final Path next = file.resolveSibling(FILE + ".next");
            Files.write(next, lines, StandardCharsets.US_ASCII);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
