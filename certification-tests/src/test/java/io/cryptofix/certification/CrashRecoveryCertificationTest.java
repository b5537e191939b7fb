package io.cryptofix.certification;

import io.cryptofix.acceptor.FixMessageArchive;
import io.cryptofix.venue.binance.FakeBinance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastQty;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrigClOrdID;
import quickfix.field.PossResend;
import quickfix.field.Side;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway in its own process, killed with SIGKILL at random points while a FIX client sends it
 * orders and cancels, then started again, over and over; on the simulated venue and on a fake
 * Binance that trades resting orders while the gateway is down. The seed ({@code -Dcrash.seed})
 * decides what is sent and when the kill comes, so a failure names the seed that reproduces it.
 *
 * <p>After the last restart: every order the client sent was answered (New or Rejected); every order
 * it got a New for still exists at the gateway under the same OrderID, in the state its reports
 * said; the fills reported add up to the order's CumQty and, at Binance, to what the venue filled;
 * no order was placed at the venue twice; and the client never reset its sequence numbers.
 */
class CrashRecoveryCertificationTest
{
    private static final long SEED = Long.getLong("crash.seed", 20_261_125L);
    private static final int KILLS_PER_VENUE = 10;
    private static final String KEY = "crash-api-key";
    private static final String SECRET = "crash-secret";

    private final Random random = new Random(SEED);
    private final Map<String, ClientOrder> orders = new LinkedHashMap<>();
    private final Map<String, ClientOrder> byRequestId = new HashMap<>();
    private final Set<String> execIds = new HashSet<>();
    private int possResends;
    private final List<Message> cancelRejectsReceived = new ArrayList<>();
    private Path workDir;
    private Path config;
    private int fixPort;
    private Process process;
    private FakeBinance binance;
    private SystemOfRecord systemOfRecord;

    @BeforeEach
    void createWorkDir() throws IOException
    {
        workDir = Files.createTempDirectory("cryptofix-crash-");
        fixPort = GatewayFixture.freePort();
    }

    @AfterEach
    void cleanUp() throws Exception
    {
        if (process != null && process.isAlive())
        {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (binance != null)
        {
            binance.close();
        }
        if (systemOfRecord != null)
        {
            systemOfRecord.dropSchema();
        }
        org.agrona.IoUtil.delete(workDir.toFile(), true);
        org.agrona.IoUtil.delete(Path.of("/dev/shm", "cryptofix-" + fixPort).toFile(), true);
    }

    @Test
    void killedTenTimesOnTheSimulatedVenueTheGatewayLosesNoOrderAndNoFill() throws Exception
    {
        writeConfig("", SystemOfRecord.createSchema());
        killRepeatedly("SIM");

        try (FixTestClient client = logOn())
        {
            // the simulated venue's book dies with each process: what rested at the last kill is canceled
            awaitEveryOrderAnswered(client);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
            {
                drain(client);
                assertThat(orders.values()).filteredOn(order -> order.orderId != null)
                    .allSatisfy(order -> assertThat(order.ordStatus).as(order.clOrdId).isIn(
                        OrdStatus.FILLED, OrdStatus.CANCELED, OrdStatus.REJECTED));
            });
            checkEveryOrderAtTheGateway(client);
        }
        checkTheSystemOfRecordAgainstTheJournal();
    }

    /**
     * The PostgreSQL store, fed in the background through all the kills, holds every event of the
     * journal, in the journal's order, and each order in the state its client was told.
     */
    private void checkTheSystemOfRecordAgainstTheJournal() throws Exception
    {
        stopGateway();
        final Map<Long, List<String>> journal = new TreeMap<>();
        FixMessageArchive.scan(workDir.resolve("data"), (received, timestampNanos, message) -> { },
            (recordingId, event) -> journal.computeIfAbsent(recordingId, id -> new ArrayList<>()).add(
                event.kind() + " " + (event.execType() == 0 ? "-" : String.valueOf(event.execType())) + " " +
                event.orderKey() + " " + event.orderState() + " " + new BigDecimal(event.cumQty()).movePointLeft(8)
                .stripTrailingZeros().toPlainString()));
        final long events = journal.values().stream().mapToLong(List::size).sum();
        assertThat(events).isPositive();

        // a last start: the feed goes on from where the database says it was
        startGateway("SIM", KILLS_PER_VENUE + 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> systemOfRecord.eventsOf(journal.keySet()) == events);
        stopGateway();
        assertThat(systemOfRecord.events(journal.keySet())).as("order_events against the journal").isEqualTo(journal);
        for (final ClientOrder order : orders.values())
        {
            if (order.orderId != null)
            {
                assertThat(systemOfRecord.ordStatus(order.currentClOrdId)).as("orders row of " + order.clOrdId)
                    .isEqualTo(order.ordStatus);
                assertThat(systemOfRecord.fixMessages("IN", "D", "11=" + order.clOrdId)).as("NewOrderSingle " + order.clOrdId)
                    .isEqualTo(1);
            }
        }
    }

