package io.cryptofix.config;

/**
 * The Prometheus text endpoint, served at {@code http://bindAddress:port/metrics}.
 */
public record MetricsConfig(boolean enabled, String bindAddress, int port)
{
}
