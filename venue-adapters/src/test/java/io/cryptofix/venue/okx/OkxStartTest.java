package io.cryptofix.venue.okx;

import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.VenueQuery;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueError;
import io.cryptofix.venue.rest.VenueUnavailableException;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cryptofix.venue.okx.OkxTestVenues.SYMBOL;
import static io.cryptofix.venue.okx.OkxTestVenues.client;
import static io.cryptofix.venue.okx.OkxTestVenues.hostClock;
import static io.cryptofix.venue.okx.OkxTestVenues.limit;
import static io.cryptofix.venue.okx.OkxTestVenues.now;
import static io.cryptofix.venue.okx.OkxTestVenues.venue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchException;

/**
 * Starting against OKX when it is down or busy, OKX's unavailable answers at run time, and demo
 * trading (the venue's test environment) with only the calls it serves.
 */
class OkxStartTest
{
    private final RecordingVenueListener listener = new RecordingVenueListener();

    @Test
    void aStartDuringAnOutageNamesOkxsAnswerAndSucceedsOnceItEnds()
    {
        try (FakeOkx okx = live())
        {
            final OkxClient client = client(okx, hostClock(), false);
            okx.serverErrors(2, 503);

            for (int attempt = 0; attempt < 2; attempt++)
            {
                assertThatThrownBy(() -> client.connect("OKX", List.of(SYMBOL)))
                    .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("HTTP 503 from OKX");
            }

            assertThat(client.connect("OKX", List.of(SYMBOL))).hasSize(1);
        }
    }

    @Test
    void aStartWhileOkxSaysServiceUnavailableNamesItsWordsAndCode()
    {
        try (FakeOkx okx = live())
        {
            final OkxClient client = client(okx, hostClock(), false);
            okx.unavailable(1);

            assertThatThrownBy(() -> client.connect("OKX", List.of(SYMBOL)))
                .isInstanceOf(VenueUnavailableException.class)
                .hasMessageContaining("Service temporarily unavailable. Please try again later. (50001)");
            assertThat(client.connect("OKX", List.of(SYMBOL))).hasSize(1);
        }
    }

    @Test
    void okxUnavailableOrBusyAtRunTimeLeavesTheRequestInDoubtNotRefused() throws Exception
    {
        try (FakeOkx okx = live())
        {
            final OkxClient client = client(okx, hostClock(), false);
            client.connect("OKX", List.of(SYMBOL));

            okx.unavailable(1);
            final VenueError unavailable = client.classify(catchException(() -> client.find(SYMBOL, null, "cfxT1o1p0")));
            okx.busy(1);
            // OKX sends 50013 with HTTP 429: a busy system, not the account's rate limit
            final VenueError busy = client.classify(catchException(() -> client.find(SYMBOL, null, "cfxT1o1p0")));
            okx.serverErrors(1, 502);
            final VenueError badGateway = client.classify(catchException(() -> client.find(SYMBOL, null, "cfxT1o1p0")));

            assertThat(List.of(unavailable, busy, badGateway)).extracting(VenueError::kind).containsOnly(VenueError.Kind.AMBIGUOUS);
            assertThat(unavailable.reason()).endsWith("(50001)");
            assertThat(busy.reason()).isEqualTo("Systems are busy. Please try again later. (50013)");
            assertThat(badGateway.reason()).isEqualTo("HTTP 502 from OKX, no OKX error code in the answer");
        }
    }

    @Test
    void demoTradingConnectsPlacesFindsAndCancelsWithOnlyTheCallsDemoTradingServes() throws Exception
    {
        try (FakeOkx demo = FakeOkx.startDemo(OkxTestVenues.KEY, OkxTestVenues.SECRET, OkxTestVenues.PASSPHRASE))
        {
            // demo trading chosen by the venue's settings alone, whatever the client was built with
            final OkxClient client = client(demo, hostClock(), true);
            final RestVenue venue = venue(demo, client, true);
            venue.connect();
            venue.start(listener, now());

            venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
            venue.query(new VenueQuery(1, 0, SYMBOL, null), now());
            demo.fillInTrades("cfxT1o1p0", "0.004@50000");
            final ExchangeOrder found = client.find(SYMBOL, null, "cfxT1o1p0");
            venue.cancel(new VenueCancel(1, SYMBOL, null), now());

            assertThat(listener.events()).containsExactly("ACCEPTED 1", "STATUS 1 OPEN 0@0", "FILL 1 0.004@50000 fee 0.0000032 BTC",
                "CANCELED 1 canceled by request");
            assertThat(client.trades(SYMBOL, found)).hasSize(1);
            assertThat(client.serverTimeMillis()).isPositive();
            assertThat(demo.requestsNotServedInDemo()).isZero();
            venue.close();
        }
    }

    @Test
    void theLiveMarketRefusesADemoClientWithOkxsCode()
    {
        try (FakeOkx okx = live())
        {
            assertThatThrownBy(() -> client(okx, hostClock(), true).connect("OKX", List.of(SYMBOL)))
                .isInstanceOf(VenueUnavailableException.class)
                .hasMessageContaining("APIKey does not match current environment. (50101)");
        }
    }

    private static FakeOkx live()
    {
        return FakeOkx.start(OkxTestVenues.KEY, OkxTestVenues.SECRET, OkxTestVenues.PASSPHRASE);
    }
}
