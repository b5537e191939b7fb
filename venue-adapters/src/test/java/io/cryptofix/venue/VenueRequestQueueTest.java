package io.cryptofix.venue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One venue's queue with a worker taking requests as fast as it can on its own thread, as in the
 * gateway: however the two threads interleave, the count of each session's waiting requests stays
 * exact (a request the worker takes between its offer and the noting of its session is not counted
 * out before it is counted in).
 */
class VenueRequestQueueTest
{
    private static final long RISK = 1;
    private static final long DEMO = 2;

    @Test
    void theCountsStayExactWhileAWorkerTakesRequestsAsTheyCome() throws Exception
    {
        final VenueRequestQueue queue = new VenueRequestQueue(64, JournalGate.NONE);
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong taken = new AtomicLong();
        final Thread worker = new Thread(() ->
        {
            while (running.get())
            {
                if (queue.requests().poll() != null)
                {
                    taken.incrementAndGet();
                }
            }
        }, "venue-worker");
        worker.start();
        final int requests = 300_000;
        try
        {
            for (int i = 0; i < requests; i++)
            {
                final long session = i % 3 == 0 ? DEMO : RISK;
                while (!queue.offer(session, "request " + i))
                {
                    Thread.onSpinWait();
                }
                // asks for the counts as the duty cycle does before each new order
                queue.admitNewOrder(session);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> taken.get() == requests);
        }
        finally
        {
            running.set(false);
            worker.join();
        }

        assertThat(queue.admitNewOrder(RISK)).isEqualTo(FairShare.Admission.ADMITTED);
        assertThat(queue.waitingFor(RISK)).isZero();
        assertThat(queue.waitingFor(DEMO)).isZero();
    }
}
