package io.cryptofix.order;

import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.InstrumentCatalog;

/**
 * What venues answer, applied to their orders: acknowledgements, refusals, fills, cancels, expiries,
 * amends and the answers to status queries. The answer means what the order was waiting for: the
 * acknowledgement of a replacement completes a replace, a cancel confirmed for an emulated replace
 * places the replacement, a fill before any acknowledgement implies one.
 */
final class VenueAnswers
{
    private final InstrumentCatalog instruments;
    private final OrderIndex index;
    private final OrderEvents events;
    private final VenueRequests requests;
    private final FollowUps followUps;
    private final GatewayCancels gatewayCancels;
    private final OrderEndings endings;
    private final OrderCoreObserver observer;

    VenueAnswers(
        final InstrumentCatalog instruments,
        final OrderIndex index,
        final OrderEvents events,
        final VenueRequests requests,
        final FollowUps followUps,
        final GatewayCancels gatewayCancels,
        final OrderEndings endings,
        final OrderCoreObserver observer)
    {
        this.instruments = instruments;
        this.index = index;
        this.events = events;
        this.requests = requests;
        this.followUps = followUps;
        this.gatewayCancels = gatewayCancels;
        this.endings = endings;
        this.observer = observer;
    }

    void onAccepted(final long orderKey, final String venueOrderId)
    {
        final Order order = known(orderKey, OrderEventType.NEW);
        if (order == null)
        {
            return;
        }
        followUps.heard(order, VenueWatch.Kind.SUBMIT);
        if (isReplacementPlaced(order))
        {
            completeReplace(order, venueOrderId);
            gatewayCancels.afterAcknowledged(order);
            return;
        }
        if (order.state() == OrderState.REJECTED || order.isVenueAcknowledged() && order.venueOrderId() != null)
        {
            // a second acknowledgement, or one of an order the venue refused
            observer.onEventRefused(order, OrderEventType.ACKNOWLEDGED, events.now());
            return;
        }
        if (order.isVenueAcknowledged())
        {
            // the acknowledgement overtaken by a fill or cancel: the client has heard New already
            events.begin(OrderEventType.ACKNOWLEDGED, order).venueOrderId(venueOrderId);
            events.emit();
            return;
        }
        final boolean known = order.state() == OrderState.PENDING_NEW ? endings.acknowledged(order, venueOrderId) :
            acknowledgedSilently(order, venueOrderId);
        if (known)
        {
            gatewayCancels.afterAcknowledged(order);
        }
    }

    void onRejected(final long orderKey, final String reason)
    {
        final Order order = known(orderKey, OrderEventType.REJECTED);
        if (order == null)
        {
            return;
        }
        followUps.heard(order, VenueWatch.Kind.SUBMIT);
        if (isReplacementPlaced(order))
        {
            final String text = "venue " + order.venueId() + " rejected the replacement order: " + reason;
            endings.rejectPending(order, CxlRejReason.OTHER, text);
            endings.canceled(order, VenueCancelCause.NONE, "canceled: " + text);
            return;
        }
        if (order.state() == OrderState.PENDING_NEW)
        {
            events.begin(OrderEventType.REJECTED, order).text("rejected by venue " + order.venueId() + ": " + reason);
            events.emit();
            return;
        }
        if (order.leg() == VenueLeg.PLACING && !order.state().isTerminal())
        {
            // a triggered stop the venue refused: the order the client knows ends here
            endings.rejectPending(order, CxlRejReason.TOO_LATE_TO_CANCEL, "the triggered order was rejected by the venue");
            endings.canceled(order, VenueCancelCause.NONE,
                "canceled: venue " + order.venueId() + " rejected the triggered order: " + reason);
            return;
        }
        observer.onEventRefused(order, OrderEventType.REJECTED, events.now());
    }

