package io.cryptofix.venue.sim;

import io.cryptofix.config.InstrumentConfig;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdType;
import io.cryptofix.venue.VenueAmend;
import io.cryptofix.venue.VenueOrder;

/**
 * What the simulated venue refuses for one symbol, with the reason it gives: quantities and prices
 * off the instrument's rules, and order features its configuration switches off.
 */
final class OrderRules
{
    private final VenueCapabilities supports;
    private final long tickSize;
    private final long lotSize;
    private final long minQty;

    OrderRules(final InstrumentConfig instrument, final VenueCapabilities supports)
    {
        this.supports = supports;
        tickSize = Fixed.fromBigDecimal(instrument.tickSize());
        lotSize = Fixed.fromBigDecimal(instrument.lotSize());
        minQty = Fixed.fromBigDecimal(instrument.minQty());
    }

    boolean amendSupported()
    {
        return supports.amend();
    }

    /** @return why the venue refuses the new order, or null when it takes it. */
    String problem(final VenueOrder order, final long nowMillis)
    {
        final String rule = quantityProblem(order.quantity());
        if (rule != null)
        {
            return rule;
        }
        if (order.ordType().hasLimitPrice() && !onTick(order.limitPrice()))
        {
            return "price " + Fixed.toString(order.limitPrice()) + " not a positive multiple of tick size " +
                Fixed.toString(tickSize);
        }
        if (order.ordType().hasTrigger())
        {
            if (order.ordType() == OrdType.STOP_LIMIT ? !supports.stopLimitOrders() : !supports.stopOrders())
            {
                return order.ordType() == OrdType.STOP_LIMIT ? "stop-limit orders not supported" :
                    "stop orders not supported";
            }
            if (!onTick(order.stopPx()))
            {
                return "stop price " + Fixed.toString(order.stopPx()) + " not a positive multiple of tick size " +
                    Fixed.toString(tickSize);
            }
        }
        if (order.postOnly() && (!supports.postOnly() || order.ordType() != OrdType.LIMIT))
        {
            return supports.postOnly() ? "post-only applies to limit orders only" : "post-only not supported";
        }
        switch (order.timeInForce())
        {
            case IMMEDIATE_OR_CANCEL:
                return supports.immediateOrCancel() ? null : "IOC not supported";
            case FILL_OR_KILL:
                return supports.fillOrKill() ? null : "FOK not supported";
            case GOOD_TILL_DATE:
                if (!supports.goodTillDate())
                {
                    return "GTD not supported";
                }
                return order.expireTimeMillis() <= nowMillis ? "ExpireTime already passed" : null;
            case DAY:
                return "Day orders not supported";
            default:
                return null;
        }
    }

    /**
     * @param filled  what the order has filled so far: an amend must leave some of it to fill.
     * @return why the venue refuses the amend, or null when it takes it.
     */
    String amendProblem(final VenueAmend amend, final long filled)
    {
        if (amend.quantity() <= filled)
        {
            return "quantity " + Fixed.toString(amend.quantity()) + " not above the filled " + Fixed.toString(filled);
        }
        final String rule = quantityProblem(amend.quantity());
        if (rule != null)
        {
            return rule;
        }
        if (amend.limitPrice() != 0 && !onTick(amend.limitPrice()) || amend.stopPx() != 0 && !onTick(amend.stopPx()))
        {
            return "price not a positive multiple of tick size " + Fixed.toString(tickSize);
        }
        return null;
    }

    private String quantityProblem(final long quantity)
    {
        if (quantity < minQty)
        {
            return "quantity " + Fixed.toString(quantity) + " below minimum " + Fixed.toString(minQty);
        }
        if (quantity % lotSize != 0)
        {
            return "quantity " + Fixed.toString(quantity) + " not a multiple of lot size " + Fixed.toString(lotSize);
        }
        return null;
    }

    private boolean onTick(final long price)
    {
        return price > 0 && price % tickSize == 0;
    }
}
