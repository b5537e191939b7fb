package io.cryptofix.certification;

import io.cryptofix.config.TimeoutConfig;
import io.cryptofix.config.TimeoutRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.ExecType;
import quickfix.field.LeavesQty;
import quickfix.field.OrdStatus;
import quickfix.field.Side;
import quickfix.field.Text;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's order timeout policy end to end: an order resting past its rule's time is canceled
 * at the venue and reported Expired with the rule in the Text; an order no rule covers keeps working.
 */
class OrderTimeoutCertificationTest
{
    private static GatewayFixture gateway;

    @BeforeAll
    static void startGateway()
    {
        gateway = GatewayFixture.start(config -> config.timeoutRule("symbol", "SOL/USDT", "1s"));
    }

    @AfterAll
    static void stopGateway()
    {
        gateway.close();
    }

    @Test
    void aRestingOrderExpiresWhenItsRuleIsUpAndAnOrderWithoutRuleKeepsWorking() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            final String untimed = Orders.nextClOrdId();
            client.send(Orders.limit(untimed, Side.BUY, "BTC/USDT", "0.01", "1000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            final String timed = Orders.nextClOrdId();
            client.send(Orders.limit(timed, Side.BUY, "SOL/USDT", "1", "1"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            final Message expired = client.next("8");

            assertThat(expired.getString(ClOrdID.FIELD)).isEqualTo(timed);
            assertThat(expired.getChar(ExecType.FIELD)).isEqualTo(ExecType.EXPIRED);
            assertThat(expired.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.EXPIRED);
            assertThat(expired.getDecimal(LeavesQty.FIELD)).isEqualByComparingTo("0");
            assertThat(expired.getString(Text.FIELD)).isEqualTo("timeout: symbol SOL/USDT after 1s");

            client.send(Orders.status(untimed, Side.BUY, "BTC/USDT"));
            assertThat(client.next("8").getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.NEW);
            client.logout();
        }
        final MetricsScrape metrics = MetricsScrape.of(gateway.metricsPort());
        assertThat(metrics.text()).contains("cryptofix_timeouts_fired_total{rule=\"symbol SOL/USDT\"} 1.0");
        // the other test of this class may have timed out an order too: at least this one was observed
        assertThat(metrics.value("cryptofix_timeout_lateness_seconds_count")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aReloadedPolicyThatReevaluatesEndsAWorkingOrderThatHadNoTimeout() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DEMO", gateway.fixPort()))
        {
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.limit(clOrdId, Side.BUY, "ETH/USDT", "1", "10"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            gateway.gateway().reloadTimeouts(new TimeoutConfig(null, Duration.ofSeconds(10), Duration.ofSeconds(5),
                List.of(new TimeoutRule(TimeoutRule.Selector.SESSION, "DEMO", Duration.ofMillis(500), 1)), true));

            final Message expired = client.next("8");
            assertThat(expired.getString(ClOrdID.FIELD)).isEqualTo(clOrdId);
            assertThat(expired.getChar(ExecType.FIELD)).isEqualTo(ExecType.EXPIRED);
            assertThat(expired.getString(Text.FIELD)).isEqualTo("timeout: session DEMO after 500ms");
            client.logout();
        }
    }
}
