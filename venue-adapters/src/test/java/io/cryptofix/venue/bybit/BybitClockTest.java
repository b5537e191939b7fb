package io.cryptofix.venue.bybit;

import io.cryptofix.domain.Side;
import io.cryptofix.venue.rest.VenueError;
import io.cryptofix.venue.rest.VenueUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cryptofix.venue.bybit.BybitTestVenue.SYMBOL;
import static io.cryptofix.venue.bybit.BybitTestVenue.limit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchException;
import static org.assertj.core.api.Assertions.within;

/**
 * Bybit accepts a signed request when server_time - recv_window <= timestamp < server_time + 1000:
 * requests are signed with the venue clock measured from {@code /v5/market/time}, and carry the
 * configured receive window.
 */
class BybitClockTest
{
    private final FakeBybit bybit = FakeBybit.start(BybitTestVenue.KEY, BybitTestVenue.SECRET);

    @AfterEach
    void stop()
    {
        bybit.close();
    }

    @Test
    void theServerTimeIsBybitsClock() throws Exception
    {
        bybit.clockOffset(-60_000);

        final long before = System.currentTimeMillis();
        assertThat(BybitTestVenue.on(bybit).client.serverTimeMillis()).isCloseTo(before - 60_000, within(2_000L));
    }

    @Test
    void aHostClockAheadOfBybitIsRefusedWithBybitsCodeUntilTheClockIsMeasured() throws Exception
    {
        bybit.clockOffset(-1_500);
        final BybitTestVenue gateway = BybitTestVenue.on(bybit);

        assertThatThrownBy(() -> gateway.client.connect("BYBIT", List.of(SYMBOL)))
            .isInstanceOf(VenueUnavailableException.class)
            .hasMessageContaining("please check your server timestamp or recv_window param")
            .hasMessageContaining("(10002)");
        final Exception refused = catchException(() -> gateway.client.find(SYMBOL, null, "cfx-T1-1-0"));
        final VenueError error = gateway.client.classify(refused);
        assertThat(error.kind()).isEqualTo(VenueError.Kind.CLOCK);
        assertThat(error.reason()).endsWith("(10002)");

        // the venue measures Bybit's clock as it connects
        gateway.started();
        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), System.currentTimeMillis());

        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1");
        assertThat(gateway.clockOffsets).singleElement()
            .satisfies(offset -> assertThat(offset).isCloseTo(-1_500L, within(500L)));
    }

    @Test
    void theConfiguredReceiveWindowIsWhatBybitChecksALateTimestampAgainst()
    {
        // Bybit's clock 4 s ahead: a request signed with the host clock is 4 s old on arrival
        bybit.clockOffset(4_000);

        BybitTestVenue.on(bybit).client.connect("BYBIT", List.of(SYMBOL));
        final BybitTestVenue narrow = new BybitTestVenue(bybit, false, 3_000);
        assertThatThrownBy(() -> narrow.client.connect("BYBIT", List.of(SYMBOL)))
            .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("recv_window[3000]");
    }
}
