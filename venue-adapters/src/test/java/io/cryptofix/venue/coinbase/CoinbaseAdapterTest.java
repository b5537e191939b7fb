package io.cryptofix.venue.coinbase;

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
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Coinbase adapter (XChange's coinbasepro binding under the gateway's REST venue) against a local
 * fake Coinbase Exchange that checks key, passphrase, timestamp and signature as Coinbase does.
 */
class CoinbaseAdapterTest
{
    private static final String KEY = "coinbase-test-key";
    private static final String SECRET = Base64.getEncoder().encodeToString(
        "coinbase-test-secret".getBytes(StandardCharsets.US_ASCII));
    private static final String PASSPHRASE = "coinbase-passphrase";

    private final FakeCoinbase coinbase = FakeCoinbase.start(KEY, SECRET, PASSPHRASE);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private RestVenue venue;

    @AfterEach
    void stop()
    {
        coinbase.close();
    }

    @Test
    void connectingChecksTheKeysAndLoadsTheProductRules()
    {
        final List<Instrument> instruments = venue(SECRET, PASSPHRASE).connect();

        assertThat(instruments).containsExactly(
            new Instrument("COINBASE", "BTC/USD", fixed("0.01"), fixed("0.00000001"), fixed("0.00001"), fixed("1")));
    }

    @Test
    void theBalancesAreReadPerCurrency() throws Exception
    {
        final CoinbaseClient client = new CoinbaseClient(coinbase.baseUrl(), KEY, SECRET, PASSPHRASE, "T1");
        client.connect("COINBASE", List.of("BTC/USD"));

        assertThat(client.balances()).containsEntry("USD", new BigDecimal("100000"));
    }

    @Test
    void aWrongSecretOrPassphraseIsRefusedWithCoinbasesOwnMessage()
    {
        final String wrong = Base64.getEncoder().encodeToString("wrong".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> venue(wrong, PASSPHRASE).connect())
            .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("invalid signature")
            .hasMessageNotContaining(wrong);
        assertThatThrownBy(() -> venue(SECRET, "not-it").connect())
            .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("Invalid Passphrase")
            .hasMessageNotContaining("not-it");
    }

    @Test
    void theClientOrderIdIsAUuidThatNamesOnePlacement()
    {
        final CoinbaseClient client = new CoinbaseClient(coinbase.baseUrl(), KEY, SECRET, PASSPHRASE, "RUN1");

        assertThat(UUID.fromString(client.clientOrderId(7, 0)).toString()).isEqualTo(client.clientOrderId(7, 0));
        assertThat(client.clientOrderId(7, 0)).isNotEqualTo(client.clientOrderId(7, 1))
            .isNotEqualTo(new CoinbaseClient(coinbase.baseUrl(), KEY, SECRET, PASSPHRASE, "RUN2").clientOrderId(7, 0));
    }

    @Test
    void aRestingOrderIsAcknowledgedItsFillsFoundByPollingAndACancelEndsIt()
    {
        start();
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        assertThat(listener.events()).containsExactly("ACCEPTED 1");

        coinbase.tradeLast("0.004", "50000");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 2);
        venue.cancel(new VenueCancel(1, "BTC/USD", null), now());

