package io.cryptofix.venue.kraken;

import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Each order status Kraken documents, and one it does not, as the adapter reports it: the state,
 * Kraken's word and, for an order Kraken ended on its own, the reason for the client's Text; and
 * each reaching the gateway through polling.
 */
class KrakenOrderStatusTest
{
    private static final String KEY = "kraken-test-key";
    private static final String SECRET = Base64.getEncoder().encodeToString(
        "kraken-test-secret-of-some-length".getBytes(StandardCharsets.US_ASCII));

    private final FakeKraken kraken = FakeKraken.start(KEY, SECRET);
    private final KrakenClient client = new KrakenClient(kraken.baseUrl(), KEY, SECRET, System.currentTimeMillis());
    private final RecordingVenueListener listener = new RecordingVenueListener();

    @AfterEach
    void stop()
    {
        kraken.close();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "canceled | Cannot trade with self | CANCELED | canceled by Kraken's self-trade prevention (Cannot trade with self)",
        "canceled | Post only order        | CANCELED | canceled by Kraken: the post-only order would have taken liquidity (Post only order)",
        "canceled | Insufficient funds     | CANCELED | canceled by Kraken for insufficient funds (Insufficient funds)",
        "canceled | Order would trigger immediately | CANCELED | canceled by Kraken (Order would trigger immediately)",
        "canceled | User requested         | CANCELED | canceled at Kraken on request (User requested)",
        "canceled | -                      | CANCELED | canceled by Kraken (canceled)",
        "expired  | -                      | EXPIRED  | expired by Kraken at the order's expire time (expired)",
        "closed   | -                      | CANCELED | closed by Kraken with 0.004 of 0.01 executed",
        "pending  | -                      | OPEN     | -",
        "open     | -                      | OPEN     | -",
        "suspended | -                     | UNKNOWN  | Kraken order status 'suspended' is not one the gateway knows"})
    void eachStatusIsReadWithKrakensWordAndWhyKrakenEndedTheOrder(
        final String status, final String reason, final State state, final String why) throws Exception
    {
        client.connect("KRAKEN", List.of("BTC/USD"));
        final String userref = client.clientOrderId(1, 0);
        final ExchangeOrder placed = client.place(limit(1), userref);
        kraken.trade(userref, "0.004", "50000");

        kraken.endOrder(userref, status, reason);
        final ExchangeOrder found = client.find("BTC/USD", placed.venueOrderId(), null);

        assertThat(found.state()).isEqualTo(state);
        assertThat(found.venueStatus()).isEqualTo(status);
        assertThat(found.reason()).isEqualTo(why);
        assertThat(found.executedQty()).isEqualByComparingTo("0.004");
        assertThat(client.findAll(List.of(placed.venueOrderId())).get(placed.venueOrderId())).isEqualTo(found);
        assertThat(client.find("BTC/USD", null, userref)).isEqualTo(found);
    }

    @Test
    void aFullyExecutedOrderIsFilledWithoutAReason() throws Exception
    {
        client.connect("KRAKEN", List.of("BTC/USD"));
        final String userref = client.clientOrderId(1, 0);
        final ExchangeOrder placed = client.place(limit(1), userref);

        kraken.trade(userref, "0.01", "50000");

        final ExchangeOrder found = client.find("BTC/USD", placed.venueOrderId(), null);
        assertThat(found.state()).isEqualTo(State.FILLED);
        assertThat(found.venueStatus()).isEqualTo("closed");
        assertThat(found.reason()).isNull();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "canceled | Cannot trade with self | CANCELED 1 canceled by Kraken's self-trade prevention (Cannot trade with self)",
        "canceled | Post only order        | CANCELED 1 canceled by Kraken: the post-only order would have taken liquidity (Post only order)",
        "canceled | Insufficient funds     | CANCELED 1 canceled by Kraken for insufficient funds (Insufficient funds)",
        "canceled | Order would trigger immediately | CANCELED 1 canceled by Kraken (Order would trigger immediately)",
        "canceled | User requested         | CANCELED 1 canceled at Kraken on request (User requested)",
        "canceled | -                      | CANCELED 1 canceled by Kraken (canceled)",
        "expired  | -                      | EXPIRED 1 expired by Kraken at the order's expire time (expired)",
        "closed   | -                      | CANCELED 1 closed by Kraken with 0.004 of 0.01 executed",
        "closed   | Liquidated             | CANCELED 1 closed by Kraken with 0.004 of 0.01 executed (Liquidated)"})
    void anOrderKrakenEndsOnItsOwnReachesTheGatewayByPolling(final String status, final String reason, final String event)
    {
        final RestVenue venue = venue();
        venue.submit(limit(1), System.currentTimeMillis());
        kraken.trade(kraken.lastUserref(), "0.004", "50000");

        kraken.endOrder(kraken.lastUserref(), status, reason);
        await().atMost(Duration.ofSeconds(10))
            .until(() -> venue.doWork(System.currentTimeMillis()) >= 0 && listener.events().size() >= 3);

        // the trade with its maker fee, then the end with Kraken's reason in the client's words
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.004@50000 fee 0.32 USD", event);
    }

    @Test
    void aCancelOfAnOrderKrakenHasEndedTellsTheEndNotARefusal() throws Exception
    {
        final RestVenue venue = venue();
        venue.submit(limit(1), System.currentTimeMillis());
        kraken.endOrder(kraken.lastUserref(), "expired", null);

        venue.cancel(new VenueCancel(1, "BTC/USD", null), System.currentTimeMillis());

        assertThat(listener.events())
            .containsExactly("ACCEPTED 1", "EXPIRED 1 expired by Kraken at the order's expire time (expired)");
    }

    @Test
    void atClientLevelTheCancelIsAnUnknownOrderAndTheLookupTellsHowKrakenEndedIt() throws Exception
    {
        client.connect("KRAKEN", List.of("BTC/USD"));
        final String userref = client.clientOrderId(1, 0);
        final ExchangeOrder placed = client.place(limit(1), userref);
        kraken.endOrder(userref, "canceled", "Cannot trade with self");

        assertThatThrownBy(() -> client.cancel("BTC/USD", placed.venueOrderId(), userref))
            .satisfies(e -> assertThat(client.classify((Exception)e))
                .isEqualTo(new VenueError(VenueError.Kind.UNKNOWN_ORDER, "EOrder:Unknown order", 0)));
        assertThat(client.find("BTC/USD", placed.venueOrderId(), userref).reason())
            .isEqualTo("canceled by Kraken's self-trade prevention (Cannot trade with self)");
    }

    private RestVenue venue()
    {
        final ExchangeVenueConfig config = new ExchangeVenueConfig(kraken.baseUrl(), "UNUSED_KEY", "UNUSED_SECRET",
            "UNUSED_PASSPHRASE", null, 50, 10, 50, List.of("BTC/USD"));
        final RestVenue venue = new RestVenue("KRAKEN", config, client, System::currentTimeMillis, VenueMetrics.NONE);
        venue.connect();
        venue.start(listener, System.currentTimeMillis());
        return venue;
    }

    private static VenueOrder limit(final long key)
    {
        return VenueOrder.of(key, "BTC/USD", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000"));
    }
}
