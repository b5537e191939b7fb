package io.cryptofix.certification;

import io.cryptofix.certification.GatewayConfigYaml.Venue;
import io.cryptofix.venue.binance.FakeBinance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.ExecType;
import quickfix.field.OrdRejReason;
import quickfix.field.Side;
import quickfix.field.Text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QuickFIX/J client -> gateway with limits for one venue -> Binance adapter -> a local fake Binance
 * that checks keys and signatures as Binance does: an order over the venue's limits is refused by the
 * gateway and never reaches the exchange, while an order inside them is placed there.
 */
class RiskOnExchangeCertificationTest
{
    private static final String KEY = "cert-api-key-51c0";
    private static final String SECRET = "cert-secret-e27a9d";

    private static FakeBinance binance;
    private static GatewayFixture gateway;
    private static Path credentials;

    @BeforeAll
    static void start() throws IOException
    {
        binance = FakeBinance.start(KEY, SECRET);
        credentials = Files.createTempFile("cryptofix-credentials", ".properties");
        Files.writeString(credentials, "apiKey=" + KEY + "\nsecretKey=" + SECRET + "\n");
        gateway = GatewayFixture.start(config -> config
            .venue(Venue.exchange("BINANCE", "binance", binance.baseUrl(), credentials).symbols("BTC/USDT"))
            .riskLimit("venues.BINANCE", "maxOrderQty", "0.5")
            .riskLimit("venues.BINANCE", "maxOrderNotional", "10000")
            .riskLimit("sessions.DESK", "symbols", "[ETH/USDT]"));
    }

    @AfterAll
    static void stop() throws IOException
    {
        gateway.close();
        binance.close();
        Files.delete(credentials);
    }

    @Test
    void anOrderOverTheVenuesLimitsNeverReachesTheExchangeWhileOneInsideThemIsPlacedThere() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            final int before = binance.orderCount();
            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.6", "1000"),
                "BINANCE"));
            final Message overQty = client.next("8");
            assertThat(overQty.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.ORDER_EXCEEDS_LIMIT);
            assertThat(overQty.getString(Text.FIELD)).isEqualTo("maxOrderQty 0.5 BTC exceeded: 0.6 BTC");

            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.2", "60000"),
                "BINANCE"));
            assertThat(client.next("8").getString(Text.FIELD))
                .isEqualTo("maxOrderNotional 10000 USDT exceeded: 0.2 BTC x 60000 = 12000");
            assertThat(binance.orderCount()).as("nothing refused reached the exchange").isEqualTo(before);

            final String inside = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(inside, Side.BUY, "BTC/USDT", "0.1", "50000"), "BINANCE"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(binance.orderCount()).isEqualTo(before + 1);

            client.send(Orders.cancel(Orders.nextClOrdId(), inside, Side.BUY, "BTC/USDT"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.PENDING_CANCEL);
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
            client.logout();
        }
    }

    @Test
    void aSessionIsRefusedASymbolItIsNotEntitledToAtTheExchange() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DESK", gateway.fixPort()))
        {
            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.1", "50000"),
                "BINANCE"));
            final Message refused = client.next("8");
            assertThat(refused.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(refused.getString(Text.FIELD)).isEqualTo("session DESK may not trade BTC/USDT (its symbols: ETH/USDT)");
            client.logout();
        }
    }
}
