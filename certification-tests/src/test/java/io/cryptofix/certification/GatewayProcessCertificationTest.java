package io.cryptofix.certification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.PossResend;
import quickfix.field.Side;
import quickfix.field.Text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway as an operator runs it: its own process, started from the command line, stopped
 * with SIGTERM; and a bad configuration file refused with a clear message.
 */
class GatewayProcessCertificationTest
{
    private GatewayProcess gateway;

    @BeforeEach
    void createWorkDir() throws IOException
    {
        gateway = GatewayProcess.inNewWorkDir("cryptofix-process-");
    }

    @AfterEach
    void cleanUp() throws Exception
    {
        gateway.close();
    }

    @Test
    void gatewayPrintsWhereItListensAndEachLogonAndStopsCleanlyOnSigterm() throws Exception
    {
        gateway.writeConfig(gateway.config().metricsOn(gateway.metricsPort()));

        gateway.launch();

        gateway.awaitLine("listening on 127.0.0.1:" + gateway.fixPort());
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            gateway.awaitLine("session RISK logged on");
            client.logout();
            gateway.awaitLine("session RISK logged out");
        }

        gateway.stop();
        gateway.awaitLine("stopped");
        // the JVM reports a SIGTERM-initiated exit as 128 + 15, after the shutdown completed
        assertThat(gateway.exitValue()).isEqualTo(143);
    }

    @Test
    void auditPrintsTheMessagesOfASessionAndTheLifeOfOneOrderOnceTheGatewayHasStopped() throws Exception
    {
        final Path config = gateway.writeConfig(gateway.config().metricsOff());
        gateway.launch();
        gateway.awaitLine("listening on 127.0.0.1:" + gateway.fixPort());
        final String clOrdId = Orders.nextClOrdId();
        final String cancelId = Orders.nextClOrdId();
        final String restingId = Orders.nextClOrdId();
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            client.send(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "1000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            client.send(Orders.cancel(cancelId, clOrdId, Side.BUY, "BTC/USDT"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.PENDING_CANCEL);
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
            client.send(Orders.limit(restingId, Side.SELL, "BTC/USDT", "0.02", "900000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            client.logout();
        }
        gateway.stop();

        // the next run reads the journal and takes over the order the last one left open
        gateway.launch();
        gateway.awaitLine("order journal: taking over 1 open orders: ClOrdID " + restingId +
            " (SELL 0.02 BTC/USDT at SIM, NEW");
        gateway.awaitLine("press Ctrl-C to stop");
        gateway.stop();

        final List<String> session = run("audit", "--config", config.toString(), "--session", "RISK");
        assertThat(session).anySatisfy(line -> assertThat(line).contains(" IN  RISK ")
            .contains("|MsgType(35)=D[NewOrderSingle]|").contains("|ClOrdID(11)=" + clOrdId + "|").contains("|Side(54)=1[BUY]|"));
        assertThat(session).anySatisfy(line -> assertThat(line).contains(" OUT RISK ")
            .contains("|MsgType(35)=8[ExecutionReport]|").contains("|ExecType(150)=4[CANCELED]|"));
        assertThat(session).anySatisfy(line -> assertThat(line).contains("MsgType(35)=A[Logon]"));

        final List<String> order = run("audit", "order", clOrdId, "--config", config.toString(), "--format", "json");
        final ObjectMapper json = new ObjectMapper();
        final List<String> life = new ArrayList<>();
        for (final String line : order)
        {
            final JsonNode message = json.readTree(line);
            String msgType = "";
            String execType = "";
            for (final JsonNode field : message.path("fields"))
            {
                msgType = field.path("tag").asInt() == 35 ? field.path("value").asText() : msgType;
                execType = field.path("tag").asInt() == 150 ? "/" + field.path("meaning").asText() : execType;
            }
            life.add("event".equals(message.path("direction").asText()) ?
                "event " + message.path("event").asText() + (message.has("execType") ? "/" + message.path("execType").asText() : "") :
                message.path("direction").asText() + " " + msgType + execType);
        }
        // FIX in, what the gateway journaled and asked the venue, FIX out, in the order it happened;
        // a report goes out only once its event is journaled, so later events may come before it
        assertThat(life).filteredOn(line -> !line.startsWith("event")).containsExactly(
            "in D", "out 8/NEW", "in F", "out 8/PENDING_CANCEL", "out 8/CANCELED");
        assertThat(life).filteredOn(line -> line.startsWith("event")).containsExactly(
            "event venue_submit", "event report/0", "event venue_cancel", "event report/6", "event report/4");
        assertThat(life.indexOf("event venue_submit")).isGreaterThan(life.indexOf("in D"));
        assertThat(life.indexOf("event report/0")).isLessThan(life.indexOf("out 8/NEW"));
        assertThat(life.indexOf("event venue_cancel")).isGreaterThan(life.indexOf("in F"));
        assertThat(life.indexOf("event report/6")).isLessThan(life.indexOf("out 8/PENDING_CANCEL"));
        assertThat(life.indexOf("event report/4")).isLessThan(life.indexOf("out 8/CANCELED"));

        final List<String> none = run("audit", "--config", config.toString(), "--from", "2999-01-01T00:00:00Z");
        assertThat(none).containsExactly("gateway: audit: no FIX messages matched in " + gateway.dataDir());
    }

    @Test
    void auditReadsTheSystemOfRecordWhileTheGatewayRuns() throws Exception
    {
        final SystemOfRecord store = SystemOfRecord.createSchema();
        try
        {
            final Path config = gateway.writeConfig(gateway.config().metricsOff().systemOfRecord(store));
            gateway.start();
            final String clOrdId = Orders.nextClOrdId();
            final String cancelId = Orders.nextClOrdId();
            try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
            {
                client.send(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "1000"));
                assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
                client.send(Orders.cancel(cancelId, clOrdId, Side.BUY, "BTC/USDT"));
                assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.PENDING_CANCEL);
                assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
            }
            // copied in the background, while the gateway runs: its last event and its last message
            await().atMost(Duration.ofSeconds(30)).until(() -> store.ordStatus(cancelId) == OrdStatus.CANCELED &&
                store.fixMessages("OUT", "8", "41=" + clOrdId) == 2);

            final List<String> life = run("audit", "order", clOrdId, "--config", config.toString(),
                "--source", "postgres");
            assertThat(life).filteredOn(line -> line.contains(" IN  ") || line.contains(" OUT "))
                .extracting(line -> line.substring(line.indexOf("MsgType(35)="), line.indexOf("|", line.indexOf("MsgType(35)="))))
                .startsWith("MsgType(35)=D[NewOrderSingle]", "MsgType(35)=8[ExecutionReport]", "MsgType(35)=F[OrderCancelRequest]");
            assertThat(life).anySatisfy(line -> assertThat(line).contains("EVT").contains("venue submit"));
            assertThat(life).anySatisfy(line -> assertThat(line).contains("ExecType(150)=4[CANCELED]"));
            gateway.stop();
        }
        finally
        {
            store.dropSchema();
        }
    }

    @Test
    void everyOrderTheClientHeardOfIsTakenOverAfterTheGatewayIsKilled() throws Exception
    {
        gateway.writeConfig(gateway.config().metricsOff());
        gateway.start();
        final Map<String, String> orderIds = new LinkedHashMap<>();
        final List<String> execIds = new ArrayList<>();
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            for (int i = 0; i < 5; i++)
            {
                final String clOrdId = Orders.nextClOrdId();
                client.send(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "1000"));
                final Message report = client.next("8");
                assertThat(report.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
                orderIds.put(clOrdId, report.getString(OrderID.FIELD));
                execIds.add(report.getString(ExecID.FIELD));
            }
            // SIGKILL the moment the last New arrived: no shutdown, nothing flushed on the way out
            assertThat(gateway.kill()).isTrue();
        }

        gateway.launch();
        final String takeOver = gateway.awaitLine("order journal: taking over");
        assertThat(takeOver).contains("taking over 5 open orders");
        for (final String clOrdId : orderIds.keySet())
        {
            assertThat(takeOver).contains("ClOrdID " + clOrdId + " (BUY 0.01 BTC/USDT at SIM, NEW");
        }
        assertThat(gateway.awaitLine("orders held"))
            .contains("5 orders held (5 open), 5 being checked at their venues");
        gateway.awaitLine("press Ctrl-C to stop");
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            // the simulated venue's book died with the process: each order is told so, under its own OrderID
            for (final Map.Entry<String, String> order : orderIds.entrySet())
            {
                Message canceled = client.next("8");
                while (canceled.getHeader().isSetField(PossResend.FIELD))
                {
                    // a New the engine had not recorded when the process died, sent again as it was
                    assertThat(canceled.getHeader().getBoolean(PossResend.FIELD)).isTrue();
                    assertThat(canceled.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
                    assertThat(execIds).contains(canceled.getString(ExecID.FIELD));
                    canceled = client.next("8");
                }
                assertThat(canceled.getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
                assertThat(canceled.getString(ClOrdID.FIELD)).isEqualTo(order.getKey());
                assertThat(canceled.getString(OrderID.FIELD)).isEqualTo(order.getValue());
                assertThat(canceled.getString(Text.FIELD)).contains("venue SIM no longer has the order");
            }
            final String first = orderIds.keySet().iterator().next();
            client.send(Orders.status(first, Side.BUY, "BTC/USDT"));
            final Message status = client.next("8");
            assertThat(status.getChar(ExecType.FIELD)).isEqualTo(ExecType.ORDER_STATUS);
            assertThat(status.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.CANCELED);
            assertThat(status.getString(OrderID.FIELD)).isEqualTo(orderIds.get(first));
        }
        gateway.stop();
    }

    @Test
    void badConfigurationIsRefusedWithKeyAndProblemAndNoStackTrace() throws Exception
    {
        final Path config = gateway.workDir().resolve("bad.yaml");
        Files.writeString(config, "fix:\n  port: 99999\n  sesions: []\n");

        final GatewayProcess.Exited refused = gateway.command("run", "--config", config.toString());

        assertThat(refused.exitValue()).isEqualTo(2);
        assertThat(refused.output()).contains("fix.port").contains("99999").contains("fix.sesions");
        assertThat(refused.output()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** Runs a gateway command to its end: its output lines, after checking it exited 0. */
    private List<String> run(final String... args) throws Exception
    {
        final GatewayProcess.Exited command = gateway.command(args);
        assertThat(command.exitValue()).as(command.output()).isZero();
        return command.output().lines().toList();
    }
}
