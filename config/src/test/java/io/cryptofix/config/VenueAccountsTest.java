package io.cryptofix.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.cryptofix.config.ConfigProblems.parse;
import static io.cryptofix.config.ConfigProblems.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A venue's {@code accounts}: the Account (1) value that selects each to its own keys.
 */
class VenueAccountsTest
{
    @Test
    void anExchangeAccountReadsItsKeysFromTheVariablesNamedOrItsOwnDefaults() throws ConfigException
    {
        final VenueConfig venue = parse("venues:",
            "  BINANCE:",
            "    type: binance",
            "    symbols: [BTC/USDT]",
            "    accounts:",
            "      desk-1: {}",
            "      HEDGE: { apiKeyEnv: HEDGE_KEY, secretKeyEnv: HEDGE_SECRET }",
            "      FILED: { credentialsFile: /etc/cryptofix/filed.properties }").venues().get("BINANCE");

        assertThat(venue.accounts().keySet()).containsExactly("desk-1", "HEDGE", "FILED");
        assertThat(venue.accounts().get("desk-1")).isEqualTo(new VenueAccount("desk-1", "BINANCE_DESK_1_API_KEY",
            "BINANCE_DESK_1_SECRET_KEY", "BINANCE_DESK_1_PASSPHRASE", null));
        assertThat(venue.accounts().get("HEDGE").apiKeyEnv()).isEqualTo("HEDGE_KEY");
        assertThat(venue.accounts().get("HEDGE").secretKeyEnv()).isEqualTo("HEDGE_SECRET");
        final ExchangeVenueConfig filed = venue.forAccount(venue.accounts().get("FILED")).exchange();
        assertThat(filed.credentialsFile()).isEqualTo(Path.of("/etc/cryptofix/filed.properties"));
        assertThat(filed.baseUrl()).as("the venue's own settings").isEqualTo(venue.exchange().baseUrl());
        assertThat(filed.symbols()).isEqualTo(venue.exchange().symbols());
    }

    @Test
    void aSimulatedVenuesAccountsHaveNoSettings() throws ConfigException
    {
        assertThat(parse("venues:", "  SIM:", "    type: simulated", "    accounts: { MAIN: {}, HEDGE: {} }")
            .venues().get("SIM").accounts().keySet()).containsExactly("MAIN", "HEDGE");
        assertThat(problemsOf("venues:", "  SIM:", "    type: simulated", "    accounts: { MAIN: { apiKeyEnv: K } }"))
            .singleElement().asString().startsWith("venues.SIM.accounts.MAIN.apiKeyEnv: unknown key");
    }

    @Test
    void aMalformedAccountOrUnknownKeyIsRefusedNamingIt()
    {
        assertThat(problemsOf("venues:",
            "  BINANCE:",
            "    type: binance",
            "    symbols: [BTC/USDT]",
            "    accounts:",
            "      \"desk 1\": {}",
            "      HEDGE: { apiKey: abc }"))
            .anySatisfy(problem -> assertThat(problem).startsWith("venues.BINANCE.accounts.desk 1: \"desk 1\" is not an account name"))
            .anySatisfy(problem -> assertThat(problem).startsWith("venues.BINANCE.accounts.HEDGE.apiKey: unknown key"));
    }

    @Test
    void aVenueWithoutAccountsHasNone() throws ConfigException
    {
        assertThat(parse("venues:", "  SIM: { type: simulated }").venues().get("SIM").accounts()).isEmpty();
    }
}
