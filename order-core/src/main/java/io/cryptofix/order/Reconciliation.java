package io.cryptofix.order;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.InstrumentCatalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Taking over the orders of earlier runs: the messages the last run never sent go out first, then
 * every replayed order gets its indexes, its deadline (absolute, so one that passed while the gateway
 * was down fires at once) and, when the gateway holds its trigger, its place among the held stops.
 * Each order placed at a venue is asked about there, by the client order id of its latest placement;
 * what the venue answers is applied like any answer.
 */
final class Reconciliation
{
    private final InstrumentCatalog instruments;
    private final OrderIndex index;
    private final OrderEvents events;
    private final VenueRequests requests;
    private final FollowUps followUps;
    private final StopTriggers triggers;
    private final OrderEndings endings;
    private final FinishedOrders finishedOrders;

    Reconciliation(
        final InstrumentCatalog instruments,
        final OrderIndex index,
        final OrderEvents events,
        final VenueRequests requests,
        final FollowUps followUps,
        final StopTriggers triggers,
        final OrderEndings endings,
        final FinishedOrders finishedOrders)
    {
        this.instruments = instruments;
        this.index = index;
        this.events = events;
        this.requests = requests;
        this.followUps = followUps;
        this.triggers = triggers;
        this.endings = endings;
        this.finishedOrders = finishedOrders;
    }

    /**
     * Finished orders whose retention is over are left out: their ClOrdIDs are free again.
     *
     * @return how many orders were asked about at their venues.
     */
    int recover(final OrderReplay replay)
    {
        index.continueAfter(replay.nextOrderKey());
        events.continueExecIdsAfter(replay.nextExecId());
        final List<Order> finished = new ArrayList<>();
        int reconciling = 0;
        for (final Order order : replay.orders())
        {
            if (order.state().isTerminal())
            {
                finished.add(order);
                continue;
            }
            index.add(order);
            if (order.pending() != PendingRequest.NONE)
            {
                index.reserve(order, order.pendingClOrdId());
            }
            if (instruments.venue(order.venueId()) == null)
            {
                endWithoutVenue(order);
                continue;
            }
            // whether a request in flight before the restart reached the venue is not known: ask first
            events.begin(OrderEventType.RESTARTED, order);
            events.emit();
            followUps.scheduleDeadline(order);
            if (order.isPlaced())
            {
                requests.query(order);
                followUps.watch(order, order.isVenueAcknowledged() ? VenueWatch.Kind.RECONCILE : VenueWatch.Kind.SUBMIT);
                reconciling++;
            }
            else if (order.ordType().hasTrigger())
            {
                triggers.holdAgain(order);
            }
        }
        for (final Order order : finishedOrders.recovered(finished, events.now()))
        {
            index.add(order);
        }
        return reconciling;
    }

    /** Sends again, in journal order, what the last run journaled and never handed to the FIX engine. */
    void resendMissed(final List<MissedReport> missed)
    {
        for (final MissedReport report : missed)
        {
            events.begin(report.type(), report.order())
                .clOrdIds(report.clOrdId(), report.origClOrdId())
                .execId(report.execId())
                .fill(report.lastQty(), report.lastPx())
                .text(report.text())
                .cancelCause(report.cancelCause());
            if (report.isCancelReject())
            {
                events.current().refusal(report.cxlRejReason(), report.replace());
            }
            events.resend();
        }
    }

    /** The venue is not configured, or did not start: nothing can be checked or traded there. */
    private void endWithoutVenue(final Order order)
    {
        endings.rejectPending(order, CxlRejReason.OTHER, "venue " + order.venueId() + " is not available");
        final String text = "the gateway restarted without venue " + order.venueId() + "; check the order there";
        if (order.state() == OrderState.PENDING_NEW)
        {
            events.begin(OrderEventType.REJECTED, order).text("rejected: " + text);
            events.emit();
            return;
        }
        endings.canceled(order, VenueCancelCause.NONE, "canceled: " + text);
    }
}
