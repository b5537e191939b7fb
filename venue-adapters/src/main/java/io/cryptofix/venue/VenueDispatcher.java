package io.cryptofix.venue;

import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.Order;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderEventType;
import io.cryptofix.order.VenueRouter;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.collections.Object2ObjectHashMap;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The bounded queues between the duty cycle and the venues, and the venue worker threads behind
 * them. The duty cycle routes orders in ({@link VenueRouter}) and polls answers out
 * ({@link #pollResponses}); each venue's adapter runs on its own worker thread, so a slow venue
 * never blocks the duty cycle or another venue.
 *
 * <p>Each venue's queue is shared fairly between sessions ({@link FairShare}): a new order is refused
 * as the venue being busy once its session has its share waiting, so one client's burst cannot leave
 * another client's orders refused; requests about working orders are never refused for share.
 */
public final class VenueDispatcher implements VenueRouter, AutoCloseable
{
    private final Object2ObjectHashMap<String, VenueRequestQueue> requestQueues = new Object2ObjectHashMap<>();
    // venue -> Account (1) -> the queue of the adapter trading in that account
    private final Object2ObjectHashMap<String, Object2ObjectHashMap<String, VenueRequestQueue>> accountQueues =
        new Object2ObjectHashMap<>();
    private final ManyToOneConcurrentArrayQueue<Object> responses;
    private final List<AgentRunner> runners = new ArrayList<>();
    private final Supplier<IdleStrategy> idleStrategies;
    private final ErrorHandler errorHandler;
    private final EpochClock clock;
    private final int requestQueueCapacity;
    private final JournalGate journal;
    private final VenueMetrics metrics;

    /**
     * @param requestQueueCapacity   requests each venue may have waiting (rounded up to a power of two); beyond
     *                               it orders are refused, and new orders beyond their share of it.
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
        this(requestQueueCapacity, responseQueueCapacity, idleStrategies, errorHandler, clock, journal,
            VenueMetrics.NONE);
    }

    /**
     * @param journal  holds each request back until the journal has written its record.
     * @param metrics  told of each new order refused to keep a venue's queue shared.
     */
    public VenueDispatcher(
        final int requestQueueCapacity,
        final int responseQueueCapacity,
        final Supplier<IdleStrategy> idleStrategies,
        final ErrorHandler errorHandler,
        final EpochClock clock,
        final JournalGate journal,
        final VenueMetrics metrics)
    {
        this.requestQueueCapacity = requestQueueCapacity;
        this.responses = new ManyToOneConcurrentArrayQueue<>(responseQueueCapacity);
        this.idleStrategies = idleStrategies;
        this.errorHandler = errorHandler;
        this.clock = clock;
        this.journal = journal;
        this.metrics = metrics;
    }

    /**
     * Starts a worker thread for the venue. Call for every venue before the first order.
     */
    public void start(final VenueAdapter adapter)
    {
        requestQueues.put(adapter.venueId(), startWorker(adapter, true));
    }

    /**
     * Starts a worker thread for an account at a venue: an adapter signing with the account's keys,
     * which takes the orders naming the account in Account (1). Call after the venue's own {@link #start}.
     */
    public void startAccount(final String venueId, final String account, final VenueAdapter adapter)
    {
        accountQueues.computeIfAbsent(venueId, unused -> new Object2ObjectHashMap<>())
            .put(account, startWorker(adapter, false));
    }

    /** An account that trades through the venue's own adapter (a simulated venue's accounts share its book). */
    public void shareVenue(final String venueId, final String account)
    {
        accountQueues.computeIfAbsent(venueId, unused -> new Object2ObjectHashMap<>())
            .put(account, requestQueues.get(venueId));
    }

    private VenueRequestQueue startWorker(final VenueAdapter adapter, final boolean tellsInstruments)
    {
        final JournalGate gate = adapter.outlivesGateway() ? journal : JournalGate.NONE;
        final VenueRequestQueue requests = new VenueRequestQueue(requestQueueCapacity, gate);
        final QueueingVenueListener listener = new QueueingVenueListener(
            adapter.venueId(),
            responses, new BackoffIdleStrategy(10, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1)),
            tellsInstruments);
        final AgentRunner runner = new AgentRunner(
            idleStrategies.get(), errorHandler, null, new VenueWorker(adapter, requests.requests(), listener, clock, gate));
        runners.add(runner);
        AgentRunner.startOnThread(runner);
        return requests;
    }

    /** The queue of the adapter an order goes through: its account's, or the venue's own when it names none. */
    private VenueRequestQueue queueOf(final Order order)
    {
        if (order.account() == null)
        {
            return requestQueues.get(order.venueId());
        }
        final Object2ObjectHashMap<String, VenueRequestQueue> accounts = accountQueues.get(order.venueId());
        return accounts == null ? null : accounts.get(order.account());
    }

    @Override
    public boolean submit(final OrderEvent placement)
    {
        final Order order = placement.order();
        final VenueRequestQueue requests = queueOf(order);
        if (requests == null || placement.type() == OrderEventType.SUBMITTED && !admitted(requests, order))
        {
            return false;
        }
        return requests.offer(order.sessionId(), new VenueOrder(
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

    /** A new order joins its venue's queue only within its session's share; a placement of a working order always may. */
    private boolean admitted(final VenueRequestQueue requests, final Order order)
    {
        final FairShare.Admission admission = requests.admitNewOrder(order.sessionId());
        if (admission == FairShare.Admission.ADMITTED)
        {
            return true;
        }
        metrics.onShareRefused(order.venueId());
        return false;
    }

    @Override
    public boolean amend(final OrderEvent amend)
    {
        final Order order = amend.order();
        return offer(order, new VenueAmend(order.orderKey(), order.symbol(), order.venueOrderId(),
            amend.orderQty(), amend.price(), amend.stopPx()));
    }

    @Override
    public boolean cancel(final OrderEvent cancel)
    {
        final Order order = cancel.order();
        return offer(order, new VenueCancel(order.orderKey(), order.symbol(), order.venueOrderId()));
    }

    @Override
    public boolean query(final OrderEvent query)
    {
        final Order order = query.order();
        return offer(order, new VenueQuery(order.orderKey(), order.venueAttempt(), order.symbol(),
            order.venueOrderId()));
    }

    private boolean offer(final Order order, final Object request)
    {
        final VenueRequestQueue requests = queueOf(order);
        return requests != null && requests.offer(order.sessionId(), request);
    }

    /**
     * @return requests waiting for the venue's worker thread, or 0 for an unknown venue; any thread.
     */
    public int queuedRequests(final String venueId)
    {
        final VenueRequestQueue requests = requestQueues.get(venueId);
        return requests == null ? 0 : requests.requests().size();
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
