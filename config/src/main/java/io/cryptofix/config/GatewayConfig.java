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
 * @param store    the system of record beyond the journal: PostgreSQL, or none.
 * @param risk     the pre-trade limits.
 * @param admin    the admin API: trading states, the kill switch and who may use them.
 * @param credentials  the encrypted store of venue keys.
 * @param state    how long finished orders are held.
 */
public record GatewayConfig(
    Path dataDir,
    FixConfig fix,
    MetricsConfig metrics,
    PerformanceConfig performance,
    Map<String, VenueConfig> venues,
    TimeoutConfig timeouts,
    StoreConfig store,
    RiskConfig risk,
    AdminConfig admin,
    CredentialsStoreConfig credentials,
    StateConfig state)
{
    /** The admin API on its defaults: loopback, port 9465, the gateway's own token. */
    public static final AdminConfig DEFAULT_ADMIN = new AdminConfig(true, "127.0.0.1", 9465, Map.of());

    /** A gateway that holds finished orders until the end of the next UTC day. */
    public GatewayConfig(
        final Path dataDir,
        final FixConfig fix,
        final MetricsConfig metrics,
        final PerformanceConfig performance,
        final Map<String, VenueConfig> venues,
        final TimeoutConfig timeouts,
        final StoreConfig store,
        final RiskConfig risk,
        final AdminConfig admin,
        final CredentialsStoreConfig credentials)
    {
        this(dataDir, fix, metrics, performance, venues, timeouts, store, risk, admin, credentials, StateConfig.DEFAULT);
    }

    /** A gateway whose venue key store is {@code <dataDir>/credentials.p12}. */
    public GatewayConfig(
        final Path dataDir,
        final FixConfig fix,
        final MetricsConfig metrics,
        final PerformanceConfig performance,
        final Map<String, VenueConfig> venues,
        final TimeoutConfig timeouts,
        final StoreConfig store,
        final RiskConfig risk,
        final AdminConfig admin)
    {
        this(dataDir, fix, metrics, performance, venues, timeouts, store, risk, admin,
            dataDir == null ? null : CredentialsStoreConfig.inDataDir(dataDir));
    }

    /** A gateway whose admin API has its defaults. */
    public GatewayConfig(
        final Path dataDir,
        final FixConfig fix,
        final MetricsConfig metrics,
        final PerformanceConfig performance,
        final Map<String, VenueConfig> venues,
        final TimeoutConfig timeouts,
        final StoreConfig store,
        final RiskConfig risk)
    {
        this(dataDir, fix, metrics, performance, venues, timeouts, store, risk, DEFAULT_ADMIN);
    }

    /** A gateway without pre-trade limits. */
    public GatewayConfig(
        final Path dataDir,
        final FixConfig fix,
        final MetricsConfig metrics,
        final PerformanceConfig performance,
        final Map<String, VenueConfig> venues,
        final TimeoutConfig timeouts,
        final StoreConfig store)
    {
        this(dataDir, fix, metrics, performance, venues, timeouts, store, RiskConfig.NONE);
    }

    /** A gateway that runs on its journal alone, without a database. */
    public GatewayConfig(
        final Path dataDir,
        final FixConfig fix,
        final MetricsConfig metrics,
        final PerformanceConfig performance,
        final Map<String, VenueConfig> venues,
        final TimeoutConfig timeouts)
    {
        this(dataDir, fix, metrics, performance, venues, timeouts, StoreConfig.JOURNAL_ONLY);
    }

    /** The same configuration with other pre-trade limits, as a reload of the file changes them. */
    public GatewayConfig withRisk(final RiskConfig risk)
    {
        return new GatewayConfig(dataDir, fix, metrics, performance, venues, timeouts, store, risk, admin, credentials,
            state);
    }

    /** The same configuration with another timeout policy, as a reload of the file changes it. */
    public GatewayConfig withTimeouts(final TimeoutConfig timeouts)
    {
        return new GatewayConfig(dataDir, fix, metrics, performance, venues, timeouts, store, risk, admin, credentials,
            state);
    }

    public VenueConfig venue(final String venueId)
    {
        return venues.get(venueId);
    }
}
