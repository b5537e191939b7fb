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
 * {@code gateway audit}'s answers to bad usage and to a data directory without an archive; what it
 * prints from a real archive is checked end to end in the certification tests.
 */
class AuditUsageTest
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aTimeThatIsNotUtcIsoIsRefusedWithTheUsage()
    {
        assertThat(run("audit", "--from", "yesterday")).isEqualTo(GatewayMain.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("gateway: audit: not a UTC time: yesterday")
            .contains("usage: gateway audit");
    }

    @Test
    void anUnknownFormatOrOptionAndAMissingClOrdIdAreRefused()
    {
        assertThat(run("audit", "--format", "xml")).isEqualTo(GatewayMain.BAD_INPUT);
        assertThat(run("audit", "--sesion", "RISK")).isEqualTo(GatewayMain.BAD_INPUT);
        assertThat(run("audit", "order")).isEqualTo(GatewayMain.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("gateway: audit:")))
            .containsExactly(
                "gateway: audit: --format is text or json, not xml",
                "gateway: audit: unknown option or missing value: --sesion",
                "gateway: audit: audit order needs the ClOrdID of the order");
    }

    @Test
    void postgresAsTheSourceNeedsTheStoreConfiguredAndAnythingElseIsRefused()
    {
        assertThat(run("audit", "--source", "mysql")).isEqualTo(GatewayMain.BAD_INPUT);
        assertThat(run("audit", "--source", "postgres")).isEqualTo(GatewayMain.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("gateway: audit:")))
            .containsExactly(
                "gateway: audit: --source is archive or postgres, not mysql",
                "gateway: audit: --source postgres needs store.postgres in the configuration");
    }

    @Test
    void anUnreachableDatabaseIsNamedWithoutAStackTrace(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("gateway.yaml");
        // nothing listens on port 1
        Files.writeString(file, "store:\n  postgres:\n    url: jdbc:postgresql://127.0.0.1:1/none\n");

        assertThat(run("audit", "--config", file.toString(), "--source", "postgres")).isEqualTo(GatewayMain.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("gateway: audit: cannot read the system of record: ")
            .doesNotContain("\tat ");
        assertThat(out.size()).isZero();
    }

    @Test
    void aDataDirectoryWithoutAnArchiveIsNamed(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, "dataDir: " + dir.resolve("empty") + "\n");

        assertThat(run("audit", "--config", file.toString())).isEqualTo(GatewayMain.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8).trim()).isEqualTo(
            "gateway: audit: no FIX message archive in " + dir.resolve("empty") + " (the gateway keeps it in <dataDir>/archive)");
        assertThat(out.size()).isZero();
    }

    private int run(final String... args)
    {
        return GatewayMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
