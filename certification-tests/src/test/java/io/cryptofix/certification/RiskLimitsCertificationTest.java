package io.cryptofix.certification;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.ExecType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.Side;
import quickfix.field.Text;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * QuickFIX/J client -> gateway with pre-trade limits -> simulated venue: an order over a limit is
 * rejected with OrdRejReason 3 and a Text naming the limit, while an order inside it trades.
 */
class RiskLimitsCertificationTest
{
    private static GatewayFixture gateway;

    @BeforeAll
    static void start()
    {
        gateway = GatewayFixture.start(config -> config
            .riskLimit("default", "maxOrderQty", "1")
            .riskLimit("default", "maxOrderNotional", "100000")
            .riskLimit("sessions.DESK", "maxOrderQty", "3")
            .riskLimit("sessions.DEMO", "maxOpenOrders", "1")
            .riskLimit("symbols.ETH/USDT", "maxOrderQty", "100")
            .riskLimit("symbols.ETH/USDT", "priceCollarPercent", "1"));
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    @Test
    void anOrderOverMaxOrderQtyIsRejectedNamingTheLimitWhileOneInsideItTrades() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            client.send(Orders.market(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "1.5"));
            final Message refused = client.next("8");
            assertThat(refused.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(refused.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.ORDER_EXCEEDS_LIMIT);
            assertThat(refused.getString(Text.FIELD)).isEqualTo("maxOrderQty 1 BTC exceeded: 1.5 BTC");

            client.send(Orders.market(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(client.next("8").getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
            client.logout();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> MetricsScrape.of(gateway.metricsPort())
            .sample("cryptofix_risk_rejects_total{check=\"maxOrderQty\",session=\"RISK\"}").orElse(0) == 1);
    }

    @Test
    void anOrderWorthMoreThanMaxOrderNotionalIsRejectedShowingItsValue() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DEMO", gateway.fixPort()))
        {
            client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.8", "150000"));
            final Message refused = client.next("8");
            assertThat(refused.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.ORDER_EXCEEDS_LIMIT);
            assertThat(refused.getString(Text.FIELD))
                .isEqualTo("maxOrderNotional 100000 USDT exceeded: 0.8 BTC x 150000 = 120000");
            client.logout();
        }
    }

    @Test
    void aSessionAtMaxOpenOrdersIsRefusedUntilOneOfItsOrdersEnds() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DEMO", gateway.fixPort()))
        {
            final String resting = Orders.nextClOrdId();
            client.send(Orders.limit(resting, Side.BUY, "BTC/USDT", "0.01", "1000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "1000"));
            final Message refused = client.next("8");
            assertThat(refused.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.ORDER_EXCEEDS_LIMIT);
            assertThat(refused.getString(Text.FIELD)).isEqualTo("maxOpenOrders 1 reached: the session has 1 orders open");

            client.send(Orders.cancel(Orders.nextClOrdId(), resting, Side.BUY, "BTC/USDT"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.PENDING_CANCEL);
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);

            final String next = Orders.nextClOrdId();
            client.send(Orders.limit(next, Side.BUY, "BTC/USDT", "0.01", "1000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            client.send(Orders.cancel(Orders.nextClOrdId(), next, Side.BUY, "BTC/USDT"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.PENDING_CANCEL);
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
            client.logout();
        }
    }

    @Test
    void aReplaceAboveMaxOrderQtyIsRefusedAndTheOrderWorksOnUnchanged() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            final String resting = Orders.nextClOrdId();
            client.send(Orders.limit(resting, Side.BUY, "BTC/USDT", "0.5", "1000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            client.send(Orders.replace(Orders.nextClOrdId(), resting, Side.BUY, "BTC/USDT", "1.5", "1000"));
            final Message refused = client.next("9");
            assertThat(refused.getString(Text.FIELD)).isEqualTo("maxOrderQty 1 BTC exceeded: 1.5 BTC");
            assertThat(refused.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.NEW);

            client.send(Orders.cancel(Orders.nextClOrdId(), resting, Side.BUY, "BTC/USDT"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.PENDING_CANCEL);
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
            client.logout();
        }
    }

    @Test
    void aSessionsOwnLimitReplacesTheDefault() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DESK", gateway.fixPort()))
        {
            client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "2", "1000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "3.5", "1000"));
            assertThat(client.next("8").getString(Text.FIELD)).isEqualTo("maxOrderQty 3 BTC exceeded: 3.5 BTC");
            client.logout();
        }
    }

    @Test
    void aLimitPriceBeyondTheCollarIsRejectedWhileOneInsideItTrades() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            // the simulated ETH/USDT market stays near 3000
            client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "ETH/USDT", "1", "3200"));
            final Message refused = client.next("8");
            assertThat(refused.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.ORDER_EXCEEDS_LIMIT);
            assertThat(refused.getString(Text.FIELD))
                .matches("priceCollarPercent 1 exceeded: buy limit 3200 is [0-9.]+% above the best ask [0-9.]+");

            client.send(Orders.market(Orders.nextClOrdId(), Side.BUY, "ETH/USDT", "1"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(client.next("8").getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
            client.logout();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> MetricsScrape.of(gateway.metricsPort())
            .sample("cryptofix_risk_rejects_total{check=\"priceCollarPercent\",session=\"RISK\"}").orElse(0) >= 1);
    }

    @Test
    void aMarketOrderLargerThanTheBookWithinTheCollarIsRejectedWhileOneItHoldsTrades() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            // the simulated book holds 10 levels of 5 ETH a side, one tick apart: 50 ETH within 1%
            client.send(Orders.market(Orders.nextClOrdId(), Side.BUY, "ETH/USDT", "60"));
            final Message refused = client.next("8");
            assertThat(refused.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(refused.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.ORDER_EXCEEDS_LIMIT);
            assertThat(refused.getString(Text.FIELD)).matches(
                "priceCollarPercent 1 exceeded: market buy 60 ETH is more than the [0-9.]+ ETH offered within 1% of the best ask [0-9.]+");

            client.send(Orders.market(Orders.nextClOrdId(), Side.SELL, "ETH/USDT", "4"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(client.next("8").getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
            client.logout();
        }
    }
}
