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
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The assembly's life: a gateway started in this JVM takes connections and serves metrics; closed,
 * or failing to start, it leaves nothing behind: no Aeron directory, no port taken.
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

    private GatewayConfig config() throws Exception
    {
        return ConfigLoader.parse(String.join("\n",
            "dataDir: " + dataDir,
            "fix:",
            "  bindAddress: 127.0.0.1",
            "  port: " + fixPort,
            "metrics:",
            "  bindAddress: 127.0.0.1",
            "  port: " + metricsPort,
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
