package io.cryptofix.certification;

import io.cryptofix.certification.GatewayConfigYaml.Venue;
import io.cryptofix.venue.bybit.FakeBybit;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QuickFIX/J client -> gateway -> Bybit adapter -> a local fake Bybit that checks key, timestamp and
 * signature as Bybit does.
 */
class BybitCertificationTest
{
    private static final String KEY = "cert-bybit-key";
    private static final String SECRET = "cert-bybit-secret";

    private static FakeBybit bybit;
    private static GatewayFixture gateway;
    private static Path credentials;

    @BeforeAll
    static void start() throws IOException
    {
        bybit = FakeBybit.start(KEY, SECRET);
        credentials = Files.createTempFile("cryptofix-bybit", ".properties");
        Files.writeString(credentials, "apiKey=" + KEY + "\nsecretKey=" + SECRET + "\n");
        gateway = GatewayFixture.start(config -> config.venue(
            Venue.exchange("BYBIT", "bybit", bybit.baseUrl(), credentials).symbols("BTC/USDT")));
    }

    @AfterAll
    static void stop() throws IOException
    {
        gateway.close();
        bybit.close();
        Files.delete(credentials);
    }

    @Test
    void aRestingOrderIsAcknowledgedFilledByPollingAndTheRestCanceled() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "50000"), "BYBIT"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            bybit.tradeLast("0.004", "50000");
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
    void aStopIsHeldByBybitItselfAndFilledWhenBybitsPriceReachesIt() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            client.send(Orders.onVenue(Orders.stop(Orders.nextClOrdId(), Side.BUY, quickfix.field.OrdType.STOP_STOP_LOSS,
                "BTC/USDT", "0.001", "61000"), "BYBIT"));
            final Message accepted = client.next("8");
            assertThat(accepted.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(accepted.isSetField(Text.FIELD)).as("no 'held by the gateway' Text: Bybit holds it").isFalse();

            bybit.market("61000", "61000.02");

            final Message filled = client.next("8");
            assertThat(filled.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
            assertThat(filled.getDecimal(LastPx.FIELD)).isEqualByComparingTo("61000.02");
            client.logout();
        }
        finally
        {
            bybit.market("59999.99", "60000.01");
        }
    }

    @Test
    void aRefusedOrderIsRejectedWithBybitsWordsAndALostAnswerLeavesOneOrder() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DEMO", gateway.fixPort()))
        {
            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "10", "50000"), "BYBIT"));
            final Message rejected = client.next("8");
            assertThat(rejected.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(rejected.getString(Text.FIELD))
                .isEqualTo("rejected by venue BYBIT: Insufficient balance. (170131)");

            bybit.dropNextOrderResponse();
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(clOrdId, Side.SELL, "BTC/USDT", "0.01", "70000"), "BYBIT"));
            final Message acknowledged = client.next("8");
            assertThat(acknowledged.getString(ClOrdID.FIELD)).isEqualTo(clOrdId);
            assertThat(acknowledged.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(bybit.ordersWithOrderLinkId(bybit.lastOrderLinkId())).isEqualTo(1);
            client.logout();
        }
    }
}
