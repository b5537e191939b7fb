package io.cryptofix.venue.binance;

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

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Binance adapter (XChange's Binance binding under the gateway's REST venue) against a local fake
 * Binance that checks keys and signatures as Binance does: real HTTP, real signing, no mock.
 */
class BinanceAdapterTest
{
    private static final String KEY = "test-api-key";
    private static final String SECRET = "test-secret-key";

    private final FakeBinance binance = FakeBinance.start(KEY, SECRET);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private RestVenue venue;

    @AfterEach
    void stop()
    {
        binance.close();
    }

    @Test
    void theFakeSignsAsBinanceDocumentsItsOwnExample()
    {
        // the SIGNED endpoint example of Binance's spot API documentation: key, payload and signature
        final String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        final String payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1" +
            "&recvWindow=5000&timestamp=1499827319559";

        assertThat(FakeBinance.signature(secret.getBytes(StandardCharsets.UTF_8), payload))
            .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void connectingLoadsTheInstrumentRulesOfTheSymbolsToTrade()
    {
        final List<Instrument> instruments = venue(SECRET).connect();

        assertThat(instruments).containsExactly(
            new Instrument("BINANCE", "BTC/USDT", fixed("0.01"), fixed("0.00001"), fixed("0.00001"), fixed("5")));
    }

    @Test
    void theBalancesAreReadPerAsset() throws Exception
    {
        final BinanceClient client = new BinanceClient(binance.baseUrl(), KEY, SECRET, "T1");
        client.connect("BINANCE", List.of("BTC/USDT"));

        assertThat(client.balances()).containsEntry("USDT", new BigDecimal("100000")).containsEntry("BTC", BigDecimal.TEN);
    }

    @Test
    void aWrongSecretIsRefusedWithBinancesOwnErrorAndTheVenueIsNotUsable()
    {
        assertThatThrownBy(() -> venue("not-the-secret").connect())
            .isInstanceOf(VenueUnavailableException.class)
            .hasMessageContaining("Signature for this request is not valid.")
            .hasMessageNotContaining("not-the-secret");
    }

    @Test
    void aRestingOrderIsAcknowledgedThenItsFillsAreFoundByPolling()
    {
        start();
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        assertThat(listener.events()).containsExactly("ACCEPTED 1");

        binance.trade(clientOrderId(1), "0.004", "50000");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 2);

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.004@50000 fee 0.000004 BTC");
    }