        // Coinbase's maker fee, 0.40% of the trade's value, in USD
        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "FILL 1 0.004@50000 fee 0.8 USD", "CANCELED 1 canceled by request");
    }

    @Test
    void aMarketOrderFillsAtOnceAnUnfilledCancelIsStillReportedAndRefusalsCarryCoinbasesWords()
    {
        start();
        venue.submit(VenueOrder.of(1, "BTC/USD", Side.BUY, OrdType.MARKET, fixed("0.01"), 0), now());
        venue.submit(limit(2, Side.SELL, "0.01", "70000"), now());
        venue.cancel(new VenueCancel(2, "BTC/USD", null), now());
        venue.submit(limit(3, Side.BUY, "10", "50000"), now());
        venue.submit(new VenueOrder(4, 0, "BTC/USD", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("60000.01"), 0,
            TimeInForce.GOOD_TILL_CANCEL, 0, true), now());

        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "FILL 1 0.01@60000.01 fee 3.6000006 USD",
            "ACCEPTED 2", "CANCELED 2 canceled by request",
            "REJECTED 3 Insufficient funds (HTTP 400)",
            "REJECTED 4 Post only mode (HTTP 400)");
    }

    @Test
    void anOrderWhoseAnswerIsLostIsFoundByItsClientOidAndNeverPlacedTwice()
    {
        start();
        coinbase.dropNextOrderResponse();

        venue.submit(limit(1, Side.SELL, "0.01", "70000"), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1");
        assertThat(coinbase.ordersWithClientOid(coinbase.lastClientOid())).isEqualTo(1);
        assertThat(coinbase.requests("POST /orders")).isEqualTo(1);
        venue.query(new VenueQuery(1, 0, "BTC/USD", null), now());
        assertThat(listener.events()).last().isEqualTo("STATUS 1 OPEN 0@0");
    }

    @Test
    void aServerErrorOnSubmitIsLeftInDoubtUntilAStatusQuerySaysTheOrderIsUnknownAndItIsNeverSentAgain()
    {
        start();
        coinbase.latency(50);
        coinbase.serverErrorNext(502);

        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        assertThat(listener.events()).isEmpty();
        venue.query(new VenueQuery(1, 0, "BTC/USD", null), now());

        assertThat(listener.events()).containsExactly("STATUS 1 UNKNOWN 0@0");
        assertThat(coinbase.requests("POST /orders")).isEqualTo(1);
    }

    @Test
    void aRateLimitIsARejectionNotARetry()
    {
        start();
        coinbase.failNext(429, "Private rate limit exceeded");

        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

        assertThat(listener.events()).containsExactly("REJECTED 1 rate limited, order not placed: Private rate limit exceeded (HTTP 429)");
        assertThat(coinbase.requests("POST /orders")).isEqualTo(1);
    }

    @Test
    void aStopLimitIsHeldByCoinbaseAsAnEntryOrLossStopAndTradesWhenTheMarketReachesIt()
    {
        start();
        venue.submit(new VenueOrder(1, 0, "BTC/USD", Side.BUY, OrdType.STOP_LIMIT, fixed("0.01"), fixed("61500"),
            fixed("61000"), TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        venue.submit(new VenueOrder(2, 0, "BTC/USD", Side.SELL, OrdType.STOP_LIMIT, fixed("0.01"), fixed("58000"),
            fixed("59000"), TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        venue.cancel(new VenueCancel(2, "BTC/USD", null), now());
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "ACCEPTED 2", "CANCELED 2 canceled by request");

        coinbase.market("61000", "61000.02");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 4);

        assertThat(listener.events()).last().isEqualTo("FILL 1 0.01@61000.02 fee 3.6600012 USD");
        assertThat(venue.capabilities().stopOrders()).as("no stop-market orders at Coinbase: the gateway holds those")
            .isFalse();
        assertThat(venue.capabilities().stopLimitOrders()).isTrue();
    }

    @Test
    void theOpenOrdersAreListedStopOrdersIncludedWhoeverPlacedThem() throws Exception
    {
        start();
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        venue.submit(new VenueOrder(2, 0, "BTC/USD", Side.SELL, OrdType.STOP_LIMIT, fixed("0.01"), fixed("58000"),
            fixed("59000"), TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        venue.submit(VenueOrder.of(3, "BTC/USD", Side.BUY, OrdType.MARKET, fixed("0.01"), 0), now());
        final CoinbaseClient nextRun = new CoinbaseClient(coinbase.baseUrl(), KEY, SECRET, PASSPHRASE, "T2");
        nextRun.connect("COINBASE", List.of("BTC/USD"));

        assertThat(nextRun.openOrders()).hasSize(2).extracting(ExchangeOrder::state).containsOnly(ExchangeOrder.State.OPEN);
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
            coinbase.baseUrl(), "UNUSED_KEY", "UNUSED_SECRET", "UNUSED_PASSPHRASE", null, 50, 10, 50, List.of("BTC/USD"));
        return new RestVenue("COINBASE", config, new CoinbaseClient(coinbase.baseUrl(), KEY, secret, passphrase, "T1"),
            System::currentTimeMillis, VenueMetrics.NONE);
    }

    private static VenueOrder limit(final long key, final Side side, final String qty, final String price)
    {
        return VenueOrder.of(key, "BTC/USD", side, OrdType.LIMIT, fixed(qty), fixed(price));
    }

    private static long now()
    {
        return System.currentTimeMillis();
    }
}
