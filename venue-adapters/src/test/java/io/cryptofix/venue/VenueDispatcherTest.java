package io.cryptofix.venue;

import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.TestCatalog;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.OrderCore;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderEventSink;
import io.cryptofix.order.OrderEventType;
import io.cryptofix.order.VenueOrderStatus;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The queues between the duty cycle and a venue worker: answers come back through
 * {@link VenueDispatcher#pollResponses}, and a venue that stops keeping up makes new orders be
 * rejected at once instead of queueing without bound (how the queue is shared between sessions:
 * {@link VenueDispatcherFairShareTest}).
 */
class VenueDispatcherTest
{
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final StallingVenue venue = new StallingVenue();
    private final VenueDispatcher dispatcher = new VenueDispatcher(
        2, 64, () -> new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, SystemEpochClock.INSTANCE);
    private final OrderCore core = new OrderCore(
        TestCatalog.venue("STALL").trades("BTC/USDT", "1", "1", "1").build(),
        dispatcher,
        this::record);

    @AfterEach
    void close()
    {
        venue.resume.countDown();
        dispatcher.close();
    }

    @Test
    void ordersBeyondTheirSessionsShareOfTheRequestQueueAreRejectedAndTheQueuedOnesStillGoThrough() throws Exception
    {
        dispatcher.start(venue);
        submit("c-1");
        assertThat(venue.stalled.await(10, TimeUnit.SECONDS)).isTrue();

        // a session alone may have half the queue of 2 waiting: c-2
        submit("c-2");
        submit("c-3");
        submit("c-4");

        assertThat(reports).containsExactly(
            "REJECTED c-3 OTHER venue STALL is busy: its request queue is full, retry later",
            "REJECTED c-4 OTHER venue STALL is busy: its request queue is full, retry later");

        venue.resume.countDown();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        {
            dispatcher.pollResponses(responses, 16);
            assertThat(reports).contains("NEW c-1", "NEW c-2");
        });
        assertThat(reports).hasSize(4);
    }

    @Test
    void aRequestReachesTheVenueOnlyOnceTheJournalHasWrittenItsRecord() throws Exception
    {
        // the journal appends the order's event up to position 100 once the venue's queue took it; the
        // worker sees the journal written to 40, 70, then 100: the venue must be called only after it read 100
        final List<String> seen = new CopyOnWriteArrayList<>();
        final long[] written = {40, 70, 100};
        final int[] reads = {0};
        final JournalGate journal = new JournalGate(() -> 100, () ->
        {
            final long position = written[Math.min(reads[0]++, written.length - 1)];
            seen.add("written " + position);
            return position;
        });
        final RecordingVenue recording = new RecordingVenue(seen);
        try (VenueDispatcher gated = new VenueDispatcher(
            8, 64, () -> new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, SystemEpochClock.INSTANCE, journal))
        {
            gated.start(recording);
            new OrderCore(
                TestCatalog.venue("REC").trades("BTC/USDT", "1", "1", "1").build(),
                gated, journaling(journal, 100))
                .onNewOrder(new NewOrderCommand().set(1, "c-1", "BTC/USDT", "REC", Side.BUY, OrdType.LIMIT,
                    Fixed.ONE, Fixed.ONE, 0), 0);

            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("submit 1"));
        }
        assertThat(seen).containsExactly("written 40", "written 70", "written 100", "submit 1");
    }

    @Test
    void aRequestWaitsForTheJournalToSayWhereItsRecordEndsHoweverFarTheJournalIsWritten() throws Exception
    {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final JournalGate journal = new JournalGate(() -> 100, () -> 1_000);
        final RecordingVenue recording = new RecordingVenue(seen);
        try (VenueDispatcher gated = new VenueDispatcher(
            8, 64, () -> new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, SystemEpochClock.INSTANCE, journal))
        {
            gated.start(recording);
            new OrderCore(
                TestCatalog.venue("REC").trades("BTC/USDT", "1", "1", "1").build(),
                gated, event -> { })
                .onNewOrder(new NewOrderCommand().set(1, "c-1", "BTC/USDT", "REC", Side.BUY, OrdType.LIMIT,
                    Fixed.ONE, Fixed.ONE, 0), 0);

            // the worker took the request and holds it: no journal has appended its event yet
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !seen.contains("submit 1"));

            journal.journaled(100);
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("submit 1"));
        }
    }

    /** A sink standing in for the order journal: every venue request's event ends at {@code position}. */
    private static OrderEventSink journaling(final JournalGate journal, final long position)
    {
        return event ->
        {
            if (event.type().isVenueRequest())
            {
                journal.journaled(position);
            }
        };
    }

    @Test
    void aVenueInsideTheGatewaysProcessIsNotHeldBackByTheJournal()
    {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final JournalGate neverWritten = new JournalGate(() -> 100, () -> 0);
        final RecordingVenue inProcess = new RecordingVenue(seen)
        {
            @Override
            public boolean outlivesGateway()
            {
                return false;
            }
        };
        try (VenueDispatcher gated = new VenueDispatcher(
            8, 64, () -> new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, SystemEpochClock.INSTANCE,
            neverWritten))
        {
            gated.start(inProcess);
            new OrderCore(
                TestCatalog.venue("REC").trades("BTC/USDT", "1", "1", "1").build(),
                gated, event -> { })
                .onNewOrder(new NewOrderCommand().set(1, "c-1", "BTC/USDT", "REC", Side.BUY, OrdType.LIMIT,
                    Fixed.ONE, Fixed.ONE, 0), 0);

            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("submit 1"));
        }
    }

    private void submit(final String clOrdId)
    {
        core.onNewOrder(new NewOrderCommand().set(
            1, clOrdId, "BTC/USDT", "STALL", Side.BUY, OrdType.LIMIT, Fixed.ONE, Fixed.ONE, 0), 0);
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
        }

        @Override
        public void onMarketPrice(final MarketPrice price)
        {
        }
    };

    /** Notes each submit in the list the journal's reads go to, so their order shows. */
    private static class RecordingVenue implements VenueAdapter
    {
        private final List<String> seen;

        RecordingVenue(final List<String> seen)
        {
            this.seen = seen;
        }

        @Override
        public String venueId()
        {
            return "REC";
        }

        @Override
        public VenueCapabilities capabilities()
        {
            return VenueCapabilities.NONE;
        }

        @Override
        public void start(final VenueListener listener, final long nowMillis)
        {
        }

        @Override
        public void submit(final VenueOrder order, final long nowMillis)
        {
            seen.add("submit " + order.orderKey());
        }

        @Override
        public void cancel(final VenueCancel cancel, final long nowMillis)
        {
        }

        @Override
        public void query(final VenueQuery query, final long nowMillis)
        {
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

    /** A venue whose first submit blocks until the test lets it go, as a hung HTTP call would. */
    private static final class StallingVenue implements VenueAdapter
    {
        final CountDownLatch stalled = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        private VenueListener listener;

        @Override
        public String venueId()
        {
            return "STALL";
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
            stalled.countDown();
            try
            {
                resume.await();
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
            listener.onOrderAccepted(order.orderKey(), "S-" + order.orderKey(), nowMillis);
        }

        @Override
        public void cancel(final VenueCancel cancel, final long nowMillis)
        {
            listener.onCancelRejected(cancel.orderKey(), "not supported", nowMillis);
        }

        @Override
        public void query(final VenueQuery query, final long nowMillis)
        {
            listener.onOrderStatus(query.orderKey(), VenueOrderStatus.UNKNOWN, null, 0, 0, nowMillis);
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

    /** What the client is told, one line per message; the events the journal would keep are not lines. */
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
}
