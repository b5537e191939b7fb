package io.cryptofix.config;

import static io.cryptofix.config.ConfigProblems.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DefaultsTest
{
    /** The built-in default exactly as the design brief states it; the bundled resource must mean the same. */
    private static final String[] DEFAULT_YAML =
        {
            "dataDir: data",
            "fix:",
            "  bindAddress: 127.0.0.1",
            "  port: 9880",
            "  SenderCompID: GATEWAY",
            "  sessions:",
            "    - TargetCompID: RISK",
            "      defaultVenue: SIM",
            "      ResetOnLogon: false",
            "    - TargetCompID: DEMO",
            "      defaultVenue: SIM",
            "      ResetOnLogon: false",
            "metrics:",
            "  enabled: true",
            "  bindAddress: 127.0.0.1",
            "  port: 9464",
            "venues:",
            "  SIM:",
            "    type: simulated",
            "    seed: 42",
            "    latencyMillis: 0",
            "    marketTickMillis: 100",
            "    volatilityBps: 2.0",
            "    depthLevels: 10",
            "    spreadTicks: 1",
            "    instruments:",
            "      BTC/USDT: { tickSize: 0.01, lotSize: 0.00001, minQty: 0.00001, referencePrice: 60000, levelQty: 0.5 }",
            "      ETH/USDT: { tickSize: 0.01, lotSize: 0.0001, minQty: 0.0001, referencePrice: 3000, levelQty: 5 }",
            "      SOL/USDT: { tickSize: 0.001, lotSize: 0.001, minQty: 0.001, referencePrice: 150, levelQty: 50 }",
        };

    @Test
    void dataDirectoryIsDataRelativeToTheWorkingDirectory()
    {
        assertThat(Defaults.config().dataDir()).isEqualTo(Path.of("data"));
    }

    @Test
    void fixAcceptorListensOnLoopbackPort9880AsGateway()
    {
        final FixConfig fix = Defaults.config().fix();

        assertThat(fix.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(fix.port()).isEqualTo(9880);
        assertThat(fix.senderCompId()).isEqualTo("GATEWAY");
    }

    @Test
    void aConnectionHasFiveSecondsToLogOnAndAtMost32WaitAtOnce()
    {
        final FixConfig fix = Defaults.config().fix();

        assertThat(fix.logonTimeoutSeconds()).isEqualTo(5);
        assertThat(fix.maxPendingLogons()).isEqualTo(32);
    }

    @Test
    void clientsRiskAndDemoMayLogOnAndTradeOnSimWithoutResettingSequenceNumbers()
    {
        assertThat(Defaults.config().fix().sessions()).containsExactly(
            new SessionConfig("RISK", "SIM", false),
            new SessionConfig("DEMO", "SIM", false));
    }

    @Test
    void metricsAreServedOnLoopbackPort9464WithoutATokenAndWithoutBalances()
    {
        assertThat(Defaults.config().metrics()).isEqualTo(new MetricsConfig(true, "127.0.0.1", 9464, null, false));
    }

    @Test
    void theOnlyVenueIsTheSimulatedVenueSimWithSeed42()
    {
        final VenueConfig sim = Defaults.config().venue("SIM");

        assertThat(Defaults.config().venues()).containsOnlyKeys("SIM");
        assertThat(sim.id()).isEqualTo("SIM");
        assertThat(sim.type()).isEqualTo(VenueConfig.TYPE_SIMULATED);
        assertThat(sim.rounding()).isEqualTo(RoundingPolicy.REJECT);
        assertThat(sim.dayCutoffUtc()).isEqualTo(java.time.LocalTime.MIDNIGHT);
        assertThat(sim.simulated()).isEqualTo(new SimulatedVenueConfig(42, 0, 100, 2.0, 10, 1, SIM_SUPPORTS));
    }

    @Test
    void simTradesBtcEthAndSolAgainstUsdtWithExactDecimalRules()
    {
        final VenueConfig sim = Defaults.config().venue("SIM");

        assertThat(sim.instruments().keySet()).containsExactly("BTC/USDT", "ETH/USDT", "SOL/USDT");
        assertThat(sim.instruments().get("BTC/USDT")).isEqualTo(instrument("BTC/USDT", "0.01", "0.00001", "0.00001", "60000", "0.5"));
        assertThat(sim.instruments().get("ETH/USDT")).isEqualTo(instrument("ETH/USDT", "0.01", "0.0001", "0.0001", "3000", "5"));
        assertThat(sim.instruments().get("SOL/USDT")).isEqualTo(instrument("SOL/USDT", "0.001", "0.001", "0.001", "150", "50"));
    }

    @Test
    void defaultsMeanExactlyTheDefaultYamlOfTheDesign() throws ConfigException
    {
        assertThat(parse(DEFAULT_YAML)).isEqualTo(Defaults.config());
    }

    @Test
    void defaultsAreReadFromTheBundledYamlResource() throws ConfigException
    {
        assertThat(Defaults.yaml()).startsWith("# cryptofix gateway configuration.");
        assertThat(ConfigLoader.parse(Defaults.yaml(), "resource", null)).isEqualTo(Defaults.config());
    }

    @Test
    void anEmptyFileMeansAllDefaults() throws ConfigException
    {
        assertThat(ConfigLoader.parse("", "empty.yaml")).isEqualTo(Defaults.config());
    }

    @Test
    void aFileWithOnlyCommentsMeansAllDefaults() throws ConfigException
    {
        assertThat(ConfigLoader.parse("# nothing to change\n", "comments.yaml")).isEqualTo(Defaults.config());
    }

    @Test
    void theCommentedExampleFileMeansTheSameAsTheDefaults() throws ConfigException
    {
        // surefire runs in the module directory, where examples/ lives
        assertThat(ConfigLoader.load(Path.of("examples", "gateway.yaml"))).isEqualTo(Defaults.config());
    }

    /** The simulated venue's native features by default: those of a large spot venue, without GTD or amend. */
    static final VenueCapabilities SIM_SUPPORTS = new VenueCapabilities(true, true, true, true, true, false, false);

    static InstrumentConfig instrument(
        final String symbol, final String tick, final String lot, final String minQty, final String reference, final String level)
    {
        return new InstrumentConfig(
            symbol, new BigDecimal(tick), new BigDecimal(lot), new BigDecimal(minQty), BigDecimal.ZERO,
            new BigDecimal(reference), new BigDecimal(level));
    }
}
