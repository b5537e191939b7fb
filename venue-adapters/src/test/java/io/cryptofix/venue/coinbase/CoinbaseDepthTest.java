package io.cryptofix.venue.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.cryptofix.domain.TestCatalog.fixed;
import static io.cryptofix.venue.coinbase.CoinbaseTesting.now;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * The book near the touch, read from Coinbase's {@code GET /products/<id>/book?level=2} by the REST
 * venue and told to the gateway, against the fake Coinbase; and the fake's book against Coinbase's
 * documentation.
 */
class CoinbaseDepthTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeCoinbase coinbase = FakeCoinbase.start(CoinbaseTesting.KEY, CoinbaseTesting.SECRET,
        CoinbaseTesting.PASSPHRASE);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private RestVenue venue;

    @AfterEach
    void stop()
    {
        if (venue != null)
        {
            venue.close();
        }
        coinbase.close();
    }

    @Test
    void everyLevelCoinbaseHoldsIsToldAndAChangeInTheBookIsToldAgain()
    {
        coinbase.book(List.of("1.5@59999.99", "2@59990"), List.of("0.5@60000.01", "0.2@60300", "5@61000"));
        venue = CoinbaseTesting.venue(coinbase, CoinbaseTesting.client(coinbase, false, CoinbaseTesting.hostClock()));
        venue.connect();
        venue.start(listener, now());
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.depths().size() == 1);

        coinbase.book(List.of("1.5@59999.99", "2@59990"), List.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.depths().size() == 2);

        assertThat(listener.depths()).containsExactly(
            "BTC/USD 1.5@59999.99,2@59990/0.5@60000.01,0.2@60300,5@61000",
            "BTC/USD 1.5@59999.99,2@59990/");
    }

    @Test
    void theBookIsAskedForAtLevelTwoAndKeptToTwentyLevelsASide() throws Exception
    {
        final CoinbaseClient client = CoinbaseTesting.client(coinbase, false, CoinbaseTesting.hostClock());
        client.connect("COINBASE", List.of("BTC/USD"));
        coinbase.book(List.of("1@59999.99"), asks(25));

        final Map<String, MarketDepth> books = client.marketDepth();

        assertThat(books).containsOnlyKeys("BTC/USD");
        assertThat(books.get("BTC/USD").bids()).containsExactly(fixed("59999.99"), fixed("1"));
        assertThat(books.get("BTC/USD").asks()).hasSize(2 * MarketDepth.LEVELS)
            .startsWith(fixed("60001"), fixed("0.1")).endsWith(fixed("60020"), fixed("0.1"));
        assertThat(coinbase.requests("GET /products/BTC-USD/book")).isEqualTo(1);
        assertThat(coinbase.lastBookRequest()).containsOnly(entry("level", "2"));
    }

    @Test
    void theFakeAnswersAsCoinbaseDocumentsItsBook() throws Exception
    {
        coinbase.book(List.of(), asks(3));

        final JsonNode levelTwo = get("/products/BTC-USD/book?level=2", 200);
        assertThat(levelTwo.path("asks")).hasSize(3);
        assertThat(levelTwo.path("asks").path(0).toString()).isEqualTo("[\"60001\",\"0.1\",1]");
        assertThat(levelTwo.path("bids")).isEmpty();
        assertThat(levelTwo.path("sequence").isIntegralNumber()).isTrue();
        assertThat(levelTwo.path("auction_mode").asBoolean(true)).isFalse();
        assertThat(get("/products/BTC-USD/book", 200).path("asks")).hasSize(1);
        assertThat(get("/products/BTC-USD/book?level=3", 200).path("asks").path(0).path(2).asText()).hasSize(36);
        assertThat(get("/products/ETH-USD/book?level=2", 404).path("message").asText()).isEqualTo("NotFound");
        assertThat(get("/products/BTC-USD/book?level=4", 400).path("message").asText()).isNotEmpty();
    }

    private static List<String> asks(final int levels)
    {
        final List<String> asks = new ArrayList<>();
        for (int level = 0; level < levels; level++)
        {
            asks.add("0.1@" + (60001 + level));
        }
        return asks;
    }

    private JsonNode get(final String pathAndQuery, final int status) throws Exception
    {
        final HttpResponse<String> answer = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(coinbase.baseUrl() + pathAndQuery)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(pathAndQuery).isEqualTo(status);
        return JSON.readTree(answer.body());
    }
}
