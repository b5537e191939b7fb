package io.cryptofix.venue.coinbase;

import io.cryptofix.domain.Side;
import io.cryptofix.venue.rest.VenueError;
import io.cryptofix.venue.rest.VenueUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cryptofix.venue.coinbase.CoinbaseTesting.limit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchException;

/** Coinbase down at start, and its 5xx answers while trading. */
class CoinbaseStartTest
{
    private final FakeCoinbase coinbase = FakeCoinbase.start(CoinbaseTesting.KEY, CoinbaseTesting.SECRET,
        CoinbaseTesting.PASSPHRASE);
    private final CoinbaseClient client = CoinbaseTesting.client(coinbase, false, CoinbaseTesting.hostClock());

    @AfterEach
    void stop()
    {
        coinbase.close();
    }

    @Test
    void anOutageAtStartMakesTheVenueUnavailableWithCoinbasesAnswerAndItConnectsOnceTheOutageEnds()
    {
        coinbase.serverErrors(2, 503);

        assertThatThrownBy(() -> client.connect("COINBASE", List.of("BTC/USD")))
            .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("(HTTP 503)")
            .hasMessageContaining("503 Bad Gateway");
        assertThatThrownBy(() -> client.connect("COINBASE", List.of("BTC/USD")))
            .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("(HTTP 503)");
        assertThat(client.connect("COINBASE", List.of("BTC/USD"))).hasSize(1);
    }

    @Test
    void anInternalErrorOrServiceUnavailableWhileTradingIsAmbiguous()
    {
        client.connect("COINBASE", List.of("BTC/USD"));
        coinbase.serverErrors(1, 500);
        final Exception internal = catchException(() -> client.place(limit(1, Side.BUY, "0.01", "50000"),
            client.clientOrderId(1, 0)));
        coinbase.failNext(503, "Service Unavailable");
        final Exception unavailable = catchException(() -> client.place(limit(2, Side.BUY, "0.01", "50000"),
            client.clientOrderId(2, 0)));

        assertThat(client.classify(internal).kind()).isEqualTo(VenueError.Kind.AMBIGUOUS);
        assertThat(client.classify(internal).reason()).endsWith("(HTTP 500)");
        assertThat(client.classify(unavailable)).isEqualTo(VenueError.ambiguous("Service Unavailable (HTTP 503)"));
    }
}
