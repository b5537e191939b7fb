package io.cryptofix.certification;

import io.cryptofix.certification.GatewayConfigYaml.Venue;
import io.cryptofix.venue.okx.FakeOkx;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * QuickFIX/J client -> gateway -> OKX adapter -> a local fake OKX that checks key, passphrase,
 * timestamp and signature as OKX does.
 */
class OkxCertificationTest
{
    private static final String KEY = "cert-okx-key";
    private static final String SECRET = "cert-okx-secret";
    private static final String PASSPHRASE = "cert-okx-passphrase";

    private static FakeOkx okx;
    // a second OKX, unavailable when the gateway starts
    private static FakeOkx okxLate;
    private static GatewayFixture gateway;
    private static Path credentials;

    @BeforeAll
    static void start() throws IOException
    {
        okx = FakeOkx.start(KEY, SECRET, PASSPHRASE);
        okxLate = FakeOkx.start(KEY, SECRET, PASSPHRASE);
        okxLate.unavailable(Integer.MAX_VALUE);
        credentials = Files.createTempFile("cryptofix-okx", ".properties");
        Files.writeString(credentials, "apiKey=" + KEY + "\nsecretKey=" + SECRET + "\npassphrase=" + PASSPHRASE + "\n");
        gateway = GatewayFixture.start(config -> config.venue(
            Venue.exchange("OKX", "okx", okx.baseUrl(), credentials).symbols("BTC/USDT"))
            .venue(Venue.exchange("OKX_LATE", "okx", okxLate.baseUrl(), credentials).symbols("BTC/USDT")));
    }

    @AfterAll
    static void stop() throws IOException
    {
        gateway.close();
        okx.close();
        okxLate.close();
        Files.delete(credentials);
    }

    @Test
    void aRestingOrderIsAcknowledgedFilledByPollingAndTheRestCanceled() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "50000"), "OKX"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            okx.tradeLast("0.004", "50000");
            final Message fill = client.next("8");
            assertThat(fill.getChar(ExecType.FIELD)).isEqualTo(ExecType.TRADE);
            assertThat(fill.getDecimal(LastQty.FIELD)).isEqualByComparingTo("0.004");

            client.send(Orders.cancel(Orders.nextClOrdId(), clOrdId, Side.BUY, "BTC/USDT"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.PENDING_CANCEL);
            final Message canceled = client.next("8");
            assertThat(canceled.getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
            assertThat(canceled.getDecimal(CumQty.FIELD)).isEqualByComparingTo("0.004");
            client.logout();
        }
    }

    @Test
    void anOrderOkxEndsOnItsOwnIsReportedCanceledWithOkxsReasonAndItsCancelIsNotRefusedAsWorking() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "50000"), "OKX"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            okx.endOrder(okx.lastClOrdId(), "mmp_canceled");

            final Message canceled = client.next("8");
            assertThat(canceled.getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
            assertThat(canceled.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.CANCELED);
            assertThat(canceled.getString(Text.FIELD)).containsIgnoringCase("market maker protection");

            client.send(Orders.cancel(Orders.nextClOrdId(), clOrdId, Side.BUY, "BTC/USDT"));
            final Message refused = client.next("9");
            assertThat(refused.getChar(OrdStatus.FIELD)).as("the order's true state").isEqualTo(OrdStatus.CANCELED);
            client.logout();
        }
    }

    @Test
    void aVenueDownAtStartRefusesOrdersAsStartingAndTakesThemOnceItAnswers() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "50000"),
                "OKX_LATE"));
            final Message refused = client.next("8");
            assertThat(refused.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(refused.getString(Text.FIELD)).as("OKX's answer is for the log and the admin status")
                .isEqualTo("venue OKX_LATE is starting, retry later");

            okxLate.unavailable(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> MetricsScrape.of(gateway.metricsPort())
                .sample("cryptofix_venue_state{state=\"UP\",venue=\"OKX_LATE\"}").orElse(0) == 1);

            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "50000"),
                "OKX_LATE"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            client.logout();
        }
    }

    @Test
    void aStopIsHeldByOkxAsAnAlgoOrderAndFilledWhenOkxsPriceReachesIt() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            client.send(Orders.onVenue(Orders.stop(Orders.nextClOrdId(), Side.SELL, quickfix.field.OrdType.STOP_STOP_LOSS,
                "BTC/USDT", "0.001", "59000"), "OKX"));
            final Message accepted = client.next("8");
            assertThat(accepted.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(accepted.isSetField(Text.FIELD)).as("no 'held by the gateway' Text: OKX holds it").isFalse();

            okx.market("59000", "59000.2");

            final Message filled = client.next("8");
            assertThat(filled.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
            assertThat(filled.getDecimal(LastPx.FIELD)).isEqualByComparingTo("59000");
            client.logout();
        }
        finally
        {
            okx.market("59999.9", "60000.1");
        }
    }

    @Test
    void aRefusedOrderIsRejectedWithOkxsWordsAndALostAnswerLeavesOneOrder() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DEMO", gateway.fixPort()))
        {
            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "10", "50000"), "OKX"));
            final Message rejected = client.next("8");
            assertThat(rejected.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(rejected.getString(Text.FIELD))
                .isEqualTo("rejected by venue OKX: Order failed. Insufficient USDT balance in account. (51008)");

            okx.dropNextOrderResponse();
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(clOrdId, Side.SELL, "BTC/USDT", "0.01", "70000"), "OKX"));
            final Message acknowledged = client.next("8");
            assertThat(acknowledged.getString(ClOrdID.FIELD)).isEqualTo(clOrdId);
            assertThat(acknowledged.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(okx.ordersWithClOrdId(okx.lastClOrdId())).isEqualTo(1);
            client.logout();
        }
    }
}
