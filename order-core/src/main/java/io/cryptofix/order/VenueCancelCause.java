package io.cryptofix.order;

/**
 * Why the gateway asked a venue to cancel an order: it decides what the client is told when the
 * venue confirms.
 */
public enum VenueCancelCause
{
    NONE,
    /** An OrderCancelRequest: Canceled, under the cancel's ClOrdID. */
    CLIENT,
    /** An OrderMassCancelRequest: Canceled. */
    MASS_CANCEL,
    /** A replace the venue cannot amend: the order is placed again with the new terms. */
    REPLACE,
    /** A Day or GTD order the venue does not expire itself: Expired. */
    EXPIRY,
    /** An IOC order the venue does not cancel itself: Canceled, with what filled at once. */
    IMMEDIATE_OR_CANCEL,
    /** The order's session disconnected and did not log on again within its grace period: Canceled. */
    CANCEL_ON_DISCONNECT,
    /** A new order of the same session would have traded against this resting one: Canceled. */
    SELF_TRADE_PREVENTION,
    /**
     * The kill switch of its scope (the gateway, its venue or its session): Canceled, Text
     * {@code kill switch: <reason>}, ExecRestatementReason 99. The journal keeps the ordinal: new causes go last.
     */
    KILL_SWITCH
}
