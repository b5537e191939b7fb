package io.cryptofix.certification;

import io.cryptofix.certification.GatewayConfigYaml.Venue;
import io.cryptofix.venue.binance.FakeBinance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.OrdStatus;
import quickfix.field.Side;
import quickfix.field.Text;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * QuickFIX/J client -> gateway -> Binance adapter (XChange) -> a local fake Binance that checks keys
 * and signatures as Binance does. A second venue, BADKEYS, is configured with a wrong secret: it must
 * fail alone, saying why, and no secret may reach the logs.
 */
class BinanceCertificationTest
{
    private static final String KEY = "cert-api-key-7f3a";
    private static final String SECRET = "cert-secret-9b2c51e";
    private static final String WRONG_SECRET = "wrong-secret-4d8e";

    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler()
    {
        @Override
        public void publish(final LogRecord record)
        {
            LOG.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()) +
                (record.getThrown() == null ? "" : " " + record.getThrown()));
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

    private static FakeBinance binance;
    // a second Binance, in maintenance when the gateway starts
    private static FakeBinance binanceLate;
    private static GatewayFixture gateway;
    private static Path credentials;

    @BeforeAll
    static void start() throws IOException
    {
        Logger.getLogger("").addHandler(CAPTURE);
        binance = FakeBinance.start(KEY, SECRET);
        binanceLate = FakeBinance.start(KEY, SECRET);
        binanceLate.unavailable(Integer.MAX_VALUE);
        credentials = Files.createTempDirectory("cryptofix-credentials");
        final Path good = credentialsFile("good.properties", SECRET);
        final Path bad = credentialsFile("bad.properties", WRONG_SECRET);
        gateway = GatewayFixture.start(config -> config
            .metricsPublishBalances()
            .venue(Venue.exchange("BINANCE", "binance", binance.baseUrl(), good).symbols("BTC/USDT"))
            .venue(Venue.exchange("BADKEYS", "binance", binance.baseUrl(), bad).symbols("BTC/USDT"))
            .venue(Venue.exchange("BINANCE_LATE", "binance", binanceLate.baseUrl(), good).symbols("BTC/USDT")));
    }

    @AfterAll
    static void stop() throws IOException
    {
        gateway.close();
        binance.close();
        binanceLate.close();
        Logger.getLogger("").removeHandler(CAPTURE);
        try (var files = Files.list(credentials))
        {
            for (final Path file : files.toList())
            {
                Files.delete(file);
            }
        }
        Files.delete(credentials);
    }

