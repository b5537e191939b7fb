package io.cryptofix.config;

import java.nio.file.Path;

/**
 * An account at a venue beside the venue's own keys: a sub-account, with API keys of its own, that an
 * order names in Account (1). Like the venue's, its keys never appear here: only where they are read.
 * A simulated venue's accounts have no keys.
 *
 * @param name             the Account (1) value that selects it.
 * @param apiKeyEnv        the environment variable holding its API key; null at a simulated venue.
 * @param secretKeyEnv     the environment variable holding its secret.
 * @param passphraseEnv    the environment variable holding its API passphrase (Coinbase, OKX).
 * @param credentialsFile  a properties file with its keys, used instead of the environment when set.
 */
public record VenueAccount(String name, String apiKeyEnv, String secretKeyEnv, String passphraseEnv, Path credentialsFile)
{
}
