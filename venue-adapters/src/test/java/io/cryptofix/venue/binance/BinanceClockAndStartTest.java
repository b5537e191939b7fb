package io.cryptofix.venue.binance;

import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.VenueClock;
import io.cryptofix.venue.rest.VenueError;
import io.cryptofix.venue.rest.VenueUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchException;

/**
 * Binance's clock and start-up: signed requests stamped by the venue clock as measured from
 * {@code /api/v3/time} and refused by Binance's timing rule when it is off, Binance's answers
 * during an outage or maintenance at start, and the Spot Test Network's endpoint set.
 */
class BinanceClockAndStartTest
{
    private static final String KEY = "test-api-key";
    private static final String SECRET = "test-secret-key";

    private FakeBinance binance = FakeBinance.start(KEY, SECRET);
    private final VenueClock clock = new VenueClock(System::currentTimeMillis);

    @AfterEach
    void stop()
    {
        binance.close();
    }

    @Test
    void aVenueClockBehindTheHostRefusesUnsyncedRequestsUntilTheClockIsMeasuredFromBinancesTime() throws Exception
    {
        binance.clockOffset(-1500);
        final BinanceClient client = configured(false, 5000);

        assertThatThrownBy(() -> client.connect("BINANCE", List.of("BTC/USDT")))
            .isInstanceOf(VenueUnavailableException.class)
            .hasMessageEndingWith("cannot be used: timestamp outside recvWindow (-1021): " +
                "Timestamp for this request was 1000ms ahead of the server's time.");

        measure(client);
        client.connect("BINANCE", List.of("BTC/USDT"));
        final ExchangeOrder placed = client.place(limit(1), "cfx-T1-1-0");

        assertThat(placed.state()).isEqualTo(ExchangeOrder.State.OPEN);
        assertThat(clock.offsetMillis()).isBetween(-2500L, -500L);
    }

    @Test
    void aTimestampOlderThanTheReceiveWindowIsAClockErrorNamedAfterBinancesCode() throws Exception
    {
        final BinanceClient client = configured(false, 5000);
        client.connect("BINANCE", List.of("BTC/USDT"));
        binance.clockOffset(6000);

        final Exception refused = catchException(() -> client.place(limit(1), "cfx-T1-1-0"));
        final VenueError error = client.classify(refused);
        measure(client);

        assertThat(error).isEqualTo(VenueError.clock(
            "timestamp outside recvWindow (-1021): Timestamp for this request is outside of the recvWindow."));
        assertThat(binance.orderCount()).isZero();
        assertThat(client.place(limit(1), "cfx-T1-1-0").state()).isEqualTo(ExchangeOrder.State.OPEN);
    }

    @Test
    void everySignedRequestCarriesTheConfiguredReceiveWindowAndTheVenueClocksTime() throws Exception
    {
        binance.clockOffset(-3000);
        final BinanceClient client = configured(false, 7000);
        measure(client);
        client.connect("BINANCE", List.of("BTC/USDT"));

        final long before = clock.millis();
        client.place(limit(1), "cfx-T1-1-0");
        final long after = clock.millis();

        assertThat(binance.lastRequest("POST /api/v3/order")).containsEntry("recvWindow", "7000");
        assertThat(Long.parseLong(binance.lastRequest("POST /api/v3/order").get("timestamp"))).isBetween(before, after);
        assertThat(binance.lastRequest("GET /api/v3/account")).containsEntry("recvWindow", "7000");
    }

    @Test
    void theServerTimeIsBinancesOwn() throws Exception
    {
        binance.clockOffset(-60_000);
        final BinanceClient client = configured(false, 5000);

        final long sent = System.currentTimeMillis();
        final long serverTime = client.serverTimeMillis();

        assertThat(serverTime - sent).isBetween(-61_000L, -59_000L);
    }

    @Test
    void anOutageAtStartMakesTheVenueUnavailableWithBinancesAnswerAndItConnectsOnceTheOutageEnds()
    {
        final BinanceClient client = configured(false, 5000);
        binance.serverErrors(2, 502);

        assertThatThrownBy(() -> client.connect("BINANCE", List.of("BTC/USDT")))
            .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("Binance answered HTTP 502");
        assertThatThrownBy(() -> client.connect("BINANCE", List.of("BTC/USDT")))
            .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("Binance answered HTTP 502");

        assertThat(client.connect("BINANCE", List.of("BTC/USDT"))).hasSize(1);
    }

