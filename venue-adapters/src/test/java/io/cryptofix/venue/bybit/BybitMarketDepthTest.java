package io.cryptofix.venue.bybit;

import io.cryptofix.venue.DepthRecordingListener;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.domain.Side;
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
import static io.cryptofix.venue.bybit.BybitTestVenue.KEY;
import static io.cryptofix.venue.bybit.BybitTestVenue.SECRET;
import static io.cryptofix.venue.bybit.BybitTestVenue.SYMBOL;
import static io.cryptofix.venue.bybit.BybitTestVenue.market;
import static io.cryptofix.venue.bybit.BybitTestVenue.now;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * The book near the touch Bybit holds, read by the Bybit client from {@code GET /v5/market/orderbook}
 * (spot, 20 levels a side) and told by the REST venue to the gateway each time it changes, against
 * the fake Bybit; and the fake's book endpoint itself, checked as Bybit documents it.
 */
class BybitMarketDepthTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeBybit bybit = FakeBybit.start(KEY, SECRET);
    private final BybitTestVenue gateway = BybitTestVenue.on(bybit);
    private final DepthRecordingListener listener = new DepthRecordingListener();

    @AfterEach
    void stop()
    {
        gateway.venue.close();
        bybit.close();
    }

    @Test
    void theLevelsBybitHoldsAreToldAndToldAgainWhenTheBookChanges()
    {
        bybit.book(SYMBOL, List.of(level("59999.99", "0.5"), level("59999.5", "1.25"), level("59990", "3")),
            List.of(level("60000.01", "0.25"), level("60001", "2")));
        start();
        pollUntilDepths(1);
        final String first = "BTC/USDT bids 59999.99x0.5 59999.5x1.25 59990x3 asks 60000.01x0.25 60001x2";
        assertThat(listener.depths()).containsExactly(first);

        bybit.book(SYMBOL, List.of(), List.of(level("60000.01", "0.1")));
        pollUntilDepths(2);

        assertThat(listener.depths()).containsExactly(first, "BTC/USDT bids asks 60000.01x0.1");
        assertThat(listener.prices()).as("depth is told, not best prices alone").isEmpty();
    }

    @Test
    void newBestPricesAreABookOfOneLevelASideOfTheDefaultSize()
    {
        start();
        pollUntilDepths(1);
        bybit.market("61000", "61000.02");
        pollUntilDepths(2);

        assertThat(listener.depths()).containsExactly("BTC/USDT bids 59999.99x100 asks 60000.01x100",
            "BTC/USDT bids 61000x100 asks 61000.02x100");
    }

    @Test
    void theBookIsAskedForWithBybitsDocumentedParametersTwentyLevelsASideOfSpot()
    {
        start();
        pollUntilDepths(1);

        assertThat(bybit.lastBookRequest())
            .containsOnly(entry("category", "spot"), entry("symbol", "BTCUSDT"), entry("limit", "20"));
        assertThat(bybit.requests("GET /v5/market/orderbook")).isPositive();
        assertThat(bybit.requests("GET /v5/market/tickers")).as("the book alone is read").isZero();
    }

    @Test
    void aBookDeeperThanTwentyLevelsIsReadToItsTwentiethLevel() throws Exception
    {
        bybit.book(SYMBOL, levels(59_999, -1, 30), levels(60_001, 1, 30));
        gateway.client.connect("BYBIT", List.of(SYMBOL));

        final MarketDepth depth = gateway.client.marketDepth().get(SYMBOL);

        assertThat(depth.bids()).hasSize(2 * MarketDepth.LEVELS);
        assertThat(depth.asks()).hasSize(2 * MarketDepth.LEVELS);
        assertThat(depth.bids()[2 * 19]).isEqualTo(fixed("59980"));
        assertThat(depth.asks()[2 * 19]).isEqualTo(fixed("60020"));
        assertThat(depth.asks()[2 * 19 + 1]).isEqualTo(fixed("20"));
    }

    @Test
    void aRefusedBookReadFailsWithBybitsWordsAndTheNextReadGetsTheBook() throws Exception
    {
        gateway.client.connect("BYBIT", List.of(SYMBOL));
        bybit.serverErrorNext(503);

        assertThatThrownBy(gateway.client::marketDepth).isInstanceOfSatisfying(Exception.class, failure ->
            assertThat(gateway.client.classify(failure).reason())
                .isEqualTo("Bybit answered HTTP 503 (service unavailable: maintenance or overload)"));
        assertThat(gateway.client.marketDepth()).containsOnlyKeys(SYMBOL);
    }

    @Test
    void ordersFillAtTheBestPricesOfTheBookATestSets()
    {
        gateway.started();
        bybit.book(SYMBOL, List.of(level("59990.5", "1")), List.of(level("60010.5", "1")));

        gateway.venue.submit(market(1, Side.BUY, "0.01"), now());

        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.01@60010.5 fee 0.00001 BTC");
    }

    @Test
    void theFakeServesTheBookAsBybitDocumentsIt() throws Exception
    {
        bybit.book(SYMBOL, levels(59_999, -1, 25), levels(60_001, 1, 25));

        final JsonNode twenty = get("/v5/market/orderbook?category=spot&symbol=BTCUSDT&limit=20");
        assertThat(twenty.path("retCode").asInt()).isZero();
        assertThat(twenty.path("result").path("s").asText()).isEqualTo("BTCUSDT");
        assertThat(twenty.path("result").path("b")).hasSize(20);
        assertThat(twenty.path("result").path("a")).hasSize(20);
        assertThat(twenty.path("result").path("a").get(0).toString()).isEqualTo("[\"60001\",\"1\"]");
        assertThat(twenty.path("result").path("b").get(0).path(0).asText()).isEqualTo("59999");
        assertThat(twenty.path("result").path("ts").asLong()).isPositive();
        assertThat(twenty.path("result").path("u").asLong()).isPositive();
        assertThat(get("/v5/market/orderbook?category=spot&symbol=BTCUSDT").path("result").path("b"))
            .as("one level without limit").hasSize(1);
        assertThat(get("/v5/market/orderbook?category=spot&symbol=BTCUSDT&limit=200").path("result").path("b"))
            .as("every level, fewer than asked for").hasSize(25);

        assertThat(refusal("/v5/market/orderbook?category=spot&symbol=ETHBTC&limit=20"))
            .isEqualTo("10001 params error: symbol invalid");
        assertThat(refusal("/v5/market/orderbook?category=spot&symbol=BTCUSDT&limit=201"))
            .isEqualTo("10001 params error: limit invalid");
        assertThat(refusal("/v5/market/orderbook?category=spot&symbol=BTCUSDT&limit=0"))
            .isEqualTo("10001 params error: limit invalid");
        assertThat(refusal("/v5/market/orderbook?symbol=BTCUSDT&limit=20"))
            .isEqualTo("10001 params error: category invalid");
    }

    private void start()
    {
        gateway.venue.connect();
        gateway.venue.start(listener, now());
    }

    private void pollUntilDepths(final int count)
    {
        await().atMost(Duration.ofSeconds(10))
            .until(() -> gateway.venue.doWork(now()) >= 0 && listener.depths().size() >= count);
    }

    private static List<String> level(final String price, final String size)
    {
        return List.of(price, size);
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

    private JsonNode get(final String pathAndQuery) throws Exception
    {
        final HttpResponse<String> answer = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(bybit.baseUrl() + pathAndQuery)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("Bybit answers its refusals with HTTP 200 too").isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** @return Bybit's retCode and retMsg, e.g. {@code 10001 params error: symbol invalid}. */
    private String refusal(final String pathAndQuery) throws Exception
    {
        final JsonNode answer = get(pathAndQuery);
        assertThat(answer.path("result")).as("no book with a refusal").isEmpty();
        return answer.path("retCode").asInt() + " " + answer.path("retMsg").asText();
    }
}
