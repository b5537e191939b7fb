package io.cryptofix.venue.binance;

import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.ExchangeOrder.State;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueError;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;
import static org.awaitility.Awaitility.await;

/**
 * Orders Binance ends on its own, in each status word its spot API documents and in one it does
 * not: what the client reads of them, and what the gateway hears when it polls or cancels them.
 */
class BinanceVenueEndsTest
{
    private static final String KEY = "test-api-key";
    private static final String SECRET = "test-secret-key";
    private static final String FIRST_ORDER = "cfx-T1-1-0";

    private final FakeBinance binance = FakeBinance.start(KEY, SECRET);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private final BinanceClient client = new BinanceClient(binance.baseUrl(), KEY, SECRET, "T1");

    @AfterEach
    void stop()
    {
        binance.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NEW              | OPEN     |",
        "PARTIALLY_FILLED | OPEN     |",
        "PENDING_NEW      | OPEN     |",
        "PENDING_CANCEL   | OPEN     |",
        "FILLED           | FILLED   |",
        "CANCELED         | CANCELED |",
        "EXPIRED          | CANCELED | canceled by Binance itself, e.g. in maintenance or liquidation (EXPIRED)",
        "EXPIRED_IN_MATCH | CANCELED | expired by Binance's self-trade prevention (EXPIRED_IN_MATCH)",
        "REJECTED         | REJECTED | rejected by Binance (REJECTED)",
        "PENDING_REVIEW   | UNKNOWN  | Binance order status PENDING_REVIEW not known to the adapter"})
    void everyStatusWordIsReadWithTheVenuesWordAndWhyBinanceEndedTheOrder(
        final String status, final State state, final String reason) throws Exception
    {
        client.connect("BINANCE", List.of("BTC/USDT"));
        client.place(limit(1, Side.BUY, TimeInForce.GOOD_TILL_CANCEL), FIRST_ORDER);
        binance.endOrder(FIRST_ORDER, status);

        final ExchangeOrder found = client.find("BTC/USDT", null, FIRST_ORDER);

        assertThat(found.state()).isEqualTo(state);
        assertThat(found.venueStatus()).isEqualTo(status);
        assertThat(found.reason()).isEqualTo(reason);
        assertThat(found.clientOrderId()).isEqualTo(FIRST_ORDER);
    }

    @Test
    void anIocOrderBinanceExpiresIsCanceledForTheOrderTypesRuleNotTheExchanges() throws Exception
    {
        client.connect("BINANCE", List.of("BTC/USDT"));

        final ExchangeOrder placed = client.place(limit(1, Side.BUY, TimeInForce.IMMEDIATE_OR_CANCEL), FIRST_ORDER);

        assertThat(placed.state()).isEqualTo(State.CANCELED);
        assertThat(placed.reason()).isEqualTo(BinanceOrderStatus.EXPIRED_BY_ORDER_RULE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EXPIRED          | CANCELED 1 canceled by Binance itself, e.g. in maintenance or liquidation (EXPIRED)",
        "EXPIRED_IN_MATCH | CANCELED 1 expired by Binance's self-trade prevention (EXPIRED_IN_MATCH)",
        "CANCELED         | CANCELED 1 canceled by the venue",
        "REJECTED         | REJECTED 1 rejected by Binance (REJECTED)"})
    void anOrderBinanceEndsOnItsOwnReachesTheGatewayByPollingWithWhyItEnded(final String status, final String event)
    {
        final RestVenue venue = startedVenue();
        venue.submit(VenueOrder.of(1, "BTC/USDT", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000")), now());
        binance.endOrder(FIRST_ORDER, status);

        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 2);

        assertThat(listener.events()).containsExactly("ACCEPTED 1", event);
    }

    @Test
    void anUnknownStatusWordPutsTheOrderInDoubtWithoutEndingItAndItIsFollowedOn()
    {
        final RestVenue venue = startedVenue();
        venue.submit(VenueOrder.of(1, "BTC/USDT", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000")), now());
        binance.endOrder(FIRST_ORDER, "PENDING_REVIEW");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 2);

        binance.endOrder(FIRST_ORDER, "NEW");
        binance.trade(FIRST_ORDER, "0.01", "50000");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 3);

        assertThat(listener.events().get(1)).startsWith("IN_DOUBT 1 ").contains("'PENDING_REVIEW'");
        assertThat(listener.events()).startsWith("ACCEPTED 1").endsWith("FILL 1 0.01@50000 fee 0.00001 BTC");
    }

    @Test
    void aCancelOfAnOrderBinanceHasEndedIsAnUnknownOrderAndTheLookupTellsTheTrueEnd() throws Exception
    {
        client.connect("BINANCE", List.of("BTC/USDT"));
        final ExchangeOrder placed = client.place(limit(1, Side.BUY, TimeInForce.GOOD_TILL_CANCEL), FIRST_ORDER);
        binance.endOrder(FIRST_ORDER, "EXPIRED_IN_MATCH");

        final Exception refused = catchException(() -> client.cancel("BTC/USDT", placed.venueOrderId(), FIRST_ORDER));

        assertThat(client.classify(refused)).isEqualTo(
            new VenueError(VenueError.Kind.UNKNOWN_ORDER, "Unknown order sent. (-2011)", 0));
        assertThat(client.find("BTC/USDT", placed.venueOrderId(), FIRST_ORDER)).extracting(
            ExchangeOrder::state, ExchangeOrder::reason).containsExactly(State.CANCELED, BinanceOrderStatus.SELF_TRADE_PREVENTION);
    }

    @Test
    void theGatewayCancelingAnOrderBinanceHasEndedHearsItCanceledNotACancelReject()
    {
        final RestVenue venue = startedVenue();
        venue.submit(VenueOrder.of(1, "BTC/USDT", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000")), now());
        binance.endOrder(FIRST_ORDER, "EXPIRED_IN_MATCH");

        venue.cancel(new VenueCancel(1, "BTC/USDT", null), now());

        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "CANCELED 1 expired by Binance's self-trade prevention (EXPIRED_IN_MATCH)");
    }

    @Test
    void anOrderIsFoundByItsClientOrderIdAloneInOneQueryAndNoneIsNull() throws Exception
    {
        client.connect("BINANCE", List.of("BTC/USDT"));
        client.place(limit(1, Side.BUY, TimeInForce.GOOD_TILL_CANCEL), FIRST_ORDER);

        final ExchangeOrder found = client.find("BTC/USDT", null, FIRST_ORDER);
        final ExchangeOrder none = client.find("BTC/USDT", null, "cfx-T1-99-0");

        assertThat(found.state()).isEqualTo(State.OPEN);
        assertThat(none).isNull();
        assertThat(binance.lastRequest("GET /api/v3/order")).containsEntry("origClientOrderId", "cfx-T1-99-0")
            .doesNotContainKey("orderId");
        assertThat(binance.requests("GET /api/v3/order")).isEqualTo(2);
        assertThat(binance.requests("GET /api/v3/allOrders")).isZero();
    }

    @Test
    void anOrderKnownOnlyByItsClientOrderIdIsCanceledByIt() throws Exception
    {
        client.connect("BINANCE", List.of("BTC/USDT"));
        client.place(limit(1, Side.BUY, TimeInForce.GOOD_TILL_CANCEL), FIRST_ORDER);

        final ExchangeOrder canceled = client.cancel("BTC/USDT", null, FIRST_ORDER);

        assertThat(canceled).extracting(ExchangeOrder::state, ExchangeOrder::clientOrderId)
            .containsExactly(State.CANCELED, FIRST_ORDER);
        assertThat(binance.lastRequest("DELETE /api/v3/order")).containsEntry("origClientOrderId", FIRST_ORDER);
        assertThat(binance.requests("DELETE /api/v3/order")).isEqualTo(1);
    }

    private RestVenue startedVenue()
    {
        final RestVenue venue = new RestVenue("BINANCE", new ExchangeVenueConfig(binance.baseUrl(), "K", "S", "P", null, 50,
            10, 50, List.of("BTC/USDT")), client, System::currentTimeMillis, VenueMetrics.NONE);
        venue.connect();
        venue.start(listener, now());
        return venue;
    }

    private static VenueOrder limit(final long key, final Side side, final TimeInForce timeInForce)
    {
        return new VenueOrder(key, 0, "BTC/USDT", side, OrdType.LIMIT, fixed("0.01"), fixed("50000"), 0, timeInForce, 0,
            false);
    }

    private static long now()
    {
        return System.currentTimeMillis();
    }
}
