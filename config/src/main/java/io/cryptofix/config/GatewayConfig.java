package io.cryptofix.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The whole gateway configuration, validated as one. Every field has a default (see {@link Defaults}),
 * so the gateway runs with no file at all.
 *
 * @param dataDir  where the gateway keeps its state: Artio logs, archive and sequence numbers.
 * @param fix      the FIX acceptor and its sessions.
 * @param metrics  the Prometheus endpoint.
 * @param performance  how the gateway's threads wait for work.
 * @param venues   venues by id (ExDestination value), in file order.
 * @param timeouts the order timeout policy.
 */
public record GatewayConfig(
    Path dataDir,
    FixConfig fix,
    MetricsConfig metrics,
    PerformanceConfig performance,
    Map<String, VenueConfig> venues,
    TimeoutConfig timeouts)
{
    public VenueConfig venue(final String venueId)
    {
        return venues.get(venueId);
    }
}
