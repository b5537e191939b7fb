package io.cryptofix.venue.binance;

import io.cryptofix.config.CredentialsStoreConfig;
import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.Credentials;
import io.cryptofix.venue.rest.CredentialsStore;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueKeys;
import io.cryptofix.venue.rest.VenueUnavailableException;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Binance key replaced while the venue runs: the keys in the credentials store change, the venue
 * reads them again, and the next order is signed with the new key, which is the only one Binance
 * still accepts.
 */
class BinanceKeyRotationTest
{
    private static final String OLD_KEY = "old-api-key";
    private static final String OLD_SECRET = "old-secret";
    private static final String NEW_KEY = "new-api-key";
    private static final String NEW_SECRET = "new-secret";
    private static final String PASSWORD = "store-password-1";

    @TempDir
    Path dir;

    private final FakeBinance binance = FakeBinance.start(OLD_KEY, OLD_SECRET);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private RestVenue venue;

    @AfterEach
    void stop()
    {
        if (venue != null)
        {
            venue.close();
        }
        binance.close();
    }

    @Test
    void theOrderAfterAReloadIsSignedWithTheNewKeyAndAReloadThatFailsKeepsTheKeysInUse()
    {
        final Path file = dir.resolve("credentials.p12");
        final CredentialsStore store = new CredentialsStore(file, PASSWORD.toCharArray());
        store.put("BINANCE", new Credentials(OLD_KEY, OLD_SECRET, null));
        final ExchangeVenueConfig config = new ExchangeVenueConfig(binance.baseUrl(), "K", "S", "P", null, 50, 10, 50,
            List.of("BTC/USDT"), false, 5000);
        final Map<String, String> environment = new java.util.concurrent.ConcurrentHashMap<>(
            Map.of("STORE_PASSWORD", PASSWORD));
        final CredentialsStoreConfig storeConfig = new CredentialsStoreConfig(file, "STORE_PASSWORD", null);
        final VenueKeys keys = new VenueKeys(() -> Credentials.load("BINANCE", config, storeConfig, environment::get, false));
        venue = new RestVenue("BINANCE", config, new BinanceClient(binance.baseUrl(), keys, "T1"),
            System::currentTimeMillis, VenueMetrics.NONE, keys);
        venue.connect();
        venue.start(listener, now());
        venue.submit(order(1), now());

        binance.replaceKey(OLD_KEY, NEW_KEY, NEW_SECRET);
        store.put("BINANCE", new Credentials(NEW_KEY, NEW_SECRET, null));
        assertThat(venue.reloadKeys()).isTrue();
        venue.submit(order(2), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "ACCEPTED 2");
        assertThat(binance.ordersOf(NEW_KEY)).hasSize(2);
        assertThat(venue.reloadKeys()).isFalse();

        environment.put("STORE_PASSWORD", "not-the-password");
        assertThatThrownBy(venue::reloadKeys).isInstanceOf(VenueUnavailableException.class)
            .hasMessageContaining("wrong password");
        venue.submit(order(3), now());
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "ACCEPTED 2", "ACCEPTED 3");
    }

    private static VenueOrder order(final long key)
    {
        return VenueOrder.of(key, "BTC/USDT", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000"));
    }

    private static long now()
    {
        return System.currentTimeMillis();
    }
}
