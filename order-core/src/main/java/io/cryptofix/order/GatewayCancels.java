package io.cryptofix.order;

import io.cryptofix.config.TimeoutRule;
import io.cryptofix.domain.TimeInForce;
import org.agrona.collections.Long2LongHashMap;

import java.util.ArrayList;
import java.util.List;

/**
 * Cancels the gateway decides on, not the client: an order's deadline (timeout, Day, GTD), the
 * emulated IOC's remainder, an OrderMassCancelRequest, a session gone with cancel-on-disconnect. A
 * cancel that cannot be sent yet (the venue has not acknowledged, a replace is in flight, the venue's
 * queue is full) is kept and sent when it can be.
 */
final class GatewayCancels implements FollowUps.Deadlines
{
    // how soon the gateway tries again to cancel when the venue's queue was full or a request is in flight
    static final long RETRY_MILLIS = 100;

    private final OrderIndex index;
    private final OrderEvents events;
    private final VenueRequests requests;
    private final FollowUps followUps;
    private final OrderEndings endings;
    private final OrderCoreObserver observer;
    // sessions that disconnected with cancel-on-disconnect: when their working orders are canceled
    private final Long2LongHashMap cancelOnDisconnectAt = new Long2LongHashMap(0);
    private final List<Order> selected = new ArrayList<>();

    GatewayCancels(
        final OrderIndex index,
        final OrderEvents events,
        final VenueRequests requests,
        final FollowUps followUps,
        final OrderEndings endings,
        final OrderCoreObserver observer)
    {
        this.index = index;
        this.events = events;
        this.requests = requests;
        this.followUps = followUps;
        this.endings = endings;
        this.observer = observer;
    }

    /**
     * Cancels an order for a reason of the gateway's own: at once when the gateway holds it, when
     * possible otherwise.
     */
    void cancel(final Order order, final VenueCancelCause cause)
    {
        if (order.state().isTerminal())
        {
            return;
        }
        if (!order.isPlaced())
        {
            if (cause == VenueCancelCause.EXPIRY)
            {
                endings.expired(order);
            }
            else
            {
                endings.canceled(order, cause, null);
            }
            return;
        }
        if (!order.isVenueAcknowledged() || order.pending() != PendingRequest.NONE)
        {
            // nothing to cancel yet, or a request in flight changes the venue order: after it
            order.followUp.deferredCancel = cause;
            return;
        }
        if (order.cancelCause() != VenueCancelCause.NONE)
        {
            return;
        }
        if (order.venueTimeInForce() == TimeInForce.GOOD_TILL_DATE && cause == VenueCancelCause.EXPIRY &&
            !order.isTimedOut(events.now()))
        {
            // the venue expires the order itself at its ExpireTime and says so
            return;
        }
        if (!requests.cancel(order, cause))
        {
            observer.onCancelRetried(order, events.now());
            order.followUp.deferredCancel = cause;
            followUps.retryIn(order, RETRY_MILLIS);
            return;
        }
        followUps.watch(order, VenueWatch.Kind.CANCEL);
    }

    /**
     * The venue holds the order, and nothing of the client's is in flight: a cancel that had to wait
     * goes now, or the cancel that emulates IOC.
     */
    void afterAcknowledged(final Order order)
    {
        if (order.state().isTerminal() || order.pending() != PendingRequest.NONE ||
            order.cancelCause() != VenueCancelCause.NONE)
        {
            return;
        }
        final VenueCancelCause deferred = order.followUp.deferredCancel;
        if (deferred != VenueCancelCause.NONE)
        {
            order.followUp.deferredCancel = VenueCancelCause.NONE;
            cancel(order, deferred);
        }
        else if (order.timeInForce() == TimeInForce.IMMEDIATE_OR_CANCEL &&
            order.venueTimeInForce() != TimeInForce.IMMEDIATE_OR_CANCEL)
        {
            cancel(order, VenueCancelCause.IMMEDIATE_OR_CANCEL);
        }
    }

