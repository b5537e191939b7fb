package io.cryptofix.config;

import static io.cryptofix.config.ConfigProblems.parse;
import static io.cryptofix.config.DefaultsTest.instrument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A user's file over the defaults: what it sets wins, what it leaves out comes from the defaults.
 */
class UserConfigTest
{
    @Test
    void aFullFileIsReadIntoExactlyTheRecordsItDescribes() throws ConfigException
    {
        final GatewayConfig config = parse(
            "dataDir: /var/lib/cryptofix",
            "fix:",
            "  bindAddress: 0.0.0.0",
            "  port: 19880",
            "  SenderCompID: CRYPTOFIX",
            "  logonTimeoutSeconds: 2",
            "  maxPendingLogons: 100",
            "  sessions:",
            "    - TargetCompID: OMS_1",
            "      defaultVenue: SIM_B",
            "      ResetOnLogon: true",
            "      allowUnauthenticated: true",
            "    - TargetCompID: RISK",
            "      defaultVenue: SIM_A",
            "      ResetOnLogon: false",
            "      allowUnauthenticated: true",
            "metrics:",
            "  enabled: false",
            "  bindAddress: ::1",
            "  port: 19464",
            "venues:",
            "  SIM_A:",
            "    type: simulated",
            "    seed: -7",
            "    latencyMillis: 25",
            "    marketTickMillis: 250",
            "    volatilityBps: 12.5",
            "    depthLevels: 3",
            "    spreadTicks: 2",
            "    rounding: round",
            "    dayCutoffUtc: \"21:30\"",
            "    supports:",
            "      stopOrders: true",
            "      postOnly: true",
            "      immediateOrCancel: true",
            "      fillOrKill: true",
            "      goodTillDate: true",
            "      amend: true",
            "    instruments:",
            "      ADA/USDC: { tickSize: 0.0001, lotSize: 1, minQty: 10, referencePrice: 0.45, levelQty: 1000 }",
            "  SIM_B:",
            "    type: simulated",
            "    seed: 9",
            "    latencyMillis: 1",
            "    marketTickMillis: 1",
            "    volatilityBps: 0",
            "    depthLevels: 1000",
            "    spreadTicks: 1000",
            "    instruments:",
            "      BTC/EUR:",
            "        tickSize: \"0.5\"",
            "        lotSize: 0.00000001",
            "        minQty: 0.0001",
            "        referencePrice: 55000.25",
            "        levelQty: 0.75");

        final Map<String, VenueConfig> venues = new LinkedHashMap<>();
        venues.put("SIM_A", new VenueConfig("SIM_A", "simulated", RoundingPolicy.ROUND, java.time.LocalTime.of(21, 30),
            new SimulatedVenueConfig(-7, 25, 250, 12.5, 3, 2, VenueCapabilities.ALL),
            Map.of("ADA/USDC", instrument("ADA/USDC", "0.0001", "1", "10", "0.45", "1000"))));
        venues.put("SIM_B", new VenueConfig("SIM_B", "simulated", RoundingPolicy.REJECT, java.time.LocalTime.MIDNIGHT,
            new SimulatedVenueConfig(9, 1, 1, 0, 1000, 1000, DefaultsTest.SIM_SUPPORTS),
            Map.of("BTC/EUR", instrument("BTC/EUR", "0.5", "0.00000001", "0.0001", "55000.25", "0.75"))));
        assertThat(config).isEqualTo(new GatewayConfig(
            Path.of("/var/lib/cryptofix"),
            new FixConfig("0.0.0.0", 19880, "CRYPTOFIX", List.of(
                new SessionConfig("OMS_1", "SIM_B", true),
                new SessionConfig("RISK", "SIM_A", false)), 2, 100),
            new MetricsConfig(false, "::1", 19464, null, false),
            new PerformanceConfig(PerformanceConfig.Profile.DEFAULT),
            venues,
            Defaults.config().timeouts()));
    }

    @Test
    void lowLatencyProfileIsRead() throws ConfigException
    {
        final GatewayConfig config = parse(
            "performance:",
            "  profile: low-latency");

        assertThat(config.performance().profile()).isEqualTo(PerformanceConfig.Profile.LOW_LATENCY);
    }

    @Test
    void scalarKeysLeftOutTakeTheirDefaults() throws ConfigException
    {
        final GatewayConfig config = parse(
            "fix:",
            "  port: 7001",
            "metrics:",
            "  enabled: false");

        assertThat(config.fix()).isEqualTo(new FixConfig("127.0.0.1", 7001, "GATEWAY", Defaults.config().fix().sessions(), 5, 32));
        assertThat(config.metrics()).isEqualTo(new MetricsConfig(false, "127.0.0.1", 9464, null, false));
        assertThat(config.venues()).isEqualTo(Defaults.config().venues());
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
    }

