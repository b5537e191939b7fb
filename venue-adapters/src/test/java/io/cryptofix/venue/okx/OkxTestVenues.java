package io.cryptofix.venue.okx;

import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueClock;

import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;

/** The OKX client and REST venue the tests run against a {@link FakeOkx}, configured as the gateway does. */
final class OkxTestVenues
{
    static final String KEY = "okx-test-key";
    static final String SECRET = "okx-test-secret";
    static final String PASSPHRASE = "okx-passphrase";
    static final String SYMBOL = "BTC/USDT";

    private OkxTestVenues()
    {
    }

    static ExchangeVenueConfig config(final FakeOkx okx, final boolean testnet)
    {
        return new ExchangeVenueConfig(okx.baseUrl(), "UNUSED_KEY", "UNUSED_SECRET", "UNUSED_PASSPHRASE", null, 50, 10,
            50, List.of(SYMBOL), testnet, 5_000);
    }

    /** A client for run {@code T1} on the live market (or demo trading with {@code testnet}), configured with the clock. */
    static OkxClient client(final FakeOkx okx, final VenueClock clock, final boolean testnet)
    {
        final OkxClient client = new OkxClient(okx.baseUrl(), KEY, SECRET, PASSPHRASE, "T1", false);
        client.configure(config(okx, testnet), clock);
        return client;
    }

    static RestVenue venue(final FakeOkx okx, final OkxClient client, final boolean testnet)
    {
        return new RestVenue("OKX", config(okx, testnet), client, System::currentTimeMillis, VenueMetrics.NONE);
    }

    static VenueClock hostClock()
    {
        return new VenueClock(System::currentTimeMillis);
    }

    static VenueOrder limit(final long key, final Side side, final String qty, final String price)
    {
        return VenueOrder.of(key, SYMBOL, side, OrdType.LIMIT, fixed(qty), fixed(price));
    }

    static VenueOrder market(final long key, final Side side, final String qty)
    {
        return VenueOrder.of(key, SYMBOL, side, OrdType.MARKET, fixed(qty), 0);
    }

    static long now()
    {
        return System.currentTimeMillis();
    }
}
