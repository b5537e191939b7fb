package io.cryptofix.venue;

import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TestCatalog;
import io.cryptofix.order.CancelOrderCommand;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.OrderCore;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderEventType;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A venue's request queue shared fairly between sessions, with a real worker thread in front of a
 * venue that takes a request only when the test hands it a permit (as a venue's rate limit would):
 * one session's burst cannot leave another's orders refused as busy, and requests about working
 * orders find room however many new orders wait.
 */
class VenueDispatcherFairShareTest
{
    private static final String BUSY = "OTHER venue PACED is busy: its request queue is full, retry later";
    private static final long RISK = 1;
    private static final long DEMO = 2;

    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final List<String> shareRefusals = new CopyOnWriteArrayList<>();
    private final PacedVenue venue = new PacedVenue();
    private VenueDispatcher dispatcher;
    private OrderCore core;

    @AfterEach
    void close()
    {
        venue.permits.release(10_000);
        dispatcher.close();
    }

    @Test
    void twoSessionsHammeringOneVenueBothKeepGettingOrdersThrough()
    {
        // given a queue of 16 (12 for new orders), the venue busy with RISK's first order
        start(16);
        submit(RISK, "r-0");
        awaitVenueTook(1);

        // when RISK bursts far beyond the queue, and DEMO sends orders during the burst
        for (int i = 1; i <= 20; i++)
        {
            submit(RISK, "r-" + i);
        }
        submit(DEMO, "d-1");
        submit(DEMO, "d-2");
        submit(DEMO, "d-3");

        // then RISK, alone at first, filled half the room and no more; DEMO got in
        assertThat(reports).as("RISK's orders beyond 6 waiting").containsExactlyElementsOf(
            refusedBusy("r-", 7, 20));

        // and when the venue takes one more request (RISK's), the place it frees is not RISK's again
        venue.permits.release(1);
        awaitVenueTook(2);
        submit(RISK, "r-21");
        submit(DEMO, "d-4");
        assertThat(reports).endsWith("REJECTED r-21 " + BUSY);

        venue.permits.release(10_000);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        {
            dispatcher.pollResponses(responses, 64);
            assertThat(reports).contains("NEW r-0", "NEW r-1", "NEW r-6", "NEW d-1", "NEW d-2", "NEW d-3", "NEW d-4");
        });
        assertThat(reports).filteredOn(report -> report.startsWith("NEW")).hasSize(7 + 4);
        assertThat(shareRefusals).hasSize(15).containsOnly("PACED");
    }

    @Test
    void aCancelFindsRoomWhenNewOrdersHaveUsedTheirs()
    {
        // given a queue of 4 (3 for new orders) and a working order of RISK's
        start(4);
        venue.permits.release(1);
        submit(RISK, "w-1");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        {
            dispatcher.pollResponses(responses, 16);
            assertThat(reports).containsExactly("NEW w-1");
        });

        // and the venue busy with one session's order while three sessions fill the room for new orders
        submit(DEMO, "d-1");
        awaitVenueTook(2);
        submit(DEMO, "d-2");
        submit(3, "s3-1");
        submit(4, "s4-1");
        submit(5, "s5-1");
        assertThat(reports).endsWith("REJECTED s5-1 " + BUSY);

        // when RISK cancels its working order
        core.onCancelRequest(new CancelOrderCommand().set(RISK, "cxl-1", "w-1"), 0);

        // then the cancel is queued, not refused, and reaches the venue
        assertThat(reports).endsWith("PENDING_CANCEL cxl-1");
        venue.permits.release(10_000);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        {
            dispatcher.pollResponses(responses, 16);
            assertThat(reports).contains("CANCELED cxl-1", "NEW d-1", "NEW d-2", "NEW s3-1", "NEW s4-1");
        });
        assertThat(shareRefusals).containsExactly("PACED");
    }

    private void start(final int requestQueueCapacity)
    {
        dispatcher = new VenueDispatcher(requestQueueCapacity, 64, () -> new SleepingMillisIdleStrategy(1),
            Throwable::printStackTrace, SystemEpochClock.INSTANCE, JournalGate.NONE, new VenueMetrics()
            {
                @Override
                public void onRateLimitWait(final String venueId, final long waitedMillis)
                {
                }

                @Override
                public void onRateLimited(final String venueId)
                {
                }

                @Override
                public void onShareRefused(final String venueId)
                {
                    shareRefusals.add(venueId);
                }
            });
        core = new OrderCore(TestCatalog.venue("PACED").trades("BTC/USDT", "1", "1", "1").build(), dispatcher,
            this::record);
        dispatcher.start(venue);
    }

    private void submit(final long sessionId, final String clOrdId)
    {
        core.onNewOrder(new NewOrderCommand().set(
            sessionId, clOrdId, "BTC/USDT", "PACED", Side.BUY, OrdType.LIMIT, Fixed.ONE, Fixed.ONE, 0), 0);
    }

    /** Waits until the worker has taken {@code requests} off the queue: the venue holds the last one. */
    private void awaitVenueTook(final int requests)
    {
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.took.get() == requests);
    }

    private static List<String> refusedBusy(final String prefix, final int first, final int last)
    {
        final List<String> refused = new ArrayList<>();
        for (int i = first; i <= last; i++)
        {
            refused.add("REJECTED " + prefix + i + " " + BUSY);
        }
        return refused;
    }

    private final VenueResponseHandler responses = new VenueResponseHandler()
    {
        @Override
        public void onVenueResponse(final VenueResponse response)
        {
            if (response.kind() == VenueResponse.Kind.ACCEPTED)
            {
                core.onVenueAccepted(response.orderKey(), response.venueOrderId(), response.timeMillis());
            }
            else if (response.kind() == VenueResponse.Kind.CANCELED)
            {
                core.onVenueCanceled(response.orderKey(), response.reason(), response.timeMillis());
            }
        }

        @Override
        public void onMarketPrice(final MarketPrice price)
        {
        }
    };

    /** What the client is told, one line per message. */
    private void record(final OrderEvent event)
    {
        if (event.type() == OrderEventType.NEW_ORDER_REFUSED)
        {
            reports.add("REJECTED " + event.clOrdId() + " " + event.answer().ordRejReason() + " " + event.text());
        }
        else if (event.type().message() == OrderEventType.Message.EXECUTION_REPORT)
        {
            reports.add(event.type().execType() + " " + event.clOrdId());
        }
        else if (event.type().message() != OrderEventType.Message.NONE)
        {
            reports.add(event.type() + " " + event.clOrdId());
        }
    }

    /** A venue that answers each request only once the test hands it a permit, as a rate limit would pace it. */
    private static final class PacedVenue implements VenueAdapter
    {
        final Semaphore permits = new Semaphore(0);
        final AtomicInteger took = new AtomicInteger();
        private VenueListener listener;

        @Override
        public String venueId()
        {
            return "PACED";
        }

        @Override
        public VenueCapabilities capabilities()
        {
            return VenueCapabilities.NONE;
        }

        @Override
        public void start(final VenueListener listener, final long nowMillis)
        {
            this.listener = listener;
        }

        @Override
        public void submit(final VenueOrder order, final long nowMillis)
        {
            if (paced())
            {
                listener.onOrderAccepted(order.orderKey(), "P-" + order.orderKey(), nowMillis);
            }
        }

        @Override
        public void cancel(final VenueCancel cancel, final long nowMillis)
        {
            if (paced())
            {
                listener.onOrderCanceled(cancel.orderKey(), "canceled", nowMillis);
            }
        }

        @Override
        public void query(final VenueQuery query, final long nowMillis)
        {
        }

        /** @return false if the worker was stopped while waiting. */
        private boolean paced()
        {
            took.incrementAndGet();
            try
            {
                permits.acquire();
                return true;
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public int doWork(final long nowMillis)
        {
            return 0;
        }

        @Override
        public void close()
        {
        }
    }
}