    @Test
    void aKeyWithAnEmptyValueTakesItsDefault() throws ConfigException
    {
        assertThat(parse("fix:", "  port:").fix().port()).isEqualTo(9880);
    }

    @Test
    void sessionsGivenReplaceTheDefaultSessionsEntirely() throws ConfigException
    {
        final GatewayConfig config = parse(
            "fix:",
            "  sessions:",
            "    - TargetCompID: DESK");

        assertThat(config.fix().sessions()).containsExactly(new SessionConfig("DESK", "SIM", false));
    }

    @Test
    void aSessionWithoutDefaultVenueUsesTheFirstConfiguredVenue() throws ConfigException
    {
        final GatewayConfig config = parse(
            "fix:",
            "  sessions:",
            "    - TargetCompID: DESK",
            "venues:",
            "  PAPER: {}",
            "  SIM: {}");

        assertThat(config.fix().session("DESK").defaultVenue()).isEqualTo("PAPER");
    }

    @Test
    void aSessionWithoutResetOnLogonKeepsSequenceNumbersAcrossLogons() throws ConfigException
    {
        final GatewayConfig config = parse(
            "fix:",
            "  sessions:",
            "    - TargetCompID: DESK");

        assertThat(config.fix().session("DESK").resetOnLogon()).isFalse();
    }

