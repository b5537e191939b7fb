package io.cryptofix.store;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.TestCatalog;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.CancelOrderCommand;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.OrderCore;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderEventSink;
import io.cryptofix.order.OrderReplay;
import io.cryptofix.order.VenueRouter;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.cryptofix.domain.TestCatalog.fixed;

/**
 * A real Aeron archive in a temporary directory, set up as the gateway's (local control channel
 * only), and real order cores journaling into it as the gateway's does.
 */
public final class JournalArchive implements AutoCloseable
{
    public static final long NOW = 1_767_225_600_000L;
    public static final long SESSION = 7;

    private final Path dir;
    private final String aeronDirName;
    private final AtomicLong nanos = new AtomicLong(NOW * 1_000_000L);
    private ArchivingMediaDriver driver;

    private JournalArchive(final Path dir)
    {
        this.dir = dir;
        this.aeronDirName = dir.resolve("aeron").toString();
    }

    public static JournalArchive launch() throws IOException
    {
        final JournalArchive archive = new JournalArchive(Files.createTempDirectory("cryptofix-sor-"));
        archive.start();
        return archive;
    }

    /** The archive stops and starts again, as with a gateway restart: its recordings stay. */
    public void restart()
    {
        CloseHelper.close(driver);
        start();
    }

    private void start()
    {
        driver = ArchivingMediaDriver.launch(
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
                .idleStrategySupplier(() -> new SleepingMillisIdleStrategy(1))
                .deleteArchiveOnStart(false));
    }

    public String aeronDirName()
    {
        return aeronDirName;
    }

    /** A gateway run: its journal, a new recording in the archive. */
    public OrderJournal openJournal()
    {
        return OrderJournal.open(aeronDirName, new YieldingIdleStrategy());
    }

    /**
     * A real order core journaling into {@code journal}, having taken over the orders of the runs
     * before, as the gateway does at start; its venue accepts every request.
     */
    public Trading trading(final OrderJournal journal)
    {
        return trading(journal, event -> { });
    }

    /** The same, its events going on to {@code next} once journaled, as they go to the FIX side in the gateway. */
    public Trading trading(final OrderJournal journal, final OrderEventSink next)
    {
        final InstrumentCatalog catalog =
            TestCatalog.venue("SIM").accounts("DESK1").trades("BTC/USDT", "0.00000001", "0.00000001", "0.00000001").build();
        final AcceptingVenue venue = new AcceptingVenue();
        final OrderCore core = new OrderCore(catalog, venue,
            new JournalingSink(journal, nanos::incrementAndGet, position -> { }).andThen(next));
        core.recover(replay(), NOW);
        return new Trading(core, venue);
    }

    /** The journal so far, replayed as the gateway does at start. */
    public OrderReplay replay()
    {
        return JournalReplay.read(aeronDirName, new YieldingIdleStrategy());
    }

    /** Every event journaled so far, read the way the gateway reads them at start. */
    public List<JournalEvent> journaledEvents()
    {
        final List<JournalEvent> events = new ArrayList<>();
        OrderJournal.replay(aeronDirName, new YieldingIdleStrategy(), (recordingId, event) -> events.add(event));
        return events;
    }

    public static NewOrderCommand limitOrder(final String clOrdId, final String qty, final String price)
    {
        return new NewOrderCommand()
            .set(SESSION, clOrdId, "BTC/USDT", "SIM", Side.BUY, OrdType.LIMIT, fixed(qty), fixed(price), 0)
            .conditions(TimeInForce.GOOD_TILL_CANCEL, NewOrderCommand.ABSENT, NewOrderCommand.ABSENT, false)
            .clientCompId("RISK");
    }

    @Override
    public void close()
    {
        CloseHelper.close(driver);
        IoUtil.delete(dir.toFile(), true);
    }

    /** Orders placed, filled and canceled through the order core, as a client and a venue would. */
    public static final class Trading
    {
        private final OrderCore core;
        private final AcceptingVenue venue;

        private Trading(final OrderCore core, final AcceptingVenue venue)
        {
            this.core = core;
            this.venue = venue;
        }

        /** The order core itself, for what the shortcuts below do not cover. */
        public OrderCore core()
        {
            return core;
        }

        /** Makes the venue's request queue refuse every request, as a full one does, or take them again. */
        public void venueQueueFull(final boolean full)
        {
            venue.full = full;
        }

        /** A limit order to buy, accepted by the venue. @return its order key. */
        public long place(final String clOrdId, final String qty, final String price)
        {
            core.onNewOrder(limitOrder(clOrdId, qty, price), NOW);
            final long orderKey = venue.lastSubmitted;
            core.onVenueAccepted(orderKey, "V-" + orderKey, NOW);
            return orderKey;
        }

        public void fill(final long orderKey, final String qty, final String price)
        {
            core.onVenueFill(orderKey, fixed(qty), fixed(price), NOW);
        }

        /** The client cancels the order and the venue confirms. */
        public void cancel(final long orderKey, final String cancelClOrdId, final String origClOrdId)
        {
            core.onCancelRequest(new CancelOrderCommand().set(SESSION, cancelClOrdId, origClOrdId), NOW);
            core.onVenueCanceled(orderKey, "canceled by the client", NOW);
        }
    }

    private static final class AcceptingVenue implements VenueRouter
    {
        long lastSubmitted;
        boolean full;

        @Override
        public boolean submit(final OrderEvent placement)
        {
            lastSubmitted = placement.orderKey();
            return !full;
        }

        @Override
        public boolean cancel(final OrderEvent cancel)
        {
            return !full;
        }

        @Override
        public boolean amend(final OrderEvent amend)
        {
            return !full;
        }

        @Override
        public boolean query(final OrderEvent query)
        {
            return !full;
        }
    }
}
