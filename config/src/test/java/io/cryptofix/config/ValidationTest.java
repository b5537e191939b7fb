package io.cryptofix.config;

import static io.cryptofix.config.ConfigProblems.parse;
import static io.cryptofix.config.ConfigProblems.problemsOf;
import static io.cryptofix.config.ConfigProblems.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Each problem names the key path, the bad value and what is allowed.
 */
class ValidationTest
{
    @Test
    void aPortOutsideTheTcpRangeIsRejected()
    {
        assertThat(problemsOf("fix:", "  port: 99999"))
            .containsExactly("fix.port: 99999 is not a valid TCP port (allowed: 1-65535)");
    }

    @Test
    void portZeroIsRejected()
    {
        assertThat(problemsOf("metrics:", "  port: 0"))
            .containsExactly("metrics.port: 0 is not a valid TCP port (allowed: 1-65535)");
    }

    @Test
    void textWhereAnIntegerIsExpectedIsRejected()
    {
        assertThat(problemsOf("fix:", "  port: nine"))
            .containsExactly("fix.port: \"nine\" is not an integer (allowed: 1-65535)");
    }

    @Test
    void aQuotedIntegerIsTextAndIsRejected()
    {
        assertThat(problemsOf("fix:", "  port: \"9880\""))
            .containsExactly("fix.port: \"9880\" is not an integer (allowed: 1-65535)");
    }

    @Test
    void aFractionWhereAnIntegerIsExpectedIsRejected()
    {
        assertThat(problemsOf("fix:", "  port: 9880.5"))
            .containsExactly("fix.port: \"9880.5\" is not an integer (allowed: 1-65535)");
    }

    @Test
    void aListWhereAnIntegerIsExpectedIsRejected()
    {
        assertThat(problemsOf("fix:", "  port: [9880]"))
            .containsExactly("fix.port: expected an integer (allowed: 1-65535), found a list");
    }

    @Test
    void aListWhereAMapIsExpectedIsRejected()
    {
        assertThat(problemsOf("metrics:", "  - enabled: true"))
            .containsExactly("metrics: expected a map of metrics endpoint settings, found a list");
    }

    @Test
    void textWhereAMapIsExpectedIsRejected()
    {
        assertThat(problemsOf("fix: GATEWAY"))
            .containsExactly("fix: expected a map of FIX acceptor settings, found \"GATEWAY\"");
    }

    @Test
    void aDocumentThatIsNotAMapIsRejected()
    {
        assertThat(problemsOf("- fix"))
            .containsExactly("(top level): expected a map with the keys dataDir, fix, metrics, performance, venues, timeouts, store, risk, admin, credentials, found a list");
    }

    @Test
    void aMapWhereTheSessionListIsExpectedIsRejected()
    {
        assertThat(problemsOf("fix:", "  sessions:", "    TargetCompID: RISK"))
            .containsExactly("fix.sessions: expected a list of sessions, found a map");
    }

    @Test
    void aBooleanMustBeTrueOrFalse()
    {
        // YAML 1.1 read yes as true; the gateway reads YAML 1.2, where it is just text
        assertThat(problemsOf("metrics:", "  enabled: yes"))
            .containsExactly("metrics.enabled: \"yes\" is not a boolean (allowed: true, false)");
    }

    @Test
    void aSessionWithoutTargetCompIdIsRejected()
    {
        assertThat(problemsOf(
            "fix:",
            "  sessions:",
            "    - TargetCompID: RISK",
            "    - defaultVenue: SIM"))
            .containsExactly("fix.sessions[1].TargetCompID: missing (required: the client's CompID)");
    }

    @Test
    void aCancelOnDisconnectThatIsNotAGracePeriodIsRejected()
    {
        assertThat(problemsOf(
            "fix:",
            "  sessions:",
            "    - TargetCompID: RISK",
            "      cancelOnDisconnect: yes please"))
            .singleElement().asString()
            .isEqualTo("fix.sessions[0].cancelOnDisconnect: \"yes please\" is not a duration (allowed: a number followed by " +
                "ms, s, m, h or d, e.g. 30s, or none)");
    }

    @Test
    void unknownFaultsAreRejected()
    {
        assertThat(problemsOf(
            "venues:",
            "  SIM:",
            "    faults: { loseFills: 1 }"))
            .singleElement().asString().startsWith("venues.SIM.faults.loseFills: unknown key");
    }

