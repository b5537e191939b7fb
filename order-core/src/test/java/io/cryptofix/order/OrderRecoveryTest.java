package io.cryptofix.order;

import io.cryptofix.config.TimeoutConfig;
import io.cryptofix.config.TimeoutPolicy;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.TestCatalog;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.RecordingSink.ExecutionReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart: a first run of the order core journals its events; a second run replays them through
 * the same transitions, takes the orders over, asks their venues where they stand and tells clients
 * what happened meanwhile.
 */
class OrderRecoveryTest
{
    private static final long SESSION = 7;
    private static final String VENUE = "SIM";
    private static final String AMENDING_VENUE = "AMEND";
    private static final String SYMBOL = "BTC/USDT";

    private final RecordingVenueRouter earlierVenue = new RecordingVenueRouter();
    private final RecordingSink earlier = new RecordingSink();
    private final OrderCore earlierCore = new OrderCore(catalog(true), earlierVenue, earlier, earlier, timeouts(null));
    private final RecordingVenueRouter venue = new RecordingVenueRouter();
    private final RecordingSink reports = new RecordingSink();
    private OrderCore core;
    private OrderReplay replay;
    private long now = 2_000_000;

    @Test
    void aWorkingOrderIsTakenOverWithItsClOrdIdAndTheVenueIsAskedWhereItStands()
    {
        final long orderKey = working("A1", "1", "31000");
        earlierCore.onVenueFill(orderKey, fixed("0.3"), fixed("30000"), tick());

        // when
        final int asked = restart();

        // then
        assertThat(asked).isEqualTo(1);
        assertThat(venue.queried()).singleElement().satisfies(query ->
        {
            assertThat(query.orderKey()).isEqualTo(orderKey);
            assertThat(query.venueAttempt()).isZero();
            assertThat(query.venueOrderId()).isEqualTo("V" + orderKey);
        });
        assertThat(reports.all()).isEmpty();

        // the client can look it up by its ClOrdID
        core.onStatusRequest(new OrderStatusCommand().set(SESSION, "A1", SYMBOL, '1'), tick());
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
        {
            assertThat(report.orderKey()).isEqualTo(orderKey);
            assertThat(report.execType()).isEqualTo(ExecType.ORDER_STATUS);
            assertThat(report.ordStatus()).isEqualTo(OrderState.PARTIALLY_FILLED);
            assertThat(report.cumQty()).isEqualTo(fixed("0.3"));
            assertThat(report.avgPx()).isEqualTo(fixed("30000"));
            assertThat(report.execId()).isEqualTo(lastExecId() + 1);
        });
    }

    @Test
    void replayingTheJournalGivesEveryOrderAsTheLiveCoreLeftIt()
    {
        final long filled = working("F", "1", "31000");
        earlierCore.onVenueFill(filled, fixed("1"), fixed("30500"), tick());
        final long canceling = working("C", "2", "30000");
        earlierCore.onCancelRequest(new CancelOrderCommand().set(SESSION, "C-X", "C"), tick());
        final long replaced = working("R", "3", "29000");
        earlierCore.onVenueFill(replaced, fixed("1"), fixed("29000"), tick());
        earlierCore.onReplaceRequest(replace("R-2", "R", "5", "28500"), tick());
        earlierCore.onVenueCanceled(replaced, "canceled by request", tick());
        earlierCore.onVenueAccepted(replaced, "V-R2", tick());
        final long rejected = submitted("J", "1", "30000");
        earlierCore.onVenueRejected(rejected, "no", tick());
        final long held = stop("S", "32000");

        // when
        restart();

        // then
        for (final long orderKey : List.of(filled, canceling, replaced, rejected, held))
        {
            final Order live = earlierCore.order(orderKey);
            final Order replayed = replay.orders().stream().filter(o -> o.orderKey() == orderKey).findFirst().orElseThrow();
            assertThat(replayed).as("order %s", live.clOrdId()).usingRecursiveComparison()
                .comparingOnlyFields("clOrdId", "origClOrdId", "orderQty", "price", "stopPx", "state", "pending",
                    "cumQty", "pendingClOrdId", "venueAttempt", "venueOrderId", "venueQuantity", "venuePrice")
                .isEqualTo(live);
        }
        assertThat(replay.eventsRefused()).isZero();
        assertThat(replay.eventsRead()).isEqualTo(earlier.journal().size());
    }

    @Test
    void theReplayKnowsEveryClOrdIdTheJournalHoldsForASessionNotOnlyWhatTheOrdersAreCalledNow()
    {
        // an order canceled (now known by its cancel's ClOrdID), one replaced, and a cancel refused
        final long canceled = working("C", "1", "30000");
        earlierCore.onCancelRequest(new CancelOrderCommand().set(SESSION, "C-X", "C"), tick());
        earlierCore.onVenueCanceled(canceled, "canceled by request", tick());
        final long replaced = working("R", "2", "29000");
        earlierCore.onReplaceRequest(replace("R-2", "R", "3", "28500"), tick());
        earlierCore.onVenueCanceled(replaced, "canceled by request", tick());
        earlierCore.onVenueAccepted(replaced, "V-R2", tick());
        final long kept = working("K", "1", "30000");
        earlierCore.onCancelRequest(new CancelOrderCommand().set(SESSION, "K-X", "K"), tick());
        earlierCore.onVenueCancelRejected(kept, "too late", tick());

        // when
        restart();

        // then
        for (final String clOrdId : List.of("C", "C-X", "R", "R-2", "K", "K-X"))
        {
            assertThat(replay.journaled(SESSION, clOrdId)).as(clOrdId).isTrue();
        }
        assertThat(replay.journaled(SESSION, "never-sent")).isFalse();
        assertThat(replay.journaled(SESSION + 1, "C")).as("another session's").isFalse();
    }

    @Test
    void newOrdersAndExecIdsContinueAfterTheHighestTheJournalUsed()
    {
        final long orderKey = working("A1", "1", "31000");
        restart();

        // when
        core.onNewOrder(newOrder("B1", "1", "100"), tick());
        core.onVenueAccepted(venue.lastSubmitted().orderKey(), "V13", tick());

        // then
        assertThat(venue.lastSubmitted().orderKey()).isEqualTo(orderKey + 1);
        assertThat(reports.executionReports()).singleElement()
            .satisfies(report -> assertThat(report.execId()).isEqualTo(lastExecId() + 1));
    }

    @Test
    void fillsWhileTheGatewayWasDownAreReportedAtTheVenuesAveragePrice()
    {
        final long orderKey = working("A1", "1", "31000");
        earlierCore.onVenueFill(orderKey, fixed("0.3"), fixed("30000"), tick());
        restart();

        // when: 0.3 at 30000 were known; the venue has 0.8 filled at an average of 30500
        core.onVenueStatus(orderKey, VenueOrderStatus.OPEN, "V1", fixed("0.8"), fixed("30500"), tick());

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
        final long orderKey = working("A1", "1", "31000");
        earlierCore.onVenueFill(orderKey, fixed("0.3"), fixed("30000"), tick());
        restart();

        // when
        core.onVenueStatus(orderKey, VenueOrderStatus.UNKNOWN, null, 0, 0, tick());

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
        final long orderKey = submitted("A1", "1", "31000");
        restart();

        // when
        core.onVenueStatus(orderKey, VenueOrderStatus.UNKNOWN, null, 0, 0, tick());

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
        final long orderKey = submitted("A1", "1", "31000");
        restart();

        // when
        core.onVenueStatus(orderKey, VenueOrderStatus.OPEN, "V12", 0, 0, tick());

        // then
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
        {
            assertThat(report.execType()).isEqualTo(ExecType.NEW);
            assertThat(report.execId()).isEqualTo(lastExecId() + 1);
        });
        assertThat(core.order(orderKey).venueOrderId()).isEqualTo("V12");
    }

    @Test
    void aVenueThatDoesNotAnswerIsAskedAgainAndTheClientToldTheOrderIsUnchecked()
    {
        working("A1", "1", "31000");
        restart();

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
        final OrderCore timed = new OrderCore(catalog(true), earlierVenue, earlier, earlier, timeouts(Duration.ofSeconds(5)));
        timed.onNewOrder(newOrder("A1", "1", "30000"), tick());
        final long orderKey = earlierVenue.lastSubmitted().orderKey();
        timed.onVenueAccepted(orderKey, "V1", tick());
        now += 60_000;
        restart();
        core.onVenueStatus(orderKey, VenueOrderStatus.OPEN, "V1", 0, 0, tick());

        // when
        core.onTime(tick());

        // then
        assertThat(venue.cancelRequested()).singleElement().satisfies(cancel -> assertThat(cancel.orderKey()).isEqualTo(orderKey));
        assertThat(reports.timeoutsFired()).hasSize(1);
    }

    @Test
    void aClientCancelThatWasWaitingIsSentAgainAndReportedUnderItsClOrdId()
    {
        final long orderKey = working("A1", "1", "31000");
        earlierCore.onCancelRequest(new CancelOrderCommand().set(SESSION, "A1-X", "A1"), tick());
        restart();

        // when
        core.onVenueStatus(orderKey, VenueOrderStatus.OPEN, "V1", 0, 0, tick());
        core.onVenueCanceled(orderKey, "canceled by request", tick());

        // then
        assertThat(venue.cancelRequested()).hasSize(1);
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
        {
            assertThat(report.execType()).isEqualTo(ExecType.CANCELED);
            assertThat(report.clOrdId()).isEqualTo("A1-X");
            assertThat(report.origClOrdId()).isEqualTo("A1");
        });
    }

    @Test
    void aClientCancelThatWasWaitingIsRefusedWhenTheOrderFilledWhileTheGatewayWasDown()
    {
        final long orderKey = working("A1", "1", "31000");
        earlierCore.onCancelRequest(new CancelOrderCommand().set(SESSION, "A1-X", "A1"), tick());
        restart();

        // when
        core.onVenueStatus(orderKey, VenueOrderStatus.FILLED, "V1", fixed("1"), fixed("30000"), tick());

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
    void anAmendInFlightIsRefusedAfterARestartForItsOutcomeAtTheVenueIsUnknown()
    {
        final long orderKey = working(AMENDING_VENUE, "A1", "1", "31000");
        earlierCore.onReplaceRequest(replace("A1-R", "A1", "2", "31000"), tick());
        restart();

        // when
        core.onVenueStatus(orderKey, VenueOrderStatus.OPEN, "V1", 0, 0, tick());

        // then
        assertThat(reports.cancelRejects()).singleElement().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("A1-R");
            assertThat(reject.origClOrdId()).isEqualTo("A1");
            assertThat(reject.reason()).isEqualTo(CxlRejReason.OTHER);
            assertThat(reject.replace()).isTrue();
            assertThat(reject.text()).contains("restarted");
        });
        assertThat(core.order(orderKey).pending()).isEqualTo(PendingRequest.NONE);
        assertThat(core.order(orderKey).orderQty()).isEqualTo(fixed("1"));
    }

    @Test
    void anEmulatedReplaceWhoseNewOrderWasPlacedCompletesWhenTheVenueHasIt()
    {
        final long orderKey = working("A1", "1", "31000");
        earlierCore.onReplaceRequest(replace("A1-R", "A1", "2", "30500"), tick());
        earlierCore.onVenueCanceled(orderKey, "canceled by request", tick());
        restart();

        // when: the venue has the replacement, placed as attempt 1 before the restart
        core.onVenueStatus(orderKey, VenueOrderStatus.OPEN, "V1-R", 0, 0, tick());

        // then
        assertThat(venue.queried()).singleElement().satisfies(query -> assertThat(query.venueAttempt()).isOne());
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
        {
            assertThat(report.execType()).isEqualTo(ExecType.REPLACED);
            assertThat(report.clOrdId()).isEqualTo("A1-R");
            assertThat(report.origClOrdId()).isEqualTo("A1");
            assertThat(report.orderQty()).isEqualTo(fixed("2"));
            assertThat(report.price()).isEqualTo(fixed("30500"));
        });
    }

    @Test
    void aStopTheGatewayHeldIsHeldAgainAndTriggersOnThePriceWithoutAskingTheVenue()
    {
        final long orderKey = stop("S1", "31000");

        // when
        final int asked = restart();
        core.onMarketPrice(VENUE, SYMBOL, fixed("31000"), fixed("31001"), tick());

        // then
        assertThat(asked).isZero();
        assertThat(venue.queried()).isEmpty();
        assertThat(venue.submitted()).singleElement().satisfies(placement ->
        {
            assertThat(placement.orderKey()).isEqualTo(orderKey);
            assertThat(placement.venueOrdType()).isEqualTo(OrdType.MARKET);
            assertThat(placement.venueAttempt()).isZero();
        });
    }

    @Test
    void aNewOrderRefusedForAFullVenueQueueDoesNotComeBackAfterARestart()
    {
        earlierVenue.full(true);
        earlierCore.onNewOrder(newOrder("A1", "1", "30000"), tick());
        assertThat(earlier.newOrderRejects()).singleElement()
            .satisfies(reject -> assertThat(reject.text()).contains("request queue is full"));

        // when
        final int asked = restart();

        // then: nothing to take over, ask about or tell the client again; the ClOrdID is free
        assertThat(asked).isZero();
        assertThat(core.orderCount()).isZero();
        assertThat(replay.missedReports(nothingSent())).isEmpty();
        assertThat(venue.queried()).isEmpty();
        core.onNewOrder(newOrder("A1", "1", "30000"), tick());
        assertThat(venue.submitted()).hasSize(1);
        assertThat(reports.newOrderRejects()).isEmpty();
    }

    @Test
    void aStopWhoseTriggerFoundTheVenueQueueFullIsStillHeldAfterARestart()
    {
        final long orderKey = stop("S1", "31000");
        earlierVenue.full(true);
        earlierCore.onMarketPrice(VENUE, SYMBOL, fixed("31000"), fixed("31001"), tick());
        assertThat(earlierCore.heldStopCount()).isOne();

        // when
        final int asked = restart();

        // then: still held, never asked about at the venue, not ended
        assertThat(asked).isZero();
        assertThat(venue.queried()).isEmpty();
        assertThat(core.heldStopCount()).isOne();
        assertThat(core.order(orderKey).leg()).isEqualTo(VenueLeg.HELD);
        core.onVenueStatus(orderKey, VenueOrderStatus.UNKNOWN, null, 0, 0, tick());
        assertThat(reports.all()).isEmpty();
        core.onMarketPrice(VENUE, SYMBOL, fixed("31000"), fixed("31001"), tick());
        assertThat(venue.submitted()).singleElement().satisfies(placement ->
            assertThat(placement.venueAttempt()).isZero());
    }

    @Test
    void aLateFillAfterTheCancelSurvivesARestart()
    {
        final long orderKey = working("A1", "1", "31000");
        earlierCore.onCancelRequest(new CancelOrderCommand().set(SESSION, "A1-X", "A1"), tick());
        earlierCore.onVenueCanceled(orderKey, "canceled by request", tick());
        earlierCore.onVenueFill(orderKey, fixed("0.4"), fixed("30900"), tick());

        // when
        final int asked = restart();

        // then
        assertThat(asked).isZero();
        final Order order = core.order(orderKey);
        assertThat(order.state()).isEqualTo(OrderState.CANCELED);
        assertThat(order.cumQty()).isEqualTo(fixed("0.4"));
        assertThat(order.clOrdId()).isEqualTo("A1-X");
    }

    @Test
    void aCancelRejectTheLastRunNeverSentGoesOutInJournalOrderAfterTheReportBeforeIt()
    {
        final long orderKey = working("A4", "1", "31000");
        earlierCore.onCancelRequest(new CancelOrderCommand().set(SESSION, "A4-X", "A4"), tick());
        earlierCore.onVenueFill(orderKey, fixed("1"), fixed("30000"), tick());
        earlierCore.onVenueCancelRejected(orderKey, "order filled", tick());
        final long fillExecId = earlier.executionReports().get(2).execId();
        restart();

        // when: the last run sent everything but the fill and the refusal
        core.resendMissed(replay.missedReports(sentUpTo(fillExecId - 1)), tick());

        // then
        assertThat(reports.all()).hasSize(2);
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
        {
            assertThat(report.execId()).isEqualTo(fillExecId);
            assertThat(report.fixOrdStatus()).as("the cancel was pending then").isEqualTo('6');
        });
        assertThat(reports.cancelRejects()).singleElement().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("A4-X");
            assertThat(reject.origClOrdId()).isEqualTo("A4");
            assertThat(reject.orderKey()).isEqualTo(orderKey);
            assertThat(reject.ordStatus()).isEqualTo(OrderState.FILLED);
            assertThat(reject.reason()).isEqualTo(CxlRejReason.TOO_LATE_TO_CANCEL);
            assertThat(reject.replace()).isFalse();
            assertThat(reject.text()).isEqualTo("cancel rejected by venue SIM: order filled");
        });
        assertThat(reports.all().get(1)).as("in journal order").isInstanceOf(RecordingSink.CancelReject.class);
    }

    @Test
    void aReportTheLastRunNeverSentGoesOutAsItWasWithoutChangingTheCore()
    {
        final long orderKey = working("A1", "1", "31000");
        earlierCore.onCancelRequest(new CancelOrderCommand().set(SESSION, "A1-X", "A1"), tick());
        earlierCore.onVenueFill(orderKey, fixed("0.3"), fixed("30000"), tick());
        final long fillExecId = lastExecId();
        restart();

        // when
        core.resendMissed(replay.missedReports(sentUpTo(fillExecId - 1)), tick());

        // then
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
        {
            assertThat(report.orderKey()).isEqualTo(orderKey);
            assertThat(report.execType()).isEqualTo(ExecType.TRADE);
            assertThat(report.execId()).isEqualTo(fillExecId);
            assertThat(report.lastQty()).isEqualTo(fixed("0.3"));
            assertThat(report.cumQty()).isEqualTo(fixed("0.3"));
            assertThat(report.leavesQty()).isEqualTo(fixed("0.7"));
            assertThat(report.fixOrdStatus()).as("the cancel was pending then").isEqualTo('6');
        });
        assertThat(venue.requestLog()).isEmpty();
        assertThat(core.order(orderKey).pending()).isEqualTo(PendingRequest.CANCEL);
    }

    @Test
    void anOrderOfAVenueNoLongerConfiguredIsCanceledSayingWhichVenue()
    {
        working("KRAKEN", "A1", "1", "31000");

        // when
        final int asked = restart(catalog(false));

        // then
        assertThat(asked).isZero();
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
        {
            assertThat(report.execType()).isEqualTo(ExecType.CANCELED);
            assertThat(report.text()).contains("without venue KRAKEN");
        });
    }

    @Test
    void anUnacknowledgedOrderOfAVenueNoLongerConfiguredIsRejectedNotCanceled()
    {
        submitted("KRAKEN", "A1", "1", "31000");

        // when
        restart(catalog(false));

        // then: the client never heard New for it
        assertThat(reports.executionReports()).singleElement().satisfies(report ->
        {
            assertThat(report.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(report.text()).contains("without venue KRAKEN");
        });
    }

    @Test
    void aFinishedOrderLeavesMemoryAtTheEndOfTheNextUtcDayAndItsClOrdIdIsFreeAgainWhileAWorkingOneStays()
    {
        now = Duration.ofDays(20_000).toMillis() + Duration.ofHours(15).toMillis();
        final long filled = working("F1", "1", "31000");
        earlierCore.onVenueFill(filled, fixed("1"), fixed("30500"), tick());
        final long canceled = working("C1", "1", "30000");
        earlierCore.onCancelRequest(new CancelOrderCommand().set(SESSION, "C1-X", "C1"), tick());
        earlierCore.onVenueCanceled(canceled, "canceled by request", tick());
        final long open = working("W1", "1", "29000");

        // the next day, a second before its end: still held
        now = Duration.ofDays(20_002).toMillis() - 1_000;
        earlierCore.onTime(now);
        assertThat(earlierCore.order(filled)).isNotNull();
        assertThat(earlierCore.order(canceled)).isNotNull();
        earlier.clear();
        earlierCore.onStatusRequest(new OrderStatusCommand().set(SESSION, "F1", SYMBOL, '1'), tick());
        assertThat(earlier.executionReports()).singleElement().extracting(ExecutionReport::ordStatus)
            .isEqualTo(OrderState.FILLED);

        // when: the next UTC day ends
        now = Duration.ofDays(20_002).toMillis();
        earlierCore.onTime(now);

        // then
        assertThat(earlierCore.order(filled)).isNull();
        assertThat(earlierCore.order(canceled)).isNull();
        assertThat(earlierCore.order(open)).isNotNull();
        assertThat(earlierCore.orderCount()).isEqualTo(1);
        earlier.clear();
        earlierCore.onStatusRequest(new OrderStatusCommand().set(SESSION, "C1-X", SYMBOL, '1'), tick());
        assertThat(earlier.all()).singleElement().isInstanceOf(RecordingSink.StatusOfUnknownOrder.class);
        earlierCore.onNewOrder(newOrder("F1", "1", "100"), tick());
        final long again = earlierVenue.lastSubmitted().orderKey();
        assertThat(again).as("F1 may be used again: a new order, placed").isNotIn(filled, canceled, open);
        assertThat(earlierCore.order(again).clOrdId()).isEqualTo("F1");
    }

    @Test
    void aRetentionOfTheOperatorsChoiceCountsFromWhenEachOrderFinished()
    {
        earlierCore.finishedOrderRetention(FinishedOrderRetention.of(Duration.ofMinutes(10)));
        final long first = working("A", "1", "31000");
        earlierCore.onVenueFill(first, fixed("1"), fixed("30500"), tick());
        final long firstFinished = now;
        now += 60_000;
        final long second = working("B", "1", "31000");
        earlierCore.onVenueFill(second, fixed("1"), fixed("30500"), tick());

        earlierCore.onTime(firstFinished + Duration.ofMinutes(10).toMillis());

        assertThat(earlierCore.order(first)).isNull();
        assertThat(earlierCore.order(second)).isNotNull();
    }

    @Test
    void aRestartLeavesOutTheFinishedOrdersWhoseRetentionIsOverAndKeepsTheOthersAndTheWorkingOnes()
    {
        now = Duration.ofDays(20_000).toMillis();
        final long old = working("OLD", "1", "31000");
        earlierCore.onVenueFill(old, fixed("1"), fixed("30500"), tick());
        now = Duration.ofDays(20_002).toMillis() + 5_000;
        final long recent = working("NEW", "1", "31000");
        earlierCore.onVenueFill(recent, fixed("1"), fixed("30500"), tick());
        final long open = working("OPEN", "1", "29000");

        // when
        restart();

        // then
        assertThat(core.order(old)).isNull();
        assertThat(core.order(recent)).isNotNull();
        assertThat(core.order(open)).isNotNull();
        assertThat(core.orderCount()).isEqualTo(2);
        core.onNewOrder(newOrder("OLD", "1", "100"), tick());
        assertThat(core.order(venue.lastSubmitted().orderKey()).clOrdId()).isEqualTo("OLD");
        // the recent one leaves when its own retention is over
        core.onTime(Duration.ofDays(20_004).toMillis());
        assertThat(core.order(recent)).isNull();
        assertThat(core.order(open)).isNotNull();
    }

    private int restart()
    {
        return restart(catalog(true));
    }

    /** The earlier run stops; this one replays its journal and takes its orders over. */
    private int restart(final InstrumentCatalog catalog)
    {
        replay = new OrderReplay();
        for (final OrderEvent event : earlier.journal())
        {
            replay.onEvent(1, new OrderEvent().copyFrom(event));
        }
        core = new OrderCore(catalog, venue, reports, reports, timeouts(null));
        return core.recover(replay, tick());
    }

    private long submitted(final String clOrdId, final String qty, final String price)
    {
        return submitted(VENUE, clOrdId, qty, price);
    }

    private long submitted(final String venueId, final String clOrdId, final String qty, final String price)
    {
        earlierCore.onNewOrder(newOrder(clOrdId, qty, price).set(SESSION, clOrdId, SYMBOL, venueId, Side.BUY,
            OrdType.LIMIT, fixed(qty), fixed(price), 0), tick());
        return earlierVenue.lastSubmitted().orderKey();
    }

    private long working(final String clOrdId, final String qty, final String price)
    {
        return working(VENUE, clOrdId, qty, price);
    }

    private long working(final String venueId, final String clOrdId, final String qty, final String price)
    {
        final long orderKey = submitted(venueId, clOrdId, qty, price);
        earlierCore.onVenueAccepted(orderKey, "V" + orderKey, tick());
        return orderKey;
    }

    private long stop(final String clOrdId, final String stopPx)
    {
        earlierCore.onNewOrder(new NewOrderCommand().set(SESSION, clOrdId, SYMBOL, VENUE, Side.BUY, OrdType.STOP,
            fixed("1"), NewOrderCommand.ABSENT, 0).conditions(TimeInForce.GOOD_TILL_CANCEL, fixed(stopPx),
            NewOrderCommand.ABSENT, false), tick());
        return earlier.executionReports().get(earlier.executionReports().size() - 1).orderKey();
    }

    private long lastExecId()
    {
        final List<Long> execIds = earlier.execIds();
        return execIds.isEmpty() ? 0 : execIds.get(execIds.size() - 1);
    }

    private static NewOrderCommand newOrder(final String clOrdId, final String qty, final String price)
    {
        return new NewOrderCommand().set(SESSION, clOrdId, SYMBOL, VENUE, Side.BUY, OrdType.LIMIT, fixed(qty),
            fixed(price), 0).conditions(TimeInForce.GOOD_TILL_CANCEL, NewOrderCommand.ABSENT, NewOrderCommand.ABSENT,
            false);
    }

    private static ReplaceOrderCommand replace(
        final String clOrdId, final String origClOrdId, final String qty, final String price)
    {
        return new ReplaceOrderCommand().set(SESSION, clOrdId, origClOrdId, SYMBOL, Side.BUY, OrdType.LIMIT,
            fixed(qty), fixed(price), NewOrderCommand.ABSENT, null, NewOrderCommand.ABSENT);
    }

    private static OrderReplay.SentLastRun nothingSent()
    {
        return sentUpTo(0);
    }

    /** The last run sent the reports up to this ExecID, and no OrderCancelReject. */
    private static OrderReplay.SentLastRun sentUpTo(final long execId)
    {
        return new OrderReplay.SentLastRun()
        {
            @Override
            public boolean report(final long reportExecId)
            {
                return reportExecId <= execId;
            }

            @Override
            public boolean cancelReject(final long orderKey, final String requestClOrdId)
            {
                return false;
            }
        };
    }

    private static TimeoutPolicy timeouts(final Duration defaultTimeout)
    {
        return new TimeoutPolicy(
            new TimeoutConfig(defaultTimeout, Duration.ofSeconds(10), Duration.ofSeconds(5), List.of(), false));
    }

    private static InstrumentCatalog catalog(final boolean withKraken)
    {
        final TestCatalog catalog = TestCatalog.venue(VENUE).trades(SYMBOL, "0.01", "0.00001", "0.00001")
            .venue(AMENDING_VENUE, new VenueCapabilities(false, false, false, false, false, false, true))
            .trades(SYMBOL, "0.01", "0.00001", "0.00001");
        return (withKraken ? catalog.venue("KRAKEN", VenueCapabilities.NONE).trades(SYMBOL, "0.01", "0.00001", "0.00001") :
            catalog).build();
    }

    private long tick()
    {
        return ++now;
    }

}
