package io.cryptofix.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A venue's {@code accounts}: the Account (1) value that selects each to its keys. At a venue reached
 * over its REST API each account has keys of its own, read like the venue's from the environment
 * ({@code <VENUE>_<ACCOUNT>_API_KEY} and so on by default) or a credentials file; at a simulated
 * venue an account has no settings.
 */
final class VenueAccountsSection
{
    static final String KEY = "accounts";
    static final List<String> EXCHANGE_KEYS = List.of("apiKeyEnv", "secretKeyEnv", "passphraseEnv", "credentialsFile");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final TextRule ENV = new TextRule(
        "an environment variable name", text -> ENV_NAME.matcher(text).matches(), "letters, digits, underscore");

    private VenueAccountsSection()
    {
    }

    static Map<String, VenueAccount> read(final String venueId, final boolean simulated, final YamlMap venue)
    {
        if (venue.value(KEY) == null)
        {
            return Map.of();
        }
        final YamlMap accounts = venue.map(KEY, "a map of Account (1) value to the account's keys, e.g. " +
            "{ DESK1: { apiKeyEnv: DESK1_KEY, secretKeyEnv: DESK1_SECRET } }");
        final Map<String, VenueAccount> result = new LinkedHashMap<>();
        for (final String name : accounts.keys())
        {
            if (!NAME.matcher(name).matches())
            {
                accounts.keyProblem(name, YamlMap.quoted(name) + " is not an account name (allowed: 1 to 64 letters, " +
                    "digits, '_', '.', '-')");
                continue;
            }
            final YamlMap settings = accounts.map(name, simulated ? "an empty map: a simulated venue's account has no " +
                "settings" : "a map of the account's key settings (" + String.join(", ", EXCHANGE_KEYS) + ")");
            if (simulated)
            {
                settings.allowOnly(List.of());
                result.put(name, new VenueAccount(name, null, null, null, null));
                continue;
            }
            settings.allowOnly(EXCHANGE_KEYS);
            final String prefix = venueId + "_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
            final String credentialsFile = settings.text("credentialsFile", "", "a file path", null);
            result.put(name, new VenueAccount(
                name,
                settings.text("apiKeyEnv", prefix + "_API_KEY", "an environment variable name", ENV),
                settings.text("secretKeyEnv", prefix + "_SECRET_KEY", "an environment variable name", ENV),
                settings.text("passphraseEnv", prefix + "_PASSPHRASE", "an environment variable name", ENV),
                credentialsFile == null || credentialsFile.isEmpty() ? null : Path.of(credentialsFile)));
        }
        return Collections.unmodifiableMap(result);
    }
}
