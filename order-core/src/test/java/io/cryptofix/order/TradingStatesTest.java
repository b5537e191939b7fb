package io.cryptofix.order;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.Side;
import io.cryptofix.order.RecordingSink.CancelReject;
import io.cryptofix.order.RecordingSink.NewOrderReject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static io.cryptofix.domain.TestCatalog.fixed;
import static io.cryptofix.order.TradingDesk.BINANCE;
import static io.cryptofix.order.TradingDesk.BTC;
import static io.cryptofix.order.TradingDesk.DESK;
import static io.cryptofix.order.TradingDesk.ETH;
import static io.cryptofix.order.TradingDesk.FUND;
import static io.cryptofix.order.TradingDesk.SIM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trading states: the gateway, a venue or a session HALTED or REDUCING. The strictest state of an
 * order's scopes decides, the broader scope named when two are as strict; HALTED refuses new orders
 * and replaces and lets cancels through; REDUCING lets through only what brings the session's
 * position closer to flat.
 */
class TradingStatesTest
{
    private final TradingDesk desk = new TradingDesk();

    @Test
    void aGlobalHaltBeatsASessionsReducingAndIsNamedInTheRefusal()
    {
        desk.state(TradingScope.SESSION, DESK, TradingState.REDUCING, "desk over budget")
            .state(TradingScope.GLOBAL, null, TradingState.HALTED, "exchange incident");

        desk.buy(DESK, "O1", "1");

        final NewOrderReject reject = desk.reports.single(NewOrderReject.class);
        assertThat(reject.reason()).isEqualTo(OrdRejReason.OTHER);
        assertThat(reject.text()).isEqualTo("trading halted (global): exchange incident");
        assertThat(desk.venue.submitted()).isEmpty();
    }

