package io.cryptofix.config;

import java.util.List;

/**
 * The {@code metrics} section: the Prometheus text endpoint.
 */
final class MetricsSection
{
    static final List<String> KEYS = List.of("enabled", "bindAddress", "port");

    private MetricsSection()
    {
    }

    static MetricsConfig read(final YamlMap metrics, final MetricsConfig fallback)
    {
        metrics.allowOnly(KEYS);
        final Boolean enabled = metrics.bool("enabled", fallback == null ? null : fallback.enabled());
        final String bindAddress = metrics.text(
            "bindAddress", fallback == null ? null : fallback.bindAddress(), Addresses.RULE.allowed(), Addresses.RULE);
        final Long port = metrics.integer(
            "port", fallback == null ? null : (long)fallback.port(), 1, 65535, "a valid TCP port");
        return new MetricsConfig(enabled != null && enabled, bindAddress, port == null ? 0 : port.intValue());
    }
}
