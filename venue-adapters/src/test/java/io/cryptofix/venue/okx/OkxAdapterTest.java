package io.cryptofix.venue.okx;

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
 * The OKX adapter (XChange's okex binding, and its own placement call on XChange's REST layer, under
 * the gateway's REST venue) against a local fake OKX that checks key, passphrase, timestamp and
 * signature as OKX does.
 */
class OkxAdapterTest
{
    private static final String KEY = "okx-test-key";
    private static final String SECRET = "okx-test-secret";
    private static final String PASSPHRASE = "okx-passphrase";

    private final FakeOkx okx = FakeOkx.start(KEY, SECRET, PASSPHRASE);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private RestVenue venue;

    @AfterEach
    void stop()
    {
        okx.close();
    }

    @Test
    void connectingChecksTheKeysAndLoadsTheInstrumentRules()
    {
        assertThat(venue(SECRET, PASSPHRASE).connect()).containsExactly(
            new Instrument("OKX", "BTC/USDT", fixed("0.1"), fixed("0.00000001"), fixed("0.00001"), 0));
    }

    @Test
    void aWrongSecretOrPassphraseIsRefusedWithOkxsOwnCode()
    {
        assertThatThrownBy(() -> venue("not-the-secret", PASSPHRASE).connect())
            .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("Invalid Sign")
            .hasMessageNotContaining("not-the-secret");
        assertThatThrownBy(() -> venue(SECRET, "not-it").connect())
            .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("OK-ACCESS-PASSPHRASE incorrect");
    }

    @Test
    void theClientOrderIdReachesOkxUnderItsOwnName()
    {
        start();
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

        assertThat(okx.lastClOrdId()).isEqualTo("cfxT1o1p0");
        assertThat(listener.events()).containsExactly("ACCEPTED 1");
    }

    @Test
    void aRestingOrderIsAcknowledgedItsFillsFoundByPollingAndACancelEndsIt()
    {
        start();
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        okx.tradeLast("0.004", "50000");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 2);
        venue.cancel(new VenueCancel(1, "BTC/USDT", null), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.004@50000 fee 0.0000032 BTC",
            "CANCELED 1 canceled by request");
    }

    @Test
    void marketOrdersFillRefusalsCarryOkxsWordsAndATakingPostOnlyIsCanceledByOkxWithItsReason()
    {
        start();
        venue.submit(VenueOrder.of(1, "BTC/USDT", Side.BUY, OrdType.MARKET, fixed("0.01"), 0), now());
        venue.submit(limit(2, Side.BUY, "10", "50000"), now());
        venue.submit(new VenueOrder(3, 0, "BTC/USDT", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("60000.1"), 0,
            TimeInForce.GOOD_TILL_CANCEL, 0, true), now());

        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "FILL 1 0.01@60000.1 fee 0.00001 BTC",
            "REJECTED 2 Order failed. Insufficient USDT balance in account. (51008)",
            "ACCEPTED 3", "CANCELED 3 canceled by OKX: post-only order would have taken liquidity " +
                "(cancelSource 31: Post-only order would take liquidity)");
    }

    @Test
    void anOrderWhoseAnswerIsLostIsFoundByItsClientOrderIdAndNeverPlacedTwice()
    {
        start();
        okx.dropNextOrderResponse();

        venue.submit(limit(1, Side.SELL, "0.01", "70000"), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1");
        assertThat(okx.ordersWithClOrdId("cfxT1o1p0")).isEqualTo(1);
        assertThat(okx.requests("POST /api/v5/trade/order")).isEqualTo(1);
        venue.query(new VenueQuery(1, 0, "BTC/USDT", null), now());
        assertThat(listener.events()).last().isEqualTo("STATUS 1 OPEN 0@0");
    }

    @Test
    void aServerErrorOnSubmitIsLeftInDoubtUntilAStatusQuerySaysTheOrderIsUnknownAndItIsNeverSentAgain()
    {
        start();
        okx.latency(50);
        okx.serverErrorNext(502);

        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        assertThat(listener.events()).isEmpty();
        venue.query(new VenueQuery(1, 0, "BTC/USDT", null), now());

        assertThat(listener.events()).containsExactly("STATUS 1 UNKNOWN 0@0");
        assertThat(okx.requests("POST /api/v5/trade/order")).isEqualTo(1);
    }

    @Test
    void aRateLimitIsARejectionNotARetry()
    {
        start();
        okx.rateLimitNext();

        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

        assertThat(listener.events()).containsExactly("REJECTED 1 rate limited, order not placed: Too Many Requests (50011)");
        assertThat(okx.requests("POST /api/v5/trade/order")).isEqualTo(1);
    }

    @Test
    void aStopIsAConditionalAlgoOrderHeldByOkxAndFillsWhenTheMarketReachesItAndOneOnTheWrongSideIsRefused()
    {
        start();
        venue.submit(new VenueOrder(1, 0, "BTC/USDT", Side.BUY, OrdType.STOP, fixed("0.01"), 0, fixed("61000"),
            TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        venue.submit(new VenueOrder(2, 0, "BTC/USDT", Side.SELL, OrdType.STOP, fixed("0.01"), 0, fixed("61000"),
            TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "REJECTED 2 SL trigger price cannot be higher than the last price (51280)");
        assertThat(okx.algoOrdersWithAlgoClOrdId("cfxT1o1p0")).isEqualTo(1);
        assertThat(okx.requests("POST /api/v5/trade/order")).as("algo orders only").isZero();

        okx.market("61000", "61000.2");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 3);

        assertThat(listener.events()).last().isEqualTo("FILL 1 0.01@61000.2 fee 0.00001 BTC");
    }

    @Test
    void anAlgoOrderIsCanceledUntriggeredAndItsOrderIsCanceledOnceTriggered()
    {
        start();
        venue.submit(new VenueOrder(1, 0, "BTC/USDT", Side.BUY, OrdType.MARKET_IF_TOUCHED, fixed("0.01"), 0,
            fixed("59000"), TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        venue.submit(new VenueOrder(2, 0, "BTC/USDT", Side.BUY, OrdType.STOP_LIMIT, fixed("0.01"), fixed("50000"),
            fixed("60500"), TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        venue.cancel(new VenueCancel(1, "BTC/USDT", null), now());
        okx.market("60500", "60500.5");
        venue.cancel(new VenueCancel(2, "BTC/USDT", null), now());

        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "ACCEPTED 2", "CANCELED 1 canceled by request", "CANCELED 2 canceled by request");
        assertThat(okx.requests("POST /api/v5/trade/cancel-algos")).isEqualTo(1);
        assertThat(okx.requests("POST /api/v5/trade/cancel-order")).as("the order the triggered algo placed").isEqualTo(1);
    }

    @Test
    void anAlgoOrderPlacedBeforeARestartIsFoundAsOneAndCanceledAsOne()
    {
        start();
        venue.submit(new VenueOrder(1, 0, "BTC/USDT", Side.BUY, OrdType.STOP, fixed("0.01"), 0, fixed("61000"),
            TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        venue.close();

        // the next run knows nothing of it but its client order id
        final RecordingVenueListener afterRestart = new RecordingVenueListener();
        venue = venue(SECRET, PASSPHRASE);
        venue.connect();
        venue.start(afterRestart, now());
        venue.query(new VenueQuery(1, 0, "BTC/USDT", null), now());
        venue.cancel(new VenueCancel(1, "BTC/USDT", null), now());

        assertThat(afterRestart.events()).containsExactly("STATUS 1 OPEN 0@0", "CANCELED 1 canceled by request");
        assertThat(okx.requests("POST /api/v5/trade/cancel-algos")).isEqualTo(1);
    }

    @Test
    void demoTradingSendsEveryRequestToOkxsDemoEnvironment()
    {
        try (FakeOkx demo = FakeOkx.startDemo(KEY, SECRET, PASSPHRASE))
        {
            final ExchangeVenueConfig config = new ExchangeVenueConfig(demo.baseUrl(), "UNUSED_KEY", "UNUSED_SECRET",
                "UNUSED_PASSPHRASE", null, 50, 10, 50, List.of("BTC/USDT"), true, 5_000);
            final RestVenue demoVenue = new RestVenue("OKX", config,
                new OkxClient(demo.baseUrl(), KEY, SECRET, PASSPHRASE, "T1", config.testnet()),
                System::currentTimeMillis, VenueMetrics.NONE);
            demoVenue.connect();
            demoVenue.start(listener, now());
            demoVenue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

            assertThat(listener.events()).containsExactly("ACCEPTED 1");
            assertThatThrownBy(() -> new OkxClient(demo.baseUrl(), KEY, SECRET, PASSPHRASE, "T1", false)
                .connect("OKX", List.of("BTC/USDT")))
                .isInstanceOf(VenueUnavailableException.class)
                .hasMessageContaining("APIKey does not match current environment.");
        }
    }

    @Test
    void theOpenOrdersAreListedWhoeverPlacedThem() throws Exception
    {
        start();
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        venue.submit(VenueOrder.of(2, "BTC/USDT", Side.BUY, OrdType.MARKET, fixed("0.01"), 0), now());
        final OkxClient nextRun = new OkxClient(okx.baseUrl(), KEY, SECRET, PASSPHRASE, "T2", false);
        nextRun.connect("OKX", List.of("BTC/USDT"));

        assertThat(nextRun.openOrders()).extracting(ExchangeOrder::clientOrderId).containsExactly("cfxT1o1p0");
    }

    private void start()
    {
        venue = venue(SECRET, PASSPHRASE);
        venue.connect();
        venue.start(listener, now());
    }

    private RestVenue venue(final String secret, final String passphrase)
    {
        final ExchangeVenueConfig config = new ExchangeVenueConfig(
            okx.baseUrl(), "UNUSED_KEY", "UNUSED_SECRET", "UNUSED_PASSPHRASE", null, 50, 10, 50, List.of("BTC/USDT"));
        return new RestVenue("OKX", config, new OkxClient(okx.baseUrl(), KEY, secret, passphrase, "T1", false),
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
