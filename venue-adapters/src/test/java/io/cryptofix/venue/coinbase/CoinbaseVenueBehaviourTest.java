package io.cryptofix.venue.coinbase;

import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.VenueQuery;
import io.cryptofix.venue.VenueState;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueUnavailableException;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.cryptofix.venue.coinbase.CoinbaseTesting.limit;
import static io.cryptofix.venue.coinbase.CoinbaseTesting.now;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Coinbase venue as the gateway runs it (RestVenue over the Coinbase client) against the fake
 * Coinbase: a start during an outage, Coinbase's clock away from the host's, and an order filled in
 * several trades at once.
 */
class CoinbaseVenueBehaviourTest
{
    private final FakeCoinbase coinbase = FakeCoinbase.start(CoinbaseTesting.KEY, CoinbaseTesting.SECRET,
        CoinbaseTesting.PASSPHRASE);
    private final CoinbaseClient client = CoinbaseTesting.client(coinbase, false, CoinbaseTesting.hostClock());
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private final RestVenue venue = CoinbaseTesting.venue(coinbase, client);

    @AfterEach
    void stop()
    {
        venue.close();
        coinbase.close();
    }

    @Test
    void aVenueDownAtStartRefusesOrdersWhileStartingThenComesUpByItselfAndTakesOrders()
    {
        // each start attempt reads /time and /products: the first two attempts meet the outage
        coinbase.serverErrors(4, 503);
        final String why = "venue COINBASE (Coinbase at " + coinbase.baseUrl() + ") cannot be used: " +
            "503 Bad Gateway (HTTP 503)";

        assertThatThrownBy(venue::connect).isInstanceOf(VenueUnavailableException.class).hasMessage(why);
        venue.start(listener, now());
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        assertThat(listener.events()).as("Coinbase's words and URL are for the log")
            .containsExactly("REJECTED 1 venue COINBASE is starting, retry later");
        assertThat(venue.state()).isEqualTo(VenueState.STARTING);

        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(System.currentTimeMillis()) >= 0 &&
            listener.venueStates().contains("UP 1 connected"));
        venue.submit(limit(2, Side.BUY, "0.01", "50000"), now());

