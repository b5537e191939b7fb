package io.cryptofix.venue.bybit;

import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.VenueQuery;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueUnavailableException;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Bybit adapter (its V5 calls on XChange's REST layer and Bybit signer, under the gateway's REST
 * venue) against a local fake Bybit that checks key, timestamp and signature as Bybit does.
 */
class BybitAdapterTest
{
    private static final String KEY = "bybit-test-key";
    private static final String SECRET = "bybit-test-secret";

    private final FakeBybit bybit = FakeBybit.start(KEY, SECRET);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private RestVenue venue;

    @AfterEach
    void stop()
    {
        bybit.close();
    }

    @Test
    void connectingChecksTheKeysAndLoadsTheInstrumentRules()
    {
        assertThat(venue(SECRET).connect()).containsExactly(
            new Instrument("BYBIT", "BTC/USDT", fixed("0.01"), fixed("0.000001"), fixed("0.000048"), fixed("1")));
    }

    @Test
    void aWrongSecretIsRefusedWithBybitsOwnCode()
    {
        assertThatThrownBy(() -> venue("not-the-secret").connect())
            .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("error sign!")
            .hasMessageNotContaining("not-the-secret");
    }

    @Test
    void aRestingOrderIsAcknowledgedItsFillsFoundByPollingAndACancelEndsIt()
    {
        start();
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        assertThat(bybit.lastOrderLinkId()).isEqualTo("cfx-T1-1-0");
        bybit.tradeLast("0.004", "50000");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 2);
        venue.cancel(new VenueCancel(1, "BTC/USDT", null), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.004@50000 fee 0.000004 BTC", "CANCELED 1 canceled by request");
    }

