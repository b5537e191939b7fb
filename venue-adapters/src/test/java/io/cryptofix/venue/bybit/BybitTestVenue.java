package io.cryptofix.venue.bybit;

import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.sim.RecordingVenueListener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.awaitility.Awaitility.await;

/**
 * One Bybit client under a REST venue against a fake Bybit, as the gateway sets them up: the venue
 * configures the client with its receive window and the venue clock it keeps measured. The clock
 * offsets it measures are recorded.
 */
final class BybitTestVenue
{
    static final String KEY = "bybit-test-key";
    static final String SECRET = "bybit-test-secret";
    static final String SYMBOL = "BTC/USDT";

    final BybitClient client;
    final RestVenue venue;
    final RecordingVenueListener listener = new RecordingVenueListener();
    /** Each offset of Bybit's clock from the host's the venue measured, in milliseconds. */
    final List<Long> clockOffsets = new CopyOnWriteArrayList<>();

    BybitTestVenue(final FakeBybit bybit, final boolean testnet, final long recvWindowMillis)
    {
        final ExchangeVenueConfig config = new ExchangeVenueConfig(bybit.baseUrl(), "UNUSED_KEY", "UNUSED_SECRET",
            "UNUSED_PASSPHRASE", null, 20, 10, 50, List.of(SYMBOL), testnet, recvWindowMillis);
        client = new BybitClient(bybit.baseUrl(), KEY, SECRET, "T1");
        venue = new RestVenue("BYBIT", config, client, System::currentTimeMillis, new VenueMetrics()
        {
            @Override
            public void onRateLimitWait(final String venueId, final long waitedMillis)
            {
            }

            @Override
            public void onRateLimited(final String venueId)
            {
            }

            @Override
            public void onClockOffset(final String venueId, final long offsetMillis)
            {
                clockOffsets.add(offsetMillis);
            }
        });
    }

    static BybitTestVenue on(final FakeBybit bybit)
    {
        return new BybitTestVenue(bybit, false, 5_000);
    }

    /** Connects and starts the venue, as the gateway does before the first order. */
    BybitTestVenue started()
    {
        venue.connect();
        venue.start(listener, now());
        return this;
    }

    /** Polls the venue until the listener's events satisfy {@code done}. */
    void pollUntil(final Predicate<List<String>> done)
    {
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && done.test(listener.events()));
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
