package io.cryptofix.venue.kraken;

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
import io.cryptofix.venue.rest.VenueClock;
import io.cryptofix.venue.rest.VenueUnavailableException;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Kraken adapter (XChange's Kraken binding under the gateway's REST venue) against a local fake
 * Kraken that checks keys, signatures and nonces as Kraken does: real HTTP, real signing, no mock.
 */
class KrakenAdapterTest
{
    private static final String KEY = "kraken-test-key";
    private static final String SECRET = Base64.getEncoder().encodeToString(
        "kraken-test-secret-of-some-length".getBytes(StandardCharsets.US_ASCII));
    private static final long START = System.currentTimeMillis();

    private final FakeKraken kraken = FakeKraken.start(KEY, SECRET);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private RestVenue venue;

    @AfterEach
    void stop()
    {
        kraken.close();
    }

    @Test
    void theFakeSignsAsKrakenDocumentsItsOwnExample()
    {
        // the example of the authentication section of Kraken's REST API documentation
        final byte[] secret = Base64.getDecoder().decode(
            "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==");

        assertThat(FakeKraken.signature(secret, "/0/private/AddOrder", "1616492376594",
            "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25"))
            .isEqualTo("4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==");
    }

    @Test
    void connectingChecksTheKeysAndLoadsTheInstrumentRules()
    {
        final List<Instrument> instruments = venue(SECRET).connect();

        assertThat(instruments).containsExactly(
            new Instrument("KRAKEN", "BTC/USD", fixed("0.1"), fixed("0.00000001"), fixed("0.0001"), 0));
    }

    @Test
    void theBalancesAreReadWithKrakensAssetNames() throws Exception
    {
        final KrakenClient client = new KrakenClient(kraken.baseUrl(), KEY, SECRET, START);
        client.connect("KRAKEN", List.of("BTC/USD"));

        assertThat(client.balances()).containsEntry("ZUSD", new BigDecimal("100000.0000"));
    }

    @Test
    void aWrongSecretIsRefusedWithKrakensOwnErrorAndTheVenueIsNotUsable()
    {
        final String wrong = Base64.getEncoder().encodeToString("another-secret".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> venue(wrong).connect())
            .isInstanceOf(VenueUnavailableException.class)
            .hasMessageContaining("EAPI:Invalid signature")
            .hasMessageNotContaining(wrong);
    }

    @Test
    void aRestingOrderIsAcknowledgedItsFillsFoundByPollingAndACancelEndsIt()
    {
        start();
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        assertThat(listener.events()).containsExactly("ACCEPTED 1");

        kraken.trade(kraken.lastUserref(), "0.004", "50000");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 2);
        venue.cancel(new VenueCancel(1, "BTC/USD", null), now());