    private void stopGateway() throws InterruptedException
    {
        assertThat(process.toHandle().destroy()).isTrue();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void killedTenTimesOnFakeBinanceTheGatewayReportsWhatTheVenueDidAndPlacesNothingTwice() throws Exception
    {
        configureFakeBinance();
        killRepeatedly("BINANCE");

        try (FixTestClient client = logOn())
        {
            awaitEveryOrderAnswered(client);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
            {
                drain(client);
                for (final ClientOrder order : orders.values())
                {
                    if (order.orderId == null)
                    {
                        continue;
                    }
                    final List<FakeBinance.FakeOrder> atVenue = binance.ordersWithClientOrderId(venueClientOrderId(order));
                    assertThat(atVenue).as("venue orders of %s", order.clOrdId).hasSize(1);
                    final FakeBinance.FakeOrder venueOrder = atVenue.get(0);
                    assertThat(order.filled).as("fills reported for %s", order.clOrdId)
                        .isEqualByComparingTo(venueOrder.executedQty());
                    assertThat(order.ordStatus).as("%s, %s at the venue", order.clOrdId, venueOrder.status())
                        .isEqualTo(ordStatusOf(venueOrder.status()));
                }
            });
            checkEveryOrderAtTheGateway(client);
        }
        // nothing at the venue that the client did not hear of, nothing placed twice
        final Set<String> known = new HashSet<>();
        orders.values().stream().filter(order -> order.orderId != null)
            .forEach(order -> known.add(venueClientOrderId(order)));
        assertThat(binance.orders()).extracting(FakeBinance.FakeOrder::clientOrderId)
            .doesNotHaveDuplicates().allSatisfy(id -> assertThat(known).contains(id));
    }