        assertThat(listener.venueStates()).containsExactly("UP 1 connected");
        assertThat(listener.events()).containsExactly(
            "REJECTED 1 venue COINBASE is starting, retry later", "ACCEPTED 2");
        assertThat(coinbase.requests("GET /products")).as("two failed starts, then one that worked").isEqualTo(3);
        assertThat(coinbase.ordersWithClientOid(client.clientOrderId(1, 0))).isZero();
    }

    @ParameterizedTest
    @ValueSource(longs = {-1_500, 1_500, -31_000, 45_000})
    void aCoinbaseClockAwayFromTheHostsIsMeasuredAtConnectAndNoRequestIsRefusedForItsTimestamp(final long offset)
    {
        coinbase.clockOffset(offset);

        venue.connect();
        venue.start(listener, now());
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        final double stamped = Double.parseDouble(coinbase.lastTimestamp()) * 1000;
        final long venueTime = coinbase.venueTimeMillis();
        venue.cancel(new VenueCancel(1, "BTC/USD", null), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "CANCELED 1 canceled by request");
        assertThat(Math.abs(stamped - venueTime)).as("stamped with Coinbase's time, not the host's").isLessThan(700);
        assertThat(coinbase.requests("POST /orders")).as("placed once, never refused").isEqualTo(1);
        assertThat(coinbase.requests("DELETE /orders/{id}")).isEqualTo(1);
        assertThat(listener.venueStates()).isEmpty();
        assertThat(venue.state()).isEqualTo(VenueState.UP);
    }

    @ParameterizedTest
    @ValueSource(longs = {-40_000, 40_000})
    void aCoinbaseClockThatStepsAfterStartIsMeasuredAgainAndTheRefusedOrderSentOnceMore(final long step)
    {
        venue.connect();
        venue.start(listener, now());
        coinbase.clockOffset(step);

        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1");
        assertThat(coinbase.requests("POST /orders")).as("refused for its timestamp, then sent again").isEqualTo(2);
        assertThat(coinbase.ordersWithClientOid(client.clientOrderId(1, 0))).isEqualTo(1);
        assertThat(venue.state()).isEqualTo(VenueState.UP);
    }

    @Test
    void aCancelRefusedForAClockThatSteppedIsSentOnceMoreWithTheClockMeasuredAgain()
    {
        venue.connect();
        venue.start(listener, now());
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        coinbase.clockOffset(-35_000);

        venue.cancel(new VenueCancel(1, "BTC/USD", null), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "CANCELED 1 canceled by request");
        assertThat(coinbase.requests("DELETE /orders/{id}")).isEqualTo(2);
    }

    @Test
    void twoTradesFoundInOnePollAreTwoFillsEachWithItsOwnFee()
    {
        venue.connect();
        venue.start(listener, now());
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        final String clientOid = coinbase.lastClientOid();

        coinbase.fillInTrades(clientOid, "0.004@50000", "0.003@50000");
        pollUntil(3);
        // Coinbase's maker fee, 0.40% of each trade's value, in USD
        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "FILL 1 0.004@50000 fee 0.8 USD", "FILL 1 0.003@50000 fee 0.6 USD");

        coinbase.fillInTrades(clientOid, "0.002@50000", "0.001@50000");
        pollUntil(5);

        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "FILL 1 0.004@50000 fee 0.8 USD", "FILL 1 0.003@50000 fee 0.6 USD",
            "FILL 1 0.002@50000 fee 0.4 USD", "FILL 1 0.001@50000 fee 0.2 USD");
        assertThat(coinbase.requests("GET /fills")).as("one read of the fills per poll that found more filled")
            .isEqualTo(2);
    }

    @Test
    void fillsCoinbaseCannotListYetWaitWhileTheOrderWorksAndGoOutFromItsTotalsOnceItHasEnded()
    {
        venue.connect();
        venue.start(listener, now());
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        venue.submit(limit(2, Side.BUY, "0.01", "50000"), now());
        final String second = coinbase.lastClientOid();
        coinbase.fillsUnavailable(1);

        coinbase.fillInTrades(client.clientOrderId(1, 0), "0.004@50000");
        pollUntil(3);
        assertThat(listener.events()).as("told once Coinbase lists the trade, with its fee").containsExactly(
            "ACCEPTED 1", "ACCEPTED 2", "FILL 1 0.004@50000 fee 0.8 USD");
        assertThat(coinbase.requests("GET /fills")).isEqualTo(2);

        coinbase.fillsUnavailable(1_000);
        coinbase.fillInTrades(second, "0.01@50000");
        pollUntil(4);

        assertThat(listener.events()).as("ended: its fill from the order's totals, no fee known").containsExactly(
            "ACCEPTED 1", "ACCEPTED 2", "FILL 1 0.004@50000 fee 0.8 USD", "FILL 2 0.01@50000");
    }

    @Test
    void aStatusQueryWhileCoinbaseCannotListTheTradesDoesNotTellAFillThatPollingTellsAgain()
    {
        venue.connect();
        venue.start(listener, now());
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        coinbase.fillInTrades(coinbase.lastClientOid(), "0.004@50000");
        coinbase.fillsUnavailable(1);

        venue.query(new VenueQuery(1, 0, "BTC/USD", null), now());
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(System.currentTimeMillis()) >= 0 &&
            listener.events().contains("FILL 1 0.004@50000 fee 0.8 USD"));

        // the 0.004 reaches the client once: as the fill, not also in a CumQty told before it
        assertThat(listener.events()).doesNotContain("STATUS 1 OPEN 0.004@50000");
        assertThat(listener.events()).filteredOn(event -> event.startsWith("FILL 1 "))
            .containsExactly("FILL 1 0.004@50000 fee 0.8 USD");
    }

    private void pollUntil(final int events)
    {
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(System.currentTimeMillis()) >= 0 &&
            listener.events().size() >= events);
    }
}
