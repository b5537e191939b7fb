package io.cryptofix.venue.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * The book near the touch, read from Kraken's {@code GET /0/public/Depth} by the REST venue and told to
 * the gateway, against the fake Kraken; and the fake's Depth against Kraken's documentation.
 */
class KrakenDepthTest
{
    private static final String KEY = "kraken-test-key";
    private static final String SECRET = Base64.getEncoder().encodeToString(
        "kraken-test-secret-of-some-length".getBytes(StandardCharsets.US_ASCII));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeKraken kraken = FakeKraken.start(KEY, SECRET);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private RestVenue venue;

    @AfterEach
    void stop()
    {
        if (venue != null)
        {
            venue.close();
        }
        kraken.close();
    }

    @Test
    void everyLevelKrakenHoldsIsToldAndAChangeInTheBookIsToldAgain()
    {
        kraken.book("XXBTZUSD", List.of("1.5@59999.9", "2@59990"), List.of("0.5@60000.1", "0.2@60300", "5@61000"));
        start();
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.depths().size() == 1);

        kraken.book("XXBTZUSD", List.of(), List.of("0.3@60000.1", "0.2@60300"));
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.depths().size() == 2);

        assertThat(listener.depths()).containsExactly(
            "BTC/USD 1.5@59999.9,2@59990/0.5@60000.1,0.2@60300,5@61000",
            "BTC/USD /0.3@60000.1,0.2@60300");
    }

    @Test
    void eachPairIsOneDepthRequestForTwentyLevels() throws Exception
    {
        final KrakenClient client = new KrakenClient(kraken.baseUrl(), KEY, SECRET, System.currentTimeMillis());
        client.connect("KRAKEN", List.of("BTC/USD", "ETH/USD"));
        kraken.market("XETHZUSD", "2999.5", "3000.5");

        final Map<String, MarketDepth> books = client.marketDepth();

        assertThat(books).containsOnlyKeys("BTC/USD", "ETH/USD");
        assertThat(books.get("BTC/USD").asks()).containsExactly(fixed("60000.1"), fixed("10"));
        assertThat(books.get("ETH/USD").bids()).containsExactly(fixed("2999.5"), fixed("10"));
        assertThat(kraken.requests("/0/public/Depth")).isEqualTo(2);
        assertThat(kraken.lastDepthRequest()).containsOnly(entry("pair", "XETHZUSD"), entry("count", "20"));
    }

    @Test
    void anErrorInKrakensAnswerFailsTheRead() throws Exception
    {
        final KrakenClient client = new KrakenClient(kraken.baseUrl(), KEY, SECRET, System.currentTimeMillis());
        client.connect("KRAKEN", List.of("BTC/USD"));
        kraken.serviceErrors(1, "EService:Unavailable");

        assertThatThrownBy(client::marketDepth).isInstanceOf(KrakenRefusal.class).hasMessage("EService:Unavailable");
    }

    @Test
    void theFakeAnswersAsKrakenDocumentsItsDepth() throws Exception
    {
        final List<String> asks = new ArrayList<>();
        for (int level = 0; level < 120; level++)
        {
            asks.add("0.1@" + (60001 + level));
        }
        kraken.book("XXBTZUSD", List.of(), asks);

        final JsonNode byDefault = get("pair=XBTUSD");
        assertThat(byDefault.path("error")).isEmpty();
        final JsonNode book = byDefault.path("result").path("XXBTZUSD");
        assertThat(book.path("asks")).hasSize(100);
        assertThat(book.path("asks").path(0).path(0).asText()).isEqualTo("60001.00000");
        assertThat(book.path("asks").path(0).path(1).asText()).isEqualTo("0.100");
        assertThat(book.path("asks").path(0).path(2).isIntegralNumber()).isTrue();
        assertThat(book.path("bids")).isEmpty();
        assertThat(get("pair=XXBTZUSD&count=5").path("result").path("XXBTZUSD").path("asks")).hasSize(5);
        assertThat(get("pair=XBTEUR&count=5").path("error").path(0).asText()).isEqualTo("EQuery:Unknown asset pair");
        assertThat(get("count=5").path("error").path(0).asText()).isEqualTo("EGeneral:Invalid arguments");
        assertThat(get("pair=XBTUSD&count=0").path("error").path(0).asText()).isEqualTo("EGeneral:Invalid arguments:count");
        assertThat(get("pair=XBTUSD&count=501").path("error").path(0).asText())
            .isEqualTo("EGeneral:Invalid arguments:count");
    }

    private JsonNode get(final String query) throws Exception
    {
        final HttpResponse<String> answer = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(kraken.baseUrl() + "/0/public/Depth?" + query)).build(),
            HttpResponse.BodyHandlers.ofString());
        // Kraken answers HTTP 200 whatever happened: the envelope's error says
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private void start()
    {
        venue = new RestVenue("KRAKEN", new ExchangeVenueConfig(kraken.baseUrl(), "UNUSED_KEY", "UNUSED_SECRET",
            "UNUSED_PASSPHRASE", null, 50, 10, 50, List.of("BTC/USD")),
            new KrakenClient(kraken.baseUrl(), KEY, SECRET, System.currentTimeMillis()), System::currentTimeMillis,
            VenueMetrics.NONE);
        venue.connect();
        venue.start(listener, now());
    }

    private static long now()
    {
        return System.currentTimeMillis();
    }
}
