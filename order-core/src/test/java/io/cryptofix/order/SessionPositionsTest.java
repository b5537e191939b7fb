package io.cryptofix.order;

import io.cryptofix.domain.Side;
import io.cryptofix.domain.TestCatalog;
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
 * Each session's position per base asset, from its own fills at every venue, and the quantity its
 * working orders have open on each side, kept through fills, replaces and endings, and rebuilt from
 * the journal after a restart.
 */
class SessionPositionsTest
{
    private final TradingDesk desk = new TradingDesk();

    @Test
    void fillsAtEveryVenueAndInEverySymbolOfAnAssetAddUpToOnePositionPerSession()
    {
        desk.holding(DESK, "B1", Side.BUY, "2").send(DESK, "S1", BINANCE, BTC, Side.SELL, "0.5").accept("S1")
            .fill("S1", "0.5");
        desk.send(DESK, "E1", SIM, ETH, Side.SELL, "3").accept("E1").fill("E1", "1");
        desk.holding(FUND, "F1", Side.SELL, "1");

        assertThat(positions(DESK)).isEqualTo(Map.of("BTC", new BigDecimal("1.5"), "ETH", new BigDecimal("-1")));
        assertThat(positions(FUND)).isEqualTo(Map.of("BTC", new BigDecimal("-1")));
        assertThat(position(DESK, BTC).openSells()).isZero();
        assertThat(position(DESK, ETH).openSells()).isEqualTo(fixed("2"));
    }

    @Test
    void theOpenQuantityFollowsPartialFillsReplacesAndTheOrdersEnd()
    {
        desk.buy(DESK, "B1", "2").accept("B1").fill("B1", "0.5");
        final long afterFill = position(DESK, BTC).openBuys();

        desk.replace(DESK, "B1-R", "B1", Side.BUY, "3").canceledByVenue("B1").accept("B1");
        final long afterReplace = position(DESK, BTC).openBuys();

        desk.cancel(DESK, "B1-X", "B1-R").canceledByVenue("B1");

        assertThat(afterFill).isEqualTo(fixed("1.5"));
        assertThat(afterReplace).as("3 less the 0.5 filled").isEqualTo(fixed("2.5"));
        assertThat(position(DESK, BTC).openBuys()).isZero();
        assertThat(position(DESK, BTC).position()).isEqualTo(fixed("0.5"));
        assertThat(desk.core.riskStatus().usage().get(DESK).openOrders()).isZero();
    }

    @Test
    void aFillTheVenueReportsAfterTheOrderEndedStillMovesThePosition()
    {
        desk.sell(DESK, "S1", "1").accept("S1").canceledByVenue("S1");

        desk.fill("S1", "0.25");

        assertThat(position(DESK, BTC).position()).isEqualTo(fixed("-0.25"));
        assertThat(position(DESK, BTC).openSells()).isZero();
    }

    @Test
    void aStopTheGatewayHoldsCountsAsOpenUntilItEnds()
    {
        desk.heldStop(DESK, "T1", "0.7");
        final long held = position(DESK, BTC).openBuys();

        desk.cancel(DESK, "T1-X", "T1");

        assertThat(held).isEqualTo(fixed("0.7"));
        assertThat(position(DESK, BTC).openBuys()).isZero();
    }

    @Test
    void afterARestartPositionsAndOpenQuantitiesAreRebuiltFromTheReplayedOrders()
    {
        desk.holding(DESK, "B1", Side.BUY, "2").sell(DESK, "S1", "1").accept("S1").fill("S1", "0.25")
            .sell(DESK, "S2", "3").accept("S2").canceledByVenue("S2").buy(FUND, "F1", "0.5");
        desk.fill("S2", "0.5");

        // when
        final TradingDesk restarted = new TradingDesk(desk);

        // then
        final RiskStatus status = restarted.core.riskStatus();
        assertThat(status.usage().get(DESK).positions()).isEqualTo(Map.of("BTC", new BigDecimal("1.25")));
        assertThat(status.usage().get(DESK).openOrders()).isEqualTo(1);
        assertThat(status.usage().get(FUND).openOrders()).isEqualTo(1);
        assertThat(status.usage().get(FUND).positions()).isEqualTo(Map.of("BTC", BigDecimal.ZERO));

        // and the controls weigh the rebuilt figures: 1.25 long with 0.75 open to sell, so 0.5 more reduces
        restarted.state(TradingScope.SESSION, DESK, TradingState.REDUCING, "after restart");
        restarted.sell(DESK, "S3", "0.5").sell(DESK, "S4", "0.01");
        assertThat(restarted.lastRefusal()).isEqualTo("reducing only (session DESK: after restart): a sell of 0.01 BTC " +
            "plus open sells of 1.25 BTC is more than the position of 1.25 BTC long");
    }

    @Test
    void anOrderEndedAtRecoveryForAVenueNoLongerConfiguredLeavesTheOpenQuantity()
    {
        desk.buy(DESK, "B1", "1").accept("B1").fill("B1", "0.4");
        final OrderReplay replay = new OrderReplay();
        for (final OrderEvent event : desk.reports.journal())
        {
            replay.onEvent(1, new OrderEvent().copyFrom(event));
        }
        final OrderCore withoutSim = new OrderCore(TestCatalog.venue(BINANCE).trades(BTC, "0.01", "0.00001", "0.00001")
            .build(), new RecordingVenueRouter(), new RecordingSink());

        // when
        withoutSim.recover(replay, desk.tick());

        // then
        assertThat(withoutSim.riskStatus().usage().get(DESK).openOrders()).isZero();
        assertThat(withoutSim.riskStatus().usage().get(DESK).positions()).isEqualTo(Map.of("BTC",
            new BigDecimal("0.4")));
    }

    private Map<String, BigDecimal> positions(final String session)
    {
        return desk.core.riskStatus().usage().get(session).positions();
    }

    /** The position as the order path sees it, open quantities included. */
    private SessionPositions.AssetPosition position(final String session, final String symbol)
    {
        return desk.core.positions().find(session, symbol);
    }
}