    @Test
    void anOrderBinanceExpiresBySelfTradePreventionReachesTheClientCanceledAndItsCancelIsNotRefusedAsWorking()
        throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "50000"), "BINANCE"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            binance.endOrder(binance.lastClientOrderId(), "EXPIRED_IN_MATCH");

            final Message canceled = client.next("8");
            assertThat(canceled.getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
            assertThat(canceled.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.CANCELED);
            assertThat(canceled.getString(Text.FIELD)).contains("self-trade prevention").contains("EXPIRED_IN_MATCH");

            client.send(Orders.cancel(Orders.nextClOrdId(), clOrdId, Side.BUY, "BTC/USDT"));
            final Message refused = client.next("9");
            assertThat(refused.getChar(OrdStatus.FIELD)).as("the order's true state, not 0").isEqualTo(OrdStatus.CANCELED);
            client.logout();
        }
    }

    @Test
    void aVenueInMaintenanceAtStartRefusesOrdersAsStartingAndTakesThemOnceBinanceAnswers() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "50000"),
                "BINANCE_LATE"));
            final Message refused = client.next("8");
            assertThat(refused.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(refused.getString(Text.FIELD)).as("Binance's answer is for the log and the admin status")
                .isEqualTo("venue BINANCE_LATE is starting, retry later");

            binanceLate.unavailable(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> MetricsScrape.of(gateway.metricsPort())
                .sample("cryptofix_venue_state{state=\"UP\",venue=\"BINANCE_LATE\"}").orElse(0) == 1);

            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "50000"),
                "BINANCE_LATE"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            client.logout();
        }
    }

    @Test
    void aRestingOrderIsAcknowledgedFilledByPollingAndTheRestCanceled() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "50000"), "BINANCE"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            binance.trade(binance.lastClientOrderId(), "0.004", "50000");
            final Message fill = client.next("8");
            assertThat(fill.getChar(ExecType.FIELD)).isEqualTo(ExecType.TRADE);
            assertThat(fill.getDecimal(LastQty.FIELD)).isEqualByComparingTo("0.004");
            assertThat(fill.getDecimal(LastPx.FIELD)).isEqualByComparingTo("50000");
            assertThat(fill.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.PARTIALLY_FILLED);

            client.send(Orders.cancel(Orders.nextClOrdId(), clOrdId, Side.BUY, "BTC/USDT"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.PENDING_CANCEL);
            final Message canceled = client.next("8");
            assertThat(canceled.getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
            assertThat(canceled.getDecimal(CumQty.FIELD)).isEqualByComparingTo("0.004");
            client.logout();
        }
    }

    @Test
    void aMarketableOrderFillsAndARefusedOneIsRejectedWithTheVenuesReason() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            client.send(Orders.onVenue(Orders.market(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.001"), "BINANCE"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            final Message filled = client.next("8");
            assertThat(filled.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
            assertThat(filled.getDecimal(LastPx.FIELD)).isEqualByComparingTo("60000.01");

            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "10", "50000"), "BINANCE"));
            final Message rejected = client.next("8");
            assertThat(rejected.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(rejected.getString(Text.FIELD))
                .isEqualTo("rejected by venue BINANCE: Account has insufficient balance for requested action. (-2010)");
            client.logout();
        }
    }

    @Test
    void aRateLimitedOrderIsRejectedAsNotPlacedAndTheLimitIsVisibleInTheMetrics() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            binance.failNext(429, -1003);
            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "50000"), "BINANCE"));
            final Message rejected = client.next("8");
            assertThat(rejected.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(rejected.getString(Text.FIELD)).startsWith(
                "rejected by venue BINANCE: rate limited, order not placed: Too much request weight used");
            client.logout();
        }
        final String metrics = MetricsScrape.of(gateway.metricsPort()).text();
        assertThat(metrics).contains("cryptofix_venue_rate_limited_total{venue=\"BINANCE\"} 1.0")
            .contains("cryptofix_venue_requests_queued{venue=\"BINANCE\"} 0.0");
    }

    @Test
    void theAccountsBalancesAreReadAndPublished() throws Exception
    {
        final java.util.regex.Pattern usdt = java.util.regex.Pattern.compile(
            "(?m)^cryptofix_venue_balance\\{(?=[^}]*asset=\"USDT\")(?=[^}]*venue=\"BINANCE\")[^}]*} 100000\\.0$");
        org.awaitility.Awaitility.await().atMost(FixTestClient.TIMEOUT).until(() ->
            usdt.matcher(MetricsScrape.of(gateway.metricsPort()).text()).find());
    }

    @Test
    void aSubmitWhoseAnswerIsLostEndsWithExactlyOneOrderAtTheVenue() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            binance.dropNextOrderResponse();
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(clOrdId, Side.SELL, "BTC/USDT", "0.01", "70000"), "BINANCE"));

            final Message acknowledged = client.next("8");
            assertThat(acknowledged.getString(ClOrdID.FIELD)).isEqualTo(clOrdId);
            assertThat(acknowledged.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(binance.ordersWithClientOrderId(binance.lastClientOrderId())).hasSize(1);
            client.logout();
        }
    }

    @Test
    void aStopIsHeldByBinanceItselfAndFilledWhenBinancesPriceReachesIt() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(
                Orders.stop(clOrdId, Side.BUY, quickfix.field.OrdType.STOP_STOP_LOSS, "BTC/USDT", "0.001", "61000"),
                "BINANCE"));
            final Message accepted = client.next("8");
            assertThat(accepted.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(accepted.isSetField(Text.FIELD)).as("no 'held by the gateway' Text: Binance holds it").isFalse();

            binance.market("BTCUSDT", "61000", "61000.02");

            final Message filled = client.next("8");
            assertThat(filled.getChar(ExecType.FIELD)).isEqualTo(ExecType.TRADE);
            assertThat(filled.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
            assertThat(filled.getDecimal(LastPx.FIELD)).isEqualByComparingTo("61000.02");
            client.logout();
        }
        finally
        {
            binance.market("BTCUSDT", "59999.99", "60000.01");
        }
    }

    @Test
    void aVenueWithWrongKeysFailsAloneTellsTheOperatorsWhyNotTheClientAndNoSecretIsLogged() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DEMO", gateway.fixPort()))
        {
            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "50000"), "BADKEYS"));
            final Message rejected = client.next("8");
            assertThat(rejected.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(rejected.getString(Text.FIELD)).as("no URL, file or venue answer reaches a client")
                .isEqualTo("venue BADKEYS is starting, retry later");

            client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "1000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            client.logout();
        }
        assertThat(LOG).anySatisfy(line -> assertThat(line).contains("venue BADKEYS not started")
            .contains("Signature for this request is not valid."));
        assertThat(LOG).noneSatisfy(line -> assertThat(line).containsAnyOf(SECRET, WRONG_SECRET, KEY));
        final String status = adminStatus();
        assertThat(status).as("the admin status says why").contains("\"BADKEYS\":{\"state\":\"STARTING\",\"reason\":\"")
            .contains("Signature for this request is not valid.")
            .doesNotContain(SECRET, WRONG_SECRET);
    }

    /** {@code GET /status} of the admin API, with the gateway's own token, as an operator reads it. */
    private static String adminStatus() throws Exception
    {
        final String token = Files.readString(gateway.dataDir().resolve("admin-token")).strip();
        final HttpResponse<String> status = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.gateway().adminPort() + "/status"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        return status.body();
    }

    private static Path credentialsFile(final String name, final String secret) throws IOException
    {
        return CredentialsFiles.write(credentials.resolve(name), "apiKey=" + KEY + "\nsecretKey=" + secret + "\n");
    }
}
