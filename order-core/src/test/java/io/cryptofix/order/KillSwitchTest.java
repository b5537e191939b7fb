package io.cryptofix.order;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.Side;
import io.cryptofix.order.RecordingSink.ExecutionReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cryptofix.order.TradingDesk.BINANCE;
import static io.cryptofix.order.TradingDesk.BTC;
import static io.cryptofix.order.TradingDesk.DESK;
import static io.cryptofix.order.TradingDesk.FUND;
import static io.cryptofix.order.TradingDesk.SIM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kill switch: its scope goes HALTED and every order working in it is canceled, at once when the
 * gateway holds it, at its venue otherwise; each Canceled report says {@code kill switch: <reason>}
 * and carries the cause, for ExecRestatementReason 99.
 */
class KillSwitchTest
{
    private final TradingDesk desk = new TradingDesk();

    @Test
    void aGlobalKillCancelsEveryWorkingOrderAtItsVenueAndHaltsTheGateway()
    {
        desk.buy(DESK, "O1", "1").accept("O1").send(FUND, "F1", BINANCE, BTC, Side.SELL, "2").accept("F1")
            .holding(DESK, "O2", Side.BUY, "1");
        desk.reports.clear();

        // when
        final int canceling = desk.core.kill(TradingScope.GLOBAL, null, "runaway algo", desk.tick());
        desk.canceledByVenue("O1").canceledByVenue("F1");
        desk.buy(FUND, "F2", "1");

        // then
        assertThat(canceling).isEqualTo(2);
        assertThat(desk.venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey)
            .containsExactly(desk.key("O1"), desk.key("F1"));
        for (final String clOrdId : List.of("O1", "F1"))
        {
            final ExecutionReport canceled = desk.lastReport(clOrdId);
            assertThat(canceled.execType()).isEqualTo(ExecType.CANCELED);
            assertThat(canceled.text()).isEqualTo("kill switch: runaway algo");
            assertThat(canceledEvent(clOrdId).cancelCause()).isEqualTo(VenueCancelCause.KILL_SWITCH);
        }
        assertThat(desk.lastRefusal()).isEqualTo("trading halted (global): runaway algo");
        assertThat(desk.stateChanges()).containsExactly("GLOBAL HALTED (operator): runaway algo");
        assertThat(desk.core.openOrderCount()).isZero();
    }

    @Test
    void aVenueKillLeavesTheOrdersAtOtherVenuesWorking()
    {
        desk.buy(DESK, "O1", "1").accept("O1").send(DESK, "O2", BINANCE, BTC, Side.BUY, "1").accept("O2");

        final int canceling = desk.core.kill(TradingScope.VENUE, SIM, "SIM matching engine fault", desk.tick());

        assertThat(canceling).isOne();
        assertThat(desk.venue.cancelRequested()).singleElement()
            .satisfies(cancel -> assertThat(cancel.orderKey()).isEqualTo(desk.key("O1")));
        assertThat(desk.core.riskStatus().venues().get(SIM).state()).isEqualTo(TradingState.HALTED);
        assertThat(desk.core.riskStatus().global().state()).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void aSessionKillLeavesOtherSessionsOrdersWorkingAndTheirTradingOpen()
    {
        desk.buy(DESK, "O1", "1").accept("O1").buy(FUND, "F1", "1").accept("F1");

        final int canceling = desk.core.kill(TradingScope.SESSION, DESK, "desk limit breach", desk.tick());
        desk.buy(FUND, "F2", "1").buy(DESK, "O2", "1");

        assertThat(canceling).isOne();
        assertThat(desk.venue.cancelRequested()).singleElement()
            .satisfies(cancel -> assertThat(cancel.orderKey()).isEqualTo(desk.key("O1")));
        assertThat(desk.venue.lastSubmitted().orderKey()).isEqualTo(desk.key("F2"));
        assertThat(desk.lastRefusal()).isEqualTo("trading halted for session DESK: desk limit breach");
    }

    @Test
    void aStopTheGatewayHoldsEndsAtOnce()
    {
        desk.heldStop(DESK, "T1", "1");
        desk.reports.clear();

        final int canceling = desk.core.kill(TradingScope.SESSION, DESK, "stop everything", desk.tick());

        assertThat(canceling).isOne();
        assertThat(desk.reports.single(ExecutionReport.class)).satisfies(canceled ->
        {
            assertThat(canceled.execType()).isEqualTo(ExecType.CANCELED);
            assertThat(canceled.text()).isEqualTo("kill switch: stop everything");
        });
        assertThat(canceledEvent("T1").cancelCause()).isEqualTo(VenueCancelCause.KILL_SWITCH);
        assertThat(desk.venue.cancelRequested()).isEmpty();
        assertThat(desk.core.heldStopCount()).isZero();
    }

    @Test
    void anOrderPlacedButNotYetAcknowledgedIsCanceledOnceTheVenueAcknowledgesIt()
    {
        desk.buy(DESK, "O1", "1");

        // when
        final int canceling = desk.core.kill(TradingScope.GLOBAL, null, "halt", desk.tick());
        final int cancelsBeforeAck = desk.venue.cancelRequested().size();
        desk.accept("O1").canceledByVenue("O1");

        // then
        assertThat(canceling).isOne();
        assertThat(cancelsBeforeAck).as("nothing to cancel at the venue yet").isZero();
        assertThat(desk.venue.cancelRequested()).hasSize(1);
        assertThat(desk.reports.executionReports()).extracting(ExecutionReport::execType, ExecutionReport::text)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(ExecType.NEW, null),
                org.assertj.core.groups.Tuple.tuple(ExecType.CANCELED, "kill switch: halt"));
    }

