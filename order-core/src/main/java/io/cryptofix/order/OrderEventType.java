package io.cryptofix.order;

import io.cryptofix.domain.ExecType;

/**
 * What can happen to an order, named after the domain. The order core emits each as an
 * {@link OrderEvent}; each one that changes an order goes through the order's three tables
 * ({@link OrderState}, {@link PendingRequest}, {@link VenueLeg}) and is the only way the order changes.
 * The journal keeps those that must survive a crash ({@link #journaled}); the FIX side turns those
 * a client hears of into one message each.
 */
public enum OrderEventType
{
    // ---- the order comes to be

    /**
     * Accepted and queued for its venue as placement 0; the client hears nothing until the venue
     * answers. Carries the order's terms, ClOrdID, quantity, prices, timeout and placement, and a Text
     * for the New report.
     */
    SUBMITTED(Message.NONE, null, true),
    /** Accepted and held by the gateway until its trigger price is reached: New at once. Carries its terms. */
    HELD(Message.EXECUTION_REPORT, ExecType.NEW, true),

    // ---- requests the venue's queue took

    /** A later placement at the venue (a triggered stop, the new order of an emulated replace), with its terms. */
    VENUE_SUBMIT(Message.NONE, null, true),
    /** A cancel of the gateway's, for the cause the event names. */
    VENUE_CANCEL(Message.NONE, null, true),
    /** An amend in place, with the terms the event names. */
    VENUE_AMEND(Message.NONE, null, true),
    /** A status query by the client order id of the latest placement. */
    VENUE_QUERY(Message.NONE, null, true),

    // ---- venue answers the client does not hear of

    /** The venue took a placement the client already knows as New, or named its order id late. */
    ACKNOWLEDGED(Message.NONE, null, true),
    /** The venue refused a cancel of the gateway's: its order still works. */
    VENUE_CANCEL_REFUSED(Message.NONE, null, false),
    /** The venue refused an amend: its order works on with the old terms. */
    VENUE_AMEND_REFUSED(Message.NONE, null, false),
    /** A reloaded timeout policy gave the order another timeout (the event's), or none. */
    TIMEOUT_CHANGED(Message.NONE, null, true),

    // ---- what the client hears

    NEW(Message.EXECUTION_REPORT, ExecType.NEW, true),
    REJECTED(Message.EXECUTION_REPORT, ExecType.REJECTED, true),
    /** A fill (LastQty, LastPx) that leaves quantity open, or comes after the order was canceled or expired. */
    PARTIAL_FILL(Message.EXECUTION_REPORT, ExecType.TRADE, true),
    /** A fill that completes OrderQty. */
    FULL_FILL(Message.EXECUTION_REPORT, ExecType.TRADE, true),
    /** The client's cancel was sent to the venue; carries the cancel's ClOrdID and OrigClOrdID. */
    PENDING_CANCEL(Message.EXECUTION_REPORT, ExecType.PENDING_CANCEL, true),
    /**
     * The client's replace was sent to the venue, as an amend or as the cancel of an emulated replace;
     * carries the replace's ClOrdID, OrigClOrdID, new quantity and prices.
     */
    PENDING_REPLACE(Message.EXECUTION_REPORT, ExecType.PENDING_REPLACE, true),
    CANCELED(Message.EXECUTION_REPORT, ExecType.CANCELED, true),
    /** New terms took effect: carries them, the ClOrdID the order is known by from now on, and the venue's order id. */
    REPLACED(Message.EXECUTION_REPORT, ExecType.REPLACED, true),
    /** New terms took effect with OrderQty down to CumQty: nothing is left to work, the order is filled (FIX 4.4). */
    REPLACED_FILLED(Message.EXECUTION_REPORT, ExecType.REPLACED, true),
    EXPIRED(Message.EXECUTION_REPORT, ExecType.EXPIRED, true),
    /** A stop the gateway held reached its price and was placed at the venue (Restated, Text says how). */
    TRIGGERED(Message.EXECUTION_REPORT, ExecType.RESTATED, true),
    /** The client's pending cancel or replace ended refused: its ClOrdID, OrigClOrdID and CxlRejReason. */
    CANCEL_REJECTED(Message.CANCEL_REJECT, null, true),
    /** A cancel or replace refused on arrival: nothing was pending because of it. Journaled when its order is known. */
    REQUEST_REFUSED(Message.CANCEL_REJECT, null, true),

    // ---- answers that change nothing

    /** Where an order stands (ExecType I): asked by the client, or told unasked (an unanswered venue request). */
    ORDER_STATUS(Message.EXECUTION_REPORT, ExecType.ORDER_STATUS, false),
    /** A NewOrderSingle refused before any order existed. */
    NEW_ORDER_REFUSED(Message.EXECUTION_REPORT, ExecType.REJECTED, false),
    /** An OrderStatusRequest for a ClOrdID the session does not have. */
    UNKNOWN_ORDER_STATUS(Message.EXECUTION_REPORT, ExecType.ORDER_STATUS, false),
    MASS_STATUS_REPORT(Message.EXECUTION_REPORT, ExecType.ORDER_STATUS, false),
    MASS_CANCEL_REPORT(Message.MASS_CANCEL_REPORT, null, false),

    // ---- the gateway itself

    /** The gateway restarted: requests in flight before it are forgotten until the venue has been asked. */
    RESTARTED(Message.NONE, null, false);

    /** The FIX message an event is told to its client as. */
    public enum Message
    {
        NONE,
        EXECUTION_REPORT,
        CANCEL_REJECT,
        MASS_CANCEL_REPORT
    }

    private final Message message;
    private final ExecType execType;
    private final boolean journaled;

    OrderEventType(final Message message, final ExecType execType, final boolean journaled)
    {
        this.message = message;
        this.execType = execType;
        this.journaled = journaled;
    }

    public Message message()
    {
        return message;
    }

    /** ExecType (150) of the ExecutionReport this event is told as; null for other messages. */
    public ExecType execType()
    {
        return execType;
    }

    /** Whether the journal keeps it: it changes an order, or is a message a crash must not lose. */
    public boolean journaled()
    {
        return journaled;
    }

    /** Whether it is told to the client as an ExecutionReport, which then has an ExecID. */
    public boolean hasExecId()
    {
        return message == Message.EXECUTION_REPORT;
    }

    /** Whether the order comes to be with this event. */
    public boolean createsOrder()
    {
        return this == SUBMITTED || this == HELD;
    }

    /** Whether it is a request the venue's queue took. */
    public boolean isVenueRequest()
    {
        return this == SUBMITTED || this == VENUE_SUBMIT || this == VENUE_CANCEL || this == VENUE_AMEND ||
            this == VENUE_QUERY;
    }

    /** Whether it only answers: no order changes with it. */
    public boolean isAnswer()
    {
        switch (this)
        {
            case ORDER_STATUS:
            case NEW_ORDER_REFUSED:
            case UNKNOWN_ORDER_STATUS:
            case MASS_STATUS_REPORT:
            case MASS_CANCEL_REPORT:
                return true;
            default:
                return false;
        }
    }

    private static final OrderEventType[] VALUES = values();

    /** The type with this ordinal, as the journal keeps it. */
    public static OrderEventType of(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