    @Test
    void aSessionHaltedWhileTheGatewayIsActiveHasItsOrdersRefusedAndOtherSessionsTrade()
    {
        desk.state(TradingScope.SESSION, DESK, TradingState.HALTED, "limit breach review");

        desk.buy(DESK, "O1", "1").buy(FUND, "F1", "1");

        assertThat(desk.reports.newOrderRejects()).singleElement().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("O1");
            assertThat(reject.text()).isEqualTo("trading halted for session DESK: limit breach review");
        });
        assertThat(desk.venue.submitted()).singleElement()
            .satisfies(placed -> assertThat(placed.orderKey()).isEqualTo(desk.key("F1")));
    }

    @Test
    void aVenueHaltOnlyStopsOrdersToThatVenue()
    {
        desk.state(TradingScope.VENUE, BINANCE, TradingState.HALTED, "withdrawals suspended");

        desk.send(DESK, "O1", BINANCE, BTC, Side.BUY, "1").send(DESK, "O2", SIM, BTC, Side.BUY, "1");

        assertThat(desk.reports.newOrderRejects()).singleElement().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("O1");
            assertThat(reject.text()).isEqualTo("trading halted for venue BINANCE: withdrawals suspended");
        });
        assertThat(desk.venue.submitted()).hasSize(1);
    }

    @Test
    void ofTwoScopesEquallyStrictTheBroaderIsNamed()
    {
        desk.state(TradingScope.SESSION, DESK, TradingState.HALTED, "session reason")
            .state(TradingScope.VENUE, SIM, TradingState.HALTED, "venue reason");

        desk.buy(DESK, "O1", "1");

        assertThat(desk.lastRefusal()).isEqualTo("trading halted for venue SIM: venue reason");
    }

    @Test
    void aStricterNarrowScopeDecidesOverABroaderOne()
    {
        desk.state(TradingScope.GLOBAL, null, TradingState.REDUCING, "end of quarter")
            .state(TradingScope.SESSION, DESK, TradingState.HALTED, "desk closed");

        desk.buy(DESK, "O1", "1");

        assertThat(desk.lastRefusal()).isEqualTo("trading halted for session DESK: desk closed");
    }

    @Test
    void haltedRefusesAReplaceButLetsCancelsMassCancelsAndStatusRequestsThrough()
    {
        desk.buy(DESK, "O1", "1").accept("O1").buy(DESK, "O2", "1").accept("O2");
        desk.state(TradingScope.GLOBAL, null, TradingState.HALTED, "incident");
        desk.reports.clear();

        // when
        desk.replace(DESK, "O1-R", "O1", Side.BUY, "0.5");
        desk.cancel(DESK, "O1-X", "O1");
        desk.core.onMassCancelRequest(new MassCancelCommand().set(1, "MC", MassCancelCommand.ALL, null), desk.tick());
        desk.core.onStatusRequest(new OrderStatusCommand().set(1, "O1", BTC, '1'), desk.tick());

        // then
        assertThat(desk.reports.cancelRejects()).singleElement().satisfies(reject ->
        {
            assertThat(reject.replace()).isTrue();
            assertThat(reject.reason()).isEqualTo(CxlRejReason.OTHER);
            assertThat(reject.text()).isEqualTo("trading halted (global): incident");
        });
        assertThat(desk.order("O1").orderQty()).as("the order is unchanged").isEqualTo(fixed("1"));
        assertThat(desk.reports.executionReports()).extracting(RecordingSink.ExecutionReport::execType)
            .containsExactly(ExecType.PENDING_CANCEL, ExecType.ORDER_STATUS);
        assertThat(desk.venue.cancelRequested()).as("O1 by its cancel, O2 by the mass cancel").hasSize(2);
    }

    @Test
    void aResumedScopeTradesAgainAndOperatorsSeeEveryChange()
    {
        desk.state(TradingScope.VENUE, SIM, TradingState.HALTED, "maintenance");
        desk.buy(DESK, "O1", "1");

        desk.state(TradingScope.VENUE, SIM, TradingState.ACTIVE, "maintenance over");
        desk.buy(DESK, "O2", "1");

        assertThat(desk.reports.newOrderRejects()).extracting(NewOrderReject::clOrdId).containsExactly("O1");
        assertThat(desk.venue.submitted()).hasSize(1);
        assertThat(desk.stateChanges()).containsExactly(
            "VENUE SIM HALTED (operator): maintenance",
            "VENUE SIM ACTIVE (operator): maintenance over");
        assertThat(desk.core.riskStatus().venues()).isEmpty();
    }

    @Test
    void refusalsForATradingStateAreCountedForOperators()
    {
        desk.buy(DESK, "O1", "1").accept("O1");
        desk.state(TradingScope.SESSION, DESK, TradingState.HALTED, "review");

        desk.buy(DESK, "O2", "1").replace(DESK, "O1-R", "O1", Side.BUY, "2");

        assertThat(desk.riskRejected()).containsExactly("tradingState DESK", "tradingState DESK");
    }

    @Test
    void reducingLetsASellOfALongPositionThroughUntilTheOpenSellsWouldPassFlat()
    {
        desk.holding(DESK, "B1", Side.BUY, "2");
        desk.state(TradingScope.SESSION, DESK, TradingState.REDUCING, "cut risk");
        desk.reports.clear();

        // when
        desk.sell(DESK, "S1", "1.5").sell(DESK, "S2", "1").buy(DESK, "B2", "0.1").sell(DESK, "S3", "0.5");

        // then
        assertThat(desk.reports.newOrderRejects()).extracting(NewOrderReject::clOrdId, NewOrderReject::text)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("S2", "reducing only (session DESK: cut risk): a sell of 1 BTC " +
                    "plus open sells of 1.5 BTC is more than the position of 2 BTC long"),
                org.assertj.core.groups.Tuple.tuple("B2", "reducing only (session DESK: cut risk): a buy of 0.1 BTC " +
                    "does not reduce the position of 2 BTC long"));
        assertThat(desk.venue.submitted()).extracting(RecordingVenueRouter.Placement::orderKey)
            .as("S1, and S3 which brings the position exactly to flat")
            .containsExactly(desk.key("B1"), desk.key("S1"), desk.key("S3"));
    }

    @Test
    void reducingRefusesEveryOrderOfAFlatSession()
    {
        desk.state(TradingScope.GLOBAL, null, TradingState.REDUCING, "wind down");

        desk.buy(DESK, "B1", "1").sell(DESK, "S1", "1");

        assertThat(desk.reports.newOrderRejects()).extracting(NewOrderReject::text).containsExactly(
            "reducing only (global: wind down): a buy of 1 BTC cannot reduce a flat position in BTC",
            "reducing only (global: wind down): a sell of 1 BTC cannot reduce a flat position in BTC");
        assertThat(desk.venue.submitted()).isEmpty();
    }

    @Test
    void reducingLetsABuyOfAShortPositionThroughAndWeighsPositionsPerAsset()
    {
        desk.holding(DESK, "S1", Side.SELL, "3").send(DESK, "E1", SIM, ETH, Side.BUY, "10").accept("E1")
            .fill("E1", "10");
        desk.state(TradingScope.VENUE, SIM, TradingState.REDUCING, "venue unstable");
        desk.reports.clear();

        desk.buy(DESK, "B1", "3").send(DESK, "E2", SIM, ETH, Side.BUY, "1");

        assertThat(desk.reports.newOrderRejects()).singleElement().satisfies(reject ->
            assertThat(reject.text()).isEqualTo("reducing only (venue SIM: venue unstable): a buy of 1 ETH does not " +
                "reduce the position of 10 ETH long"));
        assertThat(desk.venue.lastSubmitted().orderKey()).isEqualTo(desk.key("B1"));
    }

    @Test
    void reducingWeighsAReplaceByWhatItWouldLeaveOpenInsteadOfTheOrdersOwn()
    {
        desk.holding(DESK, "B1", Side.BUY, "2").sell(DESK, "S1", "1").accept("S1");
        desk.state(TradingScope.SESSION, DESK, TradingState.REDUCING, "cut risk");
        desk.reports.clear();

        // when: up to the position passes, beyond it not
        desk.replace(DESK, "S1-R", "S1", Side.SELL, "2.5");
        desk.replace(DESK, "S1-R2", "S1", Side.SELL, "2");

        // then
        assertThat(desk.reports.cancelRejects()).singleElement().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("S1-R");
            assertThat(reject.text()).isEqualTo("reducing only (session DESK: cut risk): a sell of 2.5 BTC is more " +
                "than the position of 2 BTC long");
        });
        assertThat(desk.venue.cancelRequested()).as("the replace of S1 to 2, emulated as cancel and new").hasSize(1);
    }

    @Test
    void theRiskStatusShowsTheStatesNotActiveAndEachSessionsOrdersAndPositions()
    {
        desk.holding(DESK, "B1", Side.BUY, "2").sell(DESK, "S1", "0.5").accept("S1").fill("S1", "0.25");
        desk.send(FUND, "F1", SIM, ETH, Side.SELL, "3").accept("F1").fill("F1", "3");
        desk.state(TradingScope.SESSION, FUND, TradingState.REDUCING, "over budget");
        final long since = desk.now();
        desk.state(TradingScope.VENUE, BINANCE, TradingState.HALTED, "maintenance");

        final RiskStatus status = desk.core.riskStatus();

        assertThat(status.global()).isEqualTo(new RiskStatus.ScopeState(TradingState.ACTIVE, null, 0));
        assertThat(status.venues()).isEqualTo(Map.of(BINANCE,
            new RiskStatus.ScopeState(TradingState.HALTED, "maintenance", since + 1)));
        assertThat(status.sessions()).isEqualTo(Map.of(FUND,
            new RiskStatus.ScopeState(TradingState.REDUCING, "over budget", since)));
        assertThat(status.usage().get(DESK)).satisfies(usage ->
        {
            assertThat(usage.openOrders()).isEqualTo(1);
            assertThat(usage.positions()).isEqualTo(Map.of("BTC", new BigDecimal("1.75")));
            assertThat(usage.openNotional()).as("0.25 BTC still open at 60000").isEqualByComparingTo("15000");
            assertThat(usage.dailyNotional()).as("2 BTC bought and 0.5 offered today, at 60000").isEqualByComparingTo("150000");
        });
        assertThat(status.usage().get(FUND).openOrders()).isZero();
        assertThat(status.usage().get(FUND).positions()).isEqualTo(Map.of("ETH", new BigDecimal("-3")));
    }

    @Test
    void settingTheSameStateWithTheSameReasonChangesNothingAndKeepsItsSince()
    {
        desk.state(TradingScope.SESSION, DESK, TradingState.HALTED, "review");
        final long since = desk.now();

        desk.state(TradingScope.SESSION, DESK, TradingState.HALTED, "review")
            .state(TradingScope.SESSION, DESK, TradingState.HALTED, "review, day two");

        assertThat(desk.stateChanges()).containsExactly("SESSION DESK HALTED (operator): review",
            "SESSION DESK HALTED (operator): review, day two");
        assertThat(desk.core.riskStatus().sessions().get(DESK))
            .isEqualTo(new RiskStatus.ScopeState(TradingState.HALTED, "review, day two", since));
    }

    @Test
    void aCancelOfAnOrderIsNeverRefusedForAState()
    {
        desk.buy(DESK, "O1", "1").accept("O1");
        desk.state(TradingScope.SESSION, DESK, TradingState.REDUCING, "cut risk");
        desk.reports.clear();

        desk.cancel(DESK, "O1-X", "O1");

        assertThat(desk.reports.single(RecordingSink.ExecutionReport.class).execType())
            .isEqualTo(ExecType.PENDING_CANCEL);
        assertThat(desk.reports.all()).noneMatch(CancelReject.class::isInstance);
    }
}
