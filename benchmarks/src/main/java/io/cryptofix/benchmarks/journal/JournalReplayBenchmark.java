package io.cryptofix.benchmarks.journal;

import io.aeron.archive.ArchivingMediaDriver;
import io.cryptofix.benchmarks.SimInstruments;
import io.cryptofix.order.OrderCore;
import io.cryptofix.order.OrderReplay;
import io.cryptofix.store.JournalReplay;
import io.cryptofix.store.OrderJournal;
import org.agrona.IoUtil;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The order journal with many open orders: how fast the order core's events are appended, and how
 * long the next start takes to read the journal back, find the orders left open and hand them to a
 * new order core, which journals a status query to each one's venue (what the gateway does before
 * accepting logons). A real archive in a temporary directory, stopped and started again between the
 * two, as a gateway restart does.
 *
 * <pre>java -cp benchmarks.jar:lib/* io.cryptofix.benchmarks.journal.JournalReplayBenchmark [orders]</pre>
 */
public final class JournalReplayBenchmark
{
    private static final long START_MILLIS = 1_767_225_600_000L;

    public static void main(final String[] args) throws Exception
    {
        final int orders = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        final Path dir = Files.createTempDirectory("cryptofix-journal-bench-");
        try
        {
            run(dir, orders);
        }
        finally
        {
            IoUtil.delete(dir.toFile(), true);
        }
    }

    private static void run(final Path dir, final int orders)
    {
        final String aeronDirName = dir.resolve("aeron").toString();
        final Path archiveDir = dir.resolve("archive");
        final long appendNanos;
        final long bytes;
        try (ArchivingMediaDriver driver = OpenOrdersJournal.launchArchive(archiveDir, aeronDirName);
            OrderJournal journal = OrderJournal.open(aeronDirName, new YieldingIdleStrategy()))
        {
            final long start = System.nanoTime();
            bytes = OpenOrdersJournal.fill(journal, orders, START_MILLIS);
            appendNanos = System.nanoTime() - start;
        }

        // the next start: a new archive on the same directory, the journal read before anything else
        try (ArchivingMediaDriver driver = OpenOrdersJournal.launchArchive(archiveDir, aeronDirName))
        {
            final long start = System.nanoTime();
            final OrderReplay recovered = JournalReplay.read(aeronDirName, new YieldingIdleStrategy());
            final long readNanos = System.nanoTime() - start;
            final int reconciling;
            final int restored;
            try (OrderJournal journal = OrderJournal.open(aeronDirName, new YieldingIdleStrategy()))
            {
                final OrderCore core = new OrderCore(SimInstruments.catalog(),
                    new OpenOrdersJournal.AcceptingVenue(), OpenOrdersJournal.journaling(journal));
                reconciling = core.recover(recovered, START_MILLIS + orders + 1);
                restored = core.orderCount();
            }
            final long recoverNanos = System.nanoTime() - start;
            System.out.printf("orders: %,d (each placed and acknowledged: %,d events, %,d bytes of journal)%n",
                orders, recovered.eventsRead(), bytes);
            System.out.printf("appended and written in %,d ms: %,.0f events/s%n", appendNanos / 1_000_000,
                recovered.eventsRead() * 1e9 / appendNanos);
            System.out.printf("read back at the next start in %,d ms: %,d orders left open found%n",
                readNanos / 1_000_000, recovered.openOrders().size());
            System.out.printf("read, restored and queried at their venue in %,d ms: %,d orders restored, " +
                "%,d status queries journaled%n", recoverNanos / 1_000_000, restored, reconciling);
        }
    }
}
