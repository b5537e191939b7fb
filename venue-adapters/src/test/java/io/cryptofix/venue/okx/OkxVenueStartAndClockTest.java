package io.cryptofix.venue.okx;

import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.VenueState;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueUnavailableException;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.cryptofix.venue.okx.OkxTestVenues.SYMBOL;
import static io.cryptofix.venue.okx.OkxTestVenues.limit;
import static io.cryptofix.venue.okx.OkxTestVenues.now;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The REST venue over the OKX client against the fake OKX, at start and with clocks out of step:
 * a start while OKX is unavailable is tried again until OKX answers, and OKX's clock, ahead or
 * behind by more than its 30-second window, is measured at start and again when OKX refuses a
 * request for its timestamp (50102), so that no order is refused for it.
 */
class OkxVenueStartAndClockTest
{
    /** How far a timestamp over a local connection may be off the venue's clock once measured. */
    private static final long TOLERANCE_MILLIS = 400;
    private static final String FIRST = "cfxT1o1p0";

    private final FakeOkx okx = FakeOkx.start(OkxTestVenues.KEY, OkxTestVenues.SECRET, OkxTestVenues.PASSPHRASE);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private final RestVenue venue = OkxTestVenues.venue(okx, OkxTestVenues.client(okx, OkxTestVenues.hostClock(), false),
        false);

    @AfterEach
    void stop()
    {
        venue.close();
        okx.close();
    }

    @Test
    void aStartWhileOkxIsUnavailableRefusesOrdersAsStartingAndIsTriedAgainUntilOkxAnswers()
    {
        // the start's time and instruments requests, then the first retry's: the second retry gets through
        okx.unavailable(4);
        final String okxAnswer = "venue OKX (OKX at " + okx.baseUrl() + ") cannot be used: " +
            "Service temporarily unavailable. Please try again later. (50001)";
        assertThatThrownBy(venue::connect).isInstanceOf(VenueUnavailableException.class).hasMessage(okxAnswer);
        venue.start(listener, now());

        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        assertThat(listener.events()).as("OKX's words and URL are for the log")
            .containsExactly("REJECTED 1 venue OKX is starting, retry later");
        assertThat(okx.requests("POST /api/v5/trade/order")).as("never sent to OKX").isZero();

        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 &&
            listener.venueStates().contains("UP 1 connected"));
        assertThat(listener.venueStates()).containsExactly("UP 1 connected");
        assertThat(venue.state()).isEqualTo(VenueState.UP);
        assertThat(okx.requests("GET /api/v5/public/instruments")).as("the start and two retries").isEqualTo(3);

        venue.submit(limit(2, Side.BUY, "0.01", "50000"), now());
        assertThat(listener.events()).endsWith("ACCEPTED 2");
        assertThat(okx.ordersWithClOrdId("cfxT1o2p0")).isEqualTo(1);
    }

    @Test
    void aStartWhileOkxAnswersOnlyPlainServerErrorsSaysSoAndStartsOnceTheyEnd()
    {
        okx.serverErrors(2, 502);
        assertThatThrownBy(venue::connect).isInstanceOf(VenueUnavailableException.class)
            .hasMessage("venue OKX (OKX at " + okx.baseUrl() + ") cannot be used: " +
                "HTTP 502 from OKX, no OKX error code in the answer");
        venue.start(listener, now());

        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 &&
            listener.venueStates().contains("UP 1 connected"));
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1");
    }

    @ParameterizedTest(name = "OKX's clock {0} ms off the host's")
    @ValueSource(longs = {1_500, -1_500, 45_000, -45_000})
    void okxsClockOffTheHostsIsMeasuredAtStartSoNothingIsRefusedForItsTimestamp(final long offsetMillis)
    {
        okx.clockOffset(offsetMillis);

        venue.connect();
        venue.start(listener, now());
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        assertThat(okx.lastTimestampSkewMillis()).as("stamped with OKX's time")
            .isBetween(-TOLERANCE_MILLIS, TOLERANCE_MILLIS);
        venue.cancel(new VenueCancel(1, SYMBOL, null), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "CANCELED 1 canceled by request");
        assertThat(okx.requests("POST /api/v5/trade/order")).as("placed at the first try").isEqualTo(1);
        assertThat(okx.requests("POST /api/v5/trade/cancel-order")).as("canceled at the first try").isEqualTo(1);
        assertThat(okx.lastTimestampSkewMillis()).isBetween(-TOLERANCE_MILLIS, TOLERANCE_MILLIS);
    }

    @Test
    void anOrderRefusedBecauseOkxsClockSteppedIsPlacedOnceTheClockIsMeasuredAgain()
    {
        venue.connect();
        venue.start(listener, now());
        // OKX's clock now 45 s behind: a request stamped with the time measured at start is 50102
        okx.clockOffset(-45_000);

        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1");
        assertThat(okx.requests("POST /api/v5/trade/order")).as("refused for its timestamp, then placed").isEqualTo(2);
        assertThat(okx.ordersWithClOrdId(FIRST)).isEqualTo(1);
        assertThat(okx.lastTimestampSkewMillis()).isBetween(-TOLERANCE_MILLIS, TOLERANCE_MILLIS);
        assertThat(venue.state()).isEqualTo(VenueState.UP);
    }

    @Test
    void aCancelRefusedBecauseOkxsClockSteppedIsSentAgainOnceTheClockIsMeasuredAgain()
    {
        venue.connect();
        venue.start(listener, now());
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        okx.clockOffset(45_000);

        venue.cancel(new VenueCancel(1, SYMBOL, null), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "CANCELED 1 canceled by request");
        assertThat(okx.requests("POST /api/v5/trade/cancel-order")).as("refused, then sent again").isEqualTo(2);
        assertThat(listener.events()).noneMatch(event -> event.startsWith("CANCEL_REJECTED"));
    }

    @Test
    void pollingAfterOkxsClockSteppedFindsTheFillsOnceTheClockIsMeasuredAgain()
    {
        venue.connect();
        venue.start(listener, now());
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        okx.clockOffset(-45_000);
        okx.fillInTrades(FIRST, "0.01@50000");

        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 2);

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.01@50000 fee 0.000008 BTC");
        assertThat(venue.state()).isEqualTo(VenueState.UP);
    }
}