    @Test
    void aFillHeldForALoggedOutClientReachesItAfterTheGatewayIsKilled() throws Exception
    {
        final int metricsPort = startOnBinanceWithMetrics("HELD");
        final ClientOrder order = new ClientOrder(Orders.nextClOrdId());
        try (FixTestClient client = logOn())
        {
            placeOnBinance(client, order);
            client.logout();
        }

        // traded while its client is away: the gateway holds the fill for it, then dies
        binance.trade(venueClientOrderId(order), "0.0004", "50000");
        await().atMost(Duration.ofSeconds(30)).until(() -> heldReports(metricsPort) == 1);
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        startGateway("HELD", 2);
        try (FixTestClient client = logOn())
        {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            {
                drain(client);
                assertThat(order.filled).isEqualByComparingTo("0.0004");
                assertThat(order.ordStatus).isEqualTo(OrdStatus.PARTIALLY_FILLED);
            });
            assertThat(possResends).as("the fill, sent again with PossResend (97) Y").isEqualTo(1);
        }
    }

    @Test
    void aCancelRejectHeldForALoggedOutClientReachesItAfterTheGatewayIsKilled() throws Exception
    {
        final int metricsPort = startOnBinanceWithMetrics("HELD-REJECT");
        final ClientOrder order = new ClientOrder(Orders.nextClOrdId());
        final String cancelId = Orders.nextClOrdId();
        try (FixTestClient client = logOn())
        {
            placeOnBinance(client, order);
            // the venue has the cancel but has not acted on it when the client leaves
            binance.holdRequests();
            byRequestId.put(cancelId, order);
            client.send(Orders.cancel(cancelId, order.clOrdId, Side.BUY, "BTC/USDT"));
            await().atMost(Duration.ofSeconds(30)).until(() ->
            {
                drain(client);
                return order.ordStatus == OrdStatus.PENDING_CANCEL;
            });
            client.logout();
        }

        // the order fills before the venue looks at the cancel: the gateway refuses the cancel to a
        // client that is away, holds the refusal with the fill, and dies
        binance.trade(venueClientOrderId(order), "0.001", "50000");
        binance.releaseRequests();
        await().atMost(Duration.ofSeconds(60)).until(() -> cancelRejects(metricsPort) == 1 && heldReports(metricsPort) == 2);
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        startGateway("HELD-REJECT", 2);
        try (FixTestClient client = logOn())
        {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            {
                drain(client);
                assertThat(cancelRejectsReceived).singleElement().satisfies(reject ->
                {
                    assertThat(reject.getString(ClOrdID.FIELD)).isEqualTo(cancelId);
                    assertThat(reject.getString(OrigClOrdID.FIELD)).isEqualTo(order.clOrdId);
                    assertThat(reject.getString(OrderID.FIELD)).isEqualTo(order.orderId);
                    assertThat(reject.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
                    assertThat(reject.getHeader().getBoolean(PossResend.FIELD)).as("sent again: PossResend (97) Y")
                        .isTrue();
                });
                assertThat(order.filled).isEqualByComparingTo("0.001");
            });
            assertThat(possResends).as("the fill, sent again with PossResend (97) Y").isEqualTo(1);
        }
    }

    /** Starts a fake Binance and writes the gateway's configuration for it. */
    private void configureFakeBinance() throws IOException
    {
        binance = FakeBinance.start(KEY, SECRET);
        final Path credentials = Files.writeString(workDir.resolve("binance.properties"),
            "apiKey=" + KEY + "\nsecretKey=" + SECRET + "\n");
        writeConfig(String.join("\n",
            "  BINANCE:",
            "    type: binance",
            "    baseUrl: " + binance.baseUrl(),
            "    credentialsFile: " + credentials,
            "    pollIntervalMillis: 100",
            "    symbols: [BTC/USDT]",
            ""));
    }

    /** Starts the gateway on a fake Binance, with the metrics endpoint on. @return its port. */
    private int startOnBinanceWithMetrics(final String log) throws Exception
    {
        configureFakeBinance();
        final int metricsPort = GatewayFixture.freePort();
        Files.writeString(config, Files.readString(config).replace("metrics:\n  enabled: false",
            "metrics:\n  enabled: true\n  bindAddress: 127.0.0.1\n  port: " + metricsPort));
        startGateway(log, 1);
        return metricsPort;
    }

    private void placeOnBinance(final FixTestClient client, final ClientOrder order) throws Exception
    {
        orders.put(order.clOrdId, order);
        byRequestId.put(order.clOrdId, order);
        client.send(Orders.onVenue(Orders.limit(order.clOrdId, Side.BUY, "BTC/USDT", "0.001", "50000"), "BINANCE"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
        {
            drain(client);
            return order.orderId != null;
        });
    }

    private static double cancelRejects(final int metricsPort) throws Exception
    {
        return metric(metricsPort, "cryptofix_cancel_rejects_total");
    }

    private static double heldReports(final int metricsPort) throws Exception
    {
        return metric(metricsPort, "cryptofix_reports_held");
    }

    /** A metric's value, its series added up (a counter with labels), or -1 if there is none. */
    private static double metric(final int metricsPort, final String name) throws Exception
    {
        final String metrics = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .reduce(Double::sum).orElse(-1);
    }

    /**
     * Each round: start the gateway, log on with the sequence numbers of last time, send a random
     * mix of orders and cancels, and kill the gateway once a random number of answers are in.
     */
    private void killRepeatedly(final String venue) throws Exception
    {
        for (int kill = 1; kill <= KILLS_PER_VENUE; kill++)
        {
            startGateway(venue, kill);
            try (FixTestClient client = logOn())
            {
                final int requests = 3 + random.nextInt(10);
                final int answersBeforeKill = random.nextInt(requests + 1);
                final int answeredBefore = answers();
                for (int i = 0; i < requests; i++)
                {
                    sendSomething(client, venue);
                }
                await().atMost(Duration.ofSeconds(30)).until(() ->
                {
                    drain(client);
                    return answers() - answeredBefore >= answersBeforeKill;
                });
                process.destroyForcibly();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("killed, seed " + SEED).isTrue();
                drain(client);
            }
            if (binance != null)
            {
                tradeWhileDown();
            }
        }
        startGateway(venue, KILLS_PER_VENUE + 1);
    }

    /** Starts the gateway; its output goes to target/crash-VENUE.log, for a failure's diagnosis. */
    private void startGateway(final String venue, final int run) throws Exception
    {
        final Path log = Path.of("target", "crash-" + venue + ".log");
        if (run == 1)
        {
            Files.deleteIfExists(log);
        }
        Files.writeString(log, "---- run " + run + ", seed " + SEED + "\n", StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        process = GatewayProcesses.start(workDir, "run", "--config", config.toString());
        GatewayProcesses.awaitLine(GatewayProcesses.linesOf(process, line -> append(log, line)), "press Ctrl-C to stop");
    }

    private static synchronized void append(final Path log, final String line)
    {
        try
        {
            Files.writeString(log, line + "\n", StandardOpenOption.APPEND);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private void sendSomething(final FixTestClient client, final String venue) throws Exception
    {
        final int what = random.nextInt(4);
        if (what == 3)
        {
            final List<ClientOrder> cancelable = orders.values().stream()
                .filter(order -> order.orderId != null && !order.cancelSent && order.isWorking()).toList();
            if (!cancelable.isEmpty())
            {
                final ClientOrder order = cancelable.get(random.nextInt(cancelable.size()));
                final String cancelId = Orders.nextClOrdId();
                order.cancelSent = true;
                byRequestId.put(cancelId, order);
                client.send(Orders.cancel(cancelId, order.clOrdId, Side.BUY, "BTC/USDT"));
                return;
            }
        }
        final String clOrdId = Orders.nextClOrdId();
        final ClientOrder order = new ClientOrder(clOrdId);
        orders.put(clOrdId, order);
        byRequestId.put(clOrdId, order);
        client.send(Orders.onVenue(what == 2 ?
            Orders.market(clOrdId, Side.BUY, "BTC/USDT", "0.001") :
            Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.001", "50000"), venue));
    }

    /** Another participant trades some resting orders while the gateway is down. */
    private void tradeWhileDown()
    {
        final List<FakeBinance.FakeOrder> open = binance.orders().stream()
            .filter(order -> order.status().equals("NEW") || order.status().equals("PARTIALLY_FILLED")).toList();
        for (int i = 0; i < Math.min(2, open.size()); i++)
        {
            final FakeBinance.FakeOrder order = open.get(random.nextInt(open.size()));
            final BigDecimal left = new BigDecimal("0.001").subtract(order.executedQty());
            binance.trade(order.clientOrderId(), left.compareTo(new BigDecimal("0.0004")) > 0 ? "0.0004" :
                left.toPlainString(), "50000");
        }
    }

    private void awaitEveryOrderAnswered(final FixTestClient client)
    {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        {
            drain(client);
            assertThat(orders.values()).as("orders never answered, seed " + SEED)
                .filteredOn(order -> order.orderId == null && !order.rejected).isEmpty();
        });
    }

    /** Asks the gateway about every order the client got a New for: same OrderID, state and CumQty. */
    private void checkEveryOrderAtTheGateway(final FixTestClient client) throws Exception
    {
        for (final ClientOrder order : orders.values())
        {
            if (order.orderId == null)
            {
                continue;
            }
            client.send(Orders.status(order.currentClOrdId, Side.BUY, "BTC/USDT"));
            Message status;
            do
            {
                status = client.next("8");
            }
            while (status.getChar(ExecType.FIELD) != ExecType.ORDER_STATUS);
            assertThat(status.getString(OrderID.FIELD)).as(order.clOrdId).isEqualTo(order.orderId);
            assertThat(status.getChar(OrdStatus.FIELD)).as(order.clOrdId).isEqualTo(order.ordStatus);
            assertThat(status.getDecimal(CumQty.FIELD)).as(order.clOrdId).isEqualByComparingTo(order.filled);
        }
    }

    private FixTestClient logOn() throws Exception
    {
        // sequence numbers kept across every restart: a gateway that lost its own would refuse the logon
        return FixTestClient.logOnPersistent("RISK", fixPort, workDir.resolve("client-store"));
    }

    private void drain(final FixTestClient client) throws InterruptedException, FieldNotFound
    {
        Message message;
        while ((message = client.poll(0)) != null)
        {
            onMessage(message);
        }
    }

    private void onMessage(final Message message) throws FieldNotFound
    {
        final String msgType = message.getHeader().getString(MsgType.FIELD);
        if (!msgType.equals(MsgType.EXECUTION_REPORT))
        {
            if (msgType.equals(MsgType.ORDER_CANCEL_REJECT))
            {
                cancelRejectsReceived.add(message);
                final ClientOrder order = byRequestId.get(message.getString(OrigClOrdID.FIELD));
                assertThat(order).as("a cancel reject for an order never sent: " + message).isNotNull();
                order.answers++;
                order.ordStatus = message.getChar(OrdStatus.FIELD);
            }
            return;
        }
        final ClientOrder order = byRequestId.get(message.getString(ClOrdID.FIELD));
        assertThat(order).as("a report for a ClOrdID never sent: " + message).isNotNull();
        final boolean possResend = message.getHeader().isSetField(PossResend.FIELD) &&
            message.getHeader().getBoolean(PossResend.FIELD);
        possResends += possResend ? 1 : 0;
        if (!execIds.add(message.getString(ExecID.FIELD)))
        {
            // a report sent again after a restart, which this client had before: dropped, as FIX says
            assertThat(possResend).as("a second report with ExecID of " + message).isTrue();
            return;
        }
        final char execType = message.getChar(ExecType.FIELD);
        order.ordStatus = message.getChar(OrdStatus.FIELD);
        order.answers++;
        switch (execType)
        {
            case ExecType.NEW:
                assertThat(order.orderId).as("a second New for " + order.clOrdId).isNull();
                order.orderId = message.getString(OrderID.FIELD);
                break;
            case ExecType.REJECTED:
                order.rejected = true;
                break;
            case ExecType.TRADE:
                order.filled = order.filled.add(message.getDecimal(LastQty.FIELD));
                break;
            case ExecType.CANCELED:
                order.currentClOrdId = message.getString(ClOrdID.FIELD);
                break;
            default:
                break;
        }
        if (execType != ExecType.ORDER_STATUS)
        {
            assertThat(message.getDecimal(CumQty.FIELD)).as("CumQty of " + order.clOrdId + " against its fills")
                .isEqualByComparingTo(order.filled);
        }
    }

    private int answers()
    {
        return orders.values().stream().mapToInt(order -> order.answers).sum();
    }

    private static String venueClientOrderId(final ClientOrder order)
    {
        // OrderID is <journal run>-<order key>; the Binance adapter places <key> as cfx-<run>-<key>-<placement>
        final int dash = order.orderId.indexOf('-');
        return "cfx-" + order.orderId.substring(0, dash) + "-" + order.orderId.substring(dash + 1) + "-0";
    }

    private static char ordStatusOf(final String binanceStatus)
    {
        return switch (binanceStatus)
        {
            case "NEW" -> OrdStatus.NEW;
            case "PARTIALLY_FILLED" -> OrdStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrdStatus.FILLED;
            case "CANCELED" -> OrdStatus.CANCELED;
            default -> OrdStatus.REJECTED;
        };
    }

    private void writeConfig(final String extraVenues) throws IOException
    {
        writeConfig(extraVenues, null);
    }

    /** @param systemOfRecord  the PostgreSQL store the gateway feeds; null for none. */
    private void writeConfig(final String extraVenues, final SystemOfRecord systemOfRecord) throws IOException
    {
        this.systemOfRecord = systemOfRecord;
        config = workDir.resolve("gateway.yaml");
        Files.writeString(config, String.join("\n",
            "dataDir: " + workDir.resolve("data"),
            "fix:",
            "  port: " + fixPort,
            "metrics:",
            "  enabled: false",
            systemOfRecord == null ? "" : systemOfRecord.configYaml(),
            "venues:",
            "  SIM:",
            "    type: simulated",
            "    instruments:",
            "      BTC/USDT: { tickSize: 0.01, lotSize: 0.00001, minQty: 0.00001, referencePrice: 60000, levelQty: 0.5 }",
            extraVenues));
    }

    /** One order as its client knows it from the reports it got. */
    private static final class ClientOrder
    {
        final String clOrdId;
        String currentClOrdId;
        String orderId;
        boolean rejected;
        boolean cancelSent;
        char ordStatus = OrdStatus.PENDING_NEW;
        BigDecimal filled = BigDecimal.ZERO;
        int answers;

        ClientOrder(final String clOrdId)
        {
            this.clOrdId = clOrdId;
            this.currentClOrdId = clOrdId;
        }

        @Override
        public String toString()
        {
            return clOrdId + "(" + currentClOrdId + ", OrderID " + orderId + ", OrdStatus " + ordStatus + ", filled " +
                filled.toPlainString() + (rejected ? ", rejected" : "") + (cancelSent ? ", cancel sent" : "") + ")";
        }

        boolean isWorking()
        {
            return ordStatus == OrdStatus.NEW || ordStatus == OrdStatus.PARTIALLY_FILLED;
        }
    }
}
