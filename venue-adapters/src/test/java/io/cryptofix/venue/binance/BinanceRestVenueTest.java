package io.cryptofix.venue.binance;

import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.VenueState;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueUnavailableException;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Binance adapter under the gateway's REST venue as the gateway runs it: a start in an outage
 * and the recovery, a venue clock off the host's, and an order's several trades told one by one.
 */
class BinanceRestVenueTest
{
    private static final String KEY = "test-api-key";
    private static final String SECRET = "test-secret-key";

    private final FakeBinance binance = FakeBinance.start(KEY, SECRET);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private final RestVenue venue = new RestVenue("BINANCE", new ExchangeVenueConfig(binance.baseUrl(), "K", "S", "P",
        null, 50, 10, 50, List.of("BTC/USDT"), false, 5000), new BinanceClient(binance.baseUrl(), KEY, SECRET, "T1"),
        System::currentTimeMillis, VenueMetrics.NONE);

    @AfterEach
    void stop()
    {
        venue.close();
        binance.close();
    }

    @Test
    void aStartInAnOutageIsRetriedAndTheVenueComesUpWithItsInstrumentsOnceBinanceAnswers()
    {
        binance.serverErrors(1_000, 502);
        assertThatThrownBy(venue::connect).isInstanceOf(VenueUnavailableException.class)
            .hasMessageContaining("Binance answered HTTP 502");
        venue.start(listener, now());

        binance.serverErrors(0, 502);
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && venue.state() == VenueState.UP);
        venue.submit(VenueOrder.of(1, "BTC/USDT", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000")), now());

        assertThat(listener.venueStates()).containsExactly("UP 1 connected");
        assertThat(listener.events()).containsExactly("ACCEPTED 1");
    }

    @Test
    void aVenueClockBehindTheHostIsMeasuredAtStartAndAgainWhenBinanceRefusesATimestamp()
    {
        binance.clockOffset(-1500);
        venue.connect();
        venue.start(listener, now());
        venue.submit(VenueOrder.of(1, "BTC/USDT", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000")), now());

        binance.clockOffset(6000);
        venue.submit(VenueOrder.of(2, "BTC/USDT", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000")), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "ACCEPTED 2");
        // the second order: refused once for its timestamp (-1021), the clock measured, then placed once
        assertThat(binance.requests("POST /api/v3/order")).isEqualTo(3);
        assertThat(binance.orderCount()).isEqualTo(2);
    }

    @Test
    void twoTradesFoundInOnePollAreTwoFillsEachWithItsPriceAndBinancesFee()
    {
        venue.connect();
        venue.start(listener, now());
        venue.submit(VenueOrder.of(1, "BTC/USDT", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000")), now());

        binance.fillInTrades("cfx-T1-1-0", "0.004@50000", "0.006@49990");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 3);

        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "FILL 1 0.004@50000 fee 0.000004 BTC", "FILL 1 0.006@49990 fee 0.000006 BTC");
    }

    private static long now()
    {
        return System.currentTimeMillis();
    }
}