    @Test
    void aDefaultVenueThatIsNotConfiguredIsRejected()
    {
        assertThat(problemsOf(
            "fix:",
            "  sessions:",
            "    - TargetCompID: RISK",
            "      defaultVenue: BINANCE"))
            .containsExactly("fix.sessions[0].defaultVenue: \"BINANCE\" is not a configured venue (configured: SIM)");
    }

    @Test
    void twoSessionsForTheSameClientCompIdAreRejected()
    {
        assertThat(problemsOf(
            "fix:",
            "  sessions:",
            "    - TargetCompID: RISK",
            "    - TargetCompID: DEMO",
            "    - TargetCompID: RISK"))
            .containsExactly("fix.sessions[2].TargetCompID: \"RISK\" is already the TargetCompID of fix.sessions[0] " +
                "(allowed: one session per client CompID)");
    }

    @Test
    void aClientMayNotUseTheGatewaysOwnCompId()
    {
        assertThat(problemsOf(
            "fix:",
            "  sessions:",
            "    - TargetCompID: GATEWAY"))
            .containsExactly("fix.sessions[0].TargetCompID: \"GATEWAY\" is the gateway's own SenderCompID " +
                "(allowed: any other CompID)");
    }

    @Test
    void aCompIdWithASpaceIsRejected()
    {
        assertThat(problemsOf("fix:", "  SenderCompID: MY GATEWAY"))
            .containsExactly("fix.SenderCompID: \"MY GATEWAY\" is not a valid CompID (allowed: printable ASCII without spaces)");
    }

    @Test
    void anEmptySessionListIsRejected()
    {
        assertThat(problemsOf("fix:", "  sessions: []"))
            .containsExactly("fix.sessions: empty (required: at least one session)");
    }

    @Test
    void aNegativeTickSizeIsRejected()
    {
        assertThat(problemsOf(
            "venues:",
            "  SIM:",
            "    instruments:",
            "      BTC/USDT: { tickSize: -1 }"))
            .containsExactly("venues.SIM.instruments.BTC/USDT.tickSize: \"-1\" must be a positive decimal with at most 8 decimal places");
    }

    @Test
    void aZeroQuantityIsRejected()
    {
        assertThat(problemsOf(
            "venues:",
            "  SIM:",
            "    instruments:",
            "      BTC/USDT: { minQty: 0 }"))
            .containsExactly("venues.SIM.instruments.BTC/USDT.minQty: \"0\" must be a positive decimal with at most 8 decimal places");
    }

    @Test
    void aDecimalWithMoreThanEightDecimalPlacesIsRejected()
    {
        assertThat(problemsOf(
            "venues:",
            "  SIM:",
            "    instruments:",
            "      BTC/USDT: { lotSize: 0.000000001 }"))
            .containsExactly("venues.SIM.instruments.BTC/USDT.lotSize: \"0.000000001\" must be a positive decimal " +
                "with at most 8 decimal places");
    }

    @Test
    void textWhereADecimalIsExpectedIsRejected()
    {
        assertThat(problemsOf(
            "venues:",
            "  SIM:",
            "    instruments:",
            "      BTC/USDT: { referencePrice: sixty }"))
            .containsExactly("venues.SIM.instruments.BTC/USDT.referencePrice: \"sixty\" must be a positive decimal " +
                "with at most 8 decimal places");
    }

    @Test
    void anUnknownPerformanceProfileIsRejected()
    {
        assertThat(problemsOf("performance:", "  profile: turbo"))
            .containsExactly("performance.profile: \"turbo\" is not a performance profile (allowed: default, low-latency)");
    }

    @Test
    void anUnknownVenueTypeIsRejected()
    {
        assertThat(problemsOf("venues:", "  SIM:", "    type: foo"))
            .containsExactly("venues.SIM.type: \"foo\" is not a venue type (allowed: simulated, binance, kraken, coinbase, okx, bybit)");
    }

    @Test
    void aBaseUrlOverPlainHttpToAnotherMachineIsRejectedNamingWhatIsAllowed()
    {
        final String allowed = " is plain http to another machine: the API key and the orders would cross the " +
            "network unencrypted (allowed: https://, or http:// only to 127.0.0.1, localhost or [::1], e.g. a local " +
            "test exchange)";
        assertThat(problemsOf("venues:", "  BINANCE: { type: binance, baseUrl: \"http://api.binance.com\", " +
            "symbols: [BTC/USDT] }"))
            .containsExactly("venues.BINANCE.baseUrl: \"http://api.binance.com\"" + allowed);
        assertThat(problemsOf("venues:", "  KRAKEN: { type: kraken, baseUrl: \"http://10.0.0.7:8080\", " +
            "symbols: [BTC/USD] }"))
            .containsExactly("venues.KRAKEN.baseUrl: \"http://10.0.0.7:8080\"" + allowed);
        assertThat(problemsOf("venues:", "  OKX: { type: okx, baseUrl: \"http://127.0.0.2:8080\", symbols: [BTC/USDT] }"))
            .as("only the addresses named").containsExactly("venues.OKX.baseUrl: \"http://127.0.0.2:8080\"" + allowed);
    }

