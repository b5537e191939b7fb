package io.cryptofix.benchmarks;

import io.cryptofix.acceptor.SessionEvents;
import io.cryptofix.config.ConfigLoader;
import io.cryptofix.config.GatewayConfig;
import io.cryptofix.gateway.Gateway;
import io.cryptofix.gateway.GatewayOptions;
import org.agrona.IoUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short run of the load generator against a real gateway on the simulated venue: every order
 * acknowledged and filled. Correctness only; the timing belongs to the benchmark runs.
 */
class LoadGeneratorSmokeTest
{
    private Path dataDir;
    private Gateway gateway;
    private int fixPort;

    @BeforeEach
    void startGateway() throws Exception
    {
        dataDir = Files.createTempDirectory("cryptofix-bench-");
        startGateway("default", "");
    }

    private void startGateway(final String profile, final String timeoutRules) throws Exception
    {
        fixPort = freePort();
        final GatewayConfig config = ConfigLoader.parse(String.join("\n",
            "dataDir: " + dataDir,
            "fix:",
            "  port: " + fixPort,
            "metrics:",
            "  enabled: false",
            "admin:",
            "  enabled: false",
            "performance:",
            "  profile: " + profile,
            timeoutRules,
            ""), "load generator smoke test");
        gateway = Gateway.start(config, new GatewayOptions(
            Path.of("/dev/shm").toFile().isDirectory() ?
                Path.of("/dev/shm", "cryptofix-bench-" + fixPort) : dataDir.resolve("aeron"),
            GatewayOptions.DEFAULT_TERM_BUFFER_LENGTH, Duration.ofSeconds(60)), SessionEvents.NONE);
    }

    @AfterEach
    void stopGateway()
    {
        if (gateway != null)
        {
            gateway.close();
        }
        IoUtil.delete(dataDir.toFile(), true);
    }

    @Test
    void closedLoopRunGetsEveryOrderAcknowledgedAndFilled() throws Exception
    {
        final LoadResult result = LoadGenerator.run(settings(LoadSettings.Mode.CLOSED, 0, 50, 3_000, 500));

        assertThat(result.acknowledged()).isEqualTo(3_500);
        assertThat(result.rejected()).isZero();
        assertThat(result.filled()).isEqualTo(3_500);
        assertThat(result.ackLatency().getTotalCount()).isEqualTo(3_000);
        assertThat(result.fillLatency().getTotalCount()).isEqualTo(3_000);
    }

    @Test
    void openLoopRunGetsEveryOrderAcknowledgedAndFilled() throws Exception
    {
        final LoadResult result = LoadGenerator.run(settings(LoadSettings.Mode.OPEN, 2_000, 0, 2_000, 200));

        assertThat(result.acknowledged()).isEqualTo(2_200);
        assertThat(result.filled()).isEqualTo(2_200);
        assertThat(result.ackLatency().getTotalCount()).isEqualTo(2_000);
    }

    @Test
    void lowLatencyProfileGatewayAcknowledgesAndFillsEveryOrder() throws Exception
    {
        gateway.close();
        startGateway("low-latency", "");

        final LoadResult result = LoadGenerator.run(settings(LoadSettings.Mode.CLOSED, 0, 50, 2_000, 200));

        assertThat(result.acknowledged()).isEqualTo(2_200);
        assertThat(result.filled()).isEqualTo(2_200);
    }

    @Test
    void aTimeoutRunMeasuresTheLatenessOfEveryRestingOrdersExpiry() throws Exception
    {
        gateway.close();
        startGateway("default", "timeouts:\n  rules:\n    - { symbol: BTC/USDT, after: 500ms }");

        final LoadResult result = LoadGenerator.run(new LoadSettings("127.0.0.1", fixPort, "RISK", "GATEWAY",
            LoadSettings.Mode.OPEN, 1_000, 0, 500, 100, "BTC/USDT", "0.001", null, "1000", 500));

        assertThat(result.acknowledged()).isEqualTo(600);
        assertThat(result.filled()).isZero();
        assertThat(result.expired()).isEqualTo(600);
        assertThat(result.expiryLateness().getTotalCount()).isEqualTo(500);
    }

    private LoadSettings settings(
        final LoadSettings.Mode mode, final int rate, final int window, final int orders, final int warmup)
    {
        return new LoadSettings("127.0.0.1", fixPort, "RISK", "GATEWAY", mode, rate, window, orders, warmup,
            "BTC/USDT", "0.001", null, null, 0);
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
