package io.cryptofix.config;

import static io.cryptofix.config.ConfigProblems.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The startup summary: enough to see what the gateway will do, nothing secret.
 */
class DescribeTest
{
    @Test
    void theDefaultsAreSummarisedInEightLines()
    {
        assertThat(ConfigLoader.describe(Defaults.config()).lines()).containsExactly(
            "FIX acceptor: 127.0.0.1:9880, SenderCompID GATEWAY",
            "sessions: RISK (default venue SIM), DEMO (default venue SIM)",
            "metrics: http://127.0.0.1:9464/metrics",
            "venue SIM (simulated): BTC/USDT, ETH/USDT, SOL/USDT",
            "admin API: http://127.0.0.1:9465, tokens: the gateway's own, in the data directory's admin-token",
            "performance profile: default",
            "system of record: the order journal alone (no database)",
            "data directory: data");
    }

    @Test
    void aPostgresSystemOfRecordSaysWhereAndWhoButOnlyNamesThePasswordsVariable() throws ConfigException
    {
        assertThat(ConfigLoader.describe(parse("store:", "  postgres:", "    url: jdbc:postgresql://127.0.0.1:5432/cryptofix",
            "    passwordEnv: CRYPTOFIX_PG_PASSWORD")))
            .contains("system of record: PostgreSQL jdbc:postgresql://127.0.0.1:5432/cryptofix as cryptofix, " +
                "schema public, password from $CRYPTOFIX_PG_PASSWORD");
    }

    @Test
    void aVenueOverRestSaysWhereItIsAndWhatItTrades() throws ConfigException
    {
        assertThat(ConfigLoader.describe(parse("venues: { SIM: {}, BINANCE: { type: binance, symbols: [BTC/USDT, ETH/USDT] } }")))
            .contains("venue BINANCE (binance at https://api.binance.com): BTC/USDT, ETH/USDT, rules loaded from the venue at start");
    }

    @Test
    void disabledMetricsAreSaidToBeDisabled() throws ConfigException
    {
        assertThat(ConfigLoader.describe(parse("metrics: { enabled: false }"))).contains("metrics: disabled");
    }

    @Test
    void aSessionThatResetsOnLogonSaysSo() throws ConfigException
    {
        assertThat(ConfigLoader.describe(parse("fix: { sessions: [ { TargetCompID: DESK, ResetOnLogon: true } ] }")))
            .contains("sessions: DESK (default venue SIM, ResetOnLogon)");
    }

    @Test
    void anIpv6AddressIsBracketedBeforeThePort() throws ConfigException
    {
        assertThat(ConfigLoader.describe(parse("fix: { bindAddress: \"::1\" }", "metrics: { bindAddress: \"::1\" }")))
            .contains("FIX acceptor: [::1]:9880")
            .contains("metrics: http://[::1]:9464/metrics");
    }
}
