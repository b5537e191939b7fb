package io.cryptofix.venue.bybit;

import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.VenueQuery;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.VenueUnavailableException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.cryptofix.venue.bybit.BybitTestVenue.SYMBOL;
import static io.cryptofix.venue.bybit.BybitTestVenue.limit;
import static io.cryptofix.venue.bybit.BybitTestVenue.now;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting against Bybit in an outage, in maintenance, and on Bybit's testnet. */
class BybitStartTest
{
    @Test
    void anOutageRefusesTheStartNamingBybitsAnswerAndTheVenueConnectsOnceItEnds()
    {
        try (FakeBybit bybit = FakeBybit.start(BybitTestVenue.KEY, BybitTestVenue.SECRET))
        {
            final BybitTestVenue gateway = BybitTestVenue.on(bybit);
            // each attempt reads Bybit's time, then makes its first call: both meet the outage
            bybit.serverErrors(4, 503);

            for (int attempt = 0; attempt < 2; attempt++)
            {
                assertThatThrownBy(gateway.venue::connect).isInstanceOf(VenueUnavailableException.class)
                    .hasMessageContaining("Bybit answered HTTP 503 (service unavailable");
            }

            assertThat(gateway.venue.connect()).extracting(Instrument::symbol).containsExactly(SYMBOL);
        }
    }

    @Test
    void bybitsServerErrorCodeRefusesTheStartWithItsWordsAndCode()
    {
        try (FakeBybit bybit = FakeBybit.start(BybitTestVenue.KEY, BybitTestVenue.SECRET))
        {
            final BybitTestVenue gateway = BybitTestVenue.on(bybit);
            bybit.refuseNext(1, 10016, "Server error.");

            assertThatThrownBy(gateway.venue::connect).isInstanceOf(VenueUnavailableException.class)
                .hasMessageContaining("Server error. (10016)");
            assertThat(gateway.venue.connect()).hasSize(1);
        }
    }

    @Test
    void onBybitsTestnetTheVenueConnectsPlacesFindsAndCancelsWithCallsTheTestnetServes() throws Exception
    {
        try (FakeBybit testnet = FakeBybit.startTestnet(BybitTestVenue.KEY, BybitTestVenue.SECRET))
        {
            final BybitTestVenue gateway = new BybitTestVenue(testnet, true, 5_000);
            gateway.started();

            gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
            gateway.venue.query(new VenueQuery(1, 0, SYMBOL, null), now());
            gateway.venue.cancel(new VenueCancel(1, SYMBOL, null), now());

            assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1", "STATUS 1 OPEN 0@0", "CANCELED 1 canceled by request");
            final ExchangeOrder canceled = gateway.client.find(SYMBOL, null, "cfx-T1-1-0");
            assertThat(gateway.client.trades(SYMBOL, canceled)).isEmpty();
            assertThat(testnet.notFoundAnswers()).isZero();
            // and the fake does turn away what the testnet lacks
            final HttpResponse<String> elsewhere = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(testnet.baseUrl() + "/v5/earn/product")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(elsewhere.statusCode()).isEqualTo(404);
            assertThat(testnet.notFoundAnswers()).isEqualTo(1);
        }
    }
}
