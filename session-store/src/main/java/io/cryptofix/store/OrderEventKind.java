package io.cryptofix.store;

/** What an order event in the journal records. */
public enum OrderEventKind
{
    /** An ExecutionReport to the client (its ExecType says which: New, Trade, Canceled, ...). */
    REPORT,
    /** The order is about to be placed at its venue, as placement {@code venueAttempt}. */
    VENUE_SUBMIT,
    /** A cancel is about to go to the venue. */
    VENUE_CANCEL,
    /** An in-place amend is about to go to the venue. */
    VENUE_AMEND,
    /** The venue is about to be asked where the order stands. */
    VENUE_QUERY,
    /**
     * An OrderCancelReject to the client: the event's ClOrdID is the refused request's, its
     * OrigClOrdID the order's.
     */
    CANCEL_REJECT
}
