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
}
