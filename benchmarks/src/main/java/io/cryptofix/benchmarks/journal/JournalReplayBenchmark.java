package io.cryptofix.benchmarks.journal;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.cryptofix.benchmarks.SilentReports;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.Order;
import io.cryptofix.order.OrderCore;
import io.cryptofix.order.VenueRouter;
import io.cryptofix.store.JournalingReports;
import io.cryptofix.store.JournalingVenueRouter;
import io.cryptofix.store.OpenOrdersAtLastStop;
import io.cryptofix.store.OrderJournal;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The order journal with many open orders: how fast the order core's events are appended, and how
 * long the next start takes to read the journal back and find the orders left open (what it does
 * before accepting logons). A real archive in a temporary directory, stopped and started again
 * between the two, as a gateway restart does.
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
        ArchivingMediaDriver driver = launch(dir, aeronDirName);
        final long appendNanos;
        final long bytes;
        try (OrderJournal journal = OrderJournal.open(aeronDirName, new YieldingIdleStrategy()))
        {
            final OrderCore core = new OrderCore(
                new InstrumentCatalog().add(new Instrument("SIM", "BTC/USDT", Fixed.ONE / 100, Fixed.ONE / 100_000,
                    Fixed.ONE / 100_000)),
                new JournalingVenueRouter(journal, new AcceptingVenue(), SystemEpochNanoClock.INSTANCE),
                new JournalingReports(journal, new SilentReports(), SystemEpochNanoClock.INSTANCE));
            final NewOrderCommand command = new NewOrderCommand();
            final long start = System.nanoTime();
            for (int i = 1; i <= orders; i++)
            {
                command.set(1, "C" + i, "BTC/USDT", "SIM", Side.BUY, OrdType.LIMIT, Fixed.ONE / 100, Fixed.ONE * 50_000, 0)
                    .conditions(TimeInForce.GOOD_TILL_CANCEL, NewOrderCommand.ABSENT, NewOrderCommand.ABSENT, false)
                    .clientCompId("RISK");
                core.onNewOrder(command, START_MILLIS + i);
                core.onVenueAccepted(i, "SIM-" + i, START_MILLIS + i);
            }
            final long appended = journal.position();
            while (journal.durablePosition() < appended)
            {
                Thread.yield();
            }
            appendNanos = System.nanoTime() - start;
            bytes = appended;
        }
        CloseHelper.close(driver);

        // the next start: a new archive on the same directory, the journal read before anything else
        driver = launch(dir, aeronDirName);
        try
        {
            final long start = System.nanoTime();
            final OpenOrdersAtLastStop open = OpenOrdersAtLastStop.read(aeronDirName, new YieldingIdleStrategy());
            final long readNanos = System.nanoTime() - start;
            System.out.printf("orders: %,d (each placed and acknowledged: %,d events, %,d bytes of journal)%n",
                orders, open.eventsRead(), bytes);
            System.out.printf("appended and written in %,d ms: %,.0f events/s%n", appendNanos / 1_000_000,
                open.eventsRead() * 1e9 / appendNanos);
            System.out.printf("read back at the next start in %,d ms: %,d orders left open found%n",
                readNanos / 1_000_000, open.orders().size());
        }
        finally
        {
            CloseHelper.close(driver);
        }
    }

    private static ArchivingMediaDriver launch(final Path dir, final String aeronDirName)
    {
        return ArchivingMediaDriver.launch(
            new MediaDriver.Context()
                .aeronDirectoryName(aeronDirName)
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new SleepingMillisIdleStrategy(1))
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true)
                .termBufferSparseFile(true)
                .ipcTermBufferLength(1024 * 1024),
            new Archive.Context()
                .aeronDirectoryName(aeronDirName)
                .archiveDir(new File(dir.toFile(), "archive"))
                .controlChannelEnabled(false)
                .archiveClientContext(new AeronArchive.Context().controlResponseChannel("aeron:ipc?term-length=64k"))
                .replicationChannel("aeron:udp?endpoint=localhost:0")
                .threadingMode(ArchiveThreadingMode.SHARED)
                .deleteArchiveOnStart(false));
    }

    /** Every request is taken: the benchmark measures the journal, not a venue. */
    private static final class AcceptingVenue implements VenueRouter
    {
        @Override
        public boolean submit(final Order order)
        {
            return true;
        }

        @Override
        public boolean cancel(final Order order)
        {
            return true;
        }

        @Override
        public boolean amend(final Order order, final long orderQty, final long price, final long stopPx)
        {
            return true;
        }

        @Override
        public boolean query(final Order order)
        {
            return true;
        }
    }
}