    @Test
    void aBaseUrlOverPlainHttpToThisMachineIsAccepted() throws ConfigException
    {
        for (final String url : List.of("http://127.0.0.1:18080", "http://localhost:18080", "http://LocalHost:18080/",
            "http://[::1]:18080", "https://10.0.0.7:8443"))
        {
            assertThat(parse("venues:", "  BINANCE: { type: binance, baseUrl: \"" + url + "\", symbols: [BTC/USDT] }")
                .venues().get("BINANCE").exchange().baseUrl()).isEqualTo(url);
        }
    }

    @Test
    void aBaseUrlCarryingCredentialsOrNoHostIsRejectedWithoutRepeatingThem()
    {
        assertThat(problemsOf("venues:", "  BINANCE: { type: binance, baseUrl: \"https://key:s3cret@api.binance.com\", " +
            "symbols: [BTC/USDT] }"))
            .containsExactly("venues.BINANCE.baseUrl: \"https://...@api.binance.com\" carries a user or password " +
                "(allowed: the URL alone; keys go in apiKeyEnv and secretKeyEnv or in credentialsFile)");
        assertThat(problemsOf("venues:", "  BINANCE: { type: binance, baseUrl: \"https://\", symbols: [BTC/USDT] }"))
            .singleElement().asString().startsWith("venues.BINANCE.baseUrl: \"https://\" is not a URL");
    }

    @Test
    void aBinanceVenueNeedsItsSymbolsAndTakesOnlyItsOwnKeys()
    {
        assertThat(problemsOf("venues:", "  BINANCE:", "    type: binance", "    seed: 7", "    symbols: [btc-usdt]"))
            .containsExactlyInAnyOrder(
                "venues.BINANCE.seed: unknown key (allowed: type, rounding, dayCutoffUtc, baseUrl, apiKeyEnv, " +
                    "secretKeyEnv, passphraseEnv, credentialsFile, pollIntervalMillis, ordersPerSecond, requestsPerSecond, symbols, " +
                    "testnet, accounts, recvWindowMillis)",
                "venues.BINANCE.symbols: \"btc-usdt\" is not a symbol (allowed: BASE/QUOTE in capitals, e.g. BTC/USDT)");
        assertThat(problemsOf("venues:", "  BINANCE: { type: binance, demoTrading: true, symbols: [BTC/USDT] }"))
            .as("demo trading by header is OKX's alone: Binance's testnet is another baseUrl")
            .containsExactly("venues.BINANCE.demoTrading: unknown key (allowed: type, rounding, dayCutoffUtc, baseUrl, " +
                "apiKeyEnv, secretKeyEnv, passphraseEnv, credentialsFile, pollIntervalMillis, ordersPerSecond, " +
                "requestsPerSecond, symbols, testnet, accounts, recvWindowMillis)");
        assertThat(problemsOf("venues:", "  KRAKEN: { type: kraken, testnet: true, symbols: [BTC/USD] }"))
            .as("Kraken documents no spot test environment")
            .containsExactly("venues.KRAKEN.testnet: venue type kraken has no spot test environment; leave testnet out " +
                "or false");
        assertThat(problemsOf("venues:", "  BYBIT: { type: bybit, recvWindowMillis: 0, symbols: [BTC/USDT] }"))
            .hasSize(1).first().asString().startsWith("venues.BYBIT.recvWindowMillis:");
        assertThat(problemsOf("venues:", "  BINANCE: { type: binance }"))
            .containsExactly("venues.BINANCE.symbols: missing (required: a list of the symbols to trade, BASE/QUOTE, " +
                "e.g. [BTC/USDT])");
    }

    @Test
    void aVenueIdMustBeUppercaseLettersDigitsOrUnderscore()
    {
        assertThat(problemsOf("venues:", "  sim-2: {}", "fix:", "  sessions:", "    - { TargetCompID: RISK, defaultVenue: sim-2 }"))
            .containsExactly("venues.sim-2: \"sim-2\" is not a valid venue id (allowed: uppercase letters, digits and underscore, e.g. SIM)");
    }

