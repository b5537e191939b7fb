package io.cryptofix.order;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.InstrumentCatalog;

/**
 * What clients are told when an order is acknowledged, ends, or a request of theirs is answered no:
 * the events several of the core's parts reach by different roads.
 */
final class OrderEndings
{
    private final OrderEvents events;
    private final OrderIndex index;
    private final InstrumentCatalog instruments;

    OrderEndings(final OrderEvents events, final OrderIndex index, final InstrumentCatalog instruments)
    {
        this.events = events;
        this.index = index;
        this.instruments = instruments;
    }

    /** The venue has the order: New, with the venue's order id (null when a fill or cancel implied it). */
    boolean acknowledged(final Order order, final String venueOrderId)
    {
        events.begin(OrderEventType.NEW, order).venueOrderId(venueOrderId).text(order.acknowledgementText());
        return events.emit();
    }

    /**
     * Canceled, for the client's cancel in flight, a cause of the gateway's, or the venue's own reason;
     * the event carries the cause (NONE for the venue's own), for the report to say a kill.
     */
    boolean canceled(final Order order, final VenueCancelCause cause, final String venueReason)
    {
        final OrderEvent canceled = events.begin(OrderEventType.CANCELED, order).cancelCause(cause);
        if (cause == VenueCancelCause.CLIENT && order.pending() == PendingRequest.CANCEL)
        {
            // from now on the order is known by the cancel's ClOrdID
            canceled.clOrdIds(order.pendingClOrdId(), order.clOrdId());
        }
        else
        {
            final String byGateway = cause == VenueCancelCause.KILL_SWITCH && order.followUp.killText != null ?
                order.followUp.killText : ReportTexts.canceledBy(cause);
            canceled.text(byGateway != null ? byGateway : venueReason);
        }
        return events.emit();
    }

    /** A cancel the client sent for an order the gateway holds: done at once, under the cancel's ClOrdID. */
    boolean canceledAtOnce(final Order order, final String cancelClOrdId)
    {
        index.reserve(order, cancelClOrdId);
        events.begin(OrderEventType.CANCELED, order).clOrdIds(cancelClOrdId, order.clOrdId());
        return events.emit();
    }

    boolean expired(final Order order)
    {
        events.begin(OrderEventType.EXPIRED, order)
            .text(ReportTexts.expired(order, events.now(), instruments.venue(order.venueId()).dayCutoffUtc()));
        return events.emit();
    }

    /** Ends the order expired, for the reason the venue gave. */
    boolean expired(final Order order, final String text)
    {
        events.begin(OrderEventType.EXPIRED, order).text(text);
        return events.emit();
    }

    /** Refuses the client's cancel or replace in flight, giving its ClOrdID back; nothing if none is. */
    void rejectPending(final Order order, final CxlRejReason reason, final String text)
    {
        final PendingRequest pending = order.pending();
        if (pending == PendingRequest.NONE)
        {
            return;
        }
        final String requestClOrdId = order.pendingClOrdId();
        index.release(order, requestClOrdId);
        events.begin(OrderEventType.CANCEL_REJECTED, order).clOrdIds(requestClOrdId, order.clOrdId())
            .refusal(reason, pending == PendingRequest.REPLACE).text(text);
        events.emit();
    }

    /**
     * Refuses a cancel or replace on arrival; {@code order} is the order it named, or null if none.
     */
    void refuse(
        final long sessionId,
        final String clOrdId,
        final String origClOrdId,
        final boolean replace,
        final Order order,
        final CxlRejReason reason,
        final String text)
    {
        events.begin(OrderEventType.REQUEST_REFUSED, order).sessionId(sessionId).clOrdIds(clOrdId, origClOrdId)
            .refusal(reason, replace).text(text);
        events.emit();
    }
}
