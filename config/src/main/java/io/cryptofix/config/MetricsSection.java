package io.cryptofix.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code metrics} section: the Prometheus text endpoint, the bearer token a scrape must send (by
 * the name of the environment variable holding it, never the token), and whether venue balances are
 * published.
 */
final class MetricsSection
{
    static final List<String> KEYS = List.of("enabled", "bindAddress", "port", "tokenEnv", "publishBalances");
    static final String NONE = "none";

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String TOKEN_ENV = "the environment variable holding the bearer token, or none";
    private static final TextRule ENV_OR_NONE = new TextRule(
        "an environment variable name", text -> ENV_NAME.matcher(text).matches(),
        "letters, digits, underscore; or none for no token");

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
        final String tokenEnv = metrics.text("tokenEnv",
            fallback == null ? null : fallback.tokenEnv() == null ? NONE : fallback.tokenEnv(), TOKEN_ENV, ENV_OR_NONE);
        final Boolean publishBalances = metrics.bool(
            "publishBalances", fallback == null ? null : fallback.publishBalances());
        return new MetricsConfig(
            enabled != null && enabled,
            bindAddress,
            port == null ? 0 : port.intValue(),
            tokenEnv == null || NONE.equals(tokenEnv) ? null : tokenEnv,
            publishBalances != null && publishBalances);
    }
}
