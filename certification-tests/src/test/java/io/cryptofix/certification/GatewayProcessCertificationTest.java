package io.cryptofix.certification;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as an operator runs it: its own process, started from the command line, stopped
 * with SIGTERM; and a bad configuration file refused with a clear message.
 */
class GatewayProcessCertificationTest
{
    private Path workDir;
    private Process process;

    @BeforeEach
    void createWorkDir() throws IOException
    {
        workDir = Files.createTempDirectory("cryptofix-process-");
    }

    @AfterEach
    void cleanUp() throws Exception
    {
        if (process != null && process.isAlive())
        {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        org.agrona.IoUtil.delete(workDir.toFile(), true);
    }

    @Test
    void gatewayPrintsWhereItListensAndEachLogonAndStopsCleanlyOnSigterm() throws Exception
    {
        final int fixPort = GatewayFixture.freePort();
        final int metricsPort = GatewayFixture.freePort();
        final Path config = workDir.resolve("gateway.yaml");
        Files.writeString(config, String.join("\n",
            "dataDir: " + workDir.resolve("data"),
            "fix:",
            "  port: " + fixPort,
            "metrics:",
            "  port: " + metricsPort,
            ""));

        process = startGateway("run", "--config", config.toString());
        final BlockingQueue<String> output = linesOf(process);

        awaitLine(output, "listening on 127.0.0.1:" + fixPort);
        try (FixTestClient client = FixTestClient.logOn("RISK", fixPort))
        {
            awaitLine(output, "session RISK logged on");
            client.logout();
            awaitLine(output, "session RISK logged out");
        }

        // SIGTERM through the handle: Process.destroy() would also close our end of its output
        assertThat(process.toHandle().destroy()).isTrue();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        awaitLine(output, "stopped");
        // the JVM reports a SIGTERM-initiated exit as 128 + 15, after the shutdown completed
        assertThat(process.exitValue()).isEqualTo(143);
    }

    @Test
    void badConfigurationIsRefusedWithKeyAndProblemAndNoStackTrace() throws Exception
    {
        final Path config = workDir.resolve("bad.yaml");
        Files.writeString(config, "fix:\n  port: 99999\n  sesions: []\n");

        process = startGateway("run", "--config", config.toString());
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("fix.port").contains("99999").contains("fix.sesions");
        assertThat(output).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private Process startGateway(final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-XX:-DontCompileHugeMethods",
            "-Xmx256m",
            "-cp", System.getProperty("java.class.path"),
            "io.cryptofix.gateway.GatewayMain"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    }

    private static BlockingQueue<String> linesOf(final Process process)
    {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = in.readLine()) != null)
                {
                    lines.add(line);
                }
            }
            catch (final IOException ignored)
            {
                // the process ended
            }
        }, "gateway-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static void awaitLine(final BlockingQueue<String> output, final String fragment) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        final List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline)
        {
            final String line = output.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null)
            {
                break;
            }
            seen.add(line);
            if (line.contains(fragment))
            {
                return;
            }
        }
        throw new AssertionError("no output line containing '" + fragment + "'; saw: " + seen);
    }
}
