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
    /** Canceled or expired at the venue, with whatever had filled. */
    CANCELED,
    /** Refused by the venue. */
    REJECTED
}
