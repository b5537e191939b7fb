package io.cryptofix.venue.okx;

import io.cryptofix.venue.DepthRecordingListener;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.venue.rest.RestVenue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;
import static io.cryptofix.venue.okx.OkxTestVenues.KEY;
import static io.cryptofix.venue.okx.OkxTestVenues.PASSPHRASE;
import static io.cryptofix.venue.okx.OkxTestVenues.SECRET;
import static io.cryptofix.venue.okx.OkxTestVenues.SYMBOL;
import static io.cryptofix.venue.okx.OkxTestVenues.hostClock;
import static io.cryptofix.venue.okx.OkxTestVenues.now;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * The book near the touch OKX holds, read by the OKX client from {@code GET /api/v5/market/books}
 * (20 levels a side) and told by the REST venue to the gateway each time it changes, against the fake
 * OKX; and the fake's book endpoint itself, checked as OKX documents it.
 */
class OkxMarketDepthTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeOkx okx = FakeOkx.start(KEY, SECRET, PASSPHRASE);
    private final DepthRecordingListener listener = new DepthRecordingListener();
    private RestVenue venue;

    @AfterEach
    void stop()
    {
        if (venue != null)
        {
            venue.close();
        }
        okx.close();
    }

    @Test
    void theLevelsOkxHoldsAreToldAndToldAgainWhenTheBookChanges()
    {
        okx.book(SYMBOL, List.of(level("59999.9", "0.5"), level("59999.8", "1.25"), level("59990", "3")),
            List.of(level("60000.1", "0.25"), level("60001", "2")));
        start(false);
        pollUntilDepths(1);
        final String first = "BTC/USDT bids 59999.9x0.5 59999.8x1.25 59990x3 asks 60000.1x0.25 60001x2";
        assertThat(listener.depths()).containsExactly(first);

        okx.book(SYMBOL, List.of(level("59999.9", "0.1")), List.of());
        pollUntilDepths(2);

        assertThat(listener.depths()).containsExactly(first, "BTC/USDT bids 59999.9x0.1 asks");
        assertThat(listener.prices()).as("depth is told, not best prices alone").isEmpty();
    }

    @Test
    void newBestPricesAreABookOfOneLevelASideOfTheDefaultSize()
    {
        start(false);
        pollUntilDepths(1);
        okx.market("61000", "61000.2");
        pollUntilDepths(2);

        assertThat(listener.depths()).containsExactly("BTC/USDT bids 59999.9x100 asks 60000.1x100",
            "BTC/USDT bids 61000x100 asks 61000.2x100");
    }

    @Test
    void theBookIsAskedForWithOkxsDocumentedParametersTwentyLevelsASide()
    {
        start(false);
        pollUntilDepths(1);

        assertThat(okx.lastBookRequest().params()).containsOnly(entry("instId", "BTC-USDT"), entry("sz", "20"));
        assertThat(okx.lastBookRequest().simulated()).isEqualTo("0");
        assertThat(okx.requests("GET /api/v5/market/books")).isPositive();
        assertThat(okx.requests("GET /api/v5/market/ticker")).as("the book alone is read").isZero();
    }

    @Test
    void inDemoTradingTheBookOfDemoTradingIsAskedFor()
    {
        okx.close();
        okx = FakeOkx.startDemo(KEY, SECRET, PASSPHRASE);
        start(true);
        pollUntilDepths(1);

        assertThat(okx.lastBookRequest().simulated()).isEqualTo("1");
    }

    @Test
    void aBookDeeperThanTwentyLevelsIsReadToItsTwentiethLevel() throws Exception
    {
        okx.book(SYMBOL, levels(59_999, -1, 30), levels(60_001, 1, 30));
        final OkxClient client = OkxTestVenues.client(okx, hostClock(), false);
        client.connect("OKX", List.of(SYMBOL));

        final MarketDepth depth = client.marketDepth().get(SYMBOL);

        assertThat(depth.bids()).hasSize(2 * MarketDepth.LEVELS);
        assertThat(depth.asks()).hasSize(2 * MarketDepth.LEVELS);
        assertThat(depth.bids()[2 * 19]).isEqualTo(fixed("59980"));
        assertThat(depth.asks()[2 * 19]).isEqualTo(fixed("60020"));
        assertThat(depth.asks()[2 * 19 + 1]).isEqualTo(fixed("20"));
    }

    @Test
    void aRefusedBookReadFailsWithOkxsWordsAndTheNextReadGetsTheBook() throws Exception
    {
        final OkxClient client = OkxTestVenues.client(okx, hostClock(), false);
        client.connect("OKX", List.of(SYMBOL));
        okx.unavailable(1);

        assertThatThrownBy(client::marketDepth).isInstanceOfSatisfying(Exception.class, failure ->
            assertThat(client.classify(failure).reason())
                .isEqualTo("Service temporarily unavailable. Please try again later. (50001)"));
        assertThat(client.marketDepth()).containsOnlyKeys(SYMBOL);
    }

    @Test
    void theFakeServesTheBookAsOkxDocumentsIt() throws Exception
    {
        okx.book(SYMBOL, levels(59_999, -1, 25), levels(60_001, 1, 25));

        final JsonNode twenty = get("/api/v5/market/books?instId=BTC-USDT&sz=20").body;
        assertThat(twenty.path("code").asText()).isEqualTo("0");
        assertThat(twenty.path("data").get(0).path("bids")).hasSize(20);
        assertThat(twenty.path("data").get(0).path("asks")).hasSize(20);
        assertThat(twenty.path("data").get(0).path("asks").get(0).toString())
            .isEqualTo("[\"60001\",\"1\",\"0\",\"1\"]");
        assertThat(twenty.path("data").get(0).path("bids").get(0).path(0).asText()).isEqualTo("59999");
        assertThat(twenty.path("data").get(0).path("ts").asText()).isNotEmpty();
        assertThat(get("/api/v5/market/books?instId=BTC-USDT").body.path("data").get(0).path("bids"))
            .as("one level without sz").hasSize(1);
        assertThat(get("/api/v5/market/books?instId=BTC-USDT&sz=400").body.path("data").get(0).path("bids"))
            .as("every level, fewer than asked for").hasSize(25);

        assertThat(refusal("/api/v5/market/books?instId=ETH-USDT&sz=20"))
            .isEqualTo("200 51001 Instrument ID does not exist.");
        assertThat(refusal("/api/v5/market/books?instId=BTC-USDT&sz=401")).isEqualTo("200 51000 Parameter sz error");
        assertThat(refusal("/api/v5/market/books?instId=BTC-USDT&sz=0")).isEqualTo("200 51000 Parameter sz error");
        assertThat(refusal("/api/v5/market/books?instId=BTC-USDT&sz=twenty")).isEqualTo("200 51000 Parameter sz error");
        assertThat(refusal("/api/v5/market/books?sz=20")).isEqualTo("400 50014 Parameter instId can not be empty.");
    }

    private void start(final boolean demo)
    {
        venue = OkxTestVenues.venue(okx, OkxTestVenues.client(okx, hostClock(), demo), demo);
        venue.connect();
        venue.start(listener, now());
    }

    private void pollUntilDepths(final int count)
    {
        await().atMost(Duration.ofSeconds(10))
            .until(() -> venue.doWork(now()) >= 0 && listener.depths().size() >= count);
    }

    private static List<String> level(final String px, final String sz)
    {
        return List.of(px, sz);
    }

    /** {@code count} levels from {@code best}, {@code step} apart, the n-th of size n. */
    private static List<List<String>> levels(final int best, final int step, final int count)
    {
        final List<List<String>> levels = new ArrayList<>();
        for (int level = 0; level < count; level++)
        {
            levels.add(level(Integer.toString(best + step * level), Integer.toString(level + 1)));
        }
        return levels;
    }

    private record Answer(int status, JsonNode body)
    {
    }

    private Answer get(final String pathAndQuery) throws Exception
    {
        final HttpResponse<String> answer = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(okx.baseUrl() + pathAndQuery)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        return new Answer(answer.statusCode(), JSON.readTree(answer.body()));
    }

    /** @return the HTTP status, OKX's code and its message, e.g. {@code 200 51001 Instrument ID does not exist.}. */
    private String refusal(final String pathAndQuery) throws Exception
    {
        final Answer answer = get(pathAndQuery);
        assertThat(answer.body.path("data")).as("no book with a refusal").isEmpty();
        return answer.status + " " + answer.body.path("code").asText() + " " + answer.body.path("msg").asText();
    }
}