    void onFill(final long orderKey, final long lastQty, final long lastPx)
    {
        final Order order = known(orderKey, OrderEventType.PARTIAL_FILL);
        if (order == null)
        {
            return;
        }
        followUps.heard(order, VenueWatch.Kind.SUBMIT);
        if (isReplacementPlaced(order))
        {
            // the replacement traded before its acknowledgement arrived: it is live, so the replace is done
            completeReplace(order, null);
        }
        final long cumQtyAfter = order.cumQty() + lastQty;
        final OrderEventType fill = cumQtyAfter == order.orderQty() ? OrderEventType.FULL_FILL : OrderEventType.PARTIAL_FILL;
        if (lastQty <= 0 || lastPx <= 0 || cumQtyAfter > order.orderQty())
        {
            observer.onEventRefused(order, fill, events.now());
            return;
        }
        if (order.state() == OrderState.PENDING_NEW)
        {
            // a venue may report a trade before its acknowledgement; the client still sees New first
            endings.acknowledged(order, null);
        }
        else if (order.leg() == VenueLeg.PLACING)
        {
            acknowledgedSilently(order, null);
        }
        events.begin(fill, order).fill(lastQty, lastPx);
        if (events.emit() && !order.state().isTerminal())
        {
            gatewayCancels.afterAcknowledged(order);
        }
    }

    void onCanceled(final long orderKey, final String reason)
    {
        final Order order = known(orderKey, OrderEventType.CANCELED);
        if (order == null)
        {
            return;
        }
        followUps.heard(order, VenueWatch.Kind.SUBMIT);
        followUps.heard(order, VenueWatch.Kind.CANCEL);
        if (order.state() == OrderState.PENDING_NEW)
        {
            // ended by the venue before any acknowledgement (an IOC or FOK that found nothing):
            // the client still sees New first
            endings.acknowledged(order, null);
        }
        if (order.state().isTerminal())
        {
            observer.onEventRefused(order, OrderEventType.CANCELED, events.now());
            return;
        }
        final VenueCancelCause cause = order.cancelCause();
        switch (cause)
        {
            case REPLACE -> placeReplacement(order);
            case EXPIRY -> endings.expired(order);
            case CLIENT, MASS_CANCEL, IMMEDIATE_OR_CANCEL, CANCEL_ON_DISCONNECT, SELF_TRADE_PREVENTION, KILL_SWITCH ->
                endings.canceled(order, cause, null);
            default ->
            {
                // unsolicited: a request of the client's still in flight can no longer succeed
                endings.rejectPending(order, CxlRejReason.TOO_LATE_TO_CANCEL, "the venue canceled the order: " + reason);
                endings.canceled(order, VenueCancelCause.NONE, reason);
            }
        }
    }

    void onCancelRefused(final long orderKey, final String reason)
    {
        final Order order = known(orderKey, OrderEventType.VENUE_CANCEL_REFUSED);
        if (order == null)
        {
            return;
        }
        final VenueCancelCause cause = order.cancelCause();
        switch (cause)
        {
            case CLIENT, REPLACE ->
            {
                followUps.heard(order, VenueWatch.Kind.CANCEL);
                events.begin(OrderEventType.VENUE_CANCEL_REFUSED, order).text(reason);
                events.emit();
                endings.rejectPending(order, order.state().isTerminal() ?
                    CxlRejReason.TOO_LATE_TO_CANCEL : CxlRejReason.OTHER,
                    (cause == VenueCancelCause.CLIENT ? "cancel" : "replace") + " rejected by venue " +
                    order.venueId() + ": " + reason);
                gatewayCancels.afterAcknowledged(order);
            }
            case NONE ->
            {
                // no cancel of the gateway's is waiting for this answer
            }
            default ->
            {
                if (!order.state().isTerminal())
                {
                    // the order still works as far as the gateway knows: find out where it stands, and
                    // keep the cancel wanted; the watch sends it again if the order is still open
                    requests.query(order);
                    observer.onVenueQueried(order, events.now());
                }
            }
        }
    }

    /** A venue expired a GTD order it holds natively. */
    void onExpired(final long orderKey)
    {
        onExpired(orderKey, null);
    }

    /**
     * @param reason the venue's words for the client's Text; null for a GTD order reaching its ExpireTime.
     */
    void onExpired(final long orderKey, final String reason)
    {
        final Order order = known(orderKey, OrderEventType.EXPIRED);
        if (order == null)
        {
            return;
        }
        followUps.heard(order, VenueWatch.Kind.SUBMIT);
        followUps.heard(order, VenueWatch.Kind.CANCEL);
        if (order.state().isTerminal())
        {
            observer.onEventRefused(order, OrderEventType.EXPIRED, events.now());
            return;
        }
        endings.rejectPending(order, CxlRejReason.TOO_LATE_TO_CANCEL, "the order expired");
        if (reason == null)
        {
            endings.expired(order);
        }
        else
        {
            endings.expired(order, reason);
        }
    }

