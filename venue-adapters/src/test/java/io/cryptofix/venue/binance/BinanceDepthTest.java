package io.cryptofix.venue.binance;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * The book near the touch, read from Binance's {@code GET /api/v3/depth} by the REST venue and told to
 * the gateway, against the fake Binance; and the fake's depth endpoint against Binance's documentation.
 */
class BinanceDepthTest
{
    private static final String KEY = "test-api-key";
    private static final String SECRET = "test-secret-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeBinance binance = FakeBinance.start(KEY, SECRET);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private RestVenue venue;

    @AfterEach
    void stop()
    {
        if (venue != null)
        {
            venue.close();
        }
        binance.close();
    }

    @Test
    void everyLevelBinanceHoldsIsToldAndAChangeInTheBookIsToldAgain()
    {
        binance.book("BTCUSDT", List.of("1.5@59999.99", "2@59990"), List.of("0.5@60000.01", "0.2@60300", "5@61000"));
        start();
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.depths().size() == 1);

        binance.book("BTCUSDT", List.of("1.5@59999.99", "2@59990"), List.of("0.3@60000.01", "0.2@60300", "5@61000"));
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.depths().size() == 2);

        assertThat(listener.depths()).containsExactly(
            "BTC/USDT 1.5@59999.99,2@59990/0.5@60000.01,0.2@60300,5@61000",
            "BTC/USDT 1.5@59999.99,2@59990/0.3@60000.01,0.2@60300,5@61000");
    }

    @Test
    void eachSymbolIsOneDepthRequestForTwentyLevels() throws Exception
    {
        final BinanceClient client = new BinanceClient(binance.baseUrl(), KEY, SECRET, "T1");
        client.connect("BINANCE", List.of("BTC/USDT", "ETH/USDT"));
        binance.market("ETHUSDT", "2999.5", "3000.5");

        final Map<String, MarketDepth> books = client.marketDepth();

        assertThat(books).containsOnlyKeys("BTC/USDT", "ETH/USDT");
        assertThat(books.get("BTC/USDT").asks()).containsExactly(fixed("60000.01"), fixed("10"));
        assertThat(books.get("ETH/USDT").bids()).containsExactly(fixed("2999.5"), fixed("10"));
        assertThat(binance.requests("GET /api/v3/depth")).isEqualTo(2);
        assertThat(binance.lastRequest("GET /api/v3/depth")).containsOnly(entry("symbol", "ETHUSDT"), entry("limit", "20"));
    }

    @Test
    void theFakeAnswersAsBinanceDocumentsItsDepth() throws Exception
    {
        final List<String> asks = new ArrayList<>();
        for (int level = 0; level < 120; level++)
        {
            asks.add("0.1@" + (60001 + level));
        }
        binance.book("BTCUSDT", List.of(), asks);

        final JsonNode byDefault = get("symbol=BTCUSDT");
        assertThat(byDefault.path("asks")).hasSize(100);
        assertThat(byDefault.path("asks").path(0).toString()).isEqualTo("[\"60001.00000000\",\"0.10000000\"]");
        assertThat(byDefault.path("bids")).isEmpty();
        assertThat(byDefault.path("lastUpdateId").isIntegralNumber()).isTrue();
        assertThat(get("symbol=BTCUSDT&limit=5").path("asks")).hasSize(5);
        assertThat(get("symbol=BTCUSDT&limit=6000").path("asks")).hasSize(120);
        final JsonNode unknown = get("symbol=BTCXYZ&limit=20");
        assertThat(unknown.path("code").asInt()).isEqualTo(-1121);
        assertThat(unknown.path("msg").asText()).isEqualTo("Invalid symbol.");
        assertThat(get("limit=20").path("code").asInt()).isEqualTo(-1102);
        assertThat(get("symbol=BTCUSDT&limit=abc").path("code").asInt()).isEqualTo(-1100);
        assertThat(get("symbol=BTCUSDT&limit=0").path("code").asInt()).isEqualTo(-1130);
    }

    private JsonNode get(final String query) throws Exception
    {
        final HttpResponse<String> answer = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(binance.baseUrl() + "/api/v3/depth?" + query)).build(),
            HttpResponse.BodyHandlers.ofString());
        final JsonNode json = JSON.readTree(answer.body());
        assertThat(answer.statusCode()).as(query).isEqualTo(json.has("code") ? 400 : 200);
        return json;
    }

    private void start()
    {
        venue = new RestVenue("BINANCE", new ExchangeVenueConfig(binance.baseUrl(), "K", "S", "P", null, 50, 10, 50,
            List.of("BTC/USDT")), new BinanceClient(binance.baseUrl(), KEY, SECRET, "T1"), System::currentTimeMillis,
            VenueMetrics.NONE);
        venue.connect();
        venue.start(listener, now());
    }

    private static long now()
    {
        return System.currentTimeMillis();
    }
}
