package io.cryptofix.order;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.Fixed;

/**
 * What a venue's answer to a status query means for its order: fills the gateway had not heard of
 * come first, then the order goes where the venue says it is, read against what the gateway was
 * waiting to hear (a submit's answer, a cancel's, or where an order taken over after a restart stands).
 */
final class VenueStatusAnswers
{
    private final VenueAnswers answers;
    private final OrderEvents events;
    private final VenueRequests requests;
    private final FollowUps followUps;
    private final GatewayCancels gatewayCancels;
    private final OrderEndings endings;
    private final OrderCoreObserver observer;

    VenueStatusAnswers(
        final VenueAnswers answers,
        final OrderEvents events,
        final VenueRequests requests,
        final FollowUps followUps,
        final GatewayCancels gatewayCancels,
        final OrderEndings endings,
        final OrderCoreObserver observer)
    {
        this.observer = observer;
        this.answers = answers;
        this.events = events;
        this.requests = requests;
        this.followUps = followUps;
        this.gatewayCancels = gatewayCancels;
        this.endings = endings;
    }

    /**
     * What a venue's answer to a status query found: fills the gateway had not heard of are reported
     * first, then the order goes where the venue says it is.
     *
     * @param cumQty  what the venue says has filled in all.
     * @param avgPx   the venue's average price of those fills; 0 when it does not say.
     * @param reason  the venue's words for an order it ended; null when none.
     */
    void onStatus(
        final long orderKey,
        final VenueOrderStatus status,
        final String venueOrderId,
        final long cumQty,
        final long avgPx,
        final String reason)
    {
        final Order order = answers.known(orderKey, OrderEventType.VENUE_QUERY);
        if (order == null || order.state().isTerminal())
        {
            return;
        }
        final boolean reconciling = order.followUp.watching == VenueWatch.Kind.RECONCILE;
        final boolean cancelUnconfirmed = order.followUp.watching == VenueWatch.Kind.CANCEL;
        followUps.heard(order, VenueWatch.Kind.RECONCILE);
        if (cumQty > order.cumQty())
        {
            final long missing = cumQty - order.cumQty();
            answers.onFill(orderKey, missing, missedFillPrice(order, cumQty, avgPx, missing));
            if (order.state().isTerminal())
            {
                if (reconciling)
                {
                    // a cancel or replace from before the restart will get no answer from the venue in this run
                    endings.rejectPending(order, CxlRejReason.TOO_LATE_TO_CANCEL, "the order filled at venue " +
                        order.venueId() + " while the gateway was down");
                }
                else if (cancelUnconfirmed)
                {
                    // the venue never confirmed the cancel and the order filled: the cancel came too late
                    endings.rejectPending(order, CxlRejReason.TOO_LATE_TO_CANCEL, "the order filled at venue " +
                        order.venueId() + " before the cancel took effect");
                }
                return;
            }
        }
        final VenueWatch.Kind watching = order.followUp.watching;
        switch (status)
        {
            case OPEN ->
            {
                if (watching == VenueWatch.Kind.SUBMIT)
                {
                    answers.onAccepted(orderKey, venueOrderId);
                }
                else if (reconciling)
                {
                    resumeAfterRestart(order, venueOrderId);
                }
            }
            case CANCELED -> answers.onCanceled(orderKey, reason != null ? reason :
                "canceled at venue " + order.venueId() + " (found by a status query)");
            case EXPIRED -> answers.onExpired(orderKey, reason);
            case REJECTED -> answers.onRejected(orderKey, reason != null ? reason : "refused (found by a status query)");
            case UNKNOWN ->
            {
                if (watching == VenueWatch.Kind.SUBMIT)
                {
                    answers.onRejected(orderKey, "no answer to the order, and no order with its client order id at the " +
                        "venue: it was not placed");
                }
                else if (watching == VenueWatch.Kind.CANCEL || reconciling)
                {
                    answers.onCanceled(orderKey, "venue " + order.venueId() + " no longer has the order");
                }
            }
            case FILLED ->
            {
                // the fills above ended the order, or the venue finished it short of the gateway's count:
                // the venue's word wins, and what it did not trade is not working any more
                if (!order.state().isTerminal())
                {
                    observer.onVenueQuantityDisagreed(order, cumQty, events.now());
                    answers.onCanceled(orderKey, "venue " + order.venueId() + " reports the order filled at " +
                        Fixed.toString(cumQty) + "; the rest was not traded");
                }
            }
            default -> throw new IllegalStateException("venue status " + status);
        }
    }

    /**
     * A recovered order the venue still works: a client cancel that was waiting is sent again (the
     * client asked for it and never heard the outcome); a replace is refused, its outcome at the
     * venue being unknown; a cancel of the gateway's own follows as before.
     */
    private void resumeAfterRestart(final Order order, final String venueOrderId)
    {
        if (order.venueOrderId() == null && venueOrderId != null)
        {
            events.begin(OrderEventType.ACKNOWLEDGED, order).venueOrderId(venueOrderId);
            events.emit();
        }
        if (order.pending() == PendingRequest.REPLACE)
        {
            endings.rejectPending(order, CxlRejReason.OTHER,
                "the gateway restarted before the venue answered the replace; the order is unchanged, send it again");
        }
        else if (order.pending() == PendingRequest.CANCEL)
        {
            if (requests.cancel(order, VenueCancelCause.CLIENT))
            {
                followUps.watch(order, VenueWatch.Kind.CANCEL);
                return;
            }
            endings.rejectPending(order, CxlRejReason.OTHER, ReportTexts.busy(order));
        }
        gatewayCancels.afterAcknowledged(order);
    }

    /** The price of fills a status query found and the gateway had not heard of: what makes the venue's average. */
    private static long missedFillPrice(final Order order, final long venueCumQty, final long venueAvgPx, final long missing)
    {
        if (venueAvgPx <= 0)
        {
            return order.price() > 0 ? order.price() : order.avgPx();
        }
        final double missingNotional = (double)venueCumQty * venueAvgPx - (double)order.cumQty() * order.avgPx();
        final long price = Math.round(missingNotional / missing);
        return price > 0 ? price : venueAvgPx;
    }
}
