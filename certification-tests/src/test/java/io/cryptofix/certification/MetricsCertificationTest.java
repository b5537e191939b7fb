package io.cryptofix.certification;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.field.ExecType;
import quickfix.field.Side;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

            final String metrics = scrape();

            assertThat(value(metrics, "cryptofix_orders_received_total")).isEqualTo(2);
            assertThat(value(metrics, "cryptofix_execution_reports_sent_total{exec_type=\"NEW\"}")).isEqualTo(1);
            assertThat(value(metrics, "cryptofix_execution_reports_sent_total{exec_type=\"REJECTED\"}")).isEqualTo(1);
            assertThat(value(metrics, "cryptofix_order_rejects_total{reason=\"UNKNOWN_SYMBOL\"}")).isEqualTo(1);
            assertThat(value(metrics, "cryptofix_sessions_logged_on")).isEqualTo(1);
            assertThat(value(metrics, "cryptofix_order_first_report_latency_seconds_count")).isEqualTo(2);
            client.logout();
        }
    }

    private static String scrape() throws Exception
    {
        final HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.metricsPort() + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("text/plain"));
        return response.body();
    }

    private static double value(final String metrics, final String series)
    {
        final Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertThat(matcher.find()).as("series %s in%n%s", series, metrics).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
