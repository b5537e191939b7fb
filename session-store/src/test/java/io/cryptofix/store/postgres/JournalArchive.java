package io.cryptofix.store.postgres;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.cryptofix.config.RoundingPolicy;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.domain.VenueRules;
import io.cryptofix.order.CancelOrderCommand;
import io.cryptofix.order.ExecutionReportListener;
import io.cryptofix.order.MassCancelCommand;
import io.cryptofix.order.MassStatusCommand;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.Order;
import io.cryptofix.order.OrderCore;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderStatusCommand;
import io.cryptofix.order.VenueRouter;
import io.cryptofix.store.JournalEvent;
import io.cryptofix.store.JournalingReports;
import io.cryptofix.store.JournalingVenueRouter;
import io.cryptofix.store.OrderJournal;
import io.cryptofix.store.RecoveredOrders;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real Aeron archive in a temporary directory, set up as the gateway's (local control channel
 * only), and real order cores journaling into it through the journaling wrappers.
 */
final class JournalArchive implements AutoCloseable
{
    static final long NOW = 1_767_225_600_000L;
    static final long SESSION = 7;

    private final Path dir;
    private final String aeronDirName;
    private final AtomicLong nanos = new AtomicLong(NOW * 1_000_000L);
    private ArchivingMediaDriver driver;

    private JournalArchive(final Path dir)
    {
        this.dir = dir;
        this.aeronDirName = dir.resolve("aeron").toString();
    }

    static JournalArchive launch() throws IOException
    {
        final JournalArchive archive = new JournalArchive(Files.createTempDirectory("cryptofix-sor-"));
        archive.start();
        return archive;
    }

    /** The archive stops and starts again, as with a gateway restart: its recordings stay. */
    void restart()
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

    String aeronDirName()
    {
        return aeronDirName;
    }

    /** A gateway run: its journal, a new recording in the archive. */
    OrderJournal openJournal()
    {
        return OrderJournal.open(aeronDirName, new YieldingIdleStrategy());
    }

    /**
     * A real order core journaling into {@code journal}, having taken over the orders of the runs
     * before, as the gateway does at start; its venue accepts every request.
     */
    Trading trading(final OrderJournal journal)
    {
        final InstrumentCatalog catalog = new InstrumentCatalog()
            .add(new VenueRules("SIM", VenueCapabilities.NONE, RoundingPolicy.REJECT, LocalTime.MIDNIGHT))
            .add(new Instrument("SIM", "BTC/USDT", fixed("0.00000001"), fixed("0.00000001"), fixed("0.00000001"), 0));
        final AcceptingVenue venue = new AcceptingVenue();
        final OrderCore core = new OrderCore(catalog,
            new JournalingVenueRouter(journal, venue, nanos::incrementAndGet),
            new JournalingReports(journal, new IgnoredReports(), nanos::incrementAndGet));
        final RecoveredOrders recovered = RecoveredOrders.read(aeronDirName, new YieldingIdleStrategy());
        core.recover(recovered.orders(), recovered.nextOrderKey(), recovered.nextExecId(), NOW);
        return new Trading(core, venue);
    }

    /** Every event journaled so far, read the way the gateway reads them at start. */
    List<JournalEvent> journaledEvents()
    {
        final List<JournalEvent> events = new ArrayList<>();
        OrderJournal.replay(aeronDirName, new YieldingIdleStrategy(), (recordingId, event) -> events.add(event));
        return events;
    }

    static NewOrderCommand limitOrder(final String clOrdId, final String qty, final String price)
    {
        return new NewOrderCommand()
            .set(SESSION, clOrdId, "BTC/USDT", "SIM", Side.BUY, OrdType.LIMIT, fixed(qty), fixed(price), 0)
            .conditions(TimeInForce.GOOD_TILL_CANCEL, NewOrderCommand.ABSENT, NewOrderCommand.ABSENT, false)
            .clientCompId("RISK");
    }

    static long fixed(final String value)
    {
        return Fixed.fromBigDecimal(new BigDecimal(value));
    }

    @Override
    public void close()
    {
        CloseHelper.close(driver);
        IoUtil.delete(dir.toFile(), true);
    }

    /** Orders placed, filled and canceled through the order core, as a client and a venue would. */
    static final class Trading
    {
        private final OrderCore core;
        private final AcceptingVenue venue;

        private Trading(final OrderCore core, final AcceptingVenue venue)
        {
            this.core = core;
            this.venue = venue;
        }

        /** A limit order to buy, accepted by the venue. @return its order key. */
        long place(final String clOrdId, final String qty, final String price)
        {
            core.onNewOrder(limitOrder(clOrdId, qty, price), NOW);
            final long orderKey = venue.lastSubmitted;
            core.onVenueAccepted(orderKey, "V-" + orderKey, NOW);
            return orderKey;
        }

        void fill(final long orderKey, final String qty, final String price)
        {
            core.onVenueFill(orderKey, fixed(qty), fixed(price), NOW);
        }

        /** The client cancels the order and the venue confirms. */
        void cancel(final long orderKey, final String cancelClOrdId, final String origClOrdId)
        {
            core.onCancelRequest(new CancelOrderCommand().set(SESSION, cancelClOrdId, origClOrdId), NOW);
            core.onVenueCanceled(orderKey, "canceled by the client", NOW);
        }
    }

    private static final class AcceptingVenue implements VenueRouter
    {
        long lastSubmitted;

        @Override
        public boolean submit(final Order order)
        {
            lastSubmitted = order.orderKey();
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

    private static final class IgnoredReports implements ExecutionReportListener
    {
        @Override
        public void onExecutionReport(final Order order, final ExecType execType, final String clOrdId,
            final String origClOrdId, final long execId, final long lastQty, final long lastPx, final String text,
            final long timeMillis)
        {
        }

        @Override
        public void onNewOrderRejected(final NewOrderCommand command, final long orderKey, final long execId,
            final OrdRejReason reason, final String text, final long timeMillis)
        {
        }

        @Override
        public void onStatusOfUnknownOrder(final OrderStatusCommand command, final long execId, final long timeMillis)
        {
        }

        @Override
        public void onCancelRejected(final long sessionId, final String clOrdId, final String origClOrdId,
            final boolean replace, final Order order, final CxlRejReason reason, final String text, final long timeMillis)
        {
        }

        @Override
        public void onMassCancelReport(final MassCancelCommand command, final long reportKey, final boolean accepted,
            final int affectedOrders, final String text, final long timeMillis)
        {
        }

        @Override
        public void onMassStatusReport(final MassStatusCommand command, final Order order, final long execId,
            final int totNumReports, final boolean last, final long timeMillis)
        {
        }

        @Override
        public void onIllegalTransition(final Order order, final OrderEvent event, final long timeMillis)
        {
        }

        @Override
        public void onUnknownOrder(final long orderKey, final OrderEvent event, final long timeMillis)
        {
        }
    }
}
