package io.cryptofix.certification;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.ExecRestatementReason;
import quickfix.field.ExecType;
import quickfix.field.Side;
import quickfix.field.Text;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kill switch end to end: an operator's kill, through the admin API or {@code bin/gateway admin},
 * cancels every working order in its scope, each Canceled report with ExecRestatementReason (378) 99
 * and a Text starting {@code kill switch: }; the scope's new orders are refused until a risk officer
 * resumes it; and the halt outlives {@code kill -9} and a restart of the gateway.
 */
class KillSwitchCertificationTest
{
    private static final String FAR_BELOW_MARKET = "1000";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private GatewayFixture fixture;
    private GatewayProcess process;

    @AfterEach
    void stop() throws Exception
    {
        if (fixture != null)
        {
            fixture.close();
        }
        if (process != null)
        {
            process.close();
        }
    }

    @Test
    void aKilledSessionHasEveryWorkingOrderCanceledAndItsNewOrdersRefusedUntilResumed() throws Exception
    {
        fixture = GatewayFixture.start();
        final String token = Files.readString(fixture.dataDir().resolve("admin-token")).strip();
        try (FixTestClient risk = FixTestClient.logOn("RISK", fixture.fixPort());
            FixTestClient demo = FixTestClient.logOn("DEMO", fixture.fixPort()))
        {
            final Set<String> working = new HashSet<>();
            for (int i = 0; i < 3; i++)
            {
                working.add(rest(risk, "BTC/USDT"));
            }
            final String untouched = rest(demo, "ETH/USDT");

            final HttpResponse<String> killed = admin(token, "/kill",
                "{\"scope\": \"session\", \"name\": \"RISK\", \"reason\": \"runaway strategy\"}");
            assertThat(killed.statusCode()).as(killed.body()).isEqualTo(200);
            assertThat(killed.body()).contains("\"state\":\"HALTED\"", "\"ordersCanceling\":3");

            assertThat(canceledByTheKill(risk, 3)).containsExactlyInAnyOrderElementsOf(working);
            assertThat(demo.poll(500)).as("another session's order works on").isNull();

            final Message refused = send(risk, Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01",
                FAR_BELOW_MARKET));
            assertThat(refused.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(refused.getString(Text.FIELD)).contains("runaway strategy");

            final HttpResponse<String> status = http.send(HttpRequest.newBuilder(adminUri("/status"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(status.body()).contains("\"RISK\":{\"state\":\"HALTED\",\"reason\":\"runaway strategy\"");

            assertThat(admin(token, "/resume", "{\"scope\": \"session\", \"name\": \"RISK\", \"reason\": \"fixed\"}")
                .statusCode()).isEqualTo(200);
            final String after = rest(risk, "BTC/USDT");
            cancel(risk, after, "BTC/USDT");
            cancel(demo, untouched, "ETH/USDT");
            risk.logout();
            demo.logout();
        }
    }

    @Test
    void aGlobalHaltFromTheCommandLineOutlivesKillMinusNineAndARestart() throws Exception
    {
        process = GatewayProcess.inNewWorkDir("cryptofix-kill-switch-");
        final Path config = process.writeConfig(process.config().metricsOff().adminOn(process.adminPort()));
        process.start();
        try (FixTestClient client = FixTestClient.logOn("RISK", process.fixPort()))
        {
            final String working = rest(client, "BTC/USDT");

            final GatewayProcess.Exited killed = process.command("admin", "kill", "--all", "--reason", "exchange outage",
                "--config", config.toString());
            assertThat(killed.exitValue()).as(killed.output()).isZero();
            assertThat(killed.output()).contains("global: ACTIVE -> HALTED (exchange outage)",
                "kill switch: 1 order being canceled");
            assertThat(canceledByTheKill(client, 1)).containsExactly(working);
        }

        assertThat(process.kill()).isTrue();
        process.launch();
        assertThat(process.awaitLine("trading state restored from the admin journal"))
            .contains("global HALTED since ").endsWith(": exchange outage");
        process.awaitLine("press Ctrl-C to stop");
        try (FixTestClient client = FixTestClient.logOn("RISK", process.fixPort()))
        {
            final Message refused = send(client, Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01",
                FAR_BELOW_MARKET));
            assertThat(refused.getChar(ExecType.FIELD)).as("still halted after the restart").isEqualTo(ExecType.REJECTED);

            final GatewayProcess.Exited status = process.command("admin", "status", "--config", config.toString());
            assertThat(status.output()).contains("global HALTED since ").contains(": exchange outage");

            final GatewayProcess.Exited resumed = process.command("admin", "resume", "--all", "--reason", "venue back",
                "--config", config.toString());
            assertThat(resumed.exitValue()).as(resumed.output()).isZero();
            cancel(client, rest(client, "BTC/USDT"), "BTC/USDT");
            client.logout();
        }

        final GatewayProcess.Exited audit = process.command("audit", "admin", "--config", config.toString());
        assertThat(audit.output()).contains("admin-token (risk-officer)  kill global: accepted  \"exchange outage\"",
            "admin-token (risk-officer)  resume global: accepted  \"venue back\"");
    }

    /** @return the ClOrdID of a buy far below the market, resting at the venue. */
    private static String rest(final FixTestClient client, final String symbol) throws Exception
    {
        final String clOrdId = Orders.nextClOrdId();
        assertThat(send(client, Orders.limit(clOrdId, Side.BUY, symbol, "0.01", FAR_BELOW_MARKET)).getChar(ExecType.FIELD))
            .isEqualTo(ExecType.NEW);
        return clOrdId;
    }

    private static void cancel(final FixTestClient client, final String clOrdId, final String symbol) throws Exception
    {
        client.send(Orders.cancel(Orders.nextClOrdId(), clOrdId, Side.BUY, symbol));
        assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.PENDING_CANCEL);
        assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
    }

    private static Message send(final FixTestClient client, final quickfix.Message order) throws Exception
    {
        client.send(order);
        return client.next("8");
    }

    /**
     * @return the ClOrdIDs of the orders the kill canceled, after each Canceled report was checked;
     *     reports of a cancel on its way (PendingCancel) are passed over.
     */
    private static List<String> canceledByTheKill(final FixTestClient client, final int orders) throws Exception
    {
        final List<String> canceled = new ArrayList<>();
        while (canceled.size() < orders)
        {
            final Message report = client.next("8");
            if (report.getChar(ExecType.FIELD) == ExecType.PENDING_CANCEL)
            {
                continue;
            }
            assertThat(report.getChar(ExecType.FIELD)).as(report.toString()).isEqualTo(ExecType.CANCELED);
            assertThat(report.getInt(ExecRestatementReason.FIELD)).isEqualTo(99);
            assertThat(report.getString(Text.FIELD)).startsWith("kill switch: ");
            canceled.add(report.getString(ClOrdID.FIELD));
        }
        return canceled;
    }

    private HttpResponse<String> admin(final String token, final String path, final String body) throws Exception
    {
        return http.send(HttpRequest.newBuilder(adminUri(path))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(10))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI adminUri(final String path)
    {
        return URI.create("http://127.0.0.1:" + fixture.gateway().adminPort() + path);
    }
}
