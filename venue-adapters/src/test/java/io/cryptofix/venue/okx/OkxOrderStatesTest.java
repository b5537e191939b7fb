package io.cryptofix.venue.okx;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueError;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;
import static io.cryptofix.venue.okx.OkxTestVenues.SYMBOL;
import static io.cryptofix.venue.okx.OkxTestVenues.client;
import static io.cryptofix.venue.okx.OkxTestVenues.hostClock;
import static io.cryptofix.venue.okx.OkxTestVenues.limit;
import static io.cryptofix.venue.okx.OkxTestVenues.now;
import static io.cryptofix.venue.okx.OkxTestVenues.venue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;
import static org.awaitility.Awaitility.await;

/**
 * Every state OKX documents for an order and an algo order, as the client maps it, with OKX's reason
 * for an order it ended on its own, and what the gateway hears of it through the REST venue.
 */
class OkxOrderStatesTest
{
    private static final String FIRST = "cfxT1o1p0";

    private final FakeOkx okx = FakeOkx.start(OkxTestVenues.KEY, OkxTestVenues.SECRET, OkxTestVenues.PASSPHRASE);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private OkxClient client;
    private RestVenue venue;

    @BeforeEach
    void start()
    {
        client = client(okx, hostClock(), false);
        venue = venue(okx, client, false);
        venue.connect();
        venue.start(listener, now());
    }

    @AfterEach
    void stop()
    {
        venue.close();
        okx.close();
    }

    @Test
    void aWorkingOrderIsOpenWithOkxsWordForIt() throws Exception
    {
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        assertThat(find(FIRST)).extracting(ExchangeOrder::state, ExchangeOrder::venueStatus)
            .containsExactly(ExchangeOrder.State.OPEN, "live");

        okx.tradeLast("0.004", "50000");

        assertThat(find(FIRST)).extracting(ExchangeOrder::state, ExchangeOrder::venueStatus, ExchangeOrder::executedQty)
            .containsExactly(ExchangeOrder.State.OPEN, "partially_filled", new java.math.BigDecimal("0.004"));
    }

    @Test
    void selfTradePreventionIsACancelByOkxWithItsReason() throws Exception
    {
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        okx.endOrder(FIRST, "canceled", "32", "Self trade prevention");

        assertThat(find(FIRST)).extracting(ExchangeOrder::state, ExchangeOrder::venueStatus, ExchangeOrder::reason)
            .containsExactly(ExchangeOrder.State.CANCELED, "canceled",
                "canceled by OKX's self-trade prevention (cancelSource 32: Self trade prevention)");
        assertCanceledByPolling("canceled by OKX's self-trade prevention (cancelSource 32: Self trade prevention)");
    }

    @Test
    void aCancelByOkxsSystemSaysSo() throws Exception
    {
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        okx.endOrder(FIRST, "canceled", "0", "");

        assertThat(find(FIRST).reason()).isEqualTo("canceled by OKX's system (cancelSource 0)");
        assertCanceledByPolling("canceled by OKX's system (cancelSource 0)");
    }

    @Test
    void marketMakerProtectionIsACancelByOkx() throws Exception
    {
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        okx.endOrder(FIRST, "mmp_canceled");

        assertThat(find(FIRST)).extracting(ExchangeOrder::state, ExchangeOrder::venueStatus, ExchangeOrder::reason)
            .containsExactly(ExchangeOrder.State.CANCELED, "mmp_canceled",
                "canceled by OKX's market maker protection (mmp_canceled)");
        assertCanceledByPolling("canceled by OKX's market maker protection (mmp_canceled)");
    }