    @Test
    void binancesServiceUnavailableAtStartIsNamedWithItsCodeAndAtRunTimeItIsAmbiguous() throws Exception
    {
        final BinanceClient client = configured(false, 5000);
        binance.unavailable(1);

        assertThatThrownBy(() -> client.connect("BINANCE", List.of("BTC/USDT")))
            .isInstanceOf(VenueUnavailableException.class)
            .hasMessageEndingWith("cannot be used: Internal error; unable to process your request. Please try again. (-1001)");
        client.connect("BINANCE", List.of("BTC/USDT"));

        binance.unavailable(1);
        final VenueError error = client.classify(catchException(() -> client.place(limit(1), "cfx-T1-1-0")));
        binance.serverErrors(1, 503);
        final VenueError outage = client.classify(catchException(() -> client.place(limit(2), "cfx-T1-2-0")));

        assertThat(error.kind()).isEqualTo(VenueError.Kind.AMBIGUOUS);
        assertThat(outage.kind()).isEqualTo(VenueError.Kind.AMBIGUOUS);
        assertThat(outage.reason()).startsWith("Binance answered HTTP 503");
    }

    @Test
    void connectingReadsExchangeInfoOnceAndCallsNothingOutsideApi()
    {
        configured(false, 5000).connect("BINANCE", List.of("BTC/USDT"));

        assertThat(binance.requests("GET /api/v3/exchangeInfo")).isEqualTo(1);
        assertThat(binance.requestedPaths()).allSatisfy(path -> assertThat(path).startsWith("/api/v3/"));
    }

    @Test
    void onTheSpotTestNetworkConnectPlaceFindCancelAndTheRestWorkWithOnlyItsEndpoints() throws Exception
    {
        binance.close();
        binance = FakeBinance.startTestnet(KEY, SECRET);
        final BinanceClient client = configured(true, 5000);

        measure(client);
        client.connect("BINANCE", List.of("BTC/USDT"));
        final ExchangeOrder placed = client.place(limit(1), "cfx-T1-1-0");
        final ExchangeOrder found = client.find("BTC/USDT", null, "cfx-T1-1-0");
        final ExchangeOrder canceled = client.cancel("BTC/USDT", placed.venueOrderId(), "cfx-T1-1-0");
        client.trades("BTC/USDT", canceled);
        client.openOrders();
        client.balances();
        client.marketDepth();

        assertThat(found.venueOrderId()).isEqualTo(placed.venueOrderId());
        assertThat(canceled.state()).isEqualTo(ExchangeOrder.State.CANCELED);
        assertThat(binance.requests("GET /sapi/v1/asset/assetDetail")).isZero();
        assertThat(binance.requestedPaths()).allSatisfy(path -> assertThat(path).startsWith("/api/v3/"));
    }

    @Test
    void theTestnetFakeServesNoSapiEndpoint() throws Exception
    {
        binance.close();
        binance = FakeBinance.startTestnet(KEY, SECRET);
        final HttpResponse<String> answer = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(binance.baseUrl() + "/sapi/v1/asset/assetDetail")).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(404);
    }

    private BinanceClient configured(final boolean testnet, final long recvWindowMillis)
    {
        final BinanceClient client = new BinanceClient(binance.baseUrl(), KEY, SECRET, "T1");
        client.configure(new ExchangeVenueConfig(binance.baseUrl(), "K", "S", "P", null, 50, 10, 50, List.of("BTC/USDT"),
            testnet, recvWindowMillis), clock);
        return client;
    }

    private void measure(final BinanceClient client) throws Exception
    {
        final long sent = System.currentTimeMillis();
        final long serverTime = client.serverTimeMillis();
        clock.measured(sent, serverTime, System.currentTimeMillis());
    }

    private static VenueOrder limit(final long key)
    {
        return VenueOrder.of(key, "BTC/USDT", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000"));
    }
}
