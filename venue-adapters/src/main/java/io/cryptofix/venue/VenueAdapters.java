package io.cryptofix.venue;

import io.cryptofix.config.CredentialsStoreConfig;
import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.config.VenueAccount;
import io.cryptofix.config.VenueConfig;
import io.cryptofix.venue.binance.BinanceClient;
import io.cryptofix.venue.bybit.BybitClient;
import io.cryptofix.venue.coinbase.CoinbaseClient;
import io.cryptofix.venue.kraken.KrakenClient;
import io.cryptofix.venue.okx.OkxClient;
import io.cryptofix.venue.rest.Credentials;
import io.cryptofix.venue.rest.ExchangeClient;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueKeys;
import io.cryptofix.venue.sim.SimulatedVenue;

import java.util.function.UnaryOperator;

/**
 * Creates the adapter a venue's configuration asks for.
 */
public final class VenueAdapters
{
    private VenueAdapters()
    {
    }

    /**
     * @param startMillis  when the gateway's order journal started: client order ids derive from it
     *                     and the order key, so an order taken over after a restart is found by the id
     *                     it was placed with, and a new journal's ids never clash with an old one's.
     * @param environment  where API credentials named by environment variable are read.
     * @param metrics      where REST venues report their rate-limit waits and refusals.
     * @throws io.cryptofix.venue.rest.VenueUnavailableException when the venue's credentials are missing.
     */
    public static VenueAdapter create(
        final VenueConfig venue, final long startMillis, final UnaryOperator<String> environment,
        final VenueMetrics metrics)
    {
        return create(venue, startMillis, null, environment, metrics);
    }

    /**
     * @param store  the encrypted store of venue keys, read for a venue whose keys it holds; null: none.
     * @throws io.cryptofix.venue.rest.VenueUnavailableException when the venue's credentials are missing.
     */
    public static VenueAdapter create(
        final VenueConfig venue, final long startMillis, final CredentialsStoreConfig store,
        final UnaryOperator<String> environment, final VenueMetrics metrics)
    {
        final String type = venue.type();
        if (VenueConfig.TYPE_SIMULATED.equals(type))
        {
            return new SimulatedVenue(venue);
        }
        final boolean withPassphrase = VenueConfig.TYPE_COINBASE.equals(type) || VenueConfig.TYPE_OKX.equals(type);
        final ExchangeVenueConfig exchange = venue.exchange();
        final VenueKeys keys = new VenueKeys(
            () -> Credentials.load(venue.id(), exchange, store, environment, withPassphrase));
        final String baseUrl = exchange.baseUrl();
        final ExchangeClient client = switch (type)
        {
            case VenueConfig.TYPE_BINANCE -> new BinanceClient(baseUrl, keys, runId(startMillis));
            case VenueConfig.TYPE_KRAKEN -> new KrakenClient(baseUrl, keys, startMillis);
            case VenueConfig.TYPE_COINBASE -> new CoinbaseClient(baseUrl, keys, runId(startMillis));
            case VenueConfig.TYPE_OKX -> new OkxClient(baseUrl, keys, runId(startMillis), exchange.testnet());
            case VenueConfig.TYPE_BYBIT -> new BybitClient(baseUrl, keys, runId(startMillis));
            default -> throw new IllegalArgumentException("venue " + venue.id() + ": unknown type '" + type + "'");
        };
        return new RestVenue(venue.id(), exchange, client, System::currentTimeMillis, metrics, keys);
    }

    /**
     * The adapter of an account at a venue reached over its REST API: the venue's, signing with the
     * account's keys, named {@code <venue>/<account>} in logs, metrics and states, and leaving the
     * venue's book to the venue's own adapter.
     *
     * @throws io.cryptofix.venue.rest.VenueUnavailableException when the account's credentials are missing.
     */
    public static VenueAdapter createAccount(
        final VenueConfig venue, final VenueAccount account, final long startMillis,
        final CredentialsStoreConfig store, final UnaryOperator<String> environment, final VenueMetrics metrics)
    {
        final VenueConfig asAccount = venue.forAccount(account);
        final VenueAdapter adapter = create(new VenueConfig(accountRoute(venue.id(), account.name()), asAccount.type(),
            asAccount.rounding(), asAccount.dayCutoffUtc(), asAccount.simulated(), asAccount.instruments(),
            asAccount.exchange()), startMillis, store, environment, metrics);
        return adapter instanceof RestVenue rest ? rest.withoutMarketData() : adapter;
    }

    /** The name an account's adapter goes by: {@code BINANCE/DESK1}. */
    public static String accountRoute(final String venueId, final String account)
    {
        return venueId + "/" + account;
    }

    /** A short id of a gateway start: its start time in base 36, e.g. {@code MIDA8J2K}. */
    public static String runId(final long startMillis)
    {
        return Long.toString(startMillis, 36).toUpperCase();
    }
}