    @Test
    void withARequestBudgetTooSmallForEverythingTheOrdersArePolledBeforeThePrices()
    {
        // 2 requests a second, a poll every 50 ms: prices alone would take the whole budget
        venue = new RestVenue("BINANCE", new ExchangeVenueConfig(binance.baseUrl(), "K", "S", "P", null, 50, 10, 2,
            List.of("BTC/USDT")), new BinanceClient(binance.baseUrl(), KEY, SECRET, "T1"), System::currentTimeMillis,
            VenueMetrics.NONE);
        venue.connect();
        venue.start(listener, now());
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

        binance.trade(clientOrderId(1), "0.01", "50000");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 2);

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.01@50000 fee 0.00001 BTC");
    }

    @Test
    void aMarketableOrderIsFilledInItsAnswerAndACancelEndsARestingOne()
    {
        start();
        venue.submit(limit(1, Side.BUY, "0.01", "60000.01"), now());
        venue.submit(limit(2, Side.SELL, "0.01", "70000"), now());
        venue.cancel(new VenueCancel(2, "BTC/USDT", null), now());

        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "FILL 1 0.01@60000.01 fee 0.00001 BTC", "ACCEPTED 2", "CANCELED 2 canceled by request");
    }

    @Test
    void theBestBidAndAskArePolledAndToldWhenTheyChange()
    {
        start();
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.depths().size() == 1);
        binance.market("BTCUSDT", "60100", "60100.5");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.depths().size() == 2);

        assertThat(listener.depths()).containsExactly("BTC/USDT 10@59999.99/10@60000.01", "BTC/USDT 10@60100/10@60100.5");
    }

    @Test
    void aStopIsHeldByBinanceAndFillsWhenTheMarketReachesItAndOneThatWouldTriggerAtOnceIsRefused()
    {
        start();
        venue.submit(new VenueOrder(1, 0, "BTC/USDT", Side.BUY, OrdType.STOP, fixed("0.01"), 0, fixed("61000"),
            TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        venue.submit(new VenueOrder(2, 0, "BTC/USDT", Side.SELL, OrdType.STOP, fixed("0.01"), 0, fixed("61000"),
            TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "REJECTED 2 Stop price would trigger immediately. (-2010)");

        binance.market("BTCUSDT", "61000", "61000.02");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 3);

        assertThat(listener.events()).last().isEqualTo("FILL 1 0.01@61000.02 fee 0.00001 BTC");
    }

    @Test
    void definiteRefusalsAreRejectionsWithTheVenuesReason()
    {
        start();
        venue.submit(limit(1, Side.BUY, "10", "50000"), now());
        venue.submit(postOnly(2, Side.BUY, "0.01", "60000.01"), now());
        venue.submit(limit(3, Side.BUY, "0.000001", "50000"), now());

        assertThat(listener.events()).containsExactly(
            "REJECTED 1 Account has insufficient balance for requested action. (-2010)",
            "REJECTED 2 Order would immediately match and take. (-2010)",
            "REJECTED 3 Filter failure: LOT_SIZE (-1013)");
    }

    @Test
    void aRateLimitIsARejectionThatPausesTheVenueNotARetry()
    {
        start();
        binance.failNext(429, -1003);

        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

        assertThat(listener.events()).singleElement().asString()
            .startsWith("REJECTED 1 rate limited, order not placed: Too much request weight used");
        assertThat(binance.requests("POST /api/v3/order")).isEqualTo(1);
        assertThat(binance.orderCount()).isZero();
    }

    @Test
    void afterARateLimitTheNextRequestWaitsForBinancesRetryAfterAndTheWaitIsCounted()
    {
        final java.util.List<String> counted = new CopyOnWriteArrayList<>();
        final VenueMetrics metrics = new VenueMetrics()
        {
            @Override
            public void onRateLimitWait(final String venueId, final long waitedMillis)
            {
                counted.add("waited " + venueId + " " + (waitedMillis > 0));
            }

            @Override
            public void onRateLimited(final String venueId)
            {
                counted.add("rate limited " + venueId);
            }
        };
        venue = new RestVenue("BINANCE", new ExchangeVenueConfig(binance.baseUrl(), "K", "S", "P", null, 50, 10, 50,
            List.of("BTC/USDT")), new BinanceClient(binance.baseUrl(), KEY, SECRET, "T1"), System::currentTimeMillis,
            metrics);
        venue.connect();
        venue.start(listener, now());
        binance.failNext(429, -1003);

        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        venue.submit(limit(2, Side.BUY, "0.01", "50000"), now());

        assertThat(listener.events()).last().isEqualTo("ACCEPTED 2");
        assertThat(counted).containsExactly("rate limited BINANCE", "waited BINANCE true");
    }

    @Test
    void anOrderWhoseAnswerIsLostIsFoundByItsClientOrderIdAndNeverPlacedTwice()
    {
        start();
        binance.dropNextOrderResponse();

        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1");
        assertThat(binance.ordersWithClientOrderId(clientOrderId(1))).hasSize(1);
        assertThat(binance.requests("POST /api/v3/order")).isEqualTo(1);
    }

    @Test
    void anOrderTheVenueFailedOnIsNotReportedUntilAStatusQuerySaysItIsUnknown()
    {
        start();
        binance.failNext(503, -1001);

        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        assertThat(listener.events()).isEmpty();

        venue.query(new VenueQuery(1, 0, "BTC/USDT", null), now());
        assertThat(listener.events()).containsExactly("STATUS 1 UNKNOWN 0@0");
    }

    @Test
    void aStatusQueryReportsUnheardFillsFirstSoThatTheStatusAddsNone()
    {
        start();
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        binance.trade(clientOrderId(1), "0.01", "49999");

        venue.query(new VenueQuery(1, 0, "BTC/USDT", "1000"), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.01@49999 fee 0.00001 BTC",
            "STATUS 1 FILLED 0.01@49999");
    }

    @Test
    void anOrderPlacedBeforeARestartIsFollowedAgainOnceAStatusQueryFindsItWorking()
    {
        start();
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        binance.trade(clientOrderId(1), "0.004", "50000");
        venue.close();

        // the next run: same client order ids (same journal), nothing followed until the gateway asks
        final RecordingVenueListener afterRestart = new RecordingVenueListener();
        venue = venue(SECRET);
        venue.connect();
        venue.start(afterRestart, now());
        venue.query(new VenueQuery(1, 0, "BTC/USDT", null), now());
        binance.trade(clientOrderId(1), "0.006", "49000");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && afterRestart.events().size() == 3);

        // this run never knew the order's quantity: Binance's word that it is filled goes to the gateway too
        assertThat(afterRestart.events()).containsExactly(
            "STATUS 1 OPEN 0.004@50000", "FILL 1 0.006@49000", "STATUS 1 FILLED 0.01@49400");
    }

    @Test
    void theOpenOrdersOfTheTradedSymbolsAreListedWhoeverPlacedThem() throws Exception
    {
        start();
        venue.submit(VenueOrder.of(1, "BTC/USDT", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000")), now());
        final String resting = binance.lastClientOrderId();
        venue.submit(VenueOrder.of(2, "BTC/USDT", Side.BUY, OrdType.MARKET, fixed("0.01"), 0), now());
        final BinanceClient nextRun = new BinanceClient(binance.baseUrl(), KEY, SECRET, "T2");
        nextRun.connect("BINANCE", List.of("BTC/USDT"));

        assertThat(nextRun.openOrders()).extracting(ExchangeOrder::clientOrderId).containsExactly(resting);
    }

    @Test
    void openOrdersFoundAtStartAreNamedToOperators()
    {
        start();
        venue.submit(VenueOrder.of(1, "BTC/USDT", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000")), now());
        final List<String> warnings = new CopyOnWriteArrayList<>();
        final Logger log = Logger.getLogger(RestVenue.class.getName());
        final Handler handler = new Handler()
        {
            @Override
            public void publish(final LogRecord record)
            {
                warnings.add(MessageFormat.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush()
            {
            }

            @Override
            public void close()
            {
            }
        };
        log.addHandler(handler);
        try
        {
            venue(SECRET).connect();
        }
        finally
        {
            log.removeHandler(handler);
        }

        assertThat(warnings).anySatisfy(warning -> assertThat(warning)
            .startsWith("venue BINANCE: 1 open orders at start, not placed by this run of the gateway")
            .contains("(cfx-T1-1-0)"));
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
            binance.baseUrl(), "UNUSED_KEY", "UNUSED_SECRET", "UNUSED_PASSPHRASE", null, 50, 10, 50, List.of("BTC/USDT"));
        return new RestVenue("BINANCE", config, new BinanceClient(binance.baseUrl(), KEY, secret, "T1"),
            System::currentTimeMillis, VenueMetrics.NONE);
    }

    private static String clientOrderId(final long orderKey)
    {
        return "cfx-T1-" + orderKey + "-0";
    }

    private static VenueOrder limit(final long key, final Side side, final String qty, final String price)
    {
        return VenueOrder.of(key, "BTC/USDT", side, OrdType.LIMIT, fixed(qty), fixed(price));
    }

    private static VenueOrder postOnly(final long key, final Side side, final String qty, final String price)
    {
        return new VenueOrder(key, 0, "BTC/USDT", side, OrdType.LIMIT, fixed(qty), fixed(price), 0,
            TimeInForce.GOOD_TILL_CANCEL, 0, true);
    }

    private static long now()
    {
        return System.currentTimeMillis();
    }
}
