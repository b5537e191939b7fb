package io.cryptofix.certification;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A client that sends orders faster than the gateway answers them, as a desk's burst at the open
 * does: the gateway falls behind, works through the backlog, answers every order, and still stops
 * when asked. Sent over a bare socket, so nothing in the client slows the burst down.
 */
class OrderBurstCertificationTest
{
    private static final int ORDERS = 20_000;

    @Test
    void everyOrderOfABurstIsAnsweredAndTheGatewayStopsAfterwards() throws Exception
    {
        final GatewayFixture gateway = GatewayFixture.start();
        try (RawFixConnection client = new RawFixConnection(gateway.fixPort(), "RISK"))
        {
            client.logOn();
            final String prefix = Orders.nextClOrdId() + "-";
            final AtomicReference<Exception> sendFailure = new AtomicReference<>();
            final Thread sender = new Thread(() ->
            {
                try
                {
                    for (int i = 0; i < ORDERS; i++)
                    {
                        client.send("35=D|11=" + prefix + i + "|55=BTC/USDT|54=" + (i % 2 == 0 ? "1" : "2") +
                            "|38=0.001|40=1|60=20260101-00:00:00.000|");
                    }
                }
                catch (final Exception e)
                {
                    sendFailure.set(e);
                }
            }, "order-burst");
            sender.start();

            // each read waits at most FixTestClient.TIMEOUT: a gateway that stops answering fails here
            int filled = 0;
            int rejected = 0;
            while (filled + rejected < ORDERS)
            {
                final Map<Integer, String> report = client.next();
                if ("0".equals(report.get(35)))
                {
                    continue;
                }
                assertThat(report).as("an answer to an order").containsEntry(35, "8");
                assertThat(report.get(11)).startsWith(prefix);
                filled += "F".equals(report.get(150)) && "2".equals(report.get(39)) ? 1 : 0;
                rejected += "8".equals(report.get(150)) ? 1 : 0;
            }
            sender.join(FixTestClient.TIMEOUT.toMillis());
            assertThat(sendFailure.get()).isNull();
            // the SIM venue fills every market order it takes; the gateway may refuse some of a burst
            // (its venue queue is bounded) but must answer each
            assertThat(filled).as("filled of %d (rejected %d)", ORDERS, rejected).isPositive();
        }
        finally
        {
            assertTimeoutPreemptively(Duration.ofSeconds(30), gateway::close, "the gateway did not stop");
        }
    }
}
