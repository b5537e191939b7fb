package io.cryptofix.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static io.cryptofix.config.ConfigProblems.parse;
import static io.cryptofix.config.ConfigProblems.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeout policy as configured and as resolved for an order: the most specific matching rule
 * wins (session, timeInForce, ordType, exact symbol, symbol pattern, venue, default), the first of a
 * kind in the file (BTC/EUR matches both symbol patterns of the table: the first in the file applies).
 */
class TimeoutPolicyTest
{
    private static final String[] RULES = {
        "timeouts:",
        "  default: 2h",
        "  rules:",
        "    - { venue: SIM, after: 1h }",
        "    - { symbol: \"BTC/*\", after: 30m }",
        "    - { symbol: BTC/USDT, after: 10m }",
        "    - { ordType: 4, after: 5m }",
        "    - { timeInForce: 6, after: 2m }",
        "    - { session: RISK, after: 30s }",
        "    - { symbol: \"*/EUR\", after: 45m }",
    };

    @ParameterizedTest(name = "{0} {1} {2} OrdType {3} TIF {4} -> {5}")
    @CsvSource({
        "DEMO, SIM, SOL/USDT, 2, 1, venue SIM after 1h",
        "DEMO, SIM, BTC/EUR, 2, 1, symbol BTC/* after 30m",
        "DEMO, SIM, BTC/USDT, 2, 1, symbol BTC/USDT after 10m",
        "DEMO, SIM, BTC/USDT, 4, 1, ordType 4 after 5m",
        "DEMO, SIM, BTC/USDT, 4, 6, timeInForce 6 after 2m",
        "RISK, SIM, BTC/USDT, 4, 6, session RISK after 30s",
        "DEMO, OTHER, ETH/EUR, 2, 1, symbol */EUR after 45m",
    })
    void theMostSpecificMatchingRuleApplies(
        final String session, final String venue, final String symbol, final char ordType, final char tif,
        final String expected) throws ConfigException
    {
        final TimeoutPolicy policy = new TimeoutPolicy(parse(RULES).timeouts());

        assertThat(policy.ruleFor(session, venue, symbol, ordType, tif).describe()).isEqualTo(expected);
    }

    @Test
    void withoutAMatchingRuleTheDefaultApplies() throws ConfigException
    {
        final TimeoutConfig timeouts = parse("timeouts:", "  default: 90s",
            "  rules: [ { venue: SIM, after: 1h } ]").timeouts();

        assertThat(new TimeoutPolicy(timeouts).ruleFor("RISK", "OTHER", "BTC/USDT", '2', '1')).isNull();
        assertThat(timeouts.defaultAfter()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void theDefaultsHaveNoTimeoutAndVenueWaitsOfTenAndFiveSeconds()
    {
        final TimeoutConfig timeouts = Defaults.config().timeouts();

        assertThat(timeouts.defaultAfter()).isNull();
        assertThat(timeouts.unacknowledgedSubmit()).isEqualTo(Duration.ofSeconds(10));
        assertThat(timeouts.unconfirmedCancel()).isEqualTo(Duration.ofSeconds(5));
        assertThat(timeouts.rules()).isEmpty();
    }

    @Test
    void explainSaysWhichRuleAppliesAndWhyTheOthersDoNot() throws ConfigException
    {
        final TimeoutPolicy policy = new TimeoutPolicy(parse(RULES).timeouts());

        assertThat(policy.explain("DEMO", "SIM", "BTC/USDT", '2', '1')).containsExactly(
            "timeout: 10m, by rule 3 (symbol BTC/USDT)",
            "rules, most specific kind first (session, timeInForce, ordType, symbol, venue):",
            "  rule 6 session RISK after 30s: does not match",
            "  rule 5 timeInForce 6 after 2m: does not match",
            "  rule 4 ordType 4 after 5m: does not match",
            "  rule 2 symbol BTC/* after 30m: matches, but a more specific or earlier rule applies",
            "  rule 3 symbol BTC/USDT after 10m: matches, applies",
            "  rule 7 symbol */EUR after 45m: does not match",
            "  rule 1 venue SIM after 1h: matches, but a more specific or earlier rule applies",
            "  default: 2h: overridden",
            "the order's own ExpireTime (GTD) or the venue's Day cut-off ends it earlier if it comes first");
    }

    @Test
    void badRulesAreReportedWithTheirPathAndWhatIsAllowed()
    {
        assertThat(problemsOf(
            "timeouts:",
            "  default: forever",
            "  unconfirmedCancel: 0s",
            "  rules:",
            "    - { venue: SIM }",
            "    - { venue: SIM, symbol: BTC/USDT, after: 1m }",
            "    - { after: 1m }",
            "    - { ordType: 9, after: 1m }",
            "    - { symbol: btc, after: 5 }"))
            .containsExactly(
                "timeouts.default: \"forever\" is not a duration (allowed: a number followed by ms, s, m, h or d, e.g. 30s, or none)",
                "timeouts.unconfirmedCancel: \"0s\" is not a duration (allowed: a number followed by ms, s, m, h or d, e.g. 30s)",
                "timeouts.rules[0].after: missing (required: a duration)",
                "timeouts.rules[1]: has both venue and symbol (allowed: exactly one of venue, symbol, ordType, timeInForce, session)",
                "timeouts.rules[2]: names nothing to match (required: one of venue, symbol, ordType, timeInForce, session)",
                "timeouts.rules[3].ordType: \"9\" is not an OrdType (40) (allowed: 1, 2, 3, 4, J)",
                "timeouts.rules[4].symbol: \"btc\" is not a symbol or pattern (allowed: BASE/QUOTE, * for any part, e.g. BTC/USDT or BTC/*)",
                "timeouts.rules[4].after: \"5\" is not a duration (allowed: a number followed by ms, s, m, h or d, e.g. 30s)");
    }
}
