package io.cryptofix.gateway;

import io.cryptofix.config.ConfigLoader;
import io.cryptofix.config.RiskConfig;
import io.cryptofix.config.RiskLimits;
import io.cryptofix.domain.InstrumentCatalog.Outage;
import io.cryptofix.order.RiskStatus;
import io.cryptofix.order.RiskStatus.ScopeState;
import io.cryptofix.order.RiskStatus.SessionUsage;
import io.cryptofix.order.TradingState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /status}'s answer: the states, the venues out and why, every limit a level sets, each
 * session's use; decimals as text.
 */
class StatusReportTest
{
    private static final long T0 = 1_796_000_000_000L;

    @Test
    void everyKindOfLimitAndEntitlementIsWrittenAndNothingALevelLeavesOut() throws Exception
    {
        final RiskConfig risk = ConfigLoader.parse(String.join("\n", "risk:",
            "  default: { positionLimit: { BTC: 5 }, duplicateOrderWindow: 2s, selfTradePrevention: refuse }",
            "  sessions:",
            "    AGENT: { maxDailyNotional: 5000000, venues: [SIM], symbols: [\"BTC/*\"] }", ""), "test").risk();
        final RiskStatus none = new RiskStatus(new ScopeState(TradingState.ACTIVE, null, 0), Map.of(), Map.of(), Map.of());

        assertThat(StatusReport.json(none, Map.of(), risk, T0)).contains("\"limits\":{" +
            "\"default\":{\"positionLimits\":{\"BTC\":\"5\"},\"duplicateOrderWindow\":\"2000ms\"," +
            "\"selfTradePrevention\":\"refuse\"}," +
            "\"sessions\":{\"AGENT\":{\"maxDailyNotional\":\"5000000\"," +
            "\"entitlements\":{\"venues\":[\"SIM\"],\"symbols\":[\"BTC/*\"]}}}");
    }

    @Test
    void theStatesTheVenuesOutAndWhyTheLimitsAndTheUsageAreWrittenAsTheyStand()
    {
        final RiskStatus status = new RiskStatus(
            new ScopeState(TradingState.ACTIVE, null, 0),
            Map.of("SIM", new ScopeState(TradingState.HALTED, "feed stale", T0)),
            Map.of("RISK", new ScopeState(TradingState.REDUCING, "over its loss", T0 + 1)),
            Map.of("RISK", new SessionUsage(2, new BigDecimal("120.50"), new BigDecimal("900"),
                Map.of("BTC", new BigDecimal("-0.010")))));
        final RiskConfig risk = new RiskConfig(new RiskLimits(new BigDecimal("5"), null),
            Map.of("RISK", new RiskLimits(null, null, 200, 3)), Map.of(), Map.of("BTC/USDT", new RiskLimits(null,
            new BigDecimal("250000"), null, null, new BigDecimal("2.5"))));

        final Map<String, Outage> outages = new TreeMap<>(Map.of(
            "BINANCE", new Outage(Outage.Kind.STARTING, "venue BINANCE (Binance at https://api.binance.com) cannot be " +
                "used: 503"),
            "BINANCE/DESK1", new Outage(Outage.Kind.NOT_STARTED, "environment variable BINANCE_DESK1_API_KEY is not set")));

        assertThat(StatusReport.json(status, outages, risk, T0 + 2)).isEqualTo("{" +
            "\"time\":\"2026-11-30T00:53:20.002Z\"," +
            "\"states\":{\"global\":{\"state\":\"ACTIVE\",\"reason\":null,\"since\":null}," +
            "\"venues\":{\"SIM\":{\"state\":\"HALTED\",\"reason\":\"feed stale\",\"since\":\"2026-11-30T00:53:20Z\"}}," +
            "\"sessions\":{\"RISK\":{\"state\":\"REDUCING\",\"reason\":\"over its loss\"," +
            "\"since\":\"2026-11-30T00:53:20.001Z\"}}}," +
            "\"unavailableVenues\":{" +
            "\"BINANCE\":{\"state\":\"STARTING\",\"reason\":\"venue BINANCE (Binance at https://api.binance.com) " +
            "cannot be used: 503\"}," +
            "\"BINANCE/DESK1\":{\"state\":\"NOT_STARTED\",\"reason\":\"environment variable BINANCE_DESK1_API_KEY " +
            "is not set\"}}," +
            "\"limits\":{\"default\":{\"maxOrderQty\":\"5\"}," +
            "\"sessions\":{\"RISK\":{\"ordersPerSecond\":200,\"maxOpenOrders\":3}},\"venues\":{}," +
            "\"symbols\":{\"BTC/USDT\":{\"maxOrderNotional\":\"250000\",\"priceCollarPercent\":\"2.5\"}}}," +
            "\"usage\":{\"RISK\":{\"openOrders\":2,\"openNotional\":\"120.5\",\"dailyNotional\":\"900\"," +
            "\"positions\":{\"BTC\":\"-0.01\"}}}}");
    }
}
