package io.cryptofix.venue;

import io.cryptofix.config.VenueAccount;
import io.cryptofix.config.VenueConfig;
import io.cryptofix.venue.binance.BinanceClient;
import io.cryptofix.venue.bybit.BybitClient;
import io.cryptofix.venue.coinbase.CoinbaseClient;
import io.cryptofix.venue.kraken.KrakenClient;
import io.cryptofix.venue.okx.OkxClient;
import io.cryptofix.venue.rest.Credentials;
import io.cryptofix.venue.rest.RestVenue;
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
        if (VenueConfig.TYPE_SIMULATED.equals(venue.type()))
        {
            return new SimulatedVenue(venue);
        }
        if (VenueConfig.TYPE_BINANCE.equals(venue.type()))
        {
            final Credentials credentials = Credentials.load(venue.id(), venue.exchange(), environment);
            return new RestVenue(venue.id(), venue.exchange(), new BinanceClient(venue.exchange().baseUrl(),
                credentials.apiKey(), credentials.secretKey(), runId(startMillis)), System::currentTimeMillis, metrics);
        }
        if (VenueConfig.TYPE_KRAKEN.equals(venue.type()))
        {
            final Credentials credentials = Credentials.load(venue.id(), venue.exchange(), environment);
            return new RestVenue(venue.id(), venue.exchange(), new KrakenClient(venue.exchange().baseUrl(),
                credentials.apiKey(), credentials.secretKey(), startMillis), System::currentTimeMillis, metrics);
        }
        if (VenueConfig.TYPE_COINBASE.equals(venue.type()))
        {
            final Credentials credentials = Credentials.load(venue.id(), venue.exchange(), environment, true);
            return new RestVenue(venue.id(), venue.exchange(), new CoinbaseClient(venue.exchange().baseUrl(),
                credentials.apiKey(), credentials.secretKey(), credentials.passphrase(), runId(startMillis)),
                System::currentTimeMillis, metrics);
        }
        if (VenueConfig.TYPE_OKX.equals(venue.type()))
        {
            final Credentials credentials = Credentials.load(venue.id(), venue.exchange(), environment, true);
            return new RestVenue(venue.id(), venue.exchange(), new OkxClient(venue.exchange().baseUrl(),
                credentials.apiKey(), credentials.secretKey(), credentials.passphrase(), runId(startMillis),
                venue.exchange().testnet()), System::currentTimeMillis, metrics);
        }
        if (VenueConfig.TYPE_BYBIT.equals(venue.type()))
        {
            final Credentials credentials = Credentials.load(venue.id(), venue.exchange(), environment);
            return new RestVenue(venue.id(), venue.exchange(), new BybitClient(venue.exchange().baseUrl(),
                credentials.apiKey(), credentials.secretKey(), runId(startMillis)), System::currentTimeMillis, metrics);
        }
        throw new IllegalArgumentException("venue " + venue.id() + ": unknown type '" + venue.type() + "'");
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
        final UnaryOperator<String> environment, final VenueMetrics metrics)
    {
        final VenueConfig asAccount = venue.forAccount(account);
        final VenueAdapter adapter = create(new VenueConfig(accountRoute(venue.id(), account.name()), asAccount.type(),
            asAccount.rounding(), asAccount.dayCutoffUtc(), asAccount.simulated(), asAccount.instruments(),
            asAccount.exchange()), startMillis, environment, metrics);
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
