package io.cryptofix.store;

import io.cryptofix.order.OrderEventType;

/**
 * How the journal files an order event for people and the system of record: a report to the client
 * (its ExecType says which), a request to the venue, a refusal. The event's own
 * {@link OrderEventType} is kept beside it.
 */
public enum OrderEventKind
{
    /** An ExecutionReport to the client (its ExecType says which: New, Trade, Canceled, ...). */
    REPORT,
    /** The order was placed at its venue (its queue took it), as placement {@code venueAttempt}. */
    VENUE_SUBMIT,
    /** A cancel went to the venue's queue. */
    VENUE_CANCEL,
    /** An in-place amend went to the venue's queue. */
    VENUE_AMEND,
    /** The venue was asked where the order stands. */
    VENUE_QUERY,
    /**
     * An OrderCancelReject to the client: the event's ClOrdID is the refused request's, its
     * OrigClOrdID the one the request named.
     */
    CANCEL_REJECT,
    /** The venue took a placement the client already knew as New, or named its order id late. */
    VENUE_ACK,
    /** A reloaded timeout policy gave the order another timeout. */
    TIMEOUT;

    /** The kind a journaled event is filed as. */
    public static OrderEventKind of(final OrderEventType type)
    {
        switch (type)
        {
            case SUBMITTED:
            case VENUE_SUBMIT:
                return VENUE_SUBMIT;
            case VENUE_CANCEL:
                return VENUE_CANCEL;
            case VENUE_AMEND:
                return VENUE_AMEND;
            case VENUE_QUERY:
                return VENUE_QUERY;
            case ACKNOWLEDGED:
                return VENUE_ACK;
            case TIMEOUT_CHANGED:
                return TIMEOUT;
            case CANCEL_REJECTED:
            case REQUEST_REFUSED:
                return CANCEL_REJECT;
            default:
                if (type.execType() == null || !type.journaled())
                {
                    throw new IllegalArgumentException(type + " is not journaled");
                }
                return REPORT;
        }
    }
}
