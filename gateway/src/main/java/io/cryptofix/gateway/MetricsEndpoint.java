package io.cryptofix.gateway;

import io.cryptofix.config.MetricsConfig;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Prometheus text endpoint ({@code /metrics}) on its own port, serving one gateway's registry;
 * none when metrics are disabled.
 */
final class MetricsEndpoint implements AutoCloseable
{
    private final HTTPServer server;

    private MetricsEndpoint(final HTTPServer server)
    {
        this.server = server;
    }

    static MetricsEndpoint start(final MetricsConfig metrics, final PrometheusRegistry registry)
    {
        if (!metrics.enabled())
        {
            return new MetricsEndpoint(null);
        }
        try
        {
            return new MetricsEndpoint(HTTPServer.builder()
                .hostname(metrics.bindAddress())
                .port(metrics.port())
                .registry(registry)
                .buildAndStart());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(
                "cannot serve metrics on " + metrics.bindAddress() + ":" + metrics.port() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the port it listens on, or -1 if metrics are disabled.
     */
    int port()
    {
        return server == null ? -1 : server.getPort();
    }

    @Override
    public void close()
    {
        if (server != null)
        {
            server.close();
        }
    }
}
