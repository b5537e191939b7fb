package io.cryptofix.gateway;

import io.cryptofix.acceptor.SessionEvents;
import io.cryptofix.config.ConfigLoader;
import io.cryptofix.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The assembly's life: a gateway started in this JVM takes connections and serves metrics (to whoever
 * has the token, when one is configured) and keeps its directories to its own user; closed, or failing
 * to start, it leaves nothing behind: no Aeron directory, no port taken.
 */
class GatewayTest
{
    @TempDir
    Path dataDir;

    private final int fixPort = freePort();
    private final int metricsPort = freePort();

    @Test
    void aClosedGatewayHasRemovedItsAeronDirectoryAndFreedItsPorts() throws Exception
    {
        final GatewayOptions options = options(Duration.ofSeconds(60));
        final Gateway gateway = Gateway.start(config(), options, SessionEvents.NONE);
        final int adminPort;
        try
        {
            assertThat(options.aeronDir()).isDirectory();
            assertThat(dataDir.resolve("archive")).isDirectory();
            assertThat(gateway.metricsPort()).isEqualTo(metricsPort);
            adminPort = gateway.adminPort();
            assertThat(adminPort).isPositive();
            try (Socket client = new Socket())
            {
                client.connect(new InetSocketAddress("127.0.0.1", fixPort), 5_000);
            }
        }
        finally
        {
            gateway.close();
        }

        assertThat(options.aeronDir()).doesNotExist();
        assertThat(canBind(fixPort)).as("FIX port free").isTrue();
        assertThat(canBind(metricsPort)).as("metrics port free").isTrue();
        assertThat(canBind(adminPort)).as("admin port free").isTrue();
    }

    @Test
    void aStartThatFailsStopsWhatHadStartedAndRemovesTheAeronDirectory() throws Exception
    {
        // no time at all for the library to connect: everything before the duty cycle has started
        final GatewayOptions options = options(Duration.ZERO);

        assertThatThrownBy(() -> Gateway.start(config(), options, SessionEvents.NONE))
            .hasMessageContaining("FIX library did not connect to the engine");

        assertThat(options.aeronDir()).doesNotExist();
        assertThat(dataDir.resolve("archive")).isDirectory();
        assertThat(canBind(fixPort)).as("FIX port free").isTrue();
        assertThat(canBind(metricsPort)).as("metrics port free").isTrue();
    }

    @Test
    void theDataDirectoryAndTheAeronDirectoryAreTheGatewaysUserAlone() throws Exception
    {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        final Path newDataDir = dataDir.resolve("data");
        final GatewayOptions options = options(Duration.ofSeconds(60));

        try (Gateway gateway = Gateway.start(config(newDataDir, "metrics:", "  enabled: false"), options,
            SessionEvents.NONE))
        {
            assertThat(gateway.metricsPort()).isEqualTo(-1);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(newDataDir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(options.aeronDir())))
                .isEqualTo("rwx------");
        }
    }

    @Test
    void aMetricsTokenIsAskedOfEveryScrapeOverHttp() throws Exception
    {
        final String token = "gateway-metrics-token-81d2";
        final GatewayConfig config = config(dataDir, "metrics:", "  bindAddress: 127.0.0.1", "  port: " + metricsPort,
            "  tokenEnv: GATEWAY_TEST_METRICS_TOKEN");

        try (Gateway gateway = Gateway.start(config, options(Duration.ofSeconds(60)), SessionEvents.NONE,
            Map.of("GATEWAY_TEST_METRICS_TOKEN", token)::get))
        {
            final HttpClient http = HttpClient.newHttpClient();
            final URI metrics = URI.create("http://127.0.0.1:" + gateway.metricsPort() + "/metrics");
            final HttpResponse<String> refused = http.send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString());
            final HttpResponse<String> served = http.send(HttpRequest.newBuilder(metrics)
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).doesNotContain("cryptofix_");
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).contains("cryptofix_orders_received_total")
                .as("balances are not published by default").doesNotContain("cryptofix_venue_balance");
        }
    }

    private GatewayConfig config() throws Exception
    {
        return config(dataDir, "metrics:", "  bindAddress: 127.0.0.1", "  port: " + metricsPort);
    }

    private GatewayConfig config(final Path dataDirectory, final String... metrics) throws Exception
    {
        return ConfigLoader.parse(String.join("\n",
            "dataDir: " + dataDirectory,
            "fix:",
            "  bindAddress: 127.0.0.1",
            "  port: " + fixPort,
            String.join("\n", metrics),
            "admin:",
            "  port: 0",
            ""), "gateway test");
    }

    private GatewayOptions options(final Duration startTimeout)
    {
        final Path shm = Path.of("/dev/shm");
        return new GatewayOptions(
            shm.toFile().isDirectory() ? shm.resolve("cryptofix-gateway-test-" + fixPort) : dataDir.resolve("aeron"),
            GatewayOptions.DEFAULT_TERM_BUFFER_LENGTH,
            startTimeout);
    }

    private static boolean canBind(final int port)
    {
        try (ServerSocket socket = new ServerSocket())
        {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        }
        catch (final IOException e)
        {
            return false;
        }
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
        catch (final IOException e)
        {
            throw new IllegalStateException(e);
        }
    }
}