    @Override
    public void onDeadline(final Order order)
    {
        final VenueCancelCause retry = order.followUp.deferredCancel;
        if (retry != VenueCancelCause.NONE && order.isVenueAcknowledged() && order.pending() == PendingRequest.NONE)
        {
            order.followUp.deferredCancel = VenueCancelCause.NONE;
            cancel(order, retry);
            return;
        }
        final long now = events.now();
        if (order.deadlineMillis() > 0 && order.deadlineMillis() <= now)
        {
            if (order.pending() != PendingRequest.NONE || order.cancelCause() != VenueCancelCause.NONE)
            {
                // a request in flight changes the venue order: expire it once the venue has answered
                followUps.retryIn(order, RETRY_MILLIS);
                return;
            }
            if (order.isTimedOut(now))
            {
                final TimeoutRule rule = order.timeoutRule();
                observer.onTimeoutFired(order, rule == null ? "default" : rule.selector().configName() + " " +
                    rule.value(), now - order.timeoutMillis(), now);
            }
            cancel(order, VenueCancelCause.EXPIRY);
        }
    }

    /**
     * Answers an OrderMassCancelRequest (q): the OrderMassCancelReport first, then each working order
     * of the session (of the symbol, when asked by symbol) is canceled. Orders that already have a
     * cancel in flight are left to it and not counted.
     */
    void onMassCancel(final MassCancelCommand command)
    {
        final String refused = command.requestType() != MassCancelCommand.BY_SYMBOL &&
            command.requestType() != MassCancelCommand.ALL ?
            "MassCancelRequestType (530) " + command.requestType() + " is not supported (supported: 1 by Symbol, 7 all)" :
            command.requestType() == MassCancelCommand.BY_SYMBOL && command.symbol() == null ?
            "Symbol (55) is required for MassCancelRequestType (530) 1" : null;
        if (refused != null)
        {
            events.begin(OrderEventType.MASS_CANCEL_REPORT, null).orderKey(index.takeOrderKey())
                .massCancel(command, false, 0).text(refused);
            events.emit();
            return;
        }
        index.working(command.sessionId(), command.requestType() == MassCancelCommand.BY_SYMBOL ?
            command.symbol() : null, selected);
        selected.removeIf(GatewayCancels::alreadyBeingCanceled);
        events.begin(OrderEventType.MASS_CANCEL_REPORT, null).orderKey(index.takeOrderKey())
            .massCancel(command, true, selected.size());
        events.emit();
        cancelSelected(VenueCancelCause.MASS_CANCEL);
    }

    /**
     * A session with cancel-on-disconnect logged out or dropped: unless it logs on again within
     * {@code graceMillis}, its working orders are canceled then.
     */
    void onSessionDisconnected(final long sessionId, final long graceMillis)
    {
        cancelOnDisconnectAt.put(sessionId, events.now() + graceMillis);
    }

    void onSessionLoggedOn(final long sessionId)
    {
        cancelOnDisconnectAt.remove(sessionId);
    }

    /** @return how many orders were canceled for sessions whose grace ran out. */
    int cancelForDisconnectedSessions()
    {
        if (cancelOnDisconnectAt.isEmpty())
        {
            return 0;
        }
        int due = 0;
        final Long2LongHashMap.EntryIterator sessions = cancelOnDisconnectAt.entrySet().iterator();
        while (sessions.hasNext())
        {
            sessions.next();
            if (sessions.getLongValue() > events.now())
            {
                continue;
            }
            final long sessionId = sessions.getLongKey();
            sessions.remove();
            index.working(sessionId, null, selected);
            selected.removeIf(GatewayCancels::alreadyBeingCanceled);
            due += selected.size();
            cancelSelected(VenueCancelCause.CANCEL_ON_DISCONNECT);
        }
        return due;
    }

    private void cancelSelected(final VenueCancelCause cause)
    {
        // a copy: canceling ends orders, which leaves the index's working orders, not this list
        for (int i = 0; i < selected.size(); i++)
        {
            cancel(selected.get(i), cause);
        }
        selected.clear();
    }

    /** Whether a cancel of the client's or the gateway's own is on its way or waiting: another one is left to it. */
    static boolean alreadyBeingCanceled(final Order order)
    {
        final VenueCancelCause cause = order.cancelCause();
        // a replace in flight is not a cancel: the order is canceled once the replace is done
        return order.pending() == PendingRequest.CANCEL || order.followUp.deferredCancel != VenueCancelCause.NONE ||
            cause != VenueCancelCause.NONE && cause != VenueCancelCause.REPLACE;
    }
}