    @Test
    void anOrderWithAClientCancelInFlightIsLeftToItAndACancelOfAKilledOrderIsRefused()
    {
        desk.buy(DESK, "O1", "1").accept("O1").buy(DESK, "O2", "1").accept("O2").cancel(DESK, "O1-X", "O1");
        desk.reports.clear();

        // when
        final int canceling = desk.core.kill(TradingScope.SESSION, DESK, "review", desk.tick());
        desk.cancel(DESK, "O2-X", "O2");
        desk.canceledByVenue("O1");

        // then
        assertThat(canceling).as("O2 only").isOne();
        assertThat(desk.reports.cancelRejects()).singleElement().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("O2-X");
            assertThat(reject.reason()).isEqualTo(CxlRejReason.ALREADY_PENDING_CANCEL);
            assertThat(reject.text()).isEqualTo("the gateway is already canceling the order (kill switch)");
        });
        assertThat(desk.lastReport("O1-X")).satisfies(canceled ->
        {
            assertThat(canceled.execType()).isEqualTo(ExecType.CANCELED);
            assertThat(canceled.text()).isNull();
        });
    }

    @Test
    void anOrderWithAReplaceInFlightIsCanceledOnceTheReplaceIsDone()
    {
        desk.buy(DESK, "O1", "1").accept("O1").replace(DESK, "O1-R", "O1", Side.BUY, "2");

        // when: SIM cannot amend: the replace cancels and places again, then the kill's cancel follows
        final int canceling = desk.core.kill(TradingScope.GLOBAL, null, "halt", desk.tick());
        desk.canceledByVenue("O1").accept("O1");
        final int cancels = desk.venue.cancelRequested().size();
        desk.canceledByVenue("O1");

        // then
        assertThat(canceling).isOne();
        assertThat(cancels).as("the replace's cancel, then the kill's").isEqualTo(2);
        assertThat(desk.reports.executionReports()).extracting(ExecutionReport::execType).containsSubsequence(
            ExecType.PENDING_REPLACE, ExecType.REPLACED, ExecType.CANCELED);
        assertThat(desk.lastReport("O1-R").text()).isEqualTo("kill switch: halt");
    }

    @Test
    void aKillsCanceledReportToldAgainAfterARestartStillSaysSo()
    {
        desk.buy(DESK, "O1", "1").accept("O1");
        desk.core.kill(TradingScope.GLOBAL, null, "runaway algo", desk.tick());
        desk.canceledByVenue("O1");
        final OrderReplay replay = new OrderReplay();
        for (final OrderEvent event : desk.reports.journal())
        {
            replay.onEvent(1, new OrderEvent().copyFrom(event));
        }
        final RecordingSink restarted = new RecordingSink();
        final OrderCore core = new OrderCore(TradingDesk.catalog(), new RecordingVenueRouter(), restarted);

        // when: the last run never sent the Canceled report
        final long canceledExecId = desk.lastReport("O1").execId();
        core.resendMissed(replay.missedReports(new OrderReplay.SentLastRun()
        {
            @Override
            public boolean report(final long execId)
            {
                return execId < canceledExecId;
            }

            @Override
            public boolean cancelReject(final long orderKey, final String requestClOrdId)
            {
                return true;
            }
        }), desk.tick());

        // then
        assertThat(restarted.journal()).singleElement().satisfies(resent ->
        {
            assertThat(resent.isResent()).isTrue();
            assertThat(resent.type()).isEqualTo(OrderEventType.CANCELED);
            assertThat(resent.cancelCause()).isEqualTo(VenueCancelCause.KILL_SWITCH);
            assertThat(resent.text()).isEqualTo("kill switch: runaway algo");
        });
    }

    @Test
    void aKillsCancelTheVenueConfirmsAfterARestartEndsTheOrderCanceled()
    {
        desk.buy(DESK, "O1", "1").accept("O1");
        desk.core.kill(TradingScope.GLOBAL, null, "runaway algo", desk.tick());

        // when: the gateway restarts with the cancel in flight, restores the halt, then the venue answers
        final TradingDesk restarted = new TradingDesk(desk);
        restarted.state(TradingScope.GLOBAL, null, TradingState.HALTED, "runaway algo");
        restarted.core.onVenueStatus(desk.key("O1"), VenueOrderStatus.CANCELED, "V-O1", 0, 0, "canceled by request",
            restarted.tick());

        // then
        assertThat(restarted.lastReport("O1")).satisfies(canceled ->
        {
            assertThat(canceled.execType()).isEqualTo(ExecType.CANCELED);
            assertThat(canceled.text()).isEqualTo("canceled by request");
        });
        assertThat(restarted.core.openOrderCount()).isZero();
    }

    /** The journaled Canceled event of the order. */
    private OrderEvent canceledEvent(final String clOrdId)
    {
        final long orderKey = desk.key(clOrdId);
        return desk.reports.journal().stream()
            .filter(event -> event.orderKey() == orderKey && event.type() == OrderEventType.CANCELED)
            .findFirst().orElseThrow();
    }
}
