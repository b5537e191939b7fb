package io.cryptofix.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gateway explain-timeout}: the rule an order gets under a configuration file, and its usage errors.
 */
class ExplainTimeoutTest
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void explainsTheRuleThatAppliesUnderAConfigurationFile(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, String.join("\n",
            "timeouts:",
            "  rules:",
            "    - { venue: SIM, after: 1h }",
            "    - { symbol: BTC/USDT, after: 30s }",
            ""));

        final int exit = run("explain-timeout", "--config", file.toString(), "--session", "RISK", "--venue", "SIM",
            "--symbol", "BTC/USDT", "--ord-type", "2", "--tif", "1");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).startsWith(
            "order: session RISK, venue SIM, symbol BTC/USDT, OrdType 2, TimeInForce 1",
            "timeout: 30s, by rule 2 (symbol BTC/USDT)");
    }

    @Test
    void withoutAFileTheEmbeddedDefaultsHaveNoTimeoutAndTheSessionsVenueIsUsed()
    {
        final int exit = run("explain-timeout", "--session", "RISK", "--symbol", "ETH/USDT");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).startsWith(
            "order: session RISK, venue SIM, symbol ETH/USDT, OrdType 2, TimeInForce 0",
            "timeout: none, by the default: no rule matches");
    }

    @Test
    void missingOrUnknownOptionsAreAUsageErrorWithExitCodeTwo()
    {
        assertThat(run("explain-timeout", "--session", "RISK")).isEqualTo(2);
        assertThat(run("explain-timeout", "--session", "RISK", "--symbol", "BTC/USDT", "--tif", "9")).isEqualTo(2);
        assertThat(run("explain-timeout", "--colour", "red")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
            "gateway explain-timeout: --session and --symbol are required",
            "gateway explain-timeout: --tif 9 is not a TimeInForce the gateway trades (0, 1, 3, 4, 6)",
            "gateway explain-timeout: unknown option or missing value: --colour");
        assertThat(out.size()).isZero();
    }

    private int run(final String... args)
    {
        return GatewayMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
