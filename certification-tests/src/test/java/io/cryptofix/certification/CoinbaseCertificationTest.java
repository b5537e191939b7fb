package io.cryptofix.certification;

import io.cryptofix.certification.GatewayConfigYaml.Venue;
import io.cryptofix.venue.coinbase.FakeCoinbase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.fix44.NewOrderSingle;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.OrdStatus;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Text;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QuickFIX/J client -> gateway -> Coinbase adapter (XChange) -> a local fake Coinbase Exchange that
 * checks key, passphrase, timestamp and signature as Coinbase does.
 */
class CoinbaseCertificationTest
{
    private static final String KEY = "cert-coinbase-key";
    private static final String SECRET = Base64.getEncoder().encodeToString(
        "cert-coinbase-secret".getBytes(StandardCharsets.US_ASCII));
    private static final String PASSPHRASE = "cert-passphrase";

    private static FakeCoinbase coinbase;
    private static GatewayFixture gateway;
    private static Path credentials;

    @BeforeAll
    static void start() throws IOException
    {
        coinbase = FakeCoinbase.start(KEY, SECRET, PASSPHRASE);
        credentials = Files.createTempFile("cryptofix-coinbase", ".properties");
        Files.writeString(credentials, "apiKey=" + KEY + "\nsecretKey=" + SECRET + "\npassphrase=" + PASSPHRASE + "\n");
        gateway = GatewayFixture.start(config -> config.venue(
            Venue.exchange("COINBASE", "coinbase", coinbase.baseUrl(), credentials).symbols("BTC/USD")));
    }

    @AfterAll
    static void stop() throws IOException
    {
        gateway.close();
        coinbase.close();
        Files.delete(credentials);
    }

    @Test
    void aRestingOrderIsAcknowledgedFilledByPollingAndTheRestCanceled() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(clOrdId, Side.BUY, "BTC/USD", "0.01", "50000"), "COINBASE"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            coinbase.tradeLast("0.004", "50000");
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
    void aStopLimitIsHeldByCoinbaseAndAStopByTheGatewayAndBothFillWhenThePriceReachesThem() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            final String stopLimit = Orders.nextClOrdId();
            final NewOrderSingle order = Orders.stop(stopLimit, Side.BUY, quickfix.field.OrdType.STOP_LIMIT, "BTC/USD",
                "0.001", "61000");
            order.setDecimal(Price.FIELD, new BigDecimal("61500"));
            client.send(Orders.onVenue(order, "COINBASE"));
            final Message accepted = client.next("8");
            assertThat(accepted.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(accepted.isSetField(Text.FIELD)).as("no 'held by the gateway' Text: Coinbase holds it").isFalse();

            client.send(Orders.onVenue(Orders.stop(Orders.nextClOrdId(), Side.BUY, quickfix.field.OrdType.STOP_STOP_LOSS,
                "BTC/USD", "0.001", "61000"), "COINBASE"));
            final Message held = client.next("8");
            assertThat(held.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(held.getString(Text.FIELD)).isEqualTo("held by the gateway until the ask reaches StopPx 61000");

            coinbase.market("61000", "61000.02");

            final Map<String, Message> filled = new HashMap<>();
            while (filled.size() < 2)
            {
                final Message report = client.next("8");
                if (report.getChar(OrdStatus.FIELD) == OrdStatus.FILLED)
                {
                    filled.put(report.getString(ClOrdID.FIELD), report);
                }
            }
            assertThat(filled.get(stopLimit).getDecimal(LastPx.FIELD)).isEqualByComparingTo("61000.02");
            assertThat(filled.get(held.getString(ClOrdID.FIELD)).getDecimal(LastPx.FIELD)).isEqualByComparingTo("61000.02");
            client.logout();
        }
        finally
        {
            coinbase.market("59999.99", "60000.01");
        }
    }

    @Test
    void aMarketableOrderFillsARefusedOneIsRejectedAndALostAnswerLeavesOneOrder() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DEMO", gateway.fixPort()))
        {
            client.send(Orders.onVenue(Orders.market(Orders.nextClOrdId(), Side.BUY, "BTC/USD", "0.001"), "COINBASE"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(client.next("8").getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);

            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USD", "10", "50000"), "COINBASE"));
            final Message rejected = client.next("8");
            assertThat(rejected.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(rejected.getString(Text.FIELD)).isEqualTo("rejected by venue COINBASE: Insufficient funds (HTTP 400)");

            coinbase.dropNextOrderResponse();
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(clOrdId, Side.SELL, "BTC/USD", "0.01", "70000"), "COINBASE"));
            final Message acknowledged = client.next("8");
            assertThat(acknowledged.getString(ClOrdID.FIELD)).isEqualTo(clOrdId);
            assertThat(acknowledged.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(coinbase.ordersWithClientOid(coinbase.lastClientOid())).isEqualTo(1);
            client.logout();
        }
    }
}
