package io.cryptofix.store;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.CancelOrderCommand;
import io.cryptofix.order.MissedReport;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.Order;
import io.cryptofix.order.OrderCore;
import io.cryptofix.order.OrderEventType;
import io.cryptofix.order.OrderReplay;
import io.cryptofix.order.OrderState;
import io.cryptofix.order.PendingRequest;
import io.cryptofix.order.ReplaceOrderCommand;
import io.cryptofix.order.VenueLeg;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.cryptofix.store.JournalArchive.NOW;
import static io.cryptofix.store.JournalArchive.SESSION;
import static io.cryptofix.domain.TestCatalog.fixed;
import static io.cryptofix.store.JournalArchive.limitOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The journal on a real Aeron archive: the order core's events, appended as they happen, read back in
 * order after the archive was closed and opened again, across runs, and replayed through the order's
 * tables into the orders the live core had.
 */
class OrderJournalTest
{
    private JournalArchive archive;

    @BeforeEach
    void startArchive() throws Exception
    {
        archive = JournalArchive.launch();
    }

    @AfterEach
    void stopArchive()
    {
        CloseHelper.close(archive);
    }

    @Test
    void theEventsOfTwoRunsAreReadBackInOrderWithTheOrderAsItStoodAfterEach()
    {
        try (OrderJournal journal = archive.openJournal())
        {
            final JournalArchive.Trading trading = archive.trading(journal);
            final long orderKey = trading.place("C1", "1", "60000");
            trading.fill(orderKey, "0.4", "60000");
            awaitWritten(journal);
        }
        archive.restart();
        try (OrderJournal journal = archive.openJournal())
        {
            archive.trading(journal).core().onNewOrder(limitOrder("C2", "1", "59000"), NOW + 10);
            awaitWritten(journal);
        }

        final List<JournalEvent> events = archive.journaledEvents();

        assertThat(events).extracting(JournalEvent::describe).containsExactly(
            "venue submit order=1 ClOrdID=C1 BUY 1 BTC/USDT LIMIT @60000 venue=SIM placement=0 state=PENDING_NEW cumQty=0",
            "report ExecType=0 order=1 ClOrdID=C1 BUY 1 BTC/USDT LIMIT @60000 venue=SIM venueOrderId=V-1 state=NEW cumQty=0",
            "report ExecType=F order=1 ClOrdID=C1 BUY 1 BTC/USDT LIMIT @60000 venue=SIM venueOrderId=V-1 " +
                "state=PARTIALLY_FILLED cumQty=0.4 last=0.4@60000",
            "venue query order=1 ClOrdID=C1 BUY 1 BTC/USDT LIMIT @60000 venue=SIM placement=0 venueOrderId=V-1 " +
                "state=PARTIALLY_FILLED cumQty=0.4",
            "venue submit order=2 ClOrdID=C2 BUY 1 BTC/USDT LIMIT @59000 venue=SIM placement=0 state=PENDING_NEW cumQty=0");
        assertThat(events).extracting(JournalEvent::type).containsExactly(OrderEventType.SUBMITTED, OrderEventType.NEW,
            OrderEventType.PARTIAL_FILL, OrderEventType.VENUE_QUERY, OrderEventType.SUBMITTED);
        assertThat(events.get(2).orderState()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(events.get(0).timeNanos()).isLessThan(events.get(2).timeNanos());
        assertThat(events.get(2).avgPx()).isEqualTo(fixed("60000"));
    }

    @Test
    void theNextRunRecoversTheOpenOrdersWithTheirClOrdIdsAndTheClientRequestsStillWaiting()
    {
        final long journalStarted;
        try (OrderJournal journal = archive.openJournal())
        {
            journalStarted = journal.startedMillis();
            final JournalArchive.Trading trading = archive.trading(journal);
            final OrderCore core = trading.core();
            trading.fill(trading.place("C1", "1", "60000"), "0.4", "60000");
            trading.fill(trading.place("C2", "1", "60000"), "1", "60000");
            trading.place("C3", "1", "60000");
            core.onCancelRequest(new CancelOrderCommand().set(SESSION, "C3-X", "C3"), NOW);
            final long c4 = trading.place("C4", "1", "60000");
            core.onCancelRequest(new CancelOrderCommand().set(SESSION, "C4-X1", "C4"), NOW);
            // refused while the first is pending, then the first refused by the venue: nothing waits any more
            core.onCancelRequest(new CancelOrderCommand().set(SESSION, "C4-X2", "C4"), NOW);
            core.onVenueCancelRejected(c4, "too late", NOW);
            awaitWritten(journal);
        }
        archive.restart();

        final OrderReplay recovered = archive.replay();

        assertThat(recovered.eventsRefused()).isZero();
        assertThat(recovered.openOrders()).extracting(Order::clOrdId).containsExactly("C1", "C3", "C4");
        final Order partlyFilled = recovered.openOrders().get(0);
        assertThat(partlyFilled.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(partlyFilled.cumQty()).isEqualTo(fixed("0.4"));
        assertThat(partlyFilled.avgPx()).isEqualTo(fixed("60000"));
        assertThat(partlyFilled.venueOrderId()).isEqualTo("V-1");
        assertThat(partlyFilled.venueAttempt()).isZero();
        assertThat(partlyFilled.sessionId()).isEqualTo(SESSION);
        assertThat(recovered.openOrders().get(1).pending()).isEqualTo(PendingRequest.CANCEL);
        assertThat(recovered.openOrders().get(1).pendingClOrdId()).isEqualTo("C3-X");
        assertThat(recovered.openOrders().get(2).pending()).isEqualTo(PendingRequest.NONE);
        assertThat(recovered.nextOrderKey()).isEqualTo(5);
        // New and Trade for C1 and C2, New and PendingCancel for C3 and C4: ExecIDs 1 to 8
        assertThat(recovered.nextExecId()).isEqualTo(9);
        try (OrderJournal journal = archive.openJournal())
        {
            assertThat(journal.startedMillis()).isEqualTo(journalStarted);
        }
        // the engine got ExecIDs 1 to 6, not C4's New (7) and PendingCancel (8), nor either refusal
        final List<MissedReport> missed = recovered.missedReports(sent(6));
        assertThat(missed)
            .extracting(MissedReport::execId, MissedReport::type, MissedReport::clOrdId, MissedReport::cxlRejReason)
            .containsExactly(
                tuple(7L, OrderEventType.NEW, "C4", null),
                tuple(8L, OrderEventType.PENDING_CANCEL, "C4-X1", null),
                tuple(0L, OrderEventType.REQUEST_REFUSED, "C4-X2", CxlRejReason.ALREADY_PENDING_CANCEL),
                tuple(0L, OrderEventType.CANCEL_REJECTED, "C4-X1", CxlRejReason.OTHER));
        assertThat(missed.get(1).order().pending()).as("the order as it stood then").isEqualTo(PendingRequest.CANCEL);
        assertThat(missed.get(3).origClOrdId()).isEqualTo("C4");
        assertThat(missed.get(3).replace()).isFalse();
        assertThat(missed.get(3).text()).isEqualTo("cancel rejected by venue SIM: too late");
        // the engine got all the reports and the refusal of C4-X2
        assertThat(recovered.missedReports(sent(8, "4 C4-X2"))).extracting(MissedReport::clOrdId).containsExactly("C4-X1");
    }

    @Test
    void anOrderKeepsItsAccountAcrossARestartSoItsRequestsGoOnThroughThatAccount()
    {
        try (OrderJournal journal = archive.openJournal())
        {
            final JournalArchive.Trading trading = archive.trading(journal);
            trading.core().onNewOrder(limitOrder("C1", "1", "60000").account("DESK1"), NOW);
            trading.core().onNewOrder(limitOrder("C2", "1", "60000"), NOW);
            awaitWritten(journal);
        }
        archive.restart();

        assertThat(archive.replay().openOrders()).extracting(Order::clOrdId, Order::account)
            .containsExactly(tuple("C1", "DESK1"), tuple("C2", null));
    }

    @Test
    void replayingTheJournalGivesEveryOrderAsTheLiveCoreLeftIt()
    {
        final List<Order> live = new ArrayList<>();
        try (OrderJournal journal = archive.openJournal())
        {
            final JournalArchive.Trading trading = archive.trading(journal);
            final OrderCore core = trading.core();
            final long filled = trading.place("F", "1", "60000");
            trading.fill(filled, "0.25", "60000");
            trading.fill(filled, "0.75", "60010");
            final long canceled = trading.place("C", "2", "59000");
            trading.fill(canceled, "0.5", "59000");
            trading.cancel(canceled, "C-X", "C");
            // a fill the venue made before the cancel took effect
            trading.fill(canceled, "0.1", "58990");
            final long replaced = trading.place("R", "3", "58000");
            trading.fill(replaced, "1", "58000");
            core.onReplaceRequest(replace("R-2", "R", "5", "57500"), NOW);
            core.onVenueCanceled(replaced, "canceled for the replace", NOW);
            core.onVenueAccepted(replaced, "V-R2", NOW);
            final long pendingCancel = trading.place("P", "1", "57000");
            core.onCancelRequest(new CancelOrderCommand().set(SESSION, "P-X", "P"), NOW);
            core.onNewOrder(stop("S", "61000"), NOW);
            core.onMarketPrice("SIM", "BTC/USDT", fixed("60999"), fixed("61000"), NOW);
            core.onNewOrder(stop("H", "70000"), NOW);
            for (long orderKey = 1; orderKey <= 6; orderKey++)
            {
                live.add(core.order(orderKey));
            }
            awaitWritten(journal);
            assertThat(core.order(pendingCancel).pending()).isEqualTo(PendingRequest.CANCEL);
        }
        archive.restart();

        // when
        final OrderReplay replay = archive.replay();

        // then
        assertThat(replay.eventsRefused()).isZero();
        assertThat(replay.orders()).hasSameSizeAs(live);
        for (int i = 0; i < live.size(); i++)
        {
            assertThat(replay.orders().get(i)).as("order %s", live.get(i).clOrdId()).usingRecursiveComparison()
                .comparingOnlyFields("orderKey", "clOrdId", "origClOrdId", "orderQty", "price", "stopPx", "state",
                    "pending", "leg", "cumQty", "pendingClOrdId", "replaceQty", "replacePrice", "venueAttempt",
                    "venueOrderId", "venueOrdType", "venueTimeInForce", "venueQuantity", "venuePrice", "cancelCause",
                    "expireTimeMillis", "timeoutMillis", "createdMillis")
                .isEqualTo(live.get(i));
            assertThat(replay.orders().get(i).avgPx()).isEqualTo(live.get(i).avgPx());
        }
        assertThat(replay.orders().get(1).state()).isEqualTo(OrderState.CANCELED);
        assertThat(replay.orders().get(1).cumQty()).isEqualTo(fixed("0.6"));
        assertThat(replay.orders().get(5).leg()).isEqualTo(VenueLeg.HELD);
    }

    @Test
    void aNewOrderRefusedForAFullVenueQueueLeavesNothingInTheJournal()
    {
        try (OrderJournal journal = archive.openJournal())
        {
            final JournalArchive.Trading trading = archive.trading(journal);
            trading.venueQueueFull(true);
            trading.core().onNewOrder(limitOrder("C1", "1", "60000"), NOW);
            awaitWritten(journal);
        }
        archive.restart();

        final OrderReplay replay = archive.replay();

        assertThat(replay.eventsRead()).isZero();
        assertThat(replay.orders()).isEmpty();
    }

    @Test
    void aStopWhoseTriggerFoundTheVenueQueueFullIsStillHeldAfterTheRestart()
    {
        try (OrderJournal journal = archive.openJournal())
        {
            final JournalArchive.Trading trading = archive.trading(journal);
            trading.core().onNewOrder(stop("S", "61000"), NOW);
            trading.venueQueueFull(true);
            trading.core().onMarketPrice("SIM", "BTC/USDT", fixed("60999"), fixed("61000"), NOW);
            awaitWritten(journal);
        }
        archive.restart();

        final OrderReplay replay = archive.replay();

        assertThat(archive.journaledEvents()).extracting(JournalEvent::type).containsExactly(OrderEventType.HELD);
        assertThat(replay.openOrders()).singleElement().satisfies(order ->
        {
            assertThat(order.state()).isEqualTo(OrderState.NEW);
            assertThat(order.leg()).isEqualTo(VenueLeg.HELD);
            assertThat(order.venueAttempt()).isEqualTo(-1);
        });
    }

    @Test
    void aReportSentAgainAfterARestartIsNotCountedTwiceAndIsKeptForTheNextRestart()
    {
        try (OrderJournal journal = archive.openJournal())
        {
            final JournalArchive.Trading trading = archive.trading(journal);
            trading.fill(trading.place("C1", "1", "60000"), "0.4", "60000");
            awaitWritten(journal);
        }
        archive.restart();
        try (OrderJournal journal = archive.openJournal())
        {
            // the second run sends the fill again, for the first never did, and stops before the engine has it
            final OrderReplay replay = archive.replay();
            final OrderCore core = archive.trading(journal).core();
            core.resendMissed(replay.missedReports(sent(1)), NOW + 1);
            awaitWritten(journal);
        }
        archive.restart();

        final OrderReplay third = archive.replay();

        assertThat(third.eventsRefused()).isZero();
        assertThat(third.openOrders()).singleElement().satisfies(order ->
            assertThat(order.cumQty()).isEqualTo(fixed("0.4")));
        assertThat(third.missedReports(sent(0))).singleElement().satisfies(fill ->
        {
            assertThat(fill.type()).isEqualTo(OrderEventType.PARTIAL_FILL);
            assertThat(fill.execId()).isEqualTo(2);
            assertThat(fill.lastQty()).isEqualTo(fixed("0.4"));
            assertThat(fill.order().cumQty()).isEqualTo(fixed("0.4"));
            assertThat(fill.order().ordStatus()).isEqualTo('1');
        });
    }

    @Test
    void anEventIsDurableOnceTheArchiveHasWrittenItAndNotBefore()
    {
        try (OrderJournal journal = archive.openJournal())
        {
            final long before = journal.durablePosition();
            archive.trading(journal).core().onNewOrder(limitOrder("C1", "1", "60000"), NOW);

            assertThat(journal.position()).isGreaterThan(before);
            await().until(() -> journal.durablePosition() == journal.position());
        }
    }

    private static void awaitWritten(final OrderJournal journal)
    {
        final long appended = journal.position();
        await().until(() -> journal.durablePosition() >= appended);
    }

    /** The last run sent the reports with ExecIDs up to {@code lastExecId}, and these refusals ("orderKey ClOrdID"). */
    private static OrderReplay.SentLastRun sent(final long lastExecId, final String... cancelRejects)
    {
        final List<String> rejects = new ArrayList<>(List.of(cancelRejects));
        return new OrderReplay.SentLastRun()
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

    private static NewOrderCommand stop(final String clOrdId, final String stopPx)
    {
        return new NewOrderCommand()
            .set(SESSION, clOrdId, "BTC/USDT", "SIM", Side.BUY, OrdType.STOP, fixed("1"), NewOrderCommand.ABSENT, 0)
            .conditions(TimeInForce.GOOD_TILL_CANCEL, fixed(stopPx), NewOrderCommand.ABSENT, false);
    }

    private static ReplaceOrderCommand replace(
        final String clOrdId, final String origClOrdId, final String qty, final String price)
    {
        return new ReplaceOrderCommand().set(SESSION, clOrdId, origClOrdId, "BTC/USDT", Side.BUY, OrdType.LIMIT,
            fixed(qty), fixed(price), NewOrderCommand.ABSENT, null, NewOrderCommand.ABSENT);
    }
}
