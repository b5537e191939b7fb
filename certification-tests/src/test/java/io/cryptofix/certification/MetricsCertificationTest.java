package io.cryptofix.certification;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.field.ExecType;
import quickfix.field.Side;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus endpoint, scraped over HTTP as Prometheus would.
 */
class MetricsCertificationTest
{
    private static GatewayFixture gateway;

    @BeforeAll
    static void startGateway()
    {
        gateway = GatewayFixture.start();
    }

    @AfterAll
    static void stopGateway()
    {
        gateway.close();
    }

    @Test
    void metricsCountOrdersReportsRejectsSessionsAndLatency() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "1000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "XRP/USDT", "1", "1"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);

            final MetricsScrape metrics = MetricsScrape.of(gateway.metricsPort());

            assertThat(metrics.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.value("cryptofix_orders_received_total")).isEqualTo(2);
            assertThat(metrics.value("cryptofix_execution_reports_sent_total{exec_type=\"NEW\"}")).isEqualTo(1);
            assertThat(metrics.value("cryptofix_execution_reports_sent_total{exec_type=\"REJECTED\"}")).isEqualTo(1);
            assertThat(metrics.value("cryptofix_order_rejects_total{reason=\"UNKNOWN_SYMBOL\"}")).isEqualTo(1);
            assertThat(metrics.value("cryptofix_sessions_logged_on")).isEqualTo(1);
            assertThat(metrics.value("cryptofix_order_first_report_latency_seconds_count")).isEqualTo(2);
            client.logout();
        }
    }
}
