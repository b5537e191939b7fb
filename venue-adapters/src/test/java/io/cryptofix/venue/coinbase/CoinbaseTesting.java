package io.cryptofix.venue.coinbase;

import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueClock;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;

/** The account the Coinbase tests trade with at the fake Coinbase, and the adapter built on it. */
final class CoinbaseTesting
{
    static final String KEY = "coinbase-test-key";
    static final String SECRET = Base64.getEncoder().encodeToString(
        "coinbase-test-secret".getBytes(StandardCharsets.US_ASCII));
    static final String PASSPHRASE = "coinbase-passphrase";

    private CoinbaseTesting()
    {
    }

    static ExchangeVenueConfig config(final FakeCoinbase coinbase, final boolean sandbox)
    {
        return new ExchangeVenueConfig(coinbase.baseUrl(), "UNUSED_KEY", "UNUSED_SECRET", "UNUSED_PASSPHRASE", null, 50,
            10, 50, List.of("BTC/USD"), sandbox, 5_000);
    }

    /** A client configured with the venue settings and {@code clock}, not yet connected. */
    static CoinbaseClient client(final FakeCoinbase coinbase, final boolean sandbox, final VenueClock clock)
    {
        final CoinbaseClient client = new CoinbaseClient(coinbase.baseUrl(), KEY, SECRET, PASSPHRASE, "T1");
        client.configure(config(coinbase, sandbox), clock);
        return client;
    }

    static VenueClock hostClock()
    {
        return new VenueClock(System::currentTimeMillis);
    }

    static RestVenue venue(final FakeCoinbase coinbase, final CoinbaseClient client)
    {
        return new RestVenue("COINBASE", config(coinbase, false), client, System::currentTimeMillis, VenueMetrics.NONE);
    }

    static VenueOrder limit(final long key, final Side side, final String qty, final String price)
    {
        return VenueOrder.of(key, "BTC/USD", side, OrdType.LIMIT, fixed(qty), fixed(price));
    }

    static VenueOrder market(final long key, final Side side, final String qty)
    {
        return VenueOrder.of(key, "BTC/USD", side, OrdType.MARKET, fixed(qty), 0);
    }

    static long now()
    {
        return System.currentTimeMillis();
    }
}
