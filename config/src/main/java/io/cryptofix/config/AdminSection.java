package io.cryptofix.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code admin} section: the admin API's endpoint and its tokens. The tokens' values live in the
 * environment, never in the file; they are read when the gateway starts ({@link AdminConfig#tokenValues}).
 */
final class AdminSection
{
    static final List<String> KEYS = List.of("enabled", "bindAddress", "port", "tokens");
    static final List<String> TOKEN_KEYS = List.of("role", "tokenEnv");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    // the admin journal names the gateway's own trips and the token file's holder so
    private static final List<String> RESERVED_NAMES = List.of("gateway", "admin-token");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final TextRule ENV = new TextRule(
        "an environment variable name", text -> ENV_NAME.matcher(text).matches(), "letters, digits, underscore");
    private static final String ROLES = "viewer, operator, risk-officer";
    private static final TextRule ROLE = new TextRule("a role", text -> AdminConfig.Role.of(text) != null, ROLES);

    private AdminSection()
    {
    }

    static AdminConfig read(final YamlMap admin, final AdminConfig fallback)
    {
        admin.allowOnly(KEYS);
        final Boolean enabled = admin.bool("enabled", fallback == null ? null : fallback.enabled());
        final String bindAddress = admin.text(
            "bindAddress", fallback == null ? null : fallback.bindAddress(), Addresses.RULE.allowed(), Addresses.RULE);
        final Long port = admin.integer(
            "port", fallback == null ? null : (long)fallback.port(), 0, 65535, "a TCP port, or 0 for any free one");
        final Map<String, AdminConfig.Token> tokens = admin.value("tokens") == null ?
            fallback == null ? Map.of() : fallback.tokens() : tokens(admin);
        return new AdminConfig(enabled != null && enabled, bindAddress, port == null ? 0 : port.intValue(), tokens);
    }

    /** The admin API needs a port of its own: one taken by the FIX acceptor or the metrics is refused. */
    static void checkPortFree(
        final AdminConfig admin, final YamlMap section, final FixConfig fix, final MetricsConfig metrics)
    {
        // port 0 is any free one; an invalid port or address was reported already and reads as 0 or null
        if (!admin.enabled() || admin.port() == 0 || admin.bindAddress() == null)
        {
            return;
        }
        if (admin.port() == fix.port() && fix.bindAddress() != null && Addresses.overlap(admin.bindAddress(), fix.bindAddress()))
        {
            section.problem("port", admin.port() + " is already fix.port on " + fix.bindAddress() +
                " (allowed: any other port, or a different bindAddress)");
        }
        else if (metrics.enabled() && admin.port() == metrics.port() && metrics.bindAddress() != null &&
            Addresses.overlap(admin.bindAddress(), metrics.bindAddress()))
        {
            section.problem("port", admin.port() + " is already metrics.port on " + metrics.bindAddress() +
                " (allowed: any other port, or a different bindAddress)");
        }
    }

    private static Map<String, AdminConfig.Token> tokens(final YamlMap admin)
    {
        final YamlMap section = admin.map("tokens", "a map from a token's name to its role and tokenEnv");
        final Map<String, AdminConfig.Token> tokens = new LinkedHashMap<>();
        for (final String name : section.keys())
        {
            if (!NAME.matcher(name).matches() || RESERVED_NAMES.contains(name))
            {
                section.keyProblem(name, "is not a token name (allowed: 1-64 letters, digits, '_', '.', '-', " +
                    "other than " + String.join(" and ", RESERVED_NAMES) + ")");
                continue;
            }
            final YamlMap token = section.map(name, "a map with role (" + ROLES + ") and tokenEnv");
            token.allowOnly(TOKEN_KEYS);
            final String role = token.text("role", null, ROLES, ROLE);
            final String tokenEnv = token.text("tokenEnv", null, "the environment variable holding the token", ENV);
            if (role != null && tokenEnv != null)
            {
                tokens.put(name, new AdminConfig.Token(AdminConfig.Role.of(role), tokenEnv));
            }
        }
        return tokens;
    }
}
