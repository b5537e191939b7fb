package io.cryptofix.certification;

import io.cryptofix.acceptor.ArchivedFixMessages;
import io.cryptofix.certification.ClientLedger.ClientOrder;
import io.cryptofix.certification.GatewayConfigYaml.Venue;
import io.cryptofix.gateway.StoppedGatewayArchive;
import io.cryptofix.venue.binance.FakeBinance;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecType;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrigClOrdID;
import quickfix.field.PossResend;
import quickfix.field.Side;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

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
    private final ClientLedger ledger = new ClientLedger();
    private GatewayProcess gateway;
    private FakeBinance binance;
    private SystemOfRecord systemOfRecord;

    @BeforeEach
    void createWorkDir() throws IOException
    {
        gateway = GatewayProcess.inNewWorkDir("cryptofix-crash-");
    }

    @AfterEach
    void cleanUp() throws Exception
    {
        gateway.close();
        if (binance != null)
        {
            binance.close();
        }
        if (systemOfRecord != null)
        {
            systemOfRecord.dropSchema();
        }
    }

    @Test
    void killedTenTimesOnTheSimulatedVenueTheGatewayLosesNoOrderAndNoFill() throws Exception
    {
        systemOfRecord = SystemOfRecord.createSchema();
        gateway.writeConfig(onTheSimulatedVenue().systemOfRecord(systemOfRecord));
        killRepeatedly("SIM");

        try (FixTestClient client = logOn())
        {
            // the simulated venue's book dies with each process: what rested at the last kill is canceled
            awaitEveryOrderAnswered(client);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
            {
                ledger.drain(client);
                assertThat(ledger.orders()).filteredOn(order -> order.orderId != null)
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
        gateway.stop();
        final Map<Long, List<String>> journal = new TreeMap<>();
        StoppedGatewayArchive.scan(gateway.dataDir(), (received, timestampNanos, message) -> { },
            (recordingId, event) -> journal.computeIfAbsent(recordingId, id -> new ArrayList<>()).add(
                event.kind() + " " + (event.execType() == 0 ? "-" : String.valueOf(event.execType())) + " " +
                event.orderKey() + " " + event.orderState() + " " + new BigDecimal(event.cumQty()).movePointLeft(8)
                .stripTrailingZeros().toPlainString()));
        final long events = journal.values().stream().mapToLong(List::size).sum();
        assertThat(events).isPositive();

        // a last start: the feed goes on from where the database says it was
        gateway.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> systemOfRecord.eventsOf(journal.keySet()) == events);
        gateway.stop();
        assertThat(systemOfRecord.events(journal.keySet())).as("order_events against the journal").isEqualTo(journal);
        for (final ClientOrder order : ledger.orders())
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

    @Test
    void killedTenTimesOnFakeBinanceTheGatewayReportsWhatTheVenueDidAndPlacesNothingTwice() throws Exception
    {
        gateway.writeConfig(withFakeBinance());
        killRepeatedly("BINANCE");

        try (FixTestClient client = logOn())
        {
            awaitEveryOrderAnswered(client);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
            {
                ledger.drain(client);
                for (final ClientOrder order : ledger.orders())
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
        ledger.orders().stream().filter(order -> order.orderId != null)
            .forEach(order -> known.add(venueClientOrderId(order)));
        assertThat(binance.orders()).extracting(FakeBinance.FakeOrder::clientOrderId)
            .doesNotHaveDuplicates().allSatisfy(id -> assertThat(known).contains(id));
    }

    @Test
    void aFillHeldForALoggedOutClientReachesItAfterTheGatewayIsKilled() throws Exception
    {
        final int metricsPort = startOnBinanceWithMetrics("HELD");
        final ClientOrder order = ledger.newOrder(Orders.nextClOrdId());
        try (FixTestClient client = logOn())
        {
            placeOnBinance(client, order);
            client.logout();
        }

        // traded while its client is away: the gateway holds the fill for it, then dies
        binance.trade(venueClientOrderId(order), "0.0004", "50000");
        await().atMost(Duration.ofSeconds(30)).until(() -> heldReports(metricsPort) == 1);
        assertThat(gateway.kill()).isTrue();

        gateway.start();
        try (FixTestClient client = logOn())
        {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            {
                ledger.drain(client);
                assertThat(order.filled).isEqualByComparingTo("0.0004");
                assertThat(order.ordStatus).isEqualTo(OrdStatus.PARTIALLY_FILLED);
            });
            assertThat(ledger.possResends()).as("the fill, sent again with PossResend (97) Y").isEqualTo(1);
        }
    }

    @Test
    void aCancelRejectHeldForALoggedOutClientReachesItAfterTheGatewayIsKilled() throws Exception
    {
        final int metricsPort = startOnBinanceWithMetrics("HELD-REJECT");
        final ClientOrder order = ledger.newOrder(Orders.nextClOrdId());
        final String cancelId = Orders.nextClOrdId();
        try (FixTestClient client = logOn())
        {
            placeOnBinance(client, order);
            // the venue has the cancel but has not acted on it when the client leaves
            binance.holdRequests();
            ledger.cancelSent(cancelId, order);
            client.send(Orders.cancel(cancelId, order.clOrdId, Side.BUY, "BTC/USDT"));
            await().atMost(Duration.ofSeconds(30)).until(() ->
            {
                ledger.drain(client);
                return order.ordStatus == OrdStatus.PENDING_CANCEL;
            });
            client.logout();
        }

        // the order fills before the venue looks at the cancel: the gateway refuses the cancel to a
        // client that is away, holds the refusal with the fill, and dies
        binance.trade(venueClientOrderId(order), "0.001", "50000");
        binance.releaseRequests();
        await().atMost(Duration.ofSeconds(60)).until(() -> cancelRejects(metricsPort) == 1 && heldReports(metricsPort) == 2);
        assertThat(gateway.kill()).isTrue();

        gateway.start();
        try (FixTestClient client = logOn())
        {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            {
                ledger.drain(client);
                assertThat(ledger.cancelRejects()).singleElement().satisfies(reject ->
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
            assertThat(ledger.possResends()).as("the fill, sent again with PossResend (97) Y").isEqualTo(1);
        }
    }

    /**
     * The engine records a message as it arrives, before the duty cycle takes it to the order core;
     * the journal only has what the core did. Killed in between, the gateway has the order as received
     * (the client's next logon continues after it, so the client is never asked to send it again)
     * and nothing else: it hands the order to the core when the client logs on again.
     */
    @Test
    void aNewOrderTheEngineReceivedButTheOrderCoreNeverTookIsAnsweredAfterTheGatewayIsKilled() throws Exception
    {
        gateway.withDebugAgent();
        gateway.writeConfig(onTheSimulatedVenue());
        logTo("UNHANDLED");
        gateway.start();
        final ClientOrder order = ledger.newOrder(Orders.nextClOrdId());
        try (FixTestClient client = logOn();
            ThreadHold held = ThreadHold.suspend(gateway.debugPort(), "gateway-duty-cycle"))
        {
            client.send(Orders.onVenue(Orders.limit(order.clOrdId, Side.BUY, "BTC/USDT", "0.001", "50000"), "SIM"));
            await().atMost(Duration.ofSeconds(30)).until(() -> receivedAndRecorded(order.clOrdId));
            assertThat(gateway.kill()).isTrue();
        }

        gateway.start();
        try (FixTestClient client = logOn())
        {
            // the client sends nothing more: the order comes to the core at logon, as if it had just arrived
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            {
                ledger.drain(client);
                assertThat(order.orderId).as("OrderID of " + order.clOrdId).isNotNull();
                assertThat(order.ordStatus).isEqualTo(OrdStatus.NEW);
            });
        }

        // once taken, it is in the journal: the next start takes the order over and does not take it in again
        assertThat(gateway.kill()).isTrue();
        gateway.start();
        try (FixTestClient client = logOn())
        {
            client.send(Orders.status(order.clOrdId, Side.BUY, "BTC/USDT"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            {
                // a second New for the order would fail the ledger
                ledger.drain(client);
                assertThat(order.ordStatus).as("the simulated venue's book died with the process")
                    .isEqualTo(OrdStatus.CANCELED);
                assertThat(order.answers).as("New, Canceled and the status asked for").isEqualTo(3);
            });
        }
    }

    /** Whether the gateway's archive holds a message from the client with this ClOrdID. */
    private boolean receivedAndRecorded(final String clOrdId)
    {
        final String field = "\u000111=" + clOrdId + "\u0001";
        final boolean[] found = {false};
        try (ArchivedFixMessages archive = ArchivedFixMessages.connect(gateway.aeronDir()))
        {
            for (final ArchivedFixMessages.Recording recording : archive.recordings())
            {
                if (recording.received())
                {
                    archive.read(recording, recording.startPosition(), archive.writtenPosition(recording.recordingId()),
                        new SleepingMillisIdleStrategy(1),
                        (recordingId, position, received, timestampNanos, message) -> found[0] |= message.contains(field));
                }
            }
        }
        return found[0];
    }

    /** The gateway on the simulated venue alone, whose book dies with each process. */
    private GatewayConfigYaml onTheSimulatedVenue()
    {
        return gateway.config().metricsOff().venue(Venue.simulated("SIM").instrument("BTC/USDT"));
    }

    /** Starts a fake Binance: the configuration of a gateway that trades there too. */
    private GatewayConfigYaml withFakeBinance() throws IOException
    {
        binance = FakeBinance.start(KEY, SECRET);
        final Path credentials = CredentialsFiles.write(gateway.workDir().resolve("binance.properties"),
            "apiKey=" + KEY + "\nsecretKey=" + SECRET + "\n");
        return onTheSimulatedVenue()
            .venue(Venue.exchange("BINANCE", "binance", binance.baseUrl(), credentials).symbols("BTC/USDT"));
    }

    /** Starts the gateway on a fake Binance, with the metrics endpoint on. @return its port. */
    private int startOnBinanceWithMetrics(final String log) throws Exception
    {
        gateway.writeConfig(withFakeBinance().metricsOn(gateway.metricsPort()));
        logTo(log);
        gateway.start();
        return gateway.metricsPort();
    }

    private void placeOnBinance(final FixTestClient client, final ClientOrder order) throws Exception
    {
        client.send(Orders.onVenue(Orders.limit(order.clOrdId, Side.BUY, "BTC/USDT", "0.001", "50000"), "BINANCE"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
        {
            ledger.drain(client);
            return order.orderId != null;
        });
    }

    private static double cancelRejects(final int metricsPort) throws Exception
    {
        return MetricsScrape.of(metricsPort).total("cryptofix_cancel_rejects_total").orElse(-1);
    }

    private static double heldReports(final int metricsPort) throws Exception
    {
        return MetricsScrape.of(metricsPort).total("cryptofix_reports_held").orElse(-1);
    }

    /**
     * Each round: start the gateway, log on with the sequence numbers of last time, send a random
     * mix of orders and cancels, and kill the gateway once a random number of answers are in.
     */
    private void killRepeatedly(final String venue) throws Exception
    {
        logTo(venue);
        for (int kill = 1; kill <= KILLS_PER_VENUE; kill++)
        {
            gateway.start();
            try (FixTestClient client = logOn())
            {
                final int requests = 3 + random.nextInt(10);
                final int answersBeforeKill = random.nextInt(requests + 1);
                final int answeredBefore = ledger.answers();
                for (int i = 0; i < requests; i++)
                {
                    sendSomething(client, venue);
                }
                await().atMost(Duration.ofSeconds(30)).until(() ->
                {
                    ledger.drain(client);
                    return ledger.answers() - answeredBefore >= answersBeforeKill;
                });
                assertThat(gateway.kill()).as("killed, seed " + SEED).isTrue();
                ledger.drain(client);
            }
            if (binance != null)
            {
                tradeWhileDown();
            }
        }
        gateway.start();
    }

    /** Each gateway's output goes to target/crash-NAME.log, for a failure's diagnosis. */
    private void logTo(final String name) throws IOException
    {
        gateway.logTo(Path.of("target", "crash-" + name + ".log"), "seed " + SEED);
    }

    private void sendSomething(final FixTestClient client, final String venue) throws Exception
    {
        final int what = random.nextInt(4);
        if (what == 3)
        {
            final List<ClientOrder> cancelable = ledger.orders().stream()
                .filter(order -> order.orderId != null && !order.cancelSent && order.isWorking()).toList();
            if (!cancelable.isEmpty())
            {
                final ClientOrder order = cancelable.get(random.nextInt(cancelable.size()));
                final String cancelId = Orders.nextClOrdId();
                ledger.cancelSent(cancelId, order);
                client.send(Orders.cancel(cancelId, order.clOrdId, Side.BUY, "BTC/USDT"));
                return;
            }
        }
        final String clOrdId = Orders.nextClOrdId();
        ledger.newOrder(clOrdId);
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
            ledger.drain(client);
            assertThat(ledger.orders()).as("orders never answered, seed " + SEED)
                .filteredOn(order -> order.orderId == null && !order.rejected).isEmpty();
        });
    }

    /** Asks the gateway about every order the client got a New for: same OrderID, state and CumQty. */
    private void checkEveryOrderAtTheGateway(final FixTestClient client) throws Exception
    {
        for (final ClientOrder order : ledger.orders())
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
        return FixTestClient.logOnPersistent("RISK", gateway.fixPort(), gateway.workDir().resolve("client-store"));
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
}
