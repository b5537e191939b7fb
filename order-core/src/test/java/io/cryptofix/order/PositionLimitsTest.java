package io.cryptofix.order;

import io.cryptofix.config.RiskConfig;
import io.cryptofix.config.RiskLimits;
import io.cryptofix.config.RiskTrips;
import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.Side;
import io.cryptofix.order.RecordingSink.NewOrderReject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static io.cryptofix.domain.TestCatalog.fixed;
import static io.cryptofix.order.TradingDesk.DESK;
import static io.cryptofix.order.TradingDesk.ETH;
import static io.cryptofix.order.TradingDesk.FUND;
import static io.cryptofix.order.TradingDesk.SIM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code positionLimit}: a session's worst case in an asset (its position plus all its open orders on
 * one side filled) may not pass the limit, long or short; an order or a replace that would take it
 * there is refused naming the sum.
 */
class PositionLimitsTest
{
    private final TradingDesk desk = new TradingDesk().risk(limits(Map.of("BTC", "5"), Map.of()));

    @Test
    void aBuyWhoseWorstCaseIsAboveTheLimitIsRefusedShowingTheSumAndOneAtTheLimitGoes()
    {
        desk.holding(DESK, "B1", Side.BUY, "4").buy(DESK, "B2", "0.5").accept("B2");
        desk.reports.clear();

        // when
        desk.buy(DESK, "B3", "1").buy(DESK, "B4", "0.5");

        // then
        assertThat(desk.reports.newOrderRejects()).singleElement().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("B3");
            assertThat(reject.reason()).isEqualTo(OrdRejReason.ORDER_EXCEEDS_LIMIT);
            assertThat(reject.text()).isEqualTo(
                "positionLimit 5 BTC exceeded: position 4 BTC + open buys 0.5 BTC + this buy 1 BTC = 5.5 BTC long");
        });
        assertThat(desk.venue.lastSubmitted().orderKey()).as("4 + 0.5 + 0.5 = 5, at the limit").isEqualTo(desk.key("B4"));
        assertThat(desk.riskRejected()).containsExactly("positionLimit DESK");
    }

    @Test
    void aSellIsWeighedTowardsShortAndABuyOfAShortPositionIsNotHeldToTheLimit()
    {
        desk.holding(DESK, "S1", Side.SELL, "4").sell(DESK, "S2", "1").accept("S2");
        desk.reports.clear();

        // when
        desk.sell(DESK, "S3", "0.5").buy(DESK, "B1", "9");

        // then
        assertThat(desk.lastRefusal()).isEqualTo(
            "positionLimit 5 BTC exceeded: position -4 BTC - open sells 1 BTC - this sell 0.5 BTC = 5.5 BTC short");
        assertThat(desk.venue.lastSubmitted().orderKey()).as("-4 + 9 = 5 long at worst").isEqualTo(desk.key("B1"));
    }

    @Test
    void aReplaceThatWouldTakeTheWorstCaseBeyondTheLimitIsRefusedAndTheOrderWorksOnUnchanged()
    {
        desk.holding(DESK, "B1", Side.BUY, "3").buy(DESK, "B2", "1").accept("B2");
        desk.reports.clear();

        // when: 3 filled + 2.5 would be 5.5; down to 0.5 is never refused
        desk.replace(DESK, "B2-R", "B2", Side.BUY, "2.5");
        desk.replace(DESK, "B2-R2", "B2", Side.BUY, "0.5");

        // then
        assertThat(desk.reports.cancelRejects()).singleElement().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("B2-R");
            assertThat(reject.replace()).isTrue();
            assertThat(reject.reason()).isEqualTo(CxlRejReason.OTHER);
            assertThat(reject.text()).isEqualTo(
                "positionLimit 5 BTC exceeded: position 3 BTC + open buys 0 BTC + this buy 2.5 BTC = 5.5 BTC long");
        });
        assertThat(desk.order("B2").pendingClOrdId()).isEqualTo("B2-R2");
        assertThat(desk.order("B2").orderQty()).isEqualTo(fixed("1"));
    }

    @Test
    void aPartFilledOrderCountsWithWhatItHasLeftAndAReplaceWithWhatItWouldLeave()
    {
        desk.buy(DESK, "B1", "4").accept("B1").fill("B1", "3");
        desk.reports.clear();

        // when: 3 filled + 1 left = 4; a replace to 5 leaves 2 open: 3 + 2 = 5
        desk.buy(DESK, "B2", "1.5").replace(DESK, "B1-R", "B1", Side.BUY, "5");

        // then
        assertThat(desk.lastRefusal()).isEqualTo(
            "positionLimit 5 BTC exceeded: position 3 BTC + open buys 1 BTC + this buy 1.5 BTC = 5.5 BTC long");
        assertThat(desk.reports.cancelRejects()).isEmpty();
        assertThat(desk.order("B1").pendingClOrdId()).isEqualTo("B1-R");
    }

    @Test
    void eachSessionAndAssetHasItsOwnLimitAndAReloadTakesNewLimitsAtOnce()
    {
        desk.risk(limits(Map.of("BTC", "5"), Map.of(FUND, Map.of("BTC", "1"))));
        desk.holding(DESK, "B1", Side.BUY, "4");

        // when
        desk.buy(FUND, "F1", "1.5").send(DESK, "E1", SIM, ETH, Side.BUY, "100").buy(DESK, "B2", "1");
        desk.risk(limits(Map.of("BTC", "4.5"), Map.of()));
        desk.buy(DESK, "B3", "1");

        // then
        assertThat(desk.reports.newOrderRejects()).extracting(NewOrderReject::clOrdId, NewOrderReject::text)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("F1",
                    "positionLimit 1 BTC exceeded: position 0 BTC + open buys 0 BTC + this buy 1.5 BTC = 1.5 BTC long"),
                org.assertj.core.groups.Tuple.tuple("B3",
                    "positionLimit 4.5 BTC exceeded: position 4 BTC + open buys 1 BTC + this buy 1 BTC = 6 BTC long"));
        assertThat(desk.venue.submitted()).as("B1, E1 (no ETH limit), B2").hasSize(3);
    }

    @Test
    void anOrderThatEndsNoLongerCountsAgainstTheLimit()
    {
        desk.buy(DESK, "B1", "5").accept("B1");
        desk.buy(DESK, "B2", "1");
        desk.canceledByVenue("B1");

        desk.buy(DESK, "B3", "5");

        assertThat(desk.reports.newOrderRejects()).extracting(NewOrderReject::clOrdId).containsExactly("B2");
        assertThat(desk.venue.lastSubmitted().orderKey()).isEqualTo(desk.key("B3"));
    }

    private static RiskConfig limits(final Map<String, String> defaults, final Map<String, Map<String, String>> sessions)
    {
        final Map<String, RiskLimits> bySession = new java.util.HashMap<>();
        sessions.forEach((session, limits) -> bySession.put(session, positionLimits(limits)));
        return new RiskConfig(positionLimits(defaults), bySession, Map.of(), Map.of(), RiskTrips.NONE);
    }

    private static RiskLimits positionLimits(final Map<String, String> limits)
    {
        final Map<String, BigDecimal> byAsset = new java.util.HashMap<>();
        limits.forEach((asset, limit) -> byAsset.put(asset, new BigDecimal(limit)));
        return new RiskLimits(null, null, null, null, null, null, null, byAsset, null, null, null);
    }
}
