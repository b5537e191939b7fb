package io.cryptofix.order;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.RecordingExecutionReportListener.ExecutionReport;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart: the orders an earlier run left open are handed to a new order core, which asks their
 * venues where they stand and tells clients what happened meanwhile.
 */
class OrderRecoveryTest
{
    private static final long SESSION = 7;
    private static final String VENUE = "SIM";
    private static final String SYMBOL = "BTC/USDT";
    private static final long CREATED = 1_000_000;

    private final RecordingVenueRouter venue = new RecordingVenueRouter();
    private final RecordingExecutionReportListener reports = new RecordingExecutionReportListener();
    private final OrderCore core = new OrderCore(new InstrumentCatalog()
        .add(new Instrument(VENUE, SYMBOL, fixed("0.01"), fixed("0.00001"), fixed("0.00001"))), venue, reports);
    private long now = 2_000_000;

    @Test
    void aWorkingOrderIsTakenOverWithItsClOrdIdAndTheVenueIsAskedWhereItStands()
    {
        // when
        final int asked = core.recover(List.of(working(12, "A1", "0.3")), 13, 40, now);

        // then
        assertThat(asked).isEqualTo(1);
        assertThat(venue.queried()).singleElement().satisfies(order ->
        {
            assertThat(order.orderKey()).isEqualTo(12);
            assertThat(order.venueAttempt()).isZero();
            assertThat(order.venueOrderId()).isEqualTo("V12");
        });
        assertThat(reports.all()).isEmpty();

        // the client can look it up by its ClOrdID
        core.onStatusRequest(new OrderStatusCommand().set(SESSION, "A1", SYMBOL, '1'), tick());
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
        {
            assertThat(report.orderKey()).isEqualTo(12);
            assertThat(report.execType()).isEqualTo(ExecType.ORDER_STATUS);
            assertThat(report.ordStatus()).isEqualTo(OrderState.PARTIALLY_FILLED);
            assertThat(report.cumQty()).isEqualTo(fixed("0.3"));
            assertThat(report.avgPx()).isEqualTo(fixed("30000"));
            assertThat(report.execId()).isEqualTo(40);
        });
    }

    @Test
    void newOrdersAndExecIdsContinueAfterTheHighestTheJournalUsed()
    {
        core.recover(List.of(working(12, "A1", "0")), 13, 40, now);

        // when
        core.onNewOrder(new NewOrderCommand().set(SESSION, "B1", SYMBOL, VENUE, Side.BUY, OrdType.LIMIT,
            fixed("1"), fixed("100"), 0), tick());
        core.onVenueAccepted(venue.lastSubmitted().orderKey(), "V13", tick());

        // then
        assertThat(venue.lastSubmitted().orderKey()).isEqualTo(13);
        assertThat(reports.executionReports()).singleElement().satisfies(report -> assertThat(report.execId()).isEqualTo(40));
    }

    @Test
    void fillsWhileTheGatewayWasDownAreReportedAtTheVenuesAveragePrice()
    {
        core.recover(List.of(working(12, "A1", "0.3")), 13, 40, now);

        // when: 0.3 at 30000 were known; the venue has 0.8 filled at an average of 30500
        core.onVenueStatus(12, VenueOrderStatus.OPEN, "V12", fixed("0.8"), fixed("30500"), tick());

        // then
        final ExecutionReport fill = reports.executionReports().get(0);
        assertThat(fill.execType()).isEqualTo(ExecType.TRADE);
        assertThat(fill.clOrdId()).isEqualTo("A1");
        assertThat(fill.lastQty()).isEqualTo(fixed("0.5"));
        assertThat(fill.lastPx()).isEqualTo(fixed("30800"));
        assertThat(fill.cumQty()).isEqualTo(fixed("0.8"));
        assertThat(fill.leavesQty()).isEqualTo(fixed("0.2"));
        assertThat(fill.avgPx()).isEqualTo(fixed("30500"));
        assertThat(reports.executionReports()).hasSize(1);
    }

    @Test
    void anOrderTheVenueNoLongerHasIsCanceledSayingSo()
    {
        core.recover(List.of(working(12, "A1", "0.3")), 13, 40, now);

        // when
        core.onVenueStatus(12, VenueOrderStatus.UNKNOWN, null, 0, 0, tick());

        // then
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
        {
            assertThat(report.execType()).isEqualTo(ExecType.CANCELED);
            assertThat(report.cumQty()).isEqualTo(fixed("0.3"));
            assertThat(report.text()).contains("venue SIM no longer has the order");
        });
    }

    @Test
    void aSubmitWhoseFateWasUnknownIsRejectedWhenTheVenueHasNoSuchOrder()
    {
        final RecoveredOrder submitted = recovered(12, "A1", OrderState.PENDING_NEW, "0", null, 0,
            Order.PendingRequest.NONE, null);
        core.recover(List.of(submitted), 13, 40, now);

        // when
        core.onVenueStatus(12, VenueOrderStatus.UNKNOWN, null, 0, 0, tick());

        // then
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
        {
            assertThat(report.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(report.text()).contains("it was not placed");
        });
    }

    @Test
    void aSubmitWhoseFateWasUnknownIsAcknowledgedWhenTheVenueHasIt()
    {
        core.recover(List.of(recovered(12, "A1", OrderState.PENDING_NEW, "0", null, 0, Order.PendingRequest.NONE,
            null)), 13, 40, now);

        // when
        core.onVenueStatus(12, VenueOrderStatus.OPEN, "V12", 0, 0, tick());

        // then
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
        {
            assertThat(report.execType()).isEqualTo(ExecType.NEW);
            assertThat(report.execId()).isEqualTo(40);
        });
        assertThat(core.order(12).venueOrderId()).isEqualTo("V12");
    }

    @Test
    void aVenueThatDoesNotAnswerIsAskedAgainAndTheClientToldTheOrderIsUnchecked()
    {
        core.recover(List.of(working(12, "A1", "0")), 13, 40, now);

        // when: no answer through three waits (10 s, 20 s, 40 s by default)
        for (int i = 0; i < 75; i++)
        {
            now += 1_000;
            core.onTime(now);
        }

        // then
        assertThat(venue.queried()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
        {
            assertThat(report.execType()).isEqualTo(ExecType.ORDER_STATUS);
            assertThat(report.text()).startsWith("unchecked since the gateway restarted");
        });
    }

    @Test
    void aDeadlinePassedWhileTheGatewayWasDownCancelsTheOrderAtOnce()
    {
        final RecoveredOrder expiring = new RecoveredOrder(12, SESSION, "A1", null, Order.PendingRequest.NONE, null,
            SYMBOL, VENUE, Side.BUY, OrdType.LIMIT, TimeInForce.GOOD_TILL_CANCEL, false, fixed("1"), fixed("30000"),
            0, 0, now - 10, CREATED, OrderState.NEW, 0, 0, "V12", 0);
        core.recover(List.of(expiring), 13, 40, now);
        core.onVenueStatus(12, VenueOrderStatus.OPEN, "V12", 0, 0, tick());

        // when
        core.onTime(tick());

        // then
        assertThat(venue.cancelRequested()).singleElement().satisfies(order -> assertThat(order.orderKey()).isEqualTo(12));
        assertThat(reports.timeoutsFired()).hasSize(1);
    }

    @Test
    void aClientCancelThatWasWaitingIsSentAgainAndReportedUnderItsClOrdId()
    {
        core.recover(List.of(recovered(12, "A1", OrderState.NEW, "0", "V12", 0, Order.PendingRequest.CANCEL, "A1-X")),
            13, 40, now);

        // when
        core.onVenueStatus(12, VenueOrderStatus.OPEN, "V12", 0, 0, tick());
        core.onVenueCanceled(12, "canceled by request", tick());

        // then
        assertThat(venue.cancelRequested()).hasSize(1);
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
        {
            assertThat(report.execType()).isEqualTo(ExecType.CANCELED);
            assertThat(report.clOrdId()).isEqualTo("A1-X");
        });
    }

    @Test
    void aClientCancelThatWasWaitingIsRefusedWhenTheOrderFilledWhileTheGatewayWasDown()
    {
        core.recover(List.of(recovered(12, "A1", OrderState.NEW, "0", "V12", 0, Order.PendingRequest.CANCEL, "A1-X")),
            13, 40, now);

        // when
        core.onVenueStatus(12, VenueOrderStatus.FILLED, "V12", fixed("1"), fixed("30000"), tick());

        // then
        assertThat(venue.cancelRequested()).isEmpty();
        assertThat(reports.executionReports()).singleElement().satisfies(fill ->
        {
            assertThat(fill.execType()).isEqualTo(ExecType.TRADE);
            assertThat(fill.ordStatus()).isEqualTo(OrderState.FILLED);
        });
        assertThat(reports.cancelRejects()).singleElement().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("A1-X");
            assertThat(reject.reason()).isEqualTo(CxlRejReason.TOO_LATE_TO_CANCEL);
            assertThat(reject.ordStatus()).isEqualTo(OrderState.FILLED);
        });
    }

    @Test
    void aReplaceThatWasWaitingIsRefusedForItsNewTermsAreLost()
    {
        core.recover(List.of(recovered(12, "A1", OrderState.NEW, "0", "V12", 0, Order.PendingRequest.REPLACE, "A1-R")),
            13, 40, now);

        // when
        core.onVenueStatus(12, VenueOrderStatus.OPEN, "V12", 0, 0, tick());

        // then
        assertThat(reports.cancelRejects()).singleElement().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("A1-R");
            assertThat(reject.origClOrdId()).isEqualTo("A1");
            assertThat(reject.reason()).isEqualTo(CxlRejReason.OTHER);
            assertThat(reject.text()).contains("restarted");
        });
        assertThat(core.order(12).pending()).isEqualTo(Order.PendingRequest.NONE);
    }

    @Test
    void aStopTheGatewayHeldIsHeldAgainAndTriggersOnThePriceWithoutAskingTheVenue()
    {
        final RecoveredOrder stop = new RecoveredOrder(12, SESSION, "S1", null, Order.PendingRequest.NONE, null,
            SYMBOL, VENUE, Side.BUY, OrdType.STOP, TimeInForce.GOOD_TILL_CANCEL, false, fixed("1"), 0,
            fixed("31000"), 0, 0, CREATED, OrderState.NEW, 0, 0, null, -1);

        // when
        final int asked = core.recover(List.of(stop), 13, 40, now);
        core.onMarketPrice(VENUE, SYMBOL, fixed("31000"), fixed("31001"), tick());

        // then
        assertThat(asked).isZero();
        assertThat(venue.queried()).isEmpty();
        assertThat(venue.submitted()).singleElement().satisfies(order ->
        {
            assertThat(order.orderKey()).isEqualTo(12);
            assertThat(order.venueOrdType()).isEqualTo(OrdType.MARKET);
            assertThat(order.venueAttempt()).isZero();
        });
    }

    @Test
    void aCancelRejectTheLastRunNeverSentGoesOutInJournalOrderAfterTheReportBeforeIt()
    {
        final RecoveredOrder filled = recovered(14, "A4", OrderState.FILLED, "1", "V14", 0,
            Order.PendingRequest.NONE, null);

        // when
        core.resendMissed(List.of(
            MissedReport.executionReport(filled, ExecType.TRADE, "A4", null, 21, fixed("1"), fixed("30000"), null),
            MissedReport.cancelReject(filled, "A4-X", "A4", false, CxlRejReason.TOO_LATE_TO_CANCEL,
                "the order filled at venue")), tick());

        // then
        assertThat(reports.all()).hasSize(2);
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
            assertThat(report.execId()).isEqualTo(21));
        assertThat(reports.cancelRejects()).singleElement().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("A4-X");
            assertThat(reject.origClOrdId()).isEqualTo("A4");
            assertThat(reject.orderKey()).isEqualTo(14);
            assertThat(reject.ordStatus()).isEqualTo(OrderState.FILLED);
            assertThat(reject.reason()).isEqualTo(CxlRejReason.TOO_LATE_TO_CANCEL);
            assertThat(reject.replace()).isFalse();
            assertThat(reject.text()).isEqualTo("the order filled at venue");
        });
        assertThat(reports.all().get(1)).as("in journal order").isInstanceOf(
            RecordingExecutionReportListener.CancelReject.class);
        assertThat(core.order(14)).isNull();
    }

    @Test
    void aReportTheLastRunNeverSentGoesOutAsItWasWithoutChangingTheCore()
    {
        final RecoveredOrder then = recovered(12, "A1", OrderState.PARTIALLY_FILLED, "0.3", "V12", 0,
            Order.PendingRequest.CANCEL, "A1-X");

        // when
        core.resendMissed(List.of(MissedReport.executionReport(then, ExecType.TRADE, "A1", null, 17, fixed("0.3"),
            fixed("30000"), null)), tick());

        // then
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
        {
            assertThat(report.orderKey()).isEqualTo(12);
            assertThat(report.execType()).isEqualTo(ExecType.TRADE);
            assertThat(report.execId()).isEqualTo(17);
            assertThat(report.lastQty()).isEqualTo(fixed("0.3"));
            assertThat(report.cumQty()).isEqualTo(fixed("0.3"));
            assertThat(report.leavesQty()).isEqualTo(fixed("0.7"));
            assertThat(report.fixOrdStatus()).as("the cancel was pending then").isEqualTo('6');
        });
        assertThat(core.order(12)).isNull();
        assertThat(venue.requestLog()).isEmpty();
    }

    @Test
    void anOrderOfAVenueNoLongerConfiguredIsCanceledSayingWhichVenue()
    {
        final RecoveredOrder elsewhere = new RecoveredOrder(12, SESSION, "A1", null, Order.PendingRequest.NONE, null,
            SYMBOL, "KRAKEN", Side.BUY, OrdType.LIMIT, TimeInForce.GOOD_TILL_CANCEL, false, fixed("1"),
            fixed("30000"), 0, 0, 0, CREATED, OrderState.NEW, 0, 0, "K12", 0);

        // when
        final int asked = core.recover(List.of(elsewhere), 13, 40, now);

        // then
        assertThat(asked).isZero();
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
        {
            assertThat(report.execType()).isEqualTo(ExecType.CANCELED);
            assertThat(report.text()).contains("without venue KRAKEN");
        });
    }

    private static RecoveredOrder working(final long orderKey, final String clOrdId, final String cumQty)
    {
        return recovered(orderKey, clOrdId, cumQty.equals("0") ? OrderState.NEW : OrderState.PARTIALLY_FILLED, cumQty,
            "V" + orderKey, 0, Order.PendingRequest.NONE, null);
    }

    private static RecoveredOrder recovered(
        final long orderKey, final String clOrdId, final OrderState state, final String cumQty,
        final String venueOrderId, final int attempt, final Order.PendingRequest pending, final String pendingClOrdId)
    {
        return new RecoveredOrder(orderKey, SESSION, clOrdId, null, pending, pendingClOrdId, SYMBOL, VENUE, Side.BUY,
            OrdType.LIMIT, TimeInForce.GOOD_TILL_CANCEL, false, fixed("1"), fixed("31000"), 0, 0, 0, CREATED, state,
            fixed(cumQty), cumQty.equals("0") ? 0 : fixed("30000"), venueOrderId, attempt);
    }

    private long tick()
    {
        return ++now;
    }

    private static long fixed(final String value)
    {
        return Fixed.fromBigDecimal(new BigDecimal(value));
    }
}
