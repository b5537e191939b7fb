package io.cryptofix.certification;

import io.cryptofix.certification.GatewayConfigYaml.Venue;
import io.cryptofix.venue.binance.FakeBinance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.Side;
import quickfix.field.Text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * QuickFIX/J client -> gateway with limits for one venue -> Binance adapter -> a local fake Binance
 * that checks keys and signatures as Binance does: an order over the venue's limits, or a market order
 * larger than Binance's book offers within the price collar, is refused by the gateway and never
 * reaches the exchange, while an order inside them is placed there.
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
            .riskLimit("sessions.DESK", "symbols", "[ETH/USDT]")
            // DEMO trades under a collar only, its own quantity and value limits above the venue's
            .riskLimit("sessions.DEMO", "priceCollarPercent", "1")
            .riskLimit("sessions.DEMO", "maxOrderQty", "5")
            .riskLimit("sessions.DEMO", "maxOrderNotional", "1000000"));
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
    void aMarketBuyLargerThanTheBinanceBookOffersWithinTheCollarIsRefusedWhileOneWithinItTrades() throws Exception
    {
        // 0.5 BTC at the best ask and 0.2 more within 1% of it (up to 60600.0101); the 5 beyond do not count
        binance.book("BTCUSDT", List.of("1@59999.99"), List.of("0.5@60000.01", "0.2@60500", "5@61000"));
        // the adapter asks for the next book only once it has handed the last one to the gateway: two
        // answers holding this book mean the gateway has it
        await().atMost(Duration.ofSeconds(10)).until(() -> binance.depthAnswers("BTCUSDT") >= 2);
        try (FixTestClient client = FixTestClient.logOn("DEMO", gateway.fixPort()))
        {
            final int before = binance.orderCount();
            client.send(Orders.onVenue(Orders.market(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.8"), "BINANCE"));
            final Message refused = client.next("8");
            assertThat(refused.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(refused.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.ORDER_EXCEEDS_LIMIT);
            assertThat(refused.getString(Text.FIELD)).isEqualTo("priceCollarPercent 1 exceeded: market buy 0.8 BTC is " +
                "more than the 0.7 BTC offered within 1% of the best ask 60000.01");
            assertThat(binance.orderCount()).as("the refused order never reached the exchange").isEqualTo(before);

            client.send(Orders.onVenue(Orders.market(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.6"), "BINANCE"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            final Message filled = client.next("8");
            assertThat(filled.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
            assertThat(filled.getDecimal(LastPx.FIELD)).isEqualByComparingTo("60000.01");
            assertThat(binance.orderCount()).isEqualTo(before + 1);
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