    @Test
    void theRestOfAnImmediateOrCancelOrderIsCanceledByOkxWithItsReason() throws Exception
    {
        venue.submit(new VenueOrder(1, 0, SYMBOL, Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000"), 0,
            TimeInForce.IMMEDIATE_OR_CANCEL, 0, false), now());

        assertThat(find(FIRST)).extracting(ExchangeOrder::state, ExchangeOrder::reason).containsExactly(
            ExchangeOrder.State.CANCELED, "canceled by OKX: rest of an immediate-or-cancel order " +
                "(cancelSource 14: Rest of an IOC order canceled)");
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "CANCELED 1 canceled by OKX: rest of an " +
            "immediate-or-cancel order (cancelSource 14: Rest of an IOC order canceled)");
    }

    @Test
    void aCancelTheAccountAskedForCarriesNoReasonOfOkxs() throws Exception
    {
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        venue.cancel(new VenueCancel(1, SYMBOL, null), now());

        assertThat(find(FIRST)).extracting(ExchangeOrder::state, ExchangeOrder::reason)
            .containsExactly(ExchangeOrder.State.CANCELED, null);
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "CANCELED 1 canceled by request");
    }

    @Test
    void aFilledOrderIsFilled() throws Exception
    {
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        okx.fillInTrades(FIRST, "0.01@50000");

        assertThat(find(FIRST)).extracting(ExchangeOrder::state, ExchangeOrder::venueStatus)
            .containsExactly(ExchangeOrder.State.FILLED, "filled");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 2);
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.01@50000 fee 0.000008 BTC");
    }

    @Test
    void aStateOkxNeverDocumentedIsUnknownWithItsWordNeverOpen() throws Exception
    {
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        okx.endOrder(FIRST, "frozen_by_risk_control");

        final ExchangeOrder found = find(FIRST);

        assertThat(found).extracting(ExchangeOrder::state, ExchangeOrder::venueStatus)
            .containsExactly(ExchangeOrder.State.UNKNOWN, "frozen_by_risk_control");
        assertThat(found.isTerminal()).isFalse();
    }

    @Test
    void anOrderOkxDoesNotKnowIsNotFound() throws Exception
    {
        assertThat(client.find(SYMBOL, null, "cfxT1o99p0")).isNull();
        assertThat(client.find(SYMBOL, "42", null)).isNull();
    }

    @Test
    void aCancelOfAnOrderOkxAlreadyEndedTellsTheTrueEndNotARefusal() throws Exception
    {
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        okx.endOrder(FIRST, "canceled", "32", "Self trade prevention");

        final Exception refused = catchException(() -> client.cancel(SYMBOL, null, FIRST));
        assertThat(client.classify(refused).kind()).isEqualTo(VenueError.Kind.UNKNOWN_ORDER);

        venue.cancel(new VenueCancel(1, SYMBOL, null), now());
        assertThat(listener.events()).containsExactly("ACCEPTED 1",
            "CANCELED 1 canceled by OKX's self-trade prevention (cancelSource 32: Self trade prevention)");
    }

    @Test
    void anAlgoOrderIsOpenUntilTriggeredOrPausedAndRefusedWhenOkxCouldNotPlaceItsOrder() throws Exception
    {
        venue.submit(stop(1), now());
        venue.submit(stop(2), now());
        venue.submit(stop(3), now());
        okx.endAlgoOrder("cfxT1o2p0", "pause", "");
        okx.endAlgoOrder("cfxT1o3p0", "order_failed", "51008");

        assertThat(List.of(find("cfxT1o1p0"), find("cfxT1o2p0")))
            .extracting(ExchangeOrder::state, ExchangeOrder::venueStatus)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(ExchangeOrder.State.OPEN, "live"),
                org.assertj.core.groups.Tuple.tuple(ExchangeOrder.State.OPEN, "pause"));
        assertThat(find("cfxT1o3p0")).extracting(ExchangeOrder::state, ExchangeOrder::reason).containsExactly(
            ExchangeOrder.State.REJECTED, "OKX could not place the order on its trigger (order_failed, 51008)");
    }

    @Test
    void anAlgoStateOkxNeverDocumentedIsUnknown() throws Exception
    {
        venue.submit(stop(1), now());
        okx.endAlgoOrder("cfxT1o1p0", "suspended", "");

        assertThat(find("cfxT1o1p0")).extracting(ExchangeOrder::state, ExchangeOrder::venueStatus)
            .containsExactly(ExchangeOrder.State.UNKNOWN, "suspended");
    }

    private static VenueOrder stop(final long key)
    {
        return new VenueOrder(key, 0, SYMBOL, Side.BUY, OrdType.STOP, fixed("0.01"), 0, fixed("61000"),
            TimeInForce.GOOD_TILL_CANCEL, 0, false);
    }

    private ExchangeOrder find(final String clientOrderId) throws Exception
    {
        return client.find(SYMBOL, null, clientOrderId);
    }

    /** Polling finds the order ended and tells the gateway it is canceled, in OKX's words. */
    private void assertCanceledByPolling(final String reason)
    {
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 2);
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "CANCELED 1 " + reason);
    }
}
