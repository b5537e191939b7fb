package io.cryptofix.gateway;

import io.cryptofix.acceptor.AcceptorOptions;
import io.cryptofix.acceptor.FixAcceptor;
import io.cryptofix.acceptor.GatewayMetrics;
import io.cryptofix.acceptor.SessionEvents;
import io.cryptofix.config.GatewayConfig;
import io.cryptofix.config.MetricsConfig;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.agrona.CloseHelper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A running gateway: the FIX acceptor with its venues, and the metrics endpoint. Used by the CLI
 * and by tests, which start as many as they like in one JVM (each has its own metrics registry).
 */
public final class Gateway implements AutoCloseable
{
    private final GatewayConfig config;
    private final GatewayMetrics metrics;
    private FixAcceptor acceptor;
    private HTTPServer metricsServer;

    private Gateway(final GatewayConfig config)
    {
        this.config = config;
        this.metrics = new GatewayMetrics(new PrometheusRegistry());
    }

    public static Gateway start(final GatewayConfig config, final AcceptorOptions options, final SessionEvents events)
    {
        final Gateway gateway = new Gateway(config);
        try
        {
            gateway.metricsServer = startMetricsServer(config.metrics(), gateway.metrics.registry());
            gateway.acceptor = FixAcceptor.launch(config, options, gateway.metrics, events);
            return gateway;
        }
        catch (final RuntimeException e)
        {
            gateway.close();
            throw e;
        }
    }

    public static Gateway start(final GatewayConfig config, final SessionEvents events)
    {
        return start(config, AcceptorOptions.defaults(config.fix().port()), events);
    }

    /** Switches the running gateway to a new timeout policy (see {@link FixAcceptor#reloadTimeouts}). */
    public void reloadTimeouts(final io.cryptofix.config.TimeoutConfig timeouts)
    {
        acceptor.reloadTimeouts(timeouts);
    }

    public GatewayConfig config()
    {
        return config;
    }

    /**
     * @return the port the metrics endpoint listens on, or -1 if metrics are disabled.
     */
    public int metricsPort()
    {
        return metricsServer == null ? -1 : metricsServer.getPort();
    }

    private static HTTPServer startMetricsServer(final MetricsConfig metrics, final PrometheusRegistry registry)
    {
        if (!metrics.enabled())
        {
            return null;
        }
        try
        {
            return HTTPServer.builder()
                .hostname(metrics.bindAddress())
                .port(metrics.port())
                .registry(registry)
                .buildAndStart();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(
                "cannot serve metrics on " + metrics.bindAddress() + ":" + metrics.port() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(acceptor);
        if (metricsServer != null)
        {
            metricsServer.close();
        }
    }
}
