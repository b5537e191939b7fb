package io.cryptofix.gateway;

import io.cryptofix.config.ConfigLoader;
import io.cryptofix.config.RiskConfig;
import io.cryptofix.config.TimeoutConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Editing the timeouts of the configuration file reloads the policy; an invalid edit is refused and
 * the policy in force stays.
 */
class ConfigReloaderTest
{
    private final List<TimeoutConfig> applied = new CopyOnWriteArrayList<>();
    private final List<RiskConfig> appliedRisk = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void aValidEditOfTheTimeoutsIsAppliedAndAnInvalidOneIsRefused(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, "timeouts:\n  rules: []\n");

        try (ConfigReloader reloader =
            new ConfigReloader(file, ConfigLoader.load(file), applied::add, appliedRisk::add, log::add))
        {
            Files.writeString(file, "timeouts:\n  rules:\n    - { symbol: BTC/USDT, after: 30s }\n");
            // the policy is handed over before the line is logged: wait for both
            await().atMost(Duration.ofSeconds(10)).until(() -> applied.size() == 1 && log.size() == 1);
            assertThat(applied.get(0).rules()).singleElement()
                .satisfies(rule -> assertThat(rule.describe()).isEqualTo("symbol BTC/USDT after 30s"));
            assertThat(log).containsExactly("timeout policy reloaded from " + file + ": 1 rule, for new orders");

            Files.writeString(file, "timeouts:\n  rules:\n    - { symbol: BTC/USDT, after: soon }\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> log.size() == 2);
            assertThat(log.get(1)).startsWith("configuration not reloaded: " + file + " is invalid, the timeouts and limits in force stay: " +
                "timeouts.rules[0].after: \"soon\" is not a duration");
            assertThat(applied).hasSize(1);
        }
    }

    @Test
    void aValidEditOfTheRiskLimitsIsAppliedAndAnInvalidOneIsRefused(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, "risk:\n  default: { maxOrderQty: 1 }\n");

        try (ConfigReloader reloader =
            new ConfigReloader(file, ConfigLoader.load(file), applied::add, appliedRisk::add, log::add))
        {
            Files.writeString(file, "risk:\n  default: { maxOrderQty: 2 }\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> appliedRisk.size() == 1 && log.size() == 1);
            assertThat(appliedRisk.get(0).maxOrderQty("RISK", "SIM", "BTC/USDT")).isEqualByComparingTo("2");
            assertThat(log).containsExactly("risk limits reloaded from " + file + ", for new orders, cancels and replaces");

            Files.writeString(file, "risk:\n  default: { maxOrderQty: -2 }\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> log.size() == 2);
            assertThat(log.get(1)).startsWith("configuration not reloaded: " + file + " is invalid");
            assertThat(appliedRisk).hasSize(1);
            assertThat(applied).isEmpty();
        }
    }

    @Test
    void aChangeOutsideTheTimeoutsIsLeftForTheNextStartAndSaidSo(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, "fix:\n  port: 19880\n");

        try (ConfigReloader reloader =
            new ConfigReloader(file, ConfigLoader.load(file), applied::add, appliedRisk::add, log::add))
        {
            Files.writeString(file, "fix:\n  port: 19881\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> log.size() == 1);

            assertThat(log.get(0)).isEqualTo("only the timeouts and risk sections take effect while running; the other changes to " +
                file + " apply at the next start");
            assertThat(applied).isEmpty();
        }
    }
}