    @Test
    void anEmptyVenueMapIsRejected()
    {
        assertThat(problemsOf("venues: {}"))
            .containsExactly("venues: empty (required: at least one venue)");
    }

    @Test
    void anEmptyInstrumentMapIsRejected()
    {
        assertThat(problemsOf("venues:", "  SIM:", "    instruments: {}"))
            .containsExactly("venues.SIM.instruments: empty (required: at least one instrument)");
    }

    @Test
    void aSymbolMustBeBaseSlashQuoteInUppercase()
    {
        assertThat(problemsOf(
            "venues:",
            "  SIM:",
            "    instruments:",
            "      btc/usdt: { tickSize: 0.01, lotSize: 1, referencePrice: 1, levelQty: 1 }",
            "      BTCUSDT: { tickSize: 0.01, lotSize: 1, referencePrice: 1, levelQty: 1 }",
            "      BTC/USDT/X: { tickSize: 0.01, lotSize: 1, referencePrice: 1, levelQty: 1 }"))
            .containsExactly(
                "venues.SIM.instruments.btc/usdt: \"btc/usdt\" is not a symbol in BASE/QUOTE form " +
                    "(allowed: uppercase letters and digits on both sides of one '/', e.g. BTC/USDT)",
                "venues.SIM.instruments.BTCUSDT: \"BTCUSDT\" is not a symbol in BASE/QUOTE form " +
                    "(allowed: uppercase letters and digits on both sides of one '/', e.g. BTC/USDT)",
                "venues.SIM.instruments.BTC/USDT/X: \"BTC/USDT/X\" is not a symbol in BASE/QUOTE form " +
                    "(allowed: uppercase letters and digits on both sides of one '/', e.g. BTC/USDT)");
    }

    @Test
    void aNewInstrumentMustStateItsRules()
    {
        assertThat(problemsOf("venues:", "  SIM:", "    instruments:", "      DOGE/USDT: { levelQty: 100 }"))
            .containsExactly(
                "venues.SIM.instruments.DOGE/USDT.tickSize: missing (required: a positive decimal with at most 8 decimal places)",
                "venues.SIM.instruments.DOGE/USDT.lotSize: missing (required: a positive decimal with at most 8 decimal places)",
                "venues.SIM.instruments.DOGE/USDT.referencePrice: missing (required: a positive decimal with at most 8 decimal places)");
    }

    @Test
    void simulatedVenueSettingsOutsideTheirRangeAreRejected()
    {
        assertThat(problemsOf(
            "venues:",
            "  SIM:",
            "    latencyMillis: -1",
            "    marketTickMillis: 0",
            "    volatilityBps: -0.5",
            "    depthLevels: 0",
            "    spreadTicks: 0"))
            .containsExactly(
                "venues.SIM.latencyMillis: -1 is out of range (allowed: 0-60000)",
                "venues.SIM.marketTickMillis: 0 is out of range (allowed: 1-60000)",
                "venues.SIM.volatilityBps: -0.5 is out of range (allowed: 0-10000)",
                "venues.SIM.depthLevels: 0 is out of range (allowed: 1-1000)",
                "venues.SIM.spreadTicks: 0 is out of range (allowed: 1-1000)");
    }

    @Test
    void orderRulesOfAVenueMustBeKnownValues()
    {
        assertThat(problemsOf(
            "venues:",
            "  SIM:",
            "    rounding: nearest",
            "    dayCutoffUtc: \"24:00\"",
            "    supports: { stopOrders: yes, trailingStops: true }",
            "    instruments:",
            "      BTC/USDT: { minNotional: -5 }"))
            .containsExactly(
                "venues.SIM.rounding: \"nearest\" is not a rounding policy (allowed: reject, round)",
                "venues.SIM.dayCutoffUtc: \"24:00\" is not a UTC time of day (allowed: HH:MM, 00:00-23:59)",
                "venues.SIM.supports.stopOrders: \"yes\" is not a boolean (allowed: true, false)",
                "venues.SIM.supports.trailingStops: unknown key (allowed: stopOrders, stopLimitOrders, postOnly, " +
                    "immediateOrCancel, fillOrKill, goodTillDate, amend)",
                "venues.SIM.instruments.BTC/USDT.minNotional: -5 is out of range (allowed: 0-1000000000)");
    }

    @Test
    void aSeedBeyondSixtyFourBitsIsRejected()
    {
        assertThat(problemsOf("venues:", "  SIM:", "    seed: 99999999999999999999"))
            .containsExactly("venues.SIM.seed: 99999999999999999999 is out of range (allowed: a 64-bit integer)");
    }

