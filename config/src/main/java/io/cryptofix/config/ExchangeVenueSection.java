package io.cryptofix.config;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings of a venue reached over its REST API ({@code type: binance}).
 */
final class ExchangeVenueSection
{
    static final List<String> KEYS = List.of("type", "rounding", "dayCutoffUtc", "baseUrl", "apiKeyEnv",
        "secretKeyEnv", "passphraseEnv", "credentialsFile", "pollIntervalMillis", "ordersPerSecond", "requestsPerSecond", "symbols",
        "testnet", VenueAccountsSection.KEY);
    // OKX's demo trading is the same host as its live market, chosen per request by a header; the
    // key's older name is kept
    static final List<String> OKX_KEYS = concat(KEYS, "demoTrading");
    // Binance and Bybit sign a window within which the venue accepts a request
    static final List<String> RECV_WINDOW_KEYS = concat(KEYS, "recvWindowMillis");
    static final long DEFAULT_RECV_WINDOW_MILLIS = 5_000;

    private static final Map<String, String> BASE_URLS = Map.of(
        VenueConfig.TYPE_BINANCE, "https://api.binance.com",
        VenueConfig.TYPE_KRAKEN, "https://api.kraken.com",
        VenueConfig.TYPE_COINBASE, "https://api.exchange.coinbase.com",
        VenueConfig.TYPE_OKX, "https://www.okx.com",
        VenueConfig.TYPE_BYBIT, "https://api.bybit.com");
    // each venue's published limits: Binance 10 orders/s and 1200 request weight/min (20/s at weight 1);
    // Kraken's private-call counter decays by 0.33 to 1 per second with the account tier, and its
    // per-pair order counter by about 1 per second: 1 of each per second stays inside every tier
    // each venue's documented test environment; OKX's demo trading is its live host with a header, and
    // Kraken has no spot test environment
    private static final Map<String, String> TESTNET_URLS = Map.of(
        VenueConfig.TYPE_BINANCE, "https://testnet.binance.vision",
        VenueConfig.TYPE_COINBASE, "https://api-public.sandbox.exchange.coinbase.com",
        VenueConfig.TYPE_OKX, "https://www.okx.com",
        VenueConfig.TYPE_BYBIT, "https://api-testnet.bybit.com");
    private static final Map<String, long[]> ORDERS_AND_REQUESTS_PER_SECOND = Map.of(
        VenueConfig.TYPE_BINANCE, new long[] {10, 20},
        VenueConfig.TYPE_KRAKEN, new long[] {1, 1},
        // Coinbase Exchange: 15 private requests per second per profile
        VenueConfig.TYPE_COINBASE, new long[] {10, 15},
        // OKX: 60 placements and 60 order queries per 2 s per instrument
        VenueConfig.TYPE_OKX, new long[] {20, 20},
        // Bybit spot: 20 order placements and 10-20 private queries per second per account
        VenueConfig.TYPE_BYBIT, new long[] {10, 10});
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,20}/[A-Z0-9]{1,20}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final TextRule URL = new TextRule(
        "an http or https URL", text -> text.startsWith("https://") || text.startsWith("http://"),
        "e.g. https://api.binance.com or https://testnet.binance.vision");
    // the requests carry the API key and are signed: over plain http anyone on the path reads the key
    // and the orders; only a venue on this machine (a local fake exchange, a local TLS proxy) may be http
    private static final List<String> PLAIN_HTTP_HOSTS = List.of("127.0.0.1", "localhost", "[::1]");
    private static final TextRule ENV = new TextRule(
        "an environment variable name", text -> ENV_NAME.matcher(text).matches(), "letters, digits, underscore");

    private ExchangeVenueSection()
    {
    }

    static ExchangeVenueConfig read(final String id, final String type, final YamlMap venue)
    {
        final boolean okx = VenueConfig.TYPE_OKX.equals(type);
        final boolean recvWindow = VenueConfig.TYPE_BINANCE.equals(type) || VenueConfig.TYPE_BYBIT.equals(type);
        venue.allowOnly(okx ? OKX_KEYS : recvWindow ? RECV_WINDOW_KEYS : KEYS);
        final boolean testnet = Boolean.TRUE.equals(venue.bool("testnet", Boolean.FALSE)) ||
            okx && Boolean.TRUE.equals(venue.bool("demoTrading", Boolean.FALSE));
        if (testnet && !TESTNET_URLS.containsKey(type))
        {
            venue.problem("testnet", "venue type " + type + " has no spot test environment; leave testnet out or false");
        }
        final String baseUrl = venue.text("baseUrl", testnet ? TESTNET_URLS.getOrDefault(type, BASE_URLS.get(type)) :
            BASE_URLS.get(type), "the venue's REST base URL", URL);
        checkBaseUrl(venue, baseUrl);
        // Binance allows up to 60000, Bybit documents 5000 as its default
        final Long recvWindowMillis = recvWindow ?
            venue.integer("recvWindowMillis", DEFAULT_RECV_WINDOW_MILLIS, 1, 60_000, null) : null;
        final String apiKeyEnv = venue.text("apiKeyEnv", id + "_API_KEY", "an environment variable name", ENV);
        final String secretKeyEnv = venue.text("secretKeyEnv", id + "_SECRET_KEY", "an environment variable name", ENV);
        final String passphraseEnv = venue.text("passphraseEnv", id + "_PASSPHRASE", "an environment variable name", ENV);
        final String credentialsFile = venue.text("credentialsFile", "", "a file path", null);
        final Long pollIntervalMillis = venue.integer("pollIntervalMillis", 1_000L, 50, 60_000, null);
        final long[] limits = ORDERS_AND_REQUESTS_PER_SECOND.get(type);
        final Long ordersPerSecond = venue.integer("ordersPerSecond", limits[0], 1, 10_000, null);
        final Long requestsPerSecond = venue.integer("requestsPerSecond", limits[1], 1, 10_000, null);
        final List<String> symbols = symbols(venue);
        return new ExchangeVenueConfig(
            baseUrl,
            apiKeyEnv,
            secretKeyEnv,
            passphraseEnv,
            credentialsFile == null || credentialsFile.isEmpty() ? null : Path.of(credentialsFile),
            pollIntervalMillis == null ? 0 : pollIntervalMillis,
            ordersPerSecond == null ? 0 : ordersPerSecond.intValue(),
            requestsPerSecond == null ? 0 : requestsPerSecond.intValue(),
            symbols,
            testnet,
            recvWindowMillis == null ? DEFAULT_RECV_WINDOW_MILLIS : recvWindowMillis);
    }

    /**
     * Refuses a base URL that would send the keys in the clear (plain http to another machine) or that
     * carries credentials of its own (user:password@), which the startup summary would show.
     */
    private static void checkBaseUrl(final YamlMap venue, final String baseUrl)
    {
        if (baseUrl == null)
        {
            return;
        }
        final URI uri;
        try
        {
            uri = new URI(baseUrl);
        }
        catch (final URISyntaxException e)
        {
            venue.problem("baseUrl", YamlMap.quoted(baseUrl) + " is not a URL (" + e.getReason() + "; allowed: " +
                "e.g. https://api.binance.com)");
            return;
        }
        if (uri.getHost() == null)
        {
            venue.problem("baseUrl", YamlMap.quoted(baseUrl) + " names no host (allowed: e.g. https://api.binance.com)");
        }
        else if (uri.getRawUserInfo() != null)
        {
            // the credentials themselves are not repeated: a problem is printed, a secret never is
            venue.problem("baseUrl", YamlMap.quoted(baseUrl.replace(uri.getRawUserInfo(), "...")) + " carries a user " +
                "or password (allowed: the URL alone; keys go in apiKeyEnv and secretKeyEnv or in credentialsFile)");
        }
        else if ("http".equals(uri.getScheme()) && !PLAIN_HTTP_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT)))
        {
            venue.problem("baseUrl", YamlMap.quoted(baseUrl) + " is plain http to another machine: the API key and " +
                "the orders would cross the network unencrypted (allowed: https://, or http:// only to 127.0.0.1, " +
                "localhost or [::1], e.g. a local test exchange)");
        }
    }

    private static List<String> concat(final List<String> keys, final String key)
    {
        final List<String> all = new ArrayList<>(keys);
        all.add(key);
        return List.copyOf(all);
    }

    private static List<String> symbols(final YamlMap venue)
    {
        final Node node = venue.value("symbols");
        if (node == null)
        {
            venue.missing("symbols", "a list of the symbols to trade, BASE/QUOTE, e.g. [BTC/USDT]");
            return List.of();
        }
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty())
        {
            venue.problem("symbols", "expected a non-empty list of symbols, BASE/QUOTE, e.g. [BTC/USDT], found " +
                YamlMap.describe(node));
            return List.of();
        }
        final List<String> symbols = new ArrayList<>();
        for (final Node entry : list.getValue())
        {
            if (entry instanceof ScalarNode scalar && SYMBOL.matcher(scalar.getValue()).matches())
            {
                symbols.add(scalar.getValue());
            }
            else
            {
                venue.problem("symbols", YamlMap.describe(entry) + " is not a symbol (allowed: BASE/QUOTE in capitals, " +
                    "e.g. BTC/USDT)");
            }
        }
        return List.copyOf(symbols);
    }
}
