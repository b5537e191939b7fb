package io.cryptofix.order;

import io.cryptofix.config.RiskConfig;
import io.cryptofix.config.RiskLimits;
import io.cryptofix.config.RiskTrips;
import io.cryptofix.domain.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import static io.cryptofix.order.TradingDesk.BINANCE;
import static io.cryptofix.order.TradingDesk.BTC;
import static io.cryptofix.order.TradingDesk.DESK;
import static io.cryptofix.order.TradingDesk.FUND;
import static io.cryptofix.order.TradingDesk.SIM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automatic trips: a venue's price moving too far too fast puts the venue in the configured state;
 * a session whose orders are refused too often is halted. Both hold until an operator resumes.
 */
class AutomaticTripsTest
{
    private final TradingDesk desk = new TradingDesk();

    @Test
    void aMidMovingMoreThanThePercentWithinTheWindowPutsTheVenueInTheConfiguredState()
    {
        desk.risk(trips(priceMove("5", 60, "HALTED"), null));

        // when: 60000 -> 62000 (3.3%) -> 63720 (6.2%), all within a minute
        desk.price(SIM, "59999", "60001").advance(10_000).price(SIM, "61999", "62001");
        final int changesBelowThePercent = desk.stateChanges().size();
        desk.advance(20_000).price(SIM, "63719", "63721");
        desk.buy(DESK, "O1", "1").send(DESK, "O2", BINANCE, BTC, Side.BUY, "1");

        // then
        assertThat(changesBelowThePercent).isZero();
        assertThat(desk.stateChanges()).containsExactly(
            "VENUE SIM HALTED (automatic): price of BTC/USDT moved 6.2% within 1m (60000 -> 63720)");
        assertThat(desk.lastRefusal()).isEqualTo(
            "trading halted for venue SIM: price of BTC/USDT moved 6.2% within 1m (60000 -> 63720)");
        assertThat(desk.venue.submitted()).as("BINANCE trades on").singleElement()
            .satisfies(placed -> assertThat(placed.venueId()).isEqualTo(BINANCE));
    }

    @Test
    void aMoveDownCountsFromTheWindowsHighestMid()
    {
        desk.risk(trips(priceMove("5", 60, "REDUCING"), null));

        desk.price(SIM, "59990", "60010").advance(5_000).price(SIM, "62000", "62000").advance(5_000)
            .price(SIM, "58800", "58800");

        assertThat(desk.stateChanges()).containsExactly(
            "VENUE SIM REDUCING (automatic): price of BTC/USDT moved 5.2% within 1m (62000 -> 58800)");
    }

    @Test
    void aMoveSpreadOverMoreThanTheWindowDoesNotTrip()
    {
        desk.risk(trips(priceMove("5", 60, "HALTED"), null));

        desk.price(SIM, "59999", "60001").advance(40_000).price(SIM, "61499", "61501").advance(22_000)
            .price(SIM, "63719", "63721");

        assertThat(desk.stateChanges()).as("60000 is 62s old; 61500 -> 63720 is 3.6%").isEmpty();
    }

    @Test
    void aTripHoldsWhenThePriceComesBackUntilAnOperatorResumesTheVenue()
    {
        desk.risk(trips(priceMove("5", 60, "HALTED"), null));
        desk.price(SIM, "60000", "60000").advance(1_000).price(SIM, "64000", "64000");

        // when
        desk.advance(1_000).price(SIM, "60000", "60000");
        desk.buy(DESK, "O1", "1");
        desk.state(TradingScope.VENUE, SIM, TradingState.ACTIVE, "checked: a fat finger at the venue");
        desk.buy(DESK, "O2", "1");

        // then
        assertThat(desk.reports.newOrderRejects()).extracting(RecordingSink.NewOrderReject::clOrdId)
            .containsExactly("O1");
        assertThat(desk.venue.submitted()).hasSize(1);
        assertThat(desk.stateChanges()).hasSize(2);
    }