    @Test
    void anUnknownKeyCloseToAKnownOneSuggestsIt()
    {
        assertThat(problemsOf("fix:", "  sesions: []"))
            .containsExactly("fix.sesions: unknown key (did you mean \"sessions\"?)");
    }

    @Test
    void anUnknownKeyDifferingOnlyInCaseSuggestsTheRightSpelling()
    {
        assertThat(problemsOf("fix:", "  senderCompId: GATEWAY"))
            .containsExactly("fix.senderCompId: unknown key (did you mean \"SenderCompID\"?)");
    }

    @Test
    void anUnknownKeyFarFromEveryKnownOneListsTheAllowedKeys()
    {
        assertThat(problemsOf("metrics:", "  path: /metrics"))
            .containsExactly("metrics.path: unknown key (allowed: enabled, bindAddress, port, tokenEnv, publishBalances)");
    }

    @Test
    void aKeyGivenTwiceIsRejected()
    {
        assertThat(problemsOf("fix:", "  port: 9000", "  port: 9001"))
            .containsExactly("fix.port: duplicate key (first given at line 2, column 3)");
    }

    @Test
    void metricsOnTheFixPortAndAddressAreRejected()
    {
        assertThat(problemsOf("metrics:", "  port: 9880"))
            .containsExactly("metrics.port: 9880 is already fix.port on 127.0.0.1 (allowed: any other port, or a different bindAddress)");
    }

    @Test
    void metricsOnTheFixPortCollideWhenEitherListensOnEveryAddress()
    {
        assertThat(problemsOf("fix:", "  bindAddress: 0.0.0.0", "  port: 9464",
            "  sessions: [ { TargetCompID: RISK, allowUnauthenticated: true } ]"))
            .containsExactly("metrics.port: 9464 is already fix.port on 0.0.0.0 (allowed: any other port, or a different bindAddress)");
    }

    @Test
    void aMalformedBindAddressIsRejected()
    {
        assertThat(problemsOf("fix:", "  bindAddress: 300.1.1.1"))
            .containsExactly("fix.bindAddress: \"300.1.1.1\" is not a valid bind address " +
                "(allowed: an IPv4 or IPv6 address or a host name, e.g. 127.0.0.1 or 0.0.0.0)");
    }

    @Test
    void anEmptyDataDirIsRejected()
    {
        assertThat(problemsOf("dataDir: \"\""))
            .containsExactly("dataDir: \"\" is not a valid directory path (allowed: a non-empty path)");
    }

    @Test
    void everyProblemInTheFileIsReportedInDocumentOrder()
    {
        assertThat(problemsOf(
            "fix:",
            "  port: 99999",
            "  sesions: []",
            "  sessions:",
            "    - TargetCompID: RISK",
            "      defaultVenue: BINANCE",
            "    - defaultVenue: SIM",
            "metrics:",
            "  enabled: maybe",
            "venues:",
            "  SIM:",
            "    type: simulated",
            "    instruments:",
            "      BTC/USDT: { tickSize: -1 }"))
            .containsExactly(
                "fix.port: 99999 is not a valid TCP port (allowed: 1-65535)",
                "fix.sesions: unknown key (did you mean \"sessions\"?)",
                "fix.sessions[0].defaultVenue: \"BINANCE\" is not a configured venue (configured: SIM)",
                "fix.sessions[1].TargetCompID: missing (required: the client's CompID)",
                "metrics.enabled: \"maybe\" is not a boolean (allowed: true, false)",
                "venues.SIM.instruments.BTC/USDT.tickSize: \"-1\" must be a positive decimal with at most 8 decimal places");
    }

    @Test
    void theExceptionMessageNamesTheSourceAndListsEveryProblem()
    {
        assertThatThrownBy(() -> ConfigLoader.parse(yaml("fix:", "  port: 0", "metrics:", "  port: 0"), "my.yaml"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("my.yaml: 2 configuration problems\n" +
                "  fix.port: 0 is not a valid TCP port (allowed: 1-65535)\n" +
                "  metrics.port: 0 is not a valid TCP port (allowed: 1-65535)");
    }

    @Test
    void problemsQuoteControlCharactersSoEachStaysOnOneLine()
    {
        assertThat(problemsOf("fix:", "  SenderCompID: \"GATE\\nWAY\""))
            .containsExactly("fix.SenderCompID: \"GATE\\u000aWAY\" is not a valid CompID (allowed: printable ASCII without spaces)");
    }
}
