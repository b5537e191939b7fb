package io.cryptofix.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static io.cryptofix.config.ConfigProblems.parse;
import static io.cryptofix.config.ConfigProblems.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code risk} section as configured and as resolved for an order: per limit, the session beats
 * an exact symbol, which beats a symbol pattern (the first in the file), which beats the venue, which
 * beats the default.
 */
class RiskConfigTest
{
    private static final String[] RISK = {
        "risk:",
        "  default: { maxOrderQty: 100, maxOrderNotional: 1000000 }",
        "  venues:",
        "    SIM: { maxOrderQty: 50 }",
        "  symbols:",
        "    \"BTC/*\": { maxOrderQty: 5, maxOrderNotional: 300000, priceCollarPercent: 2.5 }",
        "    BTC/USDT: { maxOrderQty: 2 }",
        "    \"*/EUR\": { maxOrderQty: 7 }",
        "  sessions:",
        "    RISK: { maxOrderQty: 1 }",
    };

    @ParameterizedTest(name = "{0} {1} {2} -> maxOrderQty {3}, maxOrderNotional {4}")
    @CsvSource({
        "DEMO, OTHER, SOL/USDT, 100, 1000000",
        "DEMO, SIM, SOL/USDT, 50, 1000000",
        "DEMO, SIM, BTC/EUR, 5, 300000",
        "DEMO, SIM, BTC/USDT, 2, 300000",
        "DEMO, SIM, ETH/EUR, 7, 1000000",
        "RISK, SIM, BTC/USDT, 1, 300000",
    })
    void eachLimitComesFromTheMostSpecificLevelThatSetsIt(
        final String session, final String venue, final String symbol, final String maxOrderQty,
        final String maxOrderNotional) throws ConfigException
    {
        final RiskConfig risk = parse(RISK).risk();

        assertThat(risk.maxOrderQty(session, venue, symbol)).isEqualByComparingTo(maxOrderQty);
        assertThat(risk.maxOrderNotional(session, venue, symbol)).isEqualByComparingTo(maxOrderNotional);
        assertThat(risk.priceCollarPercent(session, venue, symbol)).isEqualTo(
            symbol.startsWith("BTC/") ? new BigDecimal("2.5") : null);
    }

    @Test
    void withoutARiskSectionNoLimitApplies() throws ConfigException
    {
        final RiskConfig risk = parse("fix:", "  port: 9880").risk();

        assertThat(risk).isEqualTo(RiskConfig.NONE);
        assertThat(risk.maxOrderQty("RISK", "SIM", "BTC/USDT")).isNull();
    }

    @Test
    void aLimitALevelLeavesOutFallsToTheLevelsBelow() throws ConfigException
    {
        final RiskConfig risk = parse("risk:", "  sessions:", "    RISK: { maxOrderNotional: 10 }").risk();

        assertThat(risk.maxOrderNotional("RISK", "SIM", "BTC/USDT")).isEqualByComparingTo(BigDecimal.TEN);
        assertThat(risk.maxOrderQty("RISK", "SIM", "BTC/USDT")).isNull();
    }

    @Test
    void aSessionsPaceIsItsOwnElseTheDefaultsElseOneHighEnoughForAnyNormalClient() throws ConfigException
    {
        final RiskConfig risk = parse("risk:", "  default: { ordersPerSecond: 200 }",
            "  sessions: { DESK: { ordersPerSecond: 50 } }").risk();

        assertThat(risk.ordersPerSecond("DESK")).isEqualTo(50);
        assertThat(parse("risk:", "  default: { maxOpenOrders: 20 }", "  sessions: { DESK: { maxOpenOrders: 5 } }")
            .risk().maxOpenOrders("RISK")).isEqualTo(20);
        assertThat(risk.maxOpenOrders("DESK")).as("not set anywhere").isNull();
        assertThat(risk.ordersPerSecond("RISK")).isEqualTo(200);
        assertThat(RiskConfig.NONE.ordersPerSecond("RISK")).isEqualTo(RiskConfig.DEFAULT_ORDERS_PER_SECOND);
        assertThat(problemsOf("risk:", "  venues: { SIM: { ordersPerSecond: 5 } }"))
            .singleElement().asString().startsWith("risk.venues.SIM.ordersPerSecond: unknown key");
    }

    @Test
    void unknownLimitsNamesAndNonPositiveValuesAreRefusedSayingWhy()
    {
        assertThat(problemsOf("risk:", "  default: { maxOrderQty: 0, maxOrderSize: 1 }",
            "  symbols: { btc-usdt: { maxOrderQty: 1 } }", "  limits: {}"))
            .hasSize(4)
            .anySatisfy(problem -> assertThat(problem).startsWith("risk.default.maxOrderQty: \"0\""))
            .anySatisfy(problem -> assertThat(problem).startsWith("risk.default.maxOrderSize: unknown key"))
            .anySatisfy(problem -> assertThat(problem).startsWith("risk.symbols.btc-usdt: is not a symbol"))
            .anySatisfy(problem -> assertThat(problem).startsWith("risk.limits: unknown key"));
    }

