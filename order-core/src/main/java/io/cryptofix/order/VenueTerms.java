package io.cryptofix.order;

import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.TimeInForce;

/**
 * How an order is held at its venue, given what the venue does natively: what it lacks, the gateway
 * emulates and leaves out of the placement.
 */
final class VenueTerms
{
    private VenueTerms()
    {
    }

    /** Whether the venue itself holds an order of this triggered type; otherwise the gateway does. */
    static boolean venueHoldsTrigger(final VenueCapabilities supports, final OrdType ordType)
    {
        return ordType == OrdType.STOP_LIMIT ? supports.stopLimitOrders() : supports.stopOrders();
    }

    /** The time in force to place with: the gateway's own Day cut-off, GTD and IOC are GTC at a venue without them. */
    static TimeInForce venueTimeInForce(final TimeInForce timeInForce, final VenueCapabilities supports)
    {
        switch (timeInForce)
        {
            case IMMEDIATE_OR_CANCEL:
                return supports.immediateOrCancel() ? TimeInForce.IMMEDIATE_OR_CANCEL : TimeInForce.GOOD_TILL_CANCEL;
            case FILL_OR_KILL:
                return TimeInForce.FILL_OR_KILL;
            case GOOD_TILL_DATE:
                return supports.goodTillDate() ? TimeInForce.GOOD_TILL_DATE : TimeInForce.GOOD_TILL_CANCEL;
            default:
                return TimeInForce.GOOD_TILL_CANCEL;
        }
    }
}
