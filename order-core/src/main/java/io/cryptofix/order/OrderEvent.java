package io.cryptofix.order;

/**
 * What can happen to an order at its venue; the input of {@link OrderState#next}.
 */
public enum OrderEvent
{
    VENUE_ACCEPTED,
    VENUE_REJECTED,
    PARTIAL_FILL,
    FULL_FILL,
    VENUE_CANCELED,
    /** The order's deadline passed with quantity left: by the venue, or by the gateway's cancel. */
    EXPIRED,
    /** The venue confirmed an amend; the state follows from the new quantity and CumQty. */
    VENUE_REPLACED,
    /** A status query answered; what it found arrives as the events above, never as a transition itself. */
    VENUE_STATUS
}