    @Test
    void marketOrdersFillRefusalsCarryBybitsWordsAndATakingPostOnlyIsCanceledByBybit()
    {
        start();
        venue.submit(VenueOrder.of(1, "BTC/USDT", Side.BUY, OrdType.MARKET, fixed("0.01"), 0), now());
        venue.submit(limit(2, Side.BUY, "10", "50000"), now());
        venue.submit(new VenueOrder(3, 0, "BTC/USDT", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("60000.01"), 0,
            TimeInForce.GOOD_TILL_CANCEL, 0, true), now());

        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "FILL 1 0.01@60000.01 fee 0.00001 BTC",
            "REJECTED 2 Insufficient balance. (170131)",
            "ACCEPTED 3",
            "CANCELED 3 canceled by Bybit: post-only order that would take liquidity (Cancelled, EC_PostOnlyWillTakeLiquidity)");
    }

    @Test
    void anOrderWhoseAnswerIsLostIsFoundByItsOrderLinkIdAndNeverPlacedTwice()
    {
        start();
        bybit.dropNextOrderResponse();

        venue.submit(limit(1, Side.SELL, "0.01", "70000"), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1");
        assertThat(bybit.ordersWithOrderLinkId("cfx-T1-1-0")).isEqualTo(1);
        assertThat(bybit.requests("POST /v5/order/create")).isEqualTo(1);
        venue.query(new VenueQuery(1, 0, "BTC/USDT", null), now());
        assertThat(listener.events()).last().isEqualTo("STATUS 1 OPEN 0@0");
    }

    @Test
    void aServerErrorOnSubmitIsLeftInDoubtUntilAStatusQuerySaysTheOrderIsUnknownAndItIsNeverSentAgain()
    {
        start();
        bybit.latency(50);
        bybit.serverErrorNext(502);

        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        assertThat(listener.events()).isEmpty();
        venue.query(new VenueQuery(1, 0, "BTC/USDT", null), now());

        assertThat(listener.events()).containsExactly("STATUS 1 UNKNOWN 0@0");
        assertThat(bybit.requests("POST /v5/order/create")).isEqualTo(1);
    }

    @Test
    void aRateLimitIsARejectionNotARetry()
    {
        start();
        bybit.rateLimitNext();

        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

        assertThat(listener.events()).containsExactly("REJECTED 1 rate limited, order not placed: Too many visits! (10006)");
        assertThat(bybit.requests("POST /v5/order/create")).isEqualTo(1);
    }

    @Test
    void aStopIsHeldByBybitAndFillsWhenTheMarketReachesItAndOneWhoseTriggerIsPassedIsRefused()
    {
        start();
        venue.submit(new VenueOrder(1, 0, "BTC/USDT", Side.BUY, OrdType.STOP, fixed("0.01"), 0, fixed("61000"),
            TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        venue.submit(new VenueOrder(2, 0, "BTC/USDT", Side.SELL, OrdType.STOP, fixed("0.01"), 0, fixed("61000"),
            TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "REJECTED 2 expect Falling, but trigger_price[61000] >= current[59999.99] (110093)");

        bybit.market("61000", "61000.02");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 3);

        assertThat(listener.events()).last().isEqualTo("FILL 1 0.01@61000.02 fee 0.00001 BTC");
    }

    @Test
    void aStopLimitIsCanceledUntriggeredAndAfterItTriggered()
    {
        start();
        venue.submit(new VenueOrder(1, 0, "BTC/USDT", Side.SELL, OrdType.STOP_LIMIT, fixed("0.01"), fixed("58000"),
            fixed("59000"), TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        venue.submit(new VenueOrder(2, 0, "BTC/USDT", Side.BUY, OrdType.MARKET_IF_TOUCHED, fixed("0.01"), 0,
            fixed("59500"), TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        venue.cancel(new VenueCancel(1, "BTC/USDT", null), now());
        // a buy StopLimit triggered by a rising price since it was last polled is an ordinary order to cancel
        venue.submit(new VenueOrder(3, 0, "BTC/USDT", Side.BUY, OrdType.STOP_LIMIT, fixed("0.01"), fixed("50000"),
            fixed("60500"), TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        bybit.market("60500", "60500.5");
        venue.cancel(new VenueCancel(3, "BTC/USDT", null), now());

        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "ACCEPTED 2", "CANCELED 1 canceled by request", "ACCEPTED 3", "CANCELED 3 canceled by request");
        assertThat(bybit.requests("POST /v5/order/cancel")).as("one refused with the StopOrder filter, then sent without")
            .isEqualTo(3);
    }

    @Test
    void theOpenOrdersAreListedConditionalOnesIncludedWhoeverPlacedThem() throws Exception
    {
        start();
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        venue.submit(new VenueOrder(2, 0, "BTC/USDT", Side.BUY, OrdType.STOP, fixed("0.01"), 0, fixed("61000"),
            TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        venue.submit(VenueOrder.of(3, "BTC/USDT", Side.BUY, OrdType.MARKET, fixed("0.01"), 0), now());
        final BybitClient nextRun = new BybitClient(bybit.baseUrl(), KEY, SECRET, "T2");
        nextRun.connect("BYBIT", List.of("BTC/USDT"));

        assertThat(nextRun.openOrders()).extracting(ExchangeOrder::clientOrderId)
            .containsExactlyInAnyOrder("cfx-T1-1-0", "cfx-T1-2-0");
    }

    private void start()
    {
        venue = venue(SECRET);
        venue.connect();
        venue.start(listener, now());
    }

    private RestVenue venue(final String secret)
    {
        final ExchangeVenueConfig config = new ExchangeVenueConfig(
            bybit.baseUrl(), "UNUSED_KEY", "UNUSED_SECRET", "UNUSED_PASSPHRASE", null, 50, 10, 50, List.of("BTC/USDT"));
        return new RestVenue("BYBIT", config, new BybitClient(bybit.baseUrl(), KEY, secret, "T1"),
            System::currentTimeMillis, VenueMetrics.NONE);
    }

    private static VenueOrder limit(final long key, final Side side, final String qty, final String price)
    {
        return VenueOrder.of(key, "BTC/USDT", side, OrdType.LIMIT, fixed(qty), fixed(price));
    }

    private static long now()
    {
        return System.currentTimeMillis();
    }
}