    @Test
    void aSessionsExposureLimitsAreItsOwnElseTheDefaults() throws ConfigException
    {
        final RiskConfig risk = parse("risk:",
            "  default: { maxOpenNotional: 500000, maxDailyNotional: 2000000, positionLimit: { BTC: 5, ETH: 40 },",
            "             duplicateOrderWindow: 2s, selfTradePrevention: refuse }",
            "  sessions:",
            "    DESK: { maxDailyNotional: 100, positionLimit: { BTC: 1 }, selfTradePrevention: cancelResting }").risk();

        assertThat(risk.maxOpenNotional("DESK")).isEqualByComparingTo("500000");
        assertThat(risk.maxDailyNotional("DESK")).isEqualByComparingTo("100");
        assertThat(risk.maxDailyNotional("RISK")).isEqualByComparingTo("2000000");
        assertThat(risk.positionLimit("DESK", "BTC")).isEqualByComparingTo("1");
        assertThat(risk.positionLimit("DESK", "ETH")).as("the default's, for an asset the session leaves out")
            .isEqualByComparingTo("40");
        assertThat(risk.positionLimit("RISK", "SOL")).isNull();
        assertThat(risk.duplicateOrderWindow("DESK")).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(risk.selfTradePrevention("DESK")).isEqualTo(SelfTradePrevention.CANCEL_RESTING);
        assertThat(risk.selfTradePrevention("RISK")).isEqualTo(SelfTradePrevention.REFUSE);
        assertThat(RiskConfig.NONE.selfTradePrevention("RISK")).isEqualTo(SelfTradePrevention.OFF);
        assertThat(RiskConfig.NONE.duplicateOrderWindow("RISK")).as("off by default").isNull();
    }

    @Test
    void entitlementsListVenuesSymbolsAndAccountsEachListReplacingTheDefaults() throws ConfigException
    {
        final RiskConfig risk = parse("risk:",
            "  default: { venues: [SIM], accounts: [MAIN] }",
            "  sessions:",
            "    DESK: { symbols: [\"BTC/*\", ETH/USDT], accounts: [DESK1, DESK2] }").risk();

        final Entitlements desk = risk.entitlements("DESK");
        assertThat(desk.allowsVenue("SIM")).isTrue();
        assertThat(desk.allowsVenue("BINANCE")).isFalse();
        assertThat(desk.allowsSymbol("BTC/EUR")).isTrue();
        assertThat(desk.allowsSymbol("ETH/USDT")).isTrue();
        assertThat(desk.allowsSymbol("ETH/EUR")).isFalse();
        assertThat(desk.allowsAccount("DESK2")).isTrue();
        assertThat(desk.allowsAccount("MAIN")).isFalse();
        assertThat(desk.allowsAccount(null)).as("an order without Account").isTrue();
        assertThat(risk.entitlements("RISK").allowsSymbol("SOL/USDT")).isTrue();
        assertThat(RiskConfig.NONE.entitlements("RISK").allowsVenue("ANY")).isTrue();
    }

    @Test
    void tripsAreReadWithTheirStateAndWindow() throws ConfigException
    {
        final RiskTrips trips = parse("risk:", "  trips:",
            "    priceMove: { percent: 8, within: 60s, state: REDUCING }",
            "    rejectRate: { percent: 50, within: 30s }").risk().trips();

        assertThat(trips.priceMove()).isEqualTo(
            new RiskTrips.PriceMove(new BigDecimal("8"), java.time.Duration.ofSeconds(60), "REDUCING"));
        assertThat(trips.rejectRate()).isEqualTo(
            new RiskTrips.RejectRate(new BigDecimal("50"), java.time.Duration.ofSeconds(30), 20));
        assertThat(RiskConfig.NONE.trips()).isEqualTo(RiskTrips.NONE);
    }

    @Test
    void badExposureEntitlementAndTripValuesAreRefusedSayingWhy()
    {
        assertThat(problemsOf("risk:",
            "  default: { positionLimit: { btc: 1 }, selfTradePrevention: cancel, duplicateOrderWindow: soon }",
            "  sessions: { DESK: { venues: SIM, symbols: [btc] } }",
            "  trips: { priceMove: { percent: 5, within: 1m, state: ACTIVE }, rejectRate: { within: 10s } }"))
            .hasSize(7)
            .anySatisfy(problem -> assertThat(problem).startsWith("risk.default.positionLimit.btc: is not an asset"))
            .anySatisfy(problem -> assertThat(problem).startsWith("risk.default.selfTradePrevention: \"cancel\""))
            .anySatisfy(problem -> assertThat(problem).startsWith("risk.default.duplicateOrderWindow: \"soon\""))
            .anySatisfy(problem -> assertThat(problem).startsWith("risk.sessions.DESK.venues: expected a list"))
            .anySatisfy(problem -> assertThat(problem).startsWith("risk.sessions.DESK.symbols: \"btc\" is not"))
            .anySatisfy(problem -> assertThat(problem).startsWith("risk.trips.priceMove.state: \"ACTIVE\""))
            .anySatisfy(problem -> assertThat(problem).startsWith("risk.trips.rejectRate.percent: missing"));
    }
}
