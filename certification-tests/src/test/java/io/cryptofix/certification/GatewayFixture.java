package io.cryptofix.certification;

import io.cryptofix.acceptor.AcceptorOptions;
import io.cryptofix.acceptor.SessionEvents;
import io.cryptofix.config.ConfigLoader;
import io.cryptofix.config.GatewayConfig;
import io.cryptofix.gateway.Gateway;
import org.agrona.IoUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real gateway for a test: started in this JVM on free ports, with its own data directory and
 * Aeron directory, both removed on {@link #close}. {@link #restart} keeps the data directory, as a
 * real restart would.
 */
final class GatewayFixture implements AutoCloseable
{
    private final Path dataDir;
    private final int fixPort;
    private final int metricsPort;
    private final long simulatorLatencyMillis;
    private final String extraVenuesYaml;
    private final String extraTopLevelYaml;
    private Gateway gateway;

    private GatewayFixture(final long simulatorLatencyMillis, final String extraVenuesYaml, final String extraTopLevelYaml)
    {
        this.extraVenuesYaml = extraVenuesYaml;
        this.extraTopLevelYaml = extraTopLevelYaml;
        try
        {
            this.dataDir = Files.createTempDirectory("cryptofix-cert-");
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        this.fixPort = freePort();
        this.metricsPort = freePort();
        this.simulatorLatencyMillis = simulatorLatencyMillis;
    }

    static GatewayFixture start()
    {
        return start(0);
    }

    static GatewayFixture start(final long simulatorLatencyMillis)
    {
        return start(simulatorLatencyMillis, "");
    }

    /**
     * @param extraVenuesYaml  more entries under {@code venues:}, indented by two spaces, e.g. from
     *                         {@link #simulatedVenue}.
     */
    static GatewayFixture start(final long simulatorLatencyMillis, final String extraVenuesYaml)
    {
        return start(simulatorLatencyMillis, extraVenuesYaml, "");
    }

    /**
     * @param extraTopLevelYaml  more top-level sections, e.g. {@code timeouts:}, after {@code venues}.
     */
    static GatewayFixture start(
        final long simulatorLatencyMillis, final String extraVenuesYaml, final String extraTopLevelYaml)
    {
        final GatewayFixture fixture = new GatewayFixture(simulatorLatencyMillis, extraVenuesYaml, extraTopLevelYaml);
        fixture.launch();
        return fixture;
    }

    /**
     * A simulated venue with the default venue's market and instruments and the given native
     * features, as YAML for {@link #start(long, String)}.
     *
     * @param supports  e.g. {@code "{ stopOrders: false, postOnly: false, immediateOrCancel: false,
     *                  fillOrKill: false, goodTillDate: false, amend: false }"}
     * @param extraKeys more settings of the venue, e.g. {@code "rounding: round"}, or empty.
     */
    static String simulatedVenue(final String id, final String supports, final String... extraKeys)
    {
        final StringBuilder yaml = new StringBuilder()
            .append("  ").append(id).append(":\n")
            .append("    type: simulated\n")
            .append("    supports: ").append(supports).append("\n");
        for (final String key : extraKeys)
        {
            yaml.append("    ").append(key).append("\n");
        }
        return yaml.toString();
    }

    int fixPort()
    {
        return fixPort;
    }

    int metricsPort()
    {
        return metricsPort;
    }

    Gateway gateway()
    {
        return gateway;
    }

    void restart()
    {
        gateway.close();
        launch();
    }

    String configYaml()
    {
        return String.join("\n",
            "dataDir: " + dataDir,
            "fix:",
            "  bindAddress: 127.0.0.1",
            "  port: " + fixPort,
            "  SenderCompID: GATEWAY",
            "  sessions:",
            "    - TargetCompID: RISK",
            "      defaultVenue: SIM",
            "    - TargetCompID: DEMO",
            "      defaultVenue: SIM",
            // its orders are canceled half a second after it logs out or drops
            "    - TargetCompID: DESK",
            "      defaultVenue: SIM",
            "      cancelOnDisconnect: 500ms",
            "metrics:",
            "  enabled: true",
            "  bindAddress: 127.0.0.1",
            "  port: " + metricsPort,
            "venues:",
            "  SIM:",
            "    type: simulated",
            "    seed: 7",
            "    latencyMillis: " + simulatorLatencyMillis,
            "    marketTickMillis: 50",
            "    volatilityBps: 2",
            "    depthLevels: 10",
            "    spreadTicks: 1",
            "    instruments:",
            "      BTC/USDT: { tickSize: 0.01, lotSize: 0.00001, minQty: 0.00001, referencePrice: 60000, levelQty: 0.5 }",
            "      ETH/USDT: { tickSize: 0.01, lotSize: 0.0001, minQty: 0.0001, referencePrice: 3000, levelQty: 5 }",
            "      SOL/USDT: { tickSize: 0.001, lotSize: 0.001, minQty: 0.001, referencePrice: 150, levelQty: 50 }",
            extraVenuesYaml + extraTopLevelYaml);
    }

    AcceptorOptions options()
    {
        return new AcceptorOptions(
            Path.of("/dev/shm").toFile().isDirectory() ?
                Path.of("/dev/shm", "cryptofix-test-" + fixPort) : dataDir.resolve("aeron"),
            AcceptorOptions.DEFAULT_TERM_BUFFER_LENGTH,
            Duration.ofSeconds(60));
    }

    private void launch()
    {
        final GatewayConfig config;
        try
        {
            config = ConfigLoader.parse(configYaml(), "certification test");
        }
        catch (final Exception e)
        {
            throw new IllegalStateException("test configuration is invalid", e);
        }
        gateway = Gateway.start(config, options(), SessionEvents.NONE);
    }

    @Override
    public void close()
    {
        if (gateway != null)
        {
            gateway.close();
        }
        IoUtil.delete(dataDir.toFile(), true);
    }

    static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
