package io.cryptofix.venue;

import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.Order;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.VenueRouter;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.collections.Object2ObjectHashMap;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The bounded queues between the duty cycle and the venues, and the venue worker threads behind
 * them. The duty cycle routes orders in ({@link VenueRouter}) and polls answers out
 * ({@link #pollResponses}); each venue's adapter runs on its own worker thread, so a slow venue
 * never blocks the duty cycle or another venue.
 */
public final class VenueDispatcher implements VenueRouter, AutoCloseable
{
    private final Object2ObjectHashMap<String, OneToOneConcurrentArrayQueue<Object>> requestQueues =
        new Object2ObjectHashMap<>();
    private final ManyToOneConcurrentArrayQueue<Object> responses;
    private final List<AgentRunner> runners = new ArrayList<>();
    private final Supplier<IdleStrategy> idleStrategies;
    private final ErrorHandler errorHandler;
    private final EpochClock clock;
    private final int requestQueueCapacity;
    private final JournalGate journal;
    // per venue: the journal for venues whose orders outlive the gateway, NONE for in-process ones
    private final Object2ObjectHashMap<String, JournalGate> gates = new Object2ObjectHashMap<>();

    /**
     * @param requestQueueCapacity   requests each venue may have waiting; beyond it orders are refused.
     * @param responseQueueCapacity  answers waiting for the duty cycle, all venues together.
     */
    public VenueDispatcher(
        final int requestQueueCapacity,
        final int responseQueueCapacity,
        final Supplier<IdleStrategy> idleStrategies,
        final ErrorHandler errorHandler,
        final EpochClock clock)
    {
        this(requestQueueCapacity, responseQueueCapacity, idleStrategies, errorHandler, clock, JournalGate.NONE);
    }

    /**
     * @param journal  holds each request back until the journal has written its record.
     */
    public VenueDispatcher(
        final int requestQueueCapacity,
        final int responseQueueCapacity,
        final Supplier<IdleStrategy> idleStrategies,
        final ErrorHandler errorHandler,
        final EpochClock clock,
        final JournalGate journal)
    {
        this.requestQueueCapacity = requestQueueCapacity;
        this.responses = new ManyToOneConcurrentArrayQueue<>(responseQueueCapacity);
        this.idleStrategies = idleStrategies;
        this.errorHandler = errorHandler;
        this.clock = clock;
        this.journal = journal;
    }

    /**
     * Starts a worker thread for the venue. Call for every venue before the first order.
     */
    public void start(final VenueAdapter adapter)
    {
        final OneToOneConcurrentArrayQueue<Object> requests = new OneToOneConcurrentArrayQueue<>(requestQueueCapacity);
        final JournalGate gate = adapter.outlivesGateway() ? journal : JournalGate.NONE;
        gates.put(adapter.venueId(), gate);
        final QueueingVenueListener listener = new QueueingVenueListener(
            adapter.venueId(),
            responses, new BackoffIdleStrategy(10, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1)));
        final AgentRunner runner = new AgentRunner(
            idleStrategies.get(), errorHandler, null, new VenueWorker(adapter, requests, listener, clock, gate));
        requestQueues.put(adapter.venueId(), requests);
        runners.add(runner);
        AgentRunner.startOnThread(runner);
    }

    @Override
    public boolean submit(final OrderEvent placement)
    {
        final Order order = placement.order();
        return offer(order.venueId(), new VenueOrder(
            order.orderKey(),
            placement.attempt(),
            order.symbol(),
            order.side(),
            placement.venueOrdType(),
            placement.venueQuantity(),
            placement.venuePrice(),
            placement.venueStopPx(),
            placement.venueTimeInForce(),
            placement.venueTimeInForce() == TimeInForce.GOOD_TILL_DATE ? order.expireTimeMillis() : 0,
            order.postOnly()));
    }

    @Override
    public boolean amend(final OrderEvent amend)
    {
        final Order order = amend.order();
        return offer(order.venueId(), new VenueAmend(order.orderKey(), order.symbol(), order.venueOrderId(),
            amend.orderQty(), amend.price(), amend.stopPx()));
    }

    @Override
    public boolean cancel(final OrderEvent cancel)
    {
        final Order order = cancel.order();
        return offer(order.venueId(), new VenueCancel(order.orderKey(), order.symbol(), order.venueOrderId()));
    }

    @Override
    public boolean query(final OrderEvent query)
    {
        final Order order = query.order();
        return offer(order.venueId(), new VenueQuery(order.orderKey(), order.venueAttempt(), order.symbol(),
            order.venueOrderId()));
    }

    private boolean offer(final String venueId, final Object request)
    {
        final OneToOneConcurrentArrayQueue<Object> requests = requestQueues.get(venueId);
        return requests != null && requests.offer(gates.get(venueId).tag(request));
    }

    /**
     * @return requests waiting for the venue's worker thread, or 0 for an unknown venue; any thread.
     */
    public int queuedRequests(final String venueId)
    {
        final OneToOneConcurrentArrayQueue<Object> requests = requestQueues.get(venueId);
        return requests == null ? 0 : requests.size();
    }

    /**
     * Hands waiting venue answers to {@code handler}, on the calling (duty-cycle) thread.
     *
     * @return how many answers were handled.
     */
    public int pollResponses(final VenueResponseHandler handler, final int limit)
    {
        int polled = 0;
        Object response;
        while (polled < limit && (response = responses.poll()) != null)
        {
            if (response instanceof VenueResponse venueResponse)
            {
                handler.onVenueResponse(venueResponse);
            }
            else if (response instanceof MarketPrice price)
            {
                handler.onMarketPrice(price);
            }
            else
            {
                handler.onVenueState((VenueStateChange)response);
            }
            polled++;
        }
        return polled;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(runners);
    }
}
