package io.cryptofix.order;

/**
 * Where an order stands at its venue, as a status query by the gateway's client order id found it.
 */
public enum VenueOrderStatus
{
    /** The venue has no order with that client order id: it never arrived, or the venue forgot it. */
    UNKNOWN,
    /** Working at the venue. */
    OPEN,
    /** Fully filled. */
    FILLED,
    /** Canceled at the venue (by request or by the venue), with whatever had filled. */
    CANCELED,
    /** Expired by the venue at the order's own ExpireTime, with whatever had filled. */
    EXPIRED,
    /** Refused by the venue. */
    REJECTED
}
