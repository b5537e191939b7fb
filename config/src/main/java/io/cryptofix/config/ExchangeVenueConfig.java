package io.cryptofix.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A venue reached over its REST API (through XChange). The API key and secret never appear here:
 * they are read at start from the environment variables named, or from a credentials file.
 *
 * @param baseUrl             the REST base URL, e.g. {@code https://api.binance.com}; a testnet or a
 *                            local fake exchange works the same.
 * @param apiKeyEnv           the environment variable holding the API key.
 * @param secretKeyEnv        the environment variable holding the secret.
 * @param passphraseEnv       the environment variable holding the API passphrase, for venues that
 *                            have one (Coinbase); unused by the others.
 * @param credentialsFile     a properties file with {@code apiKey} and {@code secretKey}, used instead
 *                            of the environment when set; null otherwise.
 * @param pollIntervalMillis  how often each working order's status is polled for fills.
 * @param ordersPerSecond     new orders the gateway sends per second at most (the venue's order limit).
 * @param requestsPerSecond   requests of any kind per second at most (the venue's request limit).
 * @param symbols             the instruments to trade, BASE/QUOTE; their rules (tick, lot, minimums)
 *                            are loaded from the venue at start.
 * @param testnet             the venue's test environment instead of its live market: its test
 *                            base URL by default, and only the calls that environment serves (OKX:
 *                            every request goes to its demo trading, header {@code x-simulated-trading: 1}).
 * @param recvWindowMillis    Binance and Bybit: how long after its timestamp the venue still accepts
 *                            a signed request.
 */
public record ExchangeVenueConfig(
    String baseUrl,
    String apiKeyEnv,
    String secretKeyEnv,
    String passphraseEnv,
    Path credentialsFile,
    long pollIntervalMillis,
    int ordersPerSecond,
    int requestsPerSecond,
    List<String> symbols,
    boolean testnet,
    long recvWindowMillis)
{
    /** A venue on its live market. */
    public ExchangeVenueConfig(
        final String baseUrl,
        final String apiKeyEnv,
        final String secretKeyEnv,
        final String passphraseEnv,
        final Path credentialsFile,
        final long pollIntervalMillis,
        final int ordersPerSecond,
        final int requestsPerSecond,
        final List<String> symbols)
    {
        this(baseUrl, apiKeyEnv, secretKeyEnv, passphraseEnv, credentialsFile, pollIntervalMillis, ordersPerSecond,
            requestsPerSecond, symbols, false, ExchangeVenueSection.DEFAULT_RECV_WINDOW_MILLIS);
    }

    /** The same venue signed with other keys: an account's. */
    public ExchangeVenueConfig withCredentials(
        final String apiKeyEnv, final String secretKeyEnv, final String passphraseEnv, final Path credentialsFile)
    {
        return new ExchangeVenueConfig(baseUrl, apiKeyEnv, secretKeyEnv, passphraseEnv, credentialsFile,
            pollIntervalMillis, ordersPerSecond, requestsPerSecond, symbols, testnet, recvWindowMillis);
    }
}