        // maker fee 0.16 % of 200 USD; Kraken's reason of the cancel reaches the client's Text
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.004@50000 fee 0.32 USD",
            "CANCELED 1 canceled at Kraken on request (User requested)");
    }

    @Test
    void aMarketOrderFillsAtOnceAndRefusalsCarryKrakensWords()
    {
        start();
        venue.submit(VenueOrder.of(1, "BTC/USD", Side.BUY, OrdType.MARKET, fixed("0.01"), 0), now());
        venue.submit(limit(2, Side.BUY, "10", "50000"), now());
        venue.submit(postOnly(3, Side.BUY, "0.01", "60000.1"), now());
        venue.submit(limit(4, Side.BUY, "0.00001", "50000"), now());

        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "FILL 1 0.01@60000.1 fee 1.56 USD",
            "REJECTED 2 EOrder:Insufficient funds",
            "REJECTED 3 EOrder:Post only order",
            "REJECTED 4 EOrder:Order minimum not met");
    }

    @Test
    void aStopIsHeldByKrakenAndFillsWhenTheMarketReachesIt()
    {
        start();
        venue.submit(new VenueOrder(1, 0, "BTC/USD", Side.BUY, OrdType.STOP, fixed("0.01"), 0, fixed("61000"),
            TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        venue.submit(new VenueOrder(2, 0, "BTC/USD", Side.BUY, OrdType.MARKET_IF_TOUCHED, fixed("0.01"), 0,
            fixed("59000"), TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "ACCEPTED 2");

        kraken.market("XXBTZUSD", "61000", "61000.1");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 3);

        // a triggered stop takes liquidity: taker fee 0.26 % of 610.001 USD
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "ACCEPTED 2", "FILL 1 0.01@61000.1 fee 1.586 USD");
    }

    @Test
    void aNativeGtdOrderIsExpiredByKraken()
    {
        start();
        venue.submit(new VenueOrder(1, 0, "BTC/USD", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000"), 0,
            TimeInForce.GOOD_TILL_DATE, now() + 1_000, false), now());

        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 2);

        assertThat(listener.events())
            .containsExactly("ACCEPTED 1", "EXPIRED 1 expired by Kraken at the order's expire time (expired)");
    }

    @Test
    void aServerErrorOnSubmitIsLeftInDoubtUntilAStatusQuerySaysTheOrderIsUnknownAndItIsNeverSentAgain()
    {
        start();
        kraken.latency(50);
        kraken.serverErrorNext(502);

        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        assertThat(listener.events()).isEmpty();
        venue.query(new VenueQuery(1, 0, "BTC/USD", null), now());

        assertThat(listener.events()).containsExactly("STATUS 1 UNKNOWN 0@0");
        assertThat(kraken.requests("/0/private/AddOrder")).isEqualTo(1);
    }

    @Test
    void aRateLimitIsARejectionNotARetry()
    {
        start();
        kraken.failNext("EAPI:Rate limit exceeded");

        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

        assertThat(listener.events()).containsExactly("REJECTED 1 rate limited, order not placed: EAPI:Rate limit exceeded");
        assertThat(kraken.requests("/0/private/AddOrder")).isEqualTo(1);
    }

    @Test
    void anOrderWhoseAnswerIsLostIsFoundByItsUserrefAndNeverPlacedTwice()
    {
        start();
        kraken.dropNextOrderResponse();

        venue.submit(limit(1, Side.SELL, "0.01", "70000"), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1");
        assertThat(kraken.ordersWithUserref(kraken.lastUserref())).isEqualTo(1);
        assertThat(kraken.requests("/0/private/AddOrder")).isEqualTo(1);
        venue.query(new VenueQuery(1, 0, "BTC/USD", null), now());
        assertThat(listener.events()).last().isEqualTo("STATUS 1 OPEN 0@0");
    }

    @Test
    void workingOrdersArePolledFiftyToAQueryOrdersCall()
    {
        venue = venue(SECRET, 1_000);
        venue.connect();
        venue.start(listener, now());
        for (int key = 1; key <= 60; key++)
        {
            venue.submit(limit(key, Side.BUY, "0.001", "50000"), now());
        }
        kraken.trade(kraken.lastUserref(), "0.0004", "50000");
        final int before = kraken.requests("/0/private/QueryOrders");

        await().atMost(Duration.ofSeconds(10))
            .until(() -> venue.doWork(now()) >= 0 && listener.events().contains("FILL 60 0.0004@50000 fee 0.032 USD"));

        // 60 working orders: two calls a round (50 and 10); the fill of the last is found in the first round
        assertThat(kraken.requests("/0/private/QueryOrders") - before).isBetween(2, 4);
    }

    @Test
    void theOpenOrdersOfTheAccountAreListedWhoeverPlacedThem() throws Exception
    {
        start();
        venue.submit(limit(1, Side.BUY, "0.001", "50000"), now());
        final String resting = kraken.lastUserref();
        venue.submit(VenueOrder.of(2, "BTC/USD", Side.BUY, OrdType.MARKET, fixed("0.001"), 0), now());
        final KrakenClient nextRun = new KrakenClient(kraken.baseUrl(), KEY, SECRET, System.currentTimeMillis());
        // a next run of the gateway starts seconds after this one, so its nonces start above this run's
        // (Kraken's time is read to the second: two runs within one could measure it a second apart)
        nextRun.configure(config(10), new VenueClock(() -> System.currentTimeMillis() + 5_000));
        nextRun.connect("KRAKEN", List.of("BTC/USD"));

        assertThat(nextRun.openOrders()).extracting(ExchangeOrder::clientOrderId).containsExactly(resting);
    }

    private void start()
    {
        venue = venue(SECRET);
        venue.connect();
        venue.start(listener, now());
    }

    private RestVenue venue(final String secret)
    {
        return venue(secret, 10);
    }

    private RestVenue venue(final String secret, final int ordersPerSecond)
    {
        return new RestVenue("KRAKEN", config(ordersPerSecond), new KrakenClient(kraken.baseUrl(), KEY, secret, START),
            System::currentTimeMillis, VenueMetrics.NONE);
    }

    private ExchangeVenueConfig config(final int ordersPerSecond)
    {
        return new ExchangeVenueConfig(kraken.baseUrl(), "UNUSED_KEY", "UNUSED_SECRET", "UNUSED_PASSPHRASE", null, 50,
            ordersPerSecond, 50, List.of("BTC/USD"));
    }

    private static VenueOrder limit(final long key, final Side side, final String qty, final String price)
    {
        return VenueOrder.of(key, "BTC/USD", side, OrdType.LIMIT, fixed(qty), fixed(price));
    }

    private static VenueOrder postOnly(final long key, final Side side, final String qty, final String price)
    {
        return new VenueOrder(key, 0, "BTC/USD", side, OrdType.LIMIT, fixed(qty), fixed(price), 0,
            TimeInForce.GOOD_TILL_CANCEL, 0, true);
    }

    private static long now()
    {
        return System.currentTimeMillis();
    }
}