    /**
     * The venue said something of the order its adapter cannot read, twice: the client is told the
     * order is in doubt (an unsolicited status, Text saying why); the order stays as it was, followed.
     */
    void onInDoubt(final long orderKey, final String reason)
    {
        final Order order = known(orderKey, OrderEventType.ORDER_STATUS);
        if (order == null || order.state().isTerminal())
        {
            return;
        }
        observer.onOrderInDoubt(order, reason, events.now());
        events.begin(OrderEventType.ORDER_STATUS, order).text(reason);
        events.emit();
    }

    /** A venue confirmed an amend: the order has its new terms. */
    void onReplaced(final long orderKey)
    {
        final Order order = known(orderKey, OrderEventType.REPLACED);
        if (order == null)
        {
            return;
        }
        if (order.pending() != PendingRequest.REPLACE)
        {
            observer.onEventRefused(order, OrderEventType.REPLACED, events.now());
            return;
        }
        completeReplace(order, null);
        gatewayCancels.afterAcknowledged(order);
    }

    void onReplaceRefused(final long orderKey, final String reason)
    {
        final Order order = known(orderKey, OrderEventType.VENUE_AMEND_REFUSED);
        if (order == null || order.pending() != PendingRequest.REPLACE)
        {
            return;
        }
        events.begin(OrderEventType.VENUE_AMEND_REFUSED, order).text(reason);
        events.emit();
        endings.rejectPending(order, order.state().isTerminal() ? CxlRejReason.TOO_LATE_TO_CANCEL : CxlRejReason.OTHER,
            "replace rejected by venue " + order.venueId() + ": " + reason);
        gatewayCancels.afterAcknowledged(order);
    }

    /** The cancel leg of an emulated replace succeeded: place the order again with its new terms. */
    private void placeReplacement(final Order order)
    {
        final long leaves = order.replaceQty() - order.cumQty();
        if (leaves <= 0)
        {
            // fills overtook the replace: nothing is left to place, and the order is done
            completeReplace(order, null);
            return;
        }
        final VenueCapabilities supports = instruments.venue(order.venueId()).supports();
        if (!requests.submit(order, order.venueOrdType(), VenueTerms.venueTimeInForce(order.timeInForce(), supports),
            leaves, order.venueOrdType().hasLimitPrice() ? order.replacePrice() : 0,
            order.venueOrdType().hasTrigger() ? order.replaceStopPx() : 0))
        {
            final String text = "venue " + order.venueId() + " was too busy to take the replacement order";
            endings.rejectPending(order, CxlRejReason.OTHER, text);
            endings.canceled(order, VenueCancelCause.NONE, "canceled: " + text);
            return;
        }
        followUps.watch(order, VenueWatch.Kind.SUBMIT);
    }

    /** The replace took effect; FIX 4.4: a quantity reduced below what already filled leaves the order filled at CumQty. */
    private void completeReplace(final Order order, final String venueOrderId)
    {
        final long orderQty = Math.max(order.replaceQty(), order.cumQty());
        events.begin(orderQty == order.cumQty() ? OrderEventType.REPLACED_FILLED : OrderEventType.REPLACED, order)
            .clOrdIds(order.pendingClOrdId(), order.clOrdId())
            .quantities(orderQty, order.replacePrice(), order.replaceStopPx())
            .venueOrderId(venueOrderId);
        events.emit();
    }

    /** The venue took a placement the client already knows as New: a triggered stop. */
    private boolean acknowledgedSilently(final Order order, final String venueOrderId)
    {
        events.begin(OrderEventType.ACKNOWLEDGED, order).venueOrderId(venueOrderId);
        return events.emit();
    }

    /** Whether the new order of an emulated replace waits for its acknowledgement. */
    private static boolean isReplacementPlaced(final Order order)
    {
        return order.leg() == VenueLeg.PLACING && order.pending() == PendingRequest.REPLACE;
    }

    Order known(final long orderKey, final OrderEventType answer)
    {
        final Order order = index.byKey(orderKey);
        if (order == null)
        {
            observer.onUnknownOrder(orderKey, answer, events.now());
        }
        return order;
    }
}