    @Test
    void aTripNeverRelaxesAStricterStateAnOperatorSet()
    {
        desk.risk(trips(priceMove("5", 60, "REDUCING"), null));
        desk.state(TradingScope.VENUE, SIM, TradingState.HALTED, "maintenance");

        desk.price(SIM, "60000", "60000").advance(1_000).price(SIM, "64000", "64000");

        assertThat(desk.stateChanges()).containsExactly("VENUE SIM HALTED (operator): maintenance");
        assertThat(desk.core.riskStatus().venues().get(SIM).reason()).isEqualTo("maintenance");
    }

    @Test
    void aSessionWhoseShareOfRefusedOrdersReachesThePercentIsHalted()
    {
        desk.risk(trips(null, new RiskTrips.RejectRate(new BigDecimal("50"), Duration.ofSeconds(30), 4)));

        // when: two accepted, then refusals: by the gateway (unknown symbol) and by the venue
        desk.buy(DESK, "O1", "1").buy(DESK, "O2", "1");
        desk.send(DESK, "X1", SIM, "DOGE/USDT", Side.BUY, "1");
        final int changesAtOneOfThree = desk.stateChanges().size();
        desk.core.onVenueRejected(desk.key("O2"), "insufficient balance", desk.tick());
        final int changesAtTwoOfThree = desk.stateChanges().size();
        desk.send(DESK, "X2", SIM, "DOGE/USDT", Side.BUY, "1");
        desk.buy(DESK, "O3", "1").buy(FUND, "F1", "1");

        // then: 3 refused of 4 sent
        assertThat(changesAtOneOfThree).as("fewer than minOrders").isZero();
        assertThat(changesAtTwoOfThree).as("fewer than minOrders").isZero();
        assertThat(desk.stateChanges()).containsExactly(
            "SESSION DESK HALTED (automatic): reject rate 75% of 4 orders within 30s");
        assertThat(desk.lastRefusal()).isEqualTo(
            "trading halted for session DESK: reject rate 75% of 4 orders within 30s");
        assertThat(desk.venue.lastSubmitted().orderKey()).as("FUND trades on").isEqualTo(desk.key("F1"));
    }

    @Test
    void refusalsOlderThanTheWindowAndThoseOfATradingStateDoNotCount()
    {
        desk.risk(trips(null, new RiskTrips.RejectRate(new BigDecimal("50"), Duration.ofSeconds(30), 4)));
        desk.send(DESK, "X1", SIM, "DOGE/USDT", Side.BUY, "1").send(DESK, "X2", SIM, "DOGE/USDT", Side.BUY, "1");

        // when: the window moves past them, and a venue halt refuses two more
        desk.advance(32_000);
        desk.state(TradingScope.VENUE, BINANCE, TradingState.HALTED, "maintenance");
        desk.send(DESK, "Y1", BINANCE, BTC, Side.BUY, "1").send(DESK, "Y2", BINANCE, BTC, Side.BUY, "1");
        desk.buy(DESK, "O1", "1").buy(DESK, "O2", "1").send(DESK, "X3", SIM, "DOGE/USDT", Side.BUY, "1");

        // then: 1 refused of 3 counted
        assertThat(desk.stateChanges()).containsExactly("VENUE BINANCE HALTED (operator): maintenance");
        assertThat(desk.core.riskStatus().sessions()).isEmpty();
    }

    private static RiskConfig trips(final RiskTrips.PriceMove priceMove, final RiskTrips.RejectRate rejectRate)
    {
        return new RiskConfig(RiskLimits.NONE, Map.of(), Map.of(), Map.of(), new RiskTrips(priceMove, rejectRate));
    }

    private static RiskTrips.PriceMove priceMove(final String percent, final int withinSeconds, final String state)
    {
        return new RiskTrips.PriceMove(new BigDecimal(percent), Duration.ofSeconds(withinSeconds), state);
    }
}
