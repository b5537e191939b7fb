package io.cryptofix.certification;

import io.cryptofix.certification.GatewayConfigYaml.Venue;
import io.cryptofix.venue.kraken.FakeKraken;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QuickFIX/J client -> gateway -> Kraken adapter (XChange) -> a local fake Kraken that checks keys,
 * signatures and nonces as Kraken does.
 */
class KrakenCertificationTest
{
    private static final String KEY = "cert-kraken-key";
    private static final String SECRET = Base64.getEncoder().encodeToString(
        "cert-kraken-secret-bytes".getBytes(StandardCharsets.US_ASCII));

    private static FakeKraken kraken;
    private static GatewayFixture gateway;
    private static Path credentials;

    @BeforeAll
    static void start() throws IOException
    {
        kraken = FakeKraken.start(KEY, SECRET);
        credentials = Files.createTempFile("cryptofix-kraken", ".properties");
        Files.writeString(credentials, "apiKey=" + KEY + "\nsecretKey=" + SECRET + "\n");
        gateway = GatewayFixture.start(config -> config.venue(
            Venue.exchange("KRAKEN", "kraken", kraken.baseUrl(), credentials)
                .set("ordersPerSecond", 20)
                .set("requestsPerSecond", 50)
                .symbols("BTC/USD")));
    }

    @AfterAll
    static void stop() throws IOException
    {
        gateway.close();
        kraken.close();
        Files.delete(credentials);
    }

    @Test
    void aRestingOrderIsAcknowledgedFilledByPollingAndTheRestCanceled() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(clOrdId, Side.BUY, "BTC/USD", "0.01", "50000"), "KRAKEN"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            kraken.trade(kraken.lastUserref(), "0.004", "50000");
            final Message fill = client.next("8");
            assertThat(fill.getChar(ExecType.FIELD)).isEqualTo(ExecType.TRADE);
            assertThat(fill.getDecimal(LastQty.FIELD)).isEqualByComparingTo("0.004");
            assertThat(fill.getDecimal(LastPx.FIELD)).isEqualByComparingTo("50000");

            client.send(Orders.cancel(Orders.nextClOrdId(), clOrdId, Side.BUY, "BTC/USD"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.PENDING_CANCEL);
            final Message canceled = client.next("8");
            assertThat(canceled.getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
            assertThat(canceled.getDecimal(CumQty.FIELD)).isEqualByComparingTo("0.004");
            client.logout();
        }
    }

    @Test
    void aGtdOrderIsExpiredByKrakenItselfAndARefusalCarriesKrakensWords() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.goodTillDate(
                Orders.limit(clOrdId, Side.BUY, "BTC/USD", "0.01", "50000"), Instant.now().plusSeconds(2)), "KRAKEN"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            final Message expired = client.next("8");
            assertThat(expired.getString(ClOrdID.FIELD)).isEqualTo(clOrdId);
            assertThat(expired.getChar(ExecType.FIELD)).isEqualTo(ExecType.EXPIRED);
            assertThat(expired.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.EXPIRED);

            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USD", "10", "50000"), "KRAKEN"));
            final Message rejected = client.next("8");
            assertThat(rejected.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(rejected.getString(Text.FIELD)).isEqualTo("rejected by venue KRAKEN: EOrder:Insufficient funds");
            client.logout();
        }
    }

    @Test
    void aStopIsHeldByKrakenItselfAndFilledWhenKrakensPriceReachesIt() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            client.send(Orders.onVenue(Orders.stop(Orders.nextClOrdId(), Side.BUY, quickfix.field.OrdType.STOP_STOP_LOSS,
                "BTC/USD", "0.001", "61000"), "KRAKEN"));
            final Message accepted = client.next("8");
            assertThat(accepted.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(accepted.isSetField(Text.FIELD)).as("no 'held by the gateway' Text: Kraken holds it").isFalse();

            kraken.market("XXBTZUSD", "61000", "61000.1");

            final Message filled = client.next("8");
            assertThat(filled.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
            assertThat(filled.getDecimal(LastPx.FIELD)).isEqualByComparingTo("61000.1");
            client.logout();
        }
        finally
        {
            kraken.market("XXBTZUSD", "59999.9", "60000.1");
        }
    }

    @Test
    void aSubmitWhoseAnswerIsLostEndsWithExactlyOneOrderAtTheVenue() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DEMO", gateway.fixPort()))
        {
            kraken.dropNextOrderResponse();
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(clOrdId, Side.SELL, "BTC/USD", "0.01", "70000"), "KRAKEN"));

            final Message acknowledged = client.next("8");
            assertThat(acknowledged.getString(ClOrdID.FIELD)).isEqualTo(clOrdId);
            assertThat(acknowledged.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(kraken.ordersWithUserref(kraken.lastUserref())).isEqualTo(1);
            client.logout();
        }
    }
}