    @Test
    void aSessionMayCancelItsOrdersOnDisconnectAfterAGracePeriodAndDoesNotByDefault() throws ConfigException
    {
        final GatewayConfig config = parse(
            "fix:",
            "  sessions:",
            "    - TargetCompID: DESK",
            "      cancelOnDisconnect: 5s",
            "    - TargetCompID: RISK");

        assertThat(config.fix().session("DESK").cancelOnDisconnect()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(config.fix().session("RISK").cancelOnDisconnect()).isNull();
    }

    @Test
    void aBinanceVenueTakesItsKeysFromTheEnvironmentByDefaultAndBinancesLimits() throws ConfigException
    {
        final GatewayConfig config = parse(
            "venues:",
            "  SIM: {}",
            "  BINANCE:",
            "    type: binance",
            "    symbols: [BTC/USDT, ETH/USDT]");

        assertThat(config.venues().get("BINANCE").exchange()).isEqualTo(new ExchangeVenueConfig(
            "https://api.binance.com", "BINANCE_API_KEY", "BINANCE_SECRET_KEY", "BINANCE_PASSPHRASE", null, 1000, 10, 20,
            java.util.List.of("BTC/USDT", "ETH/USDT")));
    }

    @Test
    void anOkxVenueTradesLiveUnlessDemoTradingIsSet() throws ConfigException
    {
        final GatewayConfig config = parse(
            "venues:",
            "  OKX: { type: okx, symbols: [BTC/USDT] }",
            "  OKX_DEMO: { type: okx, demoTrading: true, symbols: [BTC/USDT] }");

        assertThat(config.venues().get("OKX").exchange().testnet()).isFalse();
        assertThat(config.venues().get("OKX_DEMO").exchange().testnet()).isTrue();
        assertThat(config.venues().get("OKX_DEMO").exchange().baseUrl()).isEqualTo("https://www.okx.com");
    }

    @Test
    void aTestnetVenueGoesToItsTestEnvironmentAndBinanceTakesARecvWindow() throws ConfigException
    {
        final GatewayConfig config = parse(
            "venues:",
            "  BINANCE: { type: binance, testnet: true, recvWindowMillis: 10000, symbols: [BTC/USDT] }",
            "  BYBIT: { type: bybit, testnet: true, symbols: [BTC/USDT] }",
            "  COINBASE: { type: coinbase, testnet: true, symbols: [BTC/USD] }",
            "  OKX: { type: okx, testnet: true, symbols: [BTC/USDT] }");

        assertThat(config.venues().get("BINANCE").exchange().baseUrl()).isEqualTo("https://testnet.binance.vision");
        assertThat(config.venues().get("BINANCE").exchange().recvWindowMillis()).isEqualTo(10_000);
        assertThat(config.venues().get("BYBIT").exchange().baseUrl()).isEqualTo("https://api-testnet.bybit.com");
        assertThat(config.venues().get("BYBIT").exchange().recvWindowMillis()).isEqualTo(5_000);
        assertThat(config.venues().get("COINBASE").exchange().baseUrl())
            .isEqualTo("https://api-public.sandbox.exchange.coinbase.com");
        assertThat(config.venues().get("OKX").exchange().testnet()).isTrue();
    }

    @Test
    void theSimulatedVenueLosesTheRequestsItsFaultsSayAndNothingByDefault() throws ConfigException
    {
        final GatewayConfig config = parse(
            "venues:",
            "  SIM:",
            "    faults: { loseCancels: 2 }",
            "  CLEAN: {}");

        assertThat(config.venues().get("SIM").simulated().faults()).isEqualTo(new SimulatedFaults(2, 0));
        assertThat(config.venues().get("CLEAN").simulated().faults()).isEqualTo(SimulatedFaults.NONE);
    }

    @Test
    void defaultSessionsFollowVenuesThatReplaceSim() throws ConfigException
    {
        final GatewayConfig config = parse("venues:", "  PAPER: {}");

        assertThat(config.fix().sessions()).containsExactly(
            new SessionConfig("RISK", "PAPER", false),
            new SessionConfig("DEMO", "PAPER", false));
    }

    @Test
    void venuesGivenReplaceTheDefaultVenuesEntirely() throws ConfigException
    {
        final GatewayConfig config = parse(
            "venues:",
            "  PAPER:",
            "    seed: 7");

        assertThat(config.venues()).containsOnlyKeys("PAPER");
    }

    @Test
    void aVenueWithOnlyASeedTakesEveryOtherSettingFromTheDefaultVenue() throws ConfigException
    {
        final GatewayConfig config = parse(
            "venues:",
            "  PAPER:",
            "    seed: 7");

        final VenueConfig paper = config.venue("PAPER");
        final VenueConfig sim = Defaults.config().venue("SIM");
        assertThat(paper.type()).isEqualTo(VenueConfig.TYPE_SIMULATED);
        assertThat(paper.simulated()).isEqualTo(new SimulatedVenueConfig(7, 0, 100, 2.0, 10, 1, DefaultsTest.SIM_SUPPORTS));
        assertThat(paper.instruments()).isEqualTo(sim.instruments());
    }

    @Test
    void aSimulatedVenueWithoutSeedGetsSeed42() throws ConfigException
    {
        final GatewayConfig config = parse(
            "venues:",
            "  SIM:",
            "    latencyMillis: 5");

        assertThat(config.venue("SIM").simulated().seed()).isEqualTo(42);
        assertThat(config.venue("SIM").simulated().latencyMillis()).isEqualTo(5);
    }

    @Test
    void instrumentsGivenReplaceTheDefaultInstrumentsOfThatVenue() throws ConfigException
    {
        final GatewayConfig config = parse(
            "venues:",
            "  SIM:",
            "    instruments:",
            "      ETH/BTC: { tickSize: 0.00001, lotSize: 0.001, referencePrice: 0.05, levelQty: 10 }");

        assertThat(config.venue("SIM").instruments().keySet()).containsExactly("ETH/BTC");
    }

    @Test
    void anInstrumentTheDefaultsKnowTakesItsOmittedRulesFromThem() throws ConfigException
    {
        final GatewayConfig config = parse(
            "venues:",
            "  SIM:",
            "    instruments:",
            "      BTC/USDT: { referencePrice: 65000 }");

        assertThat(config.venue("SIM").instruments().get("BTC/USDT"))
            .isEqualTo(instrument("BTC/USDT", "0.01", "0.00001", "0.00001", "65000", "0.5"));
    }

    @Test
    void aNewInstrumentWithoutMinQtyHasAMinimumOfOneLot() throws ConfigException
    {
        final GatewayConfig config = parse(
            "venues:",
            "  SIM:",
            "    instruments:",
            "      ETH/BTC: { tickSize: 0.00001, lotSize: 0.001, referencePrice: 0.05, levelQty: 10 }");

        assertThat(config.venue("SIM").instruments().get("ETH/BTC").minQty()).isEqualTo(new BigDecimal("0.001"));
    }

    @Test
    void decimalsKeepTheExactValueWrittenNotTheNearestDouble() throws ConfigException
    {
        final GatewayConfig config = parse(
            "venues:",
            "  SIM:",
            "    instruments:",
            "      BTC/USDT: { tickSize: 0.1, lotSize: 0.00000001, referencePrice: 61234.56789012 }");

        final InstrumentConfig btc = config.venue("SIM").instruments().get("BTC/USDT");
        assertThat(btc.tickSize()).isEqualTo(new BigDecimal("0.1"));
        assertThat(btc.lotSize()).isEqualTo(new BigDecimal("0.00000001"));
        assertThat(btc.referencePrice()).isEqualTo(new BigDecimal("61234.56789012"));
    }

    @Test
    void decimalsMayBeQuotedAsCryptoVenuesWriteThem() throws ConfigException
    {
        final GatewayConfig config = parse(
            "venues:",
            "  SIM:",
            "    instruments:",
            "      BTC/USDT: { tickSize: \"0.01\", lotSize: '0.00001' }");

        final InstrumentConfig btc = config.venue("SIM").instruments().get("BTC/USDT");
        assertThat(btc.tickSize()).isEqualTo(new BigDecimal("0.01"));
        assertThat(btc.lotSize()).isEqualTo(new BigDecimal("0.00001"));
    }

    @Test
    void trailingZerosBeyondEightDecimalPlacesAreNotExtraPrecision() throws ConfigException
    {
        final GatewayConfig config = parse(
            "venues:",
            "  SIM:",
            "    instruments:",
            "      BTC/USDT: { tickSize: 0.0100000000 }");

        assertThat(config.venue("SIM").instruments().get("BTC/USDT").tickSize()).isEqualByComparingTo("0.01");
    }

    @Test
    void venuesAndInstrumentsKeepTheOrderOfTheFile() throws ConfigException
    {
        final GatewayConfig config = parse(
            "venues:",
            "  ZETA: {}",
            "  ALPHA:",
            "    instruments:",
            "      SOL/USDT: {}",
            "      BTC/USDT: {}",
            "      ETH/USDT: {}");

        assertThat(config.venues().keySet()).containsExactly("ZETA", "ALPHA");
        assertThat(config.venue("ALPHA").instruments().keySet()).containsExactly("SOL/USDT", "BTC/USDT", "ETH/USDT");
    }

    @Test
    void metricsMayUseTheFixPortOnADifferentAddress() throws ConfigException
    {
        final GatewayConfig config = parse(
            "fix: { bindAddress: 10.0.0.5, port: 9000, sessions: [ { TargetCompID: RISK, allowUnauthenticated: true } ] }",
            "metrics: { bindAddress: 127.0.0.1, port: 9000 }");

        assertThat(config.metrics().port()).isEqualTo(config.fix().port());
    }

    @Test
    void metricsMayKeepTheFixPortWhenDisabled() throws ConfigException
    {
        final GatewayConfig config = parse(
            "fix: { port: 9000 }",
            "metrics: { enabled: false, port: 9000 }");

        assertThat(config.metrics().enabled()).isFalse();
    }

    @Test
    void bindAddressesMayBeIpv4Ipv6OrHostNames() throws ConfigException
    {
        // beyond loopback the sessions must be able to log on: with a password, or allowed without
        final String sessions = ", sessions: [ { TargetCompID: RISK, allowUnauthenticated: true } ] }";
        assertThat(parse("fix: { bindAddress: 0.0.0.0" + sessions).fix().bindAddress()).isEqualTo("0.0.0.0");
        assertThat(parse("fix: { bindAddress: \"::\"" + sessions).fix().bindAddress()).isEqualTo("::");
        assertThat(parse("fix: { bindAddress: \"fe80::1:2\"" + sessions).fix().bindAddress()).isEqualTo("fe80::1:2");
        assertThat(parse("fix: { bindAddress: localhost }").fix().bindAddress()).isEqualTo("localhost");
        assertThat(parse("fix: { bindAddress: fix-gw.internal.example.com" + sessions).fix().bindAddress())
            .isEqualTo("fix-gw.internal.example.com");
    }

    @Test
    void theLoadedConfigurationCannotBeModified() throws ConfigException
    {
        final GatewayConfig config = parse("venues:", "  SIM: {}");

        assertThatThrownBy(() -> config.venues().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.venue("SIM").instruments().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.fix().sessions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void stopLimitOrdersFollowStopOrdersUnlessSetApart() throws ConfigException
    {
        final GatewayConfig config = parse(
            "venues:",
            "  SIM:",
            "    supports: { stopOrders: false }",
            "  SIM_B:",
            "    type: simulated",
            "    supports: { stopOrders: false, stopLimitOrders: true, postOnly: true, immediateOrCancel: true,",
            "                fillOrKill: true, goodTillDate: false, amend: false }",
            "    instruments:",
            "      BTC/USDT: { tickSize: 0.01, lotSize: 0.0001, minQty: 0.0001, referencePrice: 60000, levelQty: 1 }");

        assertThat(config.venues().get("SIM").simulated().supports().stopOrders()).isFalse();
        assertThat(config.venues().get("SIM").simulated().supports().stopLimitOrders()).isFalse();
        assertThat(config.venues().get("SIM_B").simulated().supports().stopOrders()).isFalse();
        assertThat(config.venues().get("SIM_B").simulated().supports().stopLimitOrders()).isTrue();
    }
}
