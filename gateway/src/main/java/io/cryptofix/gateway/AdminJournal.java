package io.cryptofix.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code <dataDir>/admin-journal.log}: every admin action and automatic trip, one JSON line each
 * ({@link AdminJournalEntry}). A line is on disk ({@link FileChannel#force}) before its action reaches
 * the order core, so a halt survives {@code kill -9} and is restored at the next start
 * ({@link TradingStateRestore}). The admin endpoint's thread appends directly; the duty cycle never
 * does I/O, so its automatic trips go through {@link #appendLater} to a writer thread of their own.
 */
final class AdminJournal implements AutoCloseable
{
    static final String FILE_NAME = "admin-journal.log";

    private static final Logger LOG = System.getLogger(AdminJournal.class.getName());
    // trips are rare; a burst beyond this is logged, not queued without bound
    private static final int TRIPS_WAITING = 1024;

    private final Path file;
    private final FileChannel channel;
    private final ThreadPoolExecutor tripWriter;

    private AdminJournal(final Path file, final FileChannel channel)
    {
        this.file = file;
        this.channel = channel;
        this.tripWriter = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(TRIPS_WAITING),
            task ->
            {
                final Thread thread = new Thread(task, "admin-journal-writer");
                thread.setDaemon(true);
                return thread;
            });
    }

    /** Opens the journal in the data directory, made if missing, for appending. */
    static AdminJournal open(final Path dataDir)
    {
        final Path file = dataDir.resolve(FILE_NAME);
        try
        {
            Files.createDirectories(dataDir);
            final boolean lineCutShort = lineCutShort(file);
            final FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
            if (lineCutShort)
            {
                // the next entry starts a line of its own
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
                channel.force(true);
            }
            return new AdminJournal(file, channel);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot open the admin journal " + file + ": " + e.getMessage(), e);
        }
    }

    Path file()
    {
        return file;
    }

    /**
     * Writes the entry and forces it to disk; returns once it is there. Any thread but the duty cycle.
     *
     * @throws UncheckedIOException when it could not be written: then the action must not go ahead.
     */
    synchronized void append(final AdminJournalEntry entry)
    {
        final ByteBuffer line = ByteBuffer.wrap((entry.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
        try
        {
            while (line.hasRemaining())
            {
                channel.write(line);
            }
            channel.force(true);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write the admin journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Hands the entry to the writer thread and returns at once: for the duty cycle. */
    void appendLater(final AdminJournalEntry entry)
    {
        try
        {
            tripWriter.execute(() -> appendOrLog(entry));
        }
        catch (final RejectedExecutionException e)
        {
            LOG.log(Level.WARNING, "admin journal: not written, too many waiting or stopping: {0}", entry.toJson());
        }
    }

    private void appendOrLog(final AdminJournalEntry entry)
    {
        try
        {
            append(entry);
        }
        catch (final UncheckedIOException e)
        {
            LOG.log(Level.WARNING, "{0}; lost: {1}", e.getMessage(), entry.toJson());
        }
    }

    /** @return the entries in the order written; lines that are not entries (cut short by a crash) are passed over. */
    List<AdminJournalEntry> read()
    {
        return read(file);
    }

    /** @return the entries of a journal file, none if it does not exist. */
    static List<AdminJournalEntry> read(final Path file)
    {
        final List<AdminJournalEntry> entries = new ArrayList<>();
        if (!Files.exists(file))
        {
            return entries;
        }
        try
        {
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
            {
                final AdminJournalEntry entry = line.isBlank() ? null : AdminJournalEntry.parse(line);
                if (entry != null)
                {
                    entries.add(entry);
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read the admin journal " + file + ": " + e.getMessage(), e);
        }
        return entries;
    }

    /** Writes what the writer thread still holds, then closes the file. */
    @Override
    public void close()
    {
        tripWriter.shutdown();
        try
        {
            tripWriter.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        synchronized (this)
        {
            try
            {
                channel.close();
            }
            catch (final IOException e)
            {
                // stopping anyway: every line was forced when written
            }
        }
    }

    /** @return whether the journal's last line has no line feed: its writer was killed while writing it. */
    private static boolean lineCutShort(final Path file) throws IOException
    {
        if (!Files.exists(file))
        {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final long size = channel.size();
            if (size == 0)
            {
                return false;
            }
            final ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }
}
