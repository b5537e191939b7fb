package io.cryptofix.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Maps a YAML document onto {@link GatewayConfig}, over a fallback configuration that supplies every
 * key the document leaves out. Reads venues first because sessions refer to them.
 */
final class ConfigMapper
{
    private static final List<String> KEYS =
        List.of("dataDir", "fix", "metrics", "performance", "venues", "timeouts", "store", "risk", "admin", "credentials", "state");
    private static final TextRule DATA_DIR = new TextRule("a valid directory path", ConfigMapper::isPath, "a non-empty path");

    private ConfigMapper()
    {
    }

    /**
     * @param document  the root node; null for an empty document.
     * @param fallback  supplies omitted keys; null makes every key required (how the built-in defaults are read).
     */
    static GatewayConfig map(final Node document, final GatewayConfig fallback, final Problems problems)
    {
        final YamlMap root = YamlMap.of(document, "", "a map with the keys " + String.join(", ", KEYS), problems);
        root.allowOnly(KEYS);

        final String dataDir = root.text(
            "dataDir", fallback == null ? null : fallback.dataDir().toString(), "a directory path", DATA_DIR);
        final Map<String, VenueConfig> venues = VenuesSection.read(root, fallback == null ? null : fallback.venues(), problems);
        final FixConfig fix = FixSection.read(
            root.map("fix", "a map of FIX acceptor settings"), fallback == null ? null : fallback.fix(), venues, problems);
        final YamlMap metricsSection = root.map("metrics", "a map of metrics endpoint settings");
        final MetricsConfig metrics = MetricsSection.read(metricsSection, fallback == null ? null : fallback.metrics());
        checkPortsDiffer(fix, metrics, metricsSection);
        final PerformanceConfig performance = PerformanceSection.read(
            root.map("performance", "a map of performance settings"), fallback == null ? null : fallback.performance());

        final TimeoutConfig timeouts = TimeoutsSection.read(
            root.map("timeouts", "a map of order timeout settings"), fallback == null ? null : fallback.timeouts(), problems);
        final StoreConfig store = StoreSection.read(
            root.map("store", "a map of system of record settings"), fallback == null ? null : fallback.store());

        final RiskConfig risk = RiskSection.read(root, fallback == null ? null : fallback.risk());
        final YamlMap adminSection = root.map("admin", "a map of admin API settings");
        final AdminConfig admin = AdminSection.read(adminSection, fallback == null ? null : fallback.admin());
        AdminSection.checkPortFree(admin, adminSection, fix, metrics);

        final CredentialsStoreConfig credentials = CredentialsSection.read(
            root.map("credentials", "a map of venue key store settings"), dataDir == null ? null : Path.of(dataDir),
            fallback == null ? null : fallback.credentials());

        final StateConfig state = StateSection.read(
            root.map("state", "a map of state settings"), fallback == null ? null : fallback.state());

        return new GatewayConfig(dataDir == null ? null : Path.of(dataDir), fix, metrics, performance, venues, timeouts,
            store, risk, admin, credentials, state);
    }

    private static void checkPortsDiffer(final FixConfig fix, final MetricsConfig metrics, final YamlMap metricsSection)
    {
        // an invalid port or address was reported already and reads as 0 or null: no second message for it
        if (metrics.enabled() && metrics.port() != 0 && metrics.port() == fix.port() &&
            metrics.bindAddress() != null && fix.bindAddress() != null &&
            Addresses.overlap(metrics.bindAddress(), fix.bindAddress()))
        {
            metricsSection.problem("port", metrics.port() + " is already fix.port on " + fix.bindAddress() +
                " (allowed: any other port, or a different bindAddress)");
        }
    }

    private static boolean isPath(final String text)
    {
        if (text.isBlank())
        {
            return false;
        }
        try
        {
            Path.of(text);
            return true;
        }
        catch (final InvalidPathException e)
        {
            return false;
        }
    }
}
