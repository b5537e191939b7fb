package io.cryptofix.venue.bybit;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueOrder;

/** An order's terms in Bybit's words: its trigger direction and its time in force. */
final class BybitOrderTerms
{
    private BybitOrderTerms()
    {
    }

    /** 1: when the price rises to the trigger (a buy stop, a sell MarketIfTouched); 2: when it falls to it. */
    static int triggerDirection(final VenueOrder order)
    {
        final boolean rising = order.side() == Side.BUY ? order.ordType() != OrdType.MARKET_IF_TOUCHED :
            order.ordType() == OrdType.MARKET_IF_TOUCHED;
        return rising ? 1 : 2;
    }

    static String timeInForce(final VenueOrder order)
    {
        if (order.postOnly())
        {
            return "PostOnly";
        }
        switch (order.timeInForce())
        {
            case IMMEDIATE_OR_CANCEL: return "IOC";
            case FILL_OR_KILL: return "FOK";
            default: return "GTC";
        }
    }
}
