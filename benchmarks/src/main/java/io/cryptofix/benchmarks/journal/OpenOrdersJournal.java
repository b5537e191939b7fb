package io.cryptofix.benchmarks.journal;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.cryptofix.benchmarks.SilentReports;
import io.cryptofix.benchmarks.SimInstruments;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.OrderCore;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderEventSink;
import io.cryptofix.order.VenueRouter;
import io.cryptofix.store.JournalingSink;
import io.cryptofix.store.OrderJournal;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.nio.file.Path;

/** What the journal benchmarks share: an archive of their own, and a journal full of open orders. */
public final class OpenOrdersJournal
{
    private OpenOrdersJournal()
    {
    }

    /** An archiving media driver whose archive is {@code archiveDir}, as the gateway runs one. */
    public static ArchivingMediaDriver launchArchive(final Path archiveDir, final String aeronDirName)
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
                .archiveDir(archiveDir.toFile())
                .controlChannelEnabled(false)
                .archiveClientContext(new AeronArchive.Context().controlResponseChannel("aeron:ipc?term-length=64k"))
                .replicationChannel("aeron:udp?endpoint=localhost:0")
                .threadingMode(ArchiveThreadingMode.SHARED)
                .deleteArchiveOnStart(false));
    }

    /**
     * Places and acknowledges {@code orders} resting limit orders of session 1 through the order
     * core into the journal, and waits until the archive has written them all.
     *
     * @return the journal position after the last event.
     */
    public static long fill(final OrderJournal journal, final int orders, final long nowMillis)
    {
        final OrderCore core = new OrderCore(SimInstruments.catalog(), new AcceptingVenue(), journaling(journal));
        final NewOrderCommand command = new NewOrderCommand();
        for (int i = 1; i <= orders; i++)
        {
            command.set(1, "C" + i, "BTC/USDT", "SIM", Side.BUY, OrdType.LIMIT, Fixed.ONE / 100, Fixed.ONE * 50_000, 0)
                .conditions(TimeInForce.GOOD_TILL_CANCEL, NewOrderCommand.ABSENT, NewOrderCommand.ABSENT, false)
                .clientCompId("RISK");
            core.onNewOrder(command, nowMillis + i);
            core.onVenueAccepted(i, "SIM-" + i, nowMillis + i);
        }
        final long appended = journal.position();
        while (journal.durablePosition() < appended)
        {
            Thread.yield();
        }
        return appended;
    }

    /** The order core's events into {@code journal}, as the gateway journals them. */
    public static OrderEventSink journaling(final OrderJournal journal)
    {
        return new JournalingSink(journal, SystemEpochNanoClock.INSTANCE, position -> { }).andThen(new SilentReports());
    }

    /** Every request is taken: the benchmarks measure the journal, not a venue. */
    public static final class AcceptingVenue implements VenueRouter
    {
        @Override
        public boolean submit(final OrderEvent placement)
        {
            return true;
        }

        @Override
        public boolean cancel(final OrderEvent cancel)
        {
            return true;
        }

        @Override
        public boolean amend(final OrderEvent amend)
        {
            return true;
        }

        @Override
        public boolean query(final OrderEvent query)
        {
            return true;
        }
    }
}
