package io.cryptofix.certification;

import io.cryptofix.acceptor.SessionEvents;
import io.cryptofix.config.ConfigLoader;
import io.cryptofix.config.GatewayConfig;
import io.cryptofix.gateway.Gateway;
import io.cryptofix.gateway.GatewayOptions;
import org.agrona.IoUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

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
    private final UnaryOperator<GatewayConfigYaml> testConfig;
    private Gateway gateway;

    private UnaryOperator<String> environment = System::getenv;

    private GatewayFixture(final UnaryOperator<GatewayConfigYaml> testConfig)
    {
        this.testConfig = testConfig;
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
    }

    static GatewayFixture start()
    {
        return start(UnaryOperator.identity());
    }

    /**
     * @param testConfig  what the test adds to the standard configuration, e.g. venues after SIM or a
     *                    {@code timeouts} section; applied to each configuration the fixture makes, so
     *                    it must do nothing else.
     */
    static GatewayFixture start(final UnaryOperator<GatewayConfigYaml> testConfig)
    {
        return start(testConfig, System::getenv);
    }

    /** @param environment  the environment the gateway reads its secrets from (admin tokens, signing keys). */
    static GatewayFixture start(final UnaryOperator<GatewayConfigYaml> testConfig, final UnaryOperator<String> environment)
    {
        return start(testConfig, environment, dataDir -> { });
    }

    /**
     * @param beforeStart  given the data directory before the gateway first starts, to place what the
     *                     gateway finds there (a credentials store).
     */
    static GatewayFixture start(
        final UnaryOperator<GatewayConfigYaml> testConfig, final UnaryOperator<String> environment,
        final Consumer<Path> beforeStart)
    {
        final GatewayFixture fixture = new GatewayFixture(testConfig);
        fixture.environment = environment;
        beforeStart.accept(fixture.dataDir);
        fixture.launch();
        return fixture;
    }

    int fixPort()
    {
        return fixPort;
    }

    int metricsPort()
    {
        return metricsPort;
    }

    /** Its data directory, where the gateway's own admin token is. */
    Path dataDir()
    {
        return dataDir;
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

    /** A new copy of this gateway's configuration, for a test to derive another from. */
    GatewayConfigYaml config()
    {
        return testConfig.apply(GatewayConfigYaml.gateway(dataDir, fixPort)
            .fixBindAddress("127.0.0.1")
            .senderCompId("GATEWAY")
            .session("RISK", "SIM")
            .session("DEMO", "SIM")
            // its orders are canceled half a second after it logs out or drops
            .session("DESK", "SIM", "500ms")
            .metricsOn(metricsPort)
            .venue(GatewayConfigYaml.Venue.simulated("SIM")
                .set("seed", 7)
                .set("latencyMillis", 0)
                .set("marketTickMillis", 50)
                .set("volatilityBps", 2)
                .set("depthLevels", 10)
                .set("spreadTicks", 1)
                .instrument("BTC/USDT")
                .instrument("ETH/USDT")
                .instrument("SOL/USDT")));
    }

    GatewayOptions options()
    {
        return new GatewayOptions(
            Path.of("/dev/shm").toFile().isDirectory() ?
                Path.of("/dev/shm", "cryptofix-test-" + fixPort) : dataDir.resolve("aeron"),
            GatewayOptions.DEFAULT_TERM_BUFFER_LENGTH,
            Duration.ofSeconds(60));
    }

    private void launch()
    {
        final GatewayConfig config;
        try
        {
            config = ConfigLoader.parse(config().toYaml(), "certification test");
        }
        catch (final Exception e)
        {
            throw new IllegalStateException("test configuration is invalid", e);
        }
        gateway = Gateway.start(config, options(), SessionEvents.NONE, environment);
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
