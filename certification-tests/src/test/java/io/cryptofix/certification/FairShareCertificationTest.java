package io.cryptofix.certification;

import io.cryptofix.certification.GatewayConfigYaml.Venue;
import io.cryptofix.venue.binance.FakeBinance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.ExecType;
import quickfix.field.OrdStatus;
import quickfix.field.Side;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Two sessions on one slow venue: RISK sends a burst far beyond the venue's request queue, and DEMO's
 * few orders during the burst still get through, because each session may hold only its fair share of
 * the queue. The venue is a local fake Binance answering slowly, so its queue fills while the burst
 * arrives; RISK's orders are sent over a bare socket, so nothing in the client slows the burst down.
 */
class FairShareCertificationTest
{
    private static final String KEY = "cert-api-key-5e1b";
    private static final String SECRET = "cert-secret-c7d402";
    private static final String BUSY = "venue BINANCE is busy: its request queue is full, retry later";
    // far beyond the gateway's queue of 4096 requests per venue
    private static final int BURST = 6_000;
    private static final int DEMO_ORDERS = 5;

    private FakeBinance binance;
    private Path credentials;
    private GatewayFixture gateway;

    @BeforeEach
    void start() throws IOException
    {
        binance = FakeBinance.start(KEY, SECRET);
        credentials = Files.createTempFile("cryptofix-credentials", ".properties");
        Files.writeString(credentials, "apiKey=" + KEY + "\nsecretKey=" + SECRET + "\n");
        gateway = GatewayFixture.start(config -> config
            .venue(Venue.exchange("BINANCE", "binance", binance.baseUrl(), credentials).symbols("BTC/USDT")
                // the fake venue's latency paces it, not the gateway's pacer
                .set("ordersPerSecond", 10_000)
                .set("requestsPerSecond", 10_000))
            // the venue is slow on purpose: looking up orders it has not answered yet is not under test
            .timeout("unacknowledgedSubmit", "60s"));
    }

    @AfterEach
    void stop() throws IOException
    {
        assertTimeoutPreemptively(Duration.ofSeconds(30), gateway::close, "the gateway did not stop");
        binance.close();
        Files.delete(credentials);
    }

    @Test
    void aSessionsOrdersDuringAnotherSessionsBurstAreAllTakenWhileTheBurstIsRefusedAsBusy() throws Exception
    {
        // given a venue that takes a fifth of a second per request, so its queue fills during a burst
        binance.latency(200);
        try (RawFixConnection risk = new RawFixConnection(gateway.fixPort(), "RISK");
            FixTestClient demo = FixTestClient.logOn("DEMO", gateway.fixPort()))
        {
            risk.logOn();
            final BurstAnswers burstAnswers = new BurstAnswers(risk);
            burstAnswers.start();

            // when RISK bursts IOC orders at the venue
            final String prefix = Orders.nextClOrdId() + "-";
            final Thread sender = new Thread(() -> burstAnswers.send(prefix), "risk-burst");
            sender.start();

            // then RISK is refused as busy once it holds its share of the queue
            assertThat(burstAnswers.firstBusy.await(FixTestClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .as("RISK refused as busy (answers so far: %s)", burstAnswers.answers).isTrue();

            // and DEMO's orders during the burst are all taken, none refused: each waits for the venue's
            // answer (PendingNew), queued behind RISK's share
            final List<String> demoOrders = new ArrayList<>();
            for (int i = 0; i < DEMO_ORDERS; i++)
            {
                final String clOrdId = Orders.nextClOrdId();
                demoOrders.add(clOrdId);
                demo.send(Orders.onVenue(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.001", "30000"), "BINANCE"));
            }
            for (final String clOrdId : demoOrders)
            {
                demo.send(Orders.status(clOrdId, Side.BUY, "BTC/USDT"));
            }
            for (final String clOrdId : demoOrders)
            {
                final Message status = demo.next("8");
                assertThat(status.getChar(ExecType.FIELD)).as("a status answer, not a rejection: %s", status)
                    .isEqualTo(ExecType.ORDER_STATUS);
                assertThat(status.getString(ClOrdID.FIELD)).isEqualTo(clOrdId);
                assertThat(status.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.PENDING_NEW);
            }
            assertThat(burstAnswers.busy.get()).as("RISK's orders refused as busy").isPositive();
            assertThat(MetricsScrape.of(gateway.metricsPort())
                .sample("cryptofix_venue_share_refusals_total{venue=\"BINANCE\"}").orElse(0)).isPositive();
            sender.join(FixTestClient.TIMEOUT.toMillis());
            assertThat(burstAnswers.failure.get()).isNull();
            // what RISK has queued is not waited for: at the fake's pace it would take minutes
            binance.latency(0);
        }
    }

    /** Sends RISK's burst and reads its answers, so the gateway is never held up writing them. */
    private static final class BurstAnswers extends Thread
    {
        private final RawFixConnection risk;
        private final CountDownLatch firstBusy = new CountDownLatch(1);
        private final AtomicInteger busy = new AtomicInteger();
        private final AtomicInteger answers = new AtomicInteger();
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        BurstAnswers(final RawFixConnection risk)
        {
            super("risk-answers");
            this.risk = risk;
            setDaemon(true);
        }

        void send(final String prefix)
        {
            try
            {
                for (int i = 0; i < BURST; i++)
                {
                    risk.send("35=D|11=" + prefix + i + "|55=BTC/USDT|54=1|38=0.001|40=2|44=30000|59=3|100=BINANCE|" +
                        "60=20260101-00:00:00.000|");
                }
            }
            catch (final IOException e)
            {
                failure.set(e);
            }
        }

        @Override
        public void run()
        {
            try
            {
                while (!isInterrupted())
                {
                    final Map<Integer, String> message = risk.next();
                    if ("8".equals(message.get(35)))
                    {
                        answers.incrementAndGet();
                        if ("8".equals(message.get(150)) && BUSY.equals(message.get(58)))
                        {
                            busy.incrementAndGet();
                            firstBusy.countDown();
                        }
                    }
                }
            }
            catch (final IOException e)
            {
                // the connection closed at the end of the test
            }
        }
    }
}
