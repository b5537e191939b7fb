package io.cryptofix.certification;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.ExecType;
import quickfix.field.OrdStatus;
import quickfix.field.Side;
import quickfix.field.Text;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session put in REDUCING through the admin API: a sell that brings its long position closer to
 * flat trades, a buy and a sell that would go past flat are refused naming the position; an
 * under-privileged call changes nothing. The session usage gauges show the position.
 */
class ReducingCertificationTest
{
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static GatewayFixture gateway;
    private static String token;

    @BeforeAll
    static void start() throws Exception
    {
        gateway = GatewayFixture.start();
        token = Files.readString(gateway.dataDir().resolve("admin-token")).strip();
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    @Test
    void reducingLetsAReducingSellThroughAndRefusesABuy() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DESK", gateway.fixPort()))
        {
            filled(client, Side.BUY, "0.03");

            final HttpResponse<String> reduce = admin(token, "/reduce",
                "{\"scope\": \"session\", \"name\": \"DESK\", \"reason\": \"end of day\"}");
            assertThat(reduce.statusCode()).as(reduce.body()).isEqualTo(200);

            client.send(Orders.market(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01"));
            final Message buy = client.next("8");
            assertThat(buy.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(buy.getString(Text.FIELD)).isEqualTo("reducing only (session DESK: end of day): " +
                "a buy of 0.01 BTC does not reduce the position of 0.03 BTC long");

            filled(client, Side.SELL, "0.01");

            client.send(Orders.market(Orders.nextClOrdId(), Side.SELL, "BTC/USDT", "0.05"));
            final Message pastFlat = client.next("8");
            assertThat(pastFlat.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(pastFlat.getString(Text.FIELD)).startsWith("reducing only (session DESK: end of day): " +
                "a sell of 0.05 BTC");

            await().atMost(Duration.ofSeconds(15)).until(() -> MetricsScrape.of(gateway.metricsPort())
                .sample("cryptofix_session_position{asset=\"BTC\",session=\"DESK\"}").orElse(0) == 0.02);
            await().atMost(Duration.ofSeconds(10)).until(() -> MetricsScrape.of(gateway.metricsPort())
                .sample("cryptofix_trading_state{name=\"DESK\",scope=\"session\"}").orElse(-1) == 1);

            assertThat(admin(token, "/resume", "{\"scope\": \"session\", \"name\": \"DESK\", \"reason\": \"next day\"}")
                .statusCode()).isEqualTo(200);
            filled(client, Side.SELL, "0.02");
            client.logout();
        }
    }

    @Test
    void anUnknownTokenIsRefusedAndChangesNothing() throws Exception
    {
        final HttpResponse<String> refused = admin("not-a-token-of-this-gateway", "/halt",
            "{\"scope\": \"global\", \"reason\": \"test\"}");
        assertThat(refused.statusCode()).isEqualTo(401);
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            filled(client, Side.BUY, "0.01");
            filled(client, Side.SELL, "0.01");
            client.logout();
        }
    }

    private static void filled(final FixTestClient client, final char side, final String qty) throws Exception
    {
        client.send(Orders.market(Orders.nextClOrdId(), side, "BTC/USDT", qty));
        assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
        assertThat(client.next("8").getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
    }

    private static HttpResponse<String> admin(final String token, final String path, final String body) throws Exception
    {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.gateway().adminPort() + path))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(10))
            .build(), HttpResponse.BodyHandlers.ofString());
    }
}
