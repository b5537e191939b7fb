package io.cryptofix.order;

import io.cryptofix.config.TimeoutConfig;
import io.cryptofix.config.TimeoutPolicy;

/**
 * The order core's clocks: each order's deadline (timeout, Day cut-off, GTD expiry, or the retry of
 * a cancel that had to wait) and the wait for the venue's answer to a request, both on one
 * {@link OrderTimers} wheel. An unanswered request is followed up one {@link VenueWatch} step per
 * time the wait runs out: a submit is looked up, never sent again; a cancel is sent again, then looked
 * up; the client is told when the venue still says nothing. What a deadline does is the
 * {@link Deadlines}' business.
 */
final class FollowUps
{
    /** What happens when an order's deadline timer fires. */
    interface Deadlines
    {
        void onDeadline(Order order);
    }

    private final OrderIndex index;
    private final OrderEvents events;
    private final VenueRequests requests;
    private final OrderCoreObserver observer;
    private final OrderTimers.Handler onTimer = this::onTimer;
    private Deadlines deadlines;
    private TimeoutPolicy timeoutPolicy;
    private OrderTimers timers;

    FollowUps(
        final OrderIndex index,
        final OrderEvents events,
        final VenueRequests requests,
        final OrderCoreObserver observer,
        final TimeoutPolicy timeoutPolicy)
    {
        this.index = index;
        this.events = events;
        this.requests = requests;
        this.observer = observer;
        this.timeoutPolicy = timeoutPolicy;
    }

    void deadlines(final Deadlines deadlines)
    {
        this.deadlines = deadlines;
    }

    void timeoutPolicy(final TimeoutPolicy timeoutPolicy)
    {
        this.timeoutPolicy = timeoutPolicy;
    }

    TimeoutPolicy timeoutPolicy()
    {
        return timeoutPolicy;
    }

    /** @return how many timers fired. */
    int poll(final long nowMillis)
    {
        return timers == null ? 0 : timers.poll(nowMillis, onTimer);
    }

    int scheduled()
    {
        return timers == null ? 0 : timers.scheduled();
    }

    /** Schedules the order's deadline, if it has one, in place of any deadline timer it had. */
    void scheduleDeadline(final Order order)
    {
        cancelDeadline(order);
        if (order.deadlineMillis() > 0)
        {
            order.followUp.deadlineTimerId = timers().schedule(order.orderKey(), order.deadlineMillis());
        }
    }

    /** The order's deadline timer fires again in {@code millis}: to retry what could not be done now. */
    void retryIn(final Order order, final long millis)
    {
        cancelDeadline(order);
        order.followUp.deadlineTimerId = timers().schedule(order.orderKey(), events.now() + millis);
    }

    /** Starts waiting for the venue's answer to a request just sent. */
    void watch(final Order order, final VenueWatch.Kind kind)
    {
        final FollowUp followUp = order.followUp;
        heard(order, followUp.watching);
        followUp.watching = kind;
        followUp.watchFirings = 0;
        followUp.watchStartMillis = events.now();
        followUp.watchTimerId = timers().schedule(order.orderKey(), events.now() + waitMillis(kind));
    }

    /** The venue answered what the order was waiting for, if it was waiting for {@code kind}. */
    void heard(final Order order, final VenueWatch.Kind kind)
    {
        final FollowUp followUp = order.followUp;
        if (kind == VenueWatch.Kind.NONE || followUp.watching != kind)
        {
            return;
        }
        if (timers != null)
        {
            timers.cancel(followUp.watchTimerId);
        }
        followUp.watchTimerId = Order.NO_TIMER;
        followUp.watching = VenueWatch.Kind.NONE;
    }

    /** The order is done: no deadline and no wait for the venue any more. */
    void finished(final Order order)
    {
        cancelDeadline(order);
        heard(order, order.followUp.watching);
    }

    private void cancelDeadline(final Order order)
    {
        if (timers != null && order.followUp.deadlineTimerId != Order.NO_TIMER)
        {
            timers.cancel(order.followUp.deadlineTimerId);
        }
        order.followUp.deadlineTimerId = Order.NO_TIMER;
    }

    private void onTimer(final long orderKey, final long timerId)
    {
        final Order order = index.byKey(orderKey);
        if (order == null || order.state().isTerminal())
        {
            return;
        }
        if (timerId == order.followUp.watchTimerId)
        {
            onWatchFired(order);
        }
        else if (timerId == order.followUp.deadlineTimerId)
        {
            order.followUp.deadlineTimerId = Order.NO_TIMER;
            deadlines.onDeadline(order);
        }
    }

    /** The venue has not answered a request in time: follow it up, one step of {@link VenueWatch}. */
    private void onWatchFired(final Order order)
    {
        final FollowUp followUp = order.followUp;
        followUp.watchFirings++;
        followUp.watchTimerId = Order.NO_TIMER;
        final int firing = followUp.watchFirings;
        final VenueWatch.Kind kind = followUp.watching;
        if (kind == VenueWatch.Kind.CANCEL && VenueWatch.resendsCancel(firing) &&
            requests.cancel(order, order.cancelCause()))
        {
            observer.onCancelRetried(order, events.now());
        }
        if (VenueWatch.queries(kind, firing) && requests.query(order))
        {
            observer.onVenueQueried(order, events.now());
        }
        if (VenueWatch.surfaces(kind, firing))
        {
            final long waitedMillis = events.now() - followUp.watchStartMillis;
            observer.onVenueRequestUnconfirmed(order, kind == VenueWatch.Kind.CANCEL, waitedMillis, events.now());
            events.begin(OrderEventType.ORDER_STATUS, order).text(ReportTexts.unresolved(order, kind, waitedMillis));
            events.emit();
        }
        followUp.watchTimerId = timers().schedule(order.orderKey(),
            events.now() + VenueWatch.waitMillis(waitMillis(kind), firing));
    }

    private long waitMillis(final VenueWatch.Kind kind)
    {
        final TimeoutConfig config = timeoutPolicy.config();
        return (kind == VenueWatch.Kind.CANCEL ? config.unconfirmedCancel() : config.unacknowledgedSubmit()).toMillis();
    }

    private OrderTimers timers()
    {
        if (timers == null)
        {
            timers = new OrderTimers(events.now());
        }
        return timers;
    }
}
