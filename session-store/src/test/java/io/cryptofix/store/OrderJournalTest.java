package io.cryptofix.store;

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
import io.cryptofix.order.OrderState;
import io.cryptofix.order.MissedReport;
import io.cryptofix.order.OrderStatusCommand;
import io.cryptofix.order.RecoveredOrder;
import io.cryptofix.order.VenueRouter;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The journal on a real Aeron archive: the order core's events, journaled through the decorators,
 * read back in order after the archive was closed and opened again, across two runs.
 */
class OrderJournalTest
{
    private static final long NOW = 1_767_225_600_000L;
    private static final long NOW_NANOS = NOW * 1_000_000L;

    private Path dir;
    private ArchivingMediaDriver driver;
    private String aeronDirName;

    @BeforeEach
    void startArchive() throws Exception
    {
        dir = Files.createTempDirectory("cryptofix-journal-");
        launch();
    }

    @AfterEach
    void stopArchive()
    {
        CloseHelper.close(driver);
        IoUtil.delete(dir.toFile(), true);
    }

    @Test
    void theEventsOfTwoRunsAreReadBackInOrderWithTheOrderAsItStoodAfterEach()
    {
        try (OrderJournal journal = OrderJournal.open(aeronDirName, new YieldingIdleStrategy()))
        {
            final OrderCore core = core(journal);
            core.onNewOrder(order("C1", "60000"), NOW);
            core.onVenueAccepted(1, "V-1", NOW + 1);
            core.onVenueFill(1, fixed("0.4"), fixed("60000"), NOW + 2);
            final long appended = journal.position();
            await().until(() -> journal.durablePosition() >= appended);
        }
        restartArchive();
        try (OrderJournal journal = OrderJournal.open(aeronDirName, new YieldingIdleStrategy()))
        {
            final OrderCore core = core(journal);
            core.onNewOrder(order("C2", "59000"), NOW + 10);
            final long appended = journal.position();
            await().until(() -> journal.durablePosition() >= appended);
        }

        final List<JournalEvent> events = new ArrayList<>();
        final long read = OrderJournal.replay(aeronDirName, new YieldingIdleStrategy(), (recording, event) -> events.add(event));

        assertThat(read).isEqualTo(4);
        assertThat(events).extracting(JournalEvent::describe).containsExactly(
            "venue submit order=1 ClOrdID=C1 BUY 1 BTC/USDT LIMIT @60000 venue=SIM placement=0 state=PENDING_NEW cumQty=0",
            "report ExecType=0 order=1 ClOrdID=C1 BUY 1 BTC/USDT LIMIT @60000 venue=SIM venueOrderId=V-1 state=NEW cumQty=0",
            "report ExecType=F order=1 ClOrdID=C1 BUY 1 BTC/USDT LIMIT @60000 venue=SIM venueOrderId=V-1 " +
                "state=PARTIALLY_FILLED cumQty=0.4 last=0.4@60000",
            "venue submit order=1 ClOrdID=C2 BUY 1 BTC/USDT LIMIT @59000 venue=SIM placement=0 state=PENDING_NEW cumQty=0");
        assertThat(events.get(2).orderState()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(events.get(0).timeNanos()).isEqualTo(NOW_NANOS);
        assertThat(events.get(2).timeNanos()).isEqualTo(NOW_NANOS + 1);
        assertThat(events.get(2).avgPx()).isEqualTo(fixed("60000"));
    }

    @Test
    void theNextRunRecoversTheOpenOrdersWithTheirClOrdIdsAndTheClientRequestsStillWaiting()
    {
        final long journalStarted;
        try (OrderJournal journal = OrderJournal.open(aeronDirName, new YieldingIdleStrategy()))
        {
            journalStarted = journal.startedMillis();
            final OrderCore core = core(journal);
            core.onNewOrder(order("C1", "60000"), NOW);
            core.onVenueAccepted(1, "V-1", NOW);
            core.onVenueFill(1, fixed("0.4"), fixed("60000"), NOW);
            core.onNewOrder(order("C2", "60000"), NOW);
            core.onVenueAccepted(2, "V-2", NOW);
            core.onVenueFill(2, fixed("1"), fixed("60000"), NOW);
            core.onNewOrder(order("C3", "60000"), NOW);
            core.onVenueAccepted(3, "V-3", NOW);
            core.onCancelRequest(new CancelOrderCommand().set(7, "C3-X", "C3"), NOW);
            core.onNewOrder(order("C4", "60000"), NOW);
            core.onVenueAccepted(4, "V-4", NOW);
            core.onCancelRequest(new CancelOrderCommand().set(7, "C4-X1", "C4"), NOW);
            // refused while the first is pending, then the first refused by the venue: nothing waits any more
            core.onCancelRequest(new CancelOrderCommand().set(7, "C4-X2", "C4"), NOW);
            core.onVenueCancelRejected(4, "too late", NOW);
            final long appended = journal.position();
            await().until(() -> journal.durablePosition() >= appended);
        }
        restartArchive();

        final RecoveredOrders recovered = RecoveredOrders.read(aeronDirName, new YieldingIdleStrategy());

        assertThat(recovered.openOrders()).extracting(RecoveredOrder::clOrdId).containsExactly("C1", "C3", "C4");
        final RecoveredOrder partlyFilled = recovered.openOrders().get(0);
        assertThat(partlyFilled.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(partlyFilled.cumQty()).isEqualTo(fixed("0.4"));
        assertThat(partlyFilled.avgPx()).isEqualTo(fixed("60000"));
        assertThat(partlyFilled.venueOrderId()).isEqualTo("V-1");
        assertThat(partlyFilled.venueAttempt()).isZero();
        assertThat(partlyFilled.sessionId()).isEqualTo(7);
        assertThat(recovered.openOrders().get(1).pending()).isEqualTo(Order.PendingRequest.CANCEL);
        assertThat(recovered.openOrders().get(1).pendingClOrdId()).isEqualTo("C3-X");
        assertThat(recovered.openOrders().get(2).pending()).isEqualTo(Order.PendingRequest.NONE);
        assertThat(recovered.nextOrderKey()).isEqualTo(5);
        // New and Trade for C1 and C2, New and PendingCancel for C3 and C4: ExecIDs 1 to 8
        assertThat(recovered.nextExecId()).isEqualTo(9);
        try (OrderJournal journal = OrderJournal.open(aeronDirName, new YieldingIdleStrategy()))
        {
            assertThat(journal.startedMillis()).isEqualTo(journalStarted);
        }
        // the engine got ExecIDs 1 to 6, not C4's New (7) and PendingCancel (8), nor either refusal
        final List<MissedReport> missed = recovered.missedReports(sent(6));
        assertThat(missed)
            .extracting(MissedReport::execId, MissedReport::execType, MissedReport::clOrdId, MissedReport::cxlRejReason)
            .containsExactly(
                tuple(7L, ExecType.NEW, "C4", null),
                tuple(8L, ExecType.PENDING_CANCEL, "C4-X1", null),
                tuple(0L, null, "C4-X2", CxlRejReason.ALREADY_PENDING_CANCEL),
                tuple(0L, null, "C4-X1", CxlRejReason.OTHER));
        assertThat(missed.get(1).order().pending()).as("the order as it stood then").isEqualTo(Order.PendingRequest.CANCEL);
        assertThat(missed.get(3).origClOrdId()).isEqualTo("C4");
        assertThat(missed.get(3).replace()).isFalse();
        assertThat(missed.get(3).text()).isEqualTo("cancel rejected by venue SIM: too late");
        // the engine got all the reports and the refusal of C4-X2
        assertThat(recovered.missedReports(sent(8, "4 C4-X2"))).extracting(MissedReport::clOrdId).containsExactly("C4-X1");
    }

    /** The last run sent the reports with ExecIDs up to {@code lastExecId}, and these refusals ("orderKey ClOrdID"). */
    private static RecoveredOrders.SentLastRun sent(final long lastExecId, final String... cancelRejects)
    {
        final List<String> rejects = new ArrayList<>(List.of(cancelRejects));
        return new RecoveredOrders.SentLastRun()
        {
            @Override
            public boolean report(final long execId)
            {
                return execId <= lastExecId;
            }

            @Override
            public boolean cancelReject(final long orderKey, final String requestClOrdId)
            {
                return rejects.remove(orderKey + " " + requestClOrdId);
            }
        };
    }

    @Test
    void anEventIsDurableOnceTheArchiveHasWrittenItAndNotBefore()
    {
        try (OrderJournal journal = OrderJournal.open(aeronDirName, new YieldingIdleStrategy()))
        {
            final long before = journal.durablePosition();
            core(journal).onNewOrder(order("C1", "60000"), NOW);

            assertThat(journal.position()).isGreaterThan(before);
            await().until(() -> journal.durablePosition() == journal.position());
        }
    }

    private static OrderCore core(final OrderJournal journal)
    {
        final InstrumentCatalog catalog = new InstrumentCatalog()
            .add(new VenueRules("SIM", VenueCapabilities.NONE, RoundingPolicy.REJECT, LocalTime.MIDNIGHT))
            .add(new Instrument("SIM", "BTC/USDT", fixed("0.01"), fixed("0.001"), fixed("0.001"), 0));
        return new OrderCore(catalog, new JournalingVenueRouter(journal, new AcceptingVenue(), () -> NOW_NANOS),
            new JournalingReports(journal, new IgnoredReports(), () -> NOW_NANOS + 1));
    }

    private static NewOrderCommand order(final String clOrdId, final String price)
    {
        return new NewOrderCommand()
            .set(7, clOrdId, "BTC/USDT", "SIM", Side.BUY, OrdType.LIMIT, fixed("1"), fixed(price), 0)
            .conditions(TimeInForce.GOOD_TILL_CANCEL, NewOrderCommand.ABSENT, NewOrderCommand.ABSENT, false)
            .clientCompId("RISK");
    }

    private void restartArchive()
    {
        CloseHelper.close(driver);
        launch();
    }

    private void launch()
    {
        aeronDirName = dir.resolve("aeron").toString();
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

    private static long fixed(final String value)
    {
        return Fixed.fromBigDecimal(new BigDecimal(value));
    }

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
