package io.cryptofix.venue.okx;

import io.cryptofix.venue.rest.VenueClock;
import io.cryptofix.venue.rest.VenueError;
import io.cryptofix.venue.rest.VenueUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cryptofix.venue.okx.OkxTestVenues.SYMBOL;
import static io.cryptofix.venue.okx.OkxTestVenues.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchException;

/**
 * OKX's clock and the timestamps of signed requests: OKX refuses a request stamped more than 30
 * seconds from its own time with 50102; the client reads OKX's time from {@code /public/time} and
 * stamps every signed request with the {@link VenueClock} it was configured with.
 */
class OkxClockTest
{
    /** How far a measurement over a local connection may be off. */
    private static final long TOLERANCE_MILLIS = 400;

    private final FakeOkx okx = FakeOkx.start(OkxTestVenues.KEY, OkxTestVenues.SECRET, OkxTestVenues.PASSPHRASE);
    private final VenueClock clock = new VenueClock(System::currentTimeMillis);

    @AfterEach
    void stop()
    {
        okx.close();
    }

    @Test
    void theServerTimeIsOkxsClock() throws Exception
    {
        okx.clockOffset(-1_500);
        final OkxClient client = client(okx, clock, false);

        measure(client);

        assertThat(clock.offsetMillis()).isBetween(-1_500 - TOLERANCE_MILLIS, -1_500 + TOLERANCE_MILLIS);
    }

    @Test
    void signedRequestsCarryTheMeasuredVenueTimeOnceMeasured() throws Exception
    {
        okx.clockOffset(-1_500);
        final OkxClient client = client(okx, clock, false);
        client.connect("OKX", List.of(SYMBOL));
        // within OKX's 30 seconds, but stamped with the host's time
        assertThat(okx.lastTimestampSkewMillis()).isBetween(1_500 - TOLERANCE_MILLIS, 1_500 + TOLERANCE_MILLIS);

        measure(client);
        client.balances();

        assertThat(okx.lastTimestampSkewMillis()).isBetween(-TOLERANCE_MILLIS, TOLERANCE_MILLIS);
    }

    @Test
    void aClockMoreThanThirtySecondsOffIsRefusedWithOkxsCodeAsAClockErrorAndAcceptedOnceMeasured() throws Exception
    {
        final OkxClient client = client(okx, clock, false);
        client.connect("OKX", List.of(SYMBOL));
        okx.clockOffset(-31_000);

        final Exception refused = catchException(() -> client.find(SYMBOL, null, "cfxT1o1p0"));
        final VenueError error = client.classify(refused);

        assertThat(error.kind()).isEqualTo(VenueError.Kind.CLOCK);
        assertThat(error.reason()).contains("50102").contains("Timestamp request expired");
        measure(client);
        assertThat(client.find(SYMBOL, null, "cfxT1o1p0")).as("OKX answers: it has no such order").isNull();
    }

    @Test
    void aStartWithAClockMoreThanThirtySecondsOffNamesOkxsRefusalAndStartsOnceMeasured() throws Exception
    {
        okx.clockOffset(-31_000);
        final OkxClient client = client(okx, clock, false);

        assertThatThrownBy(() -> client.connect("OKX", List.of(SYMBOL)))
            .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("Timestamp request expired (50102)");
        measure(client);

        assertThat(client.connect("OKX", List.of(SYMBOL))).hasSize(1);
    }

    private void measure(final OkxClient client) throws Exception
    {
        final long sent = System.currentTimeMillis();
        final long server = client.serverTimeMillis();
        clock.measured(sent, server, System.currentTimeMillis());
    }
}
