package io.cryptofix.venue.coinbase;

import io.cryptofix.domain.Side;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.VenueClock;
import io.cryptofix.venue.rest.VenueError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cryptofix.venue.coinbase.CoinbaseTesting.limit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

/**
 * Coinbase's clock against the host's: its {@code /time}, and private requests stamped with the
 * venue clock, which Coinbase refuses more than 30 seconds away from its own time.
 */
class CoinbaseClockTest
{
    private final FakeCoinbase coinbase = FakeCoinbase.start(CoinbaseTesting.KEY, CoinbaseTesting.SECRET,
        CoinbaseTesting.PASSPHRASE);
    private final VenueClock clock = CoinbaseTesting.hostClock();
    private final CoinbaseClient client = CoinbaseTesting.client(coinbase, false, clock);

    @AfterEach
    void stop()
    {
        coinbase.close();
    }

    @Test
    void theServerTimeIsCoinbasesAndRequestsAreStampedWithTheMeasuredClock() throws Exception
    {
        coinbase.clockOffset(-1_500);
        client.connect("COINBASE", List.of("BTC/USD"));

        measure();
        client.place(limit(1, Side.BUY, "0.01", "50000"), client.clientOrderId(1, 0));
        final double stamped = Double.parseDouble(coinbase.lastTimestamp()) * 1000;

        assertThat(clock.offsetMillis()).isBetween(-1_900L, -1_100L);
        assertThat(Math.abs(stamped - coinbase.venueTimeMillis())).as("stamped with the venue's time").isLessThan(400);
        assertThat(System.currentTimeMillis() - stamped).as("not with the host's").isGreaterThan(1_000);
    }

    @Test
    void aClockMoreThanThirtySecondsOffIsRefusedAsAClockErrorUntilItIsMeasured() throws Exception
    {
        client.connect("COINBASE", List.of("BTC/USD"));
        coinbase.clockOffset(-31_000);

        final Exception refused = catchException(() -> client.place(limit(1, Side.BUY, "0.01", "50000"),
            client.clientOrderId(1, 0)));
        final VenueError error = client.classify(refused);
        measure();
        final ExchangeOrder placed = client.place(limit(2, Side.BUY, "0.01", "50000"), client.clientOrderId(2, 0));

        assertThat(error).isEqualTo(VenueError.clock("request timestamp expired (HTTP 401)"));
        assertThat(coinbase.ordersWithClientOid(client.clientOrderId(1, 0))).isZero();
        assertThat(placed.state()).isEqualTo(ExchangeOrder.State.OPEN);
    }

    private void measure() throws Exception
    {
        final long sent = System.currentTimeMillis();
        final long server = client.serverTimeMillis();
        clock.measured(sent, server, System.currentTimeMillis());
    }
}
