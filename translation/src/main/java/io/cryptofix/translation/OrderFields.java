package io.cryptofix.translation;

import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.NewOrderCommand;
import uk.co.real_logic.artio.fields.DecimalFloat;
import uk.co.real_logic.artio.fields.UtcTimestampDecoder;

/**
 * FIX order fields as the gateway's domain sees them, shared by the translators of NewOrderSingle
 * and OrderCancelReplaceRequest. A value the gateway does not trade maps to null.
 */
final class OrderFields
{
    static final String SUPPORTED_ORD_TYPES = "1 Market, 2 Limit, 3 Stop, 4 StopLimit, J MarketIfTouched";
    static final String SUPPORTED_TIME_IN_FORCE = "0 Day, 1 GTC, 3 IOC, 4 FOK, 6 GTD";

    /** ExpireTime (126) present but not a UTC timestamp; distinct from {@link NewOrderCommand#ABSENT}. */
    static final long NOT_A_TIMESTAMP = Long.MIN_VALUE + 2;

    private final UtcTimestampDecoder timestamps = new UtcTimestampDecoder(true);

    /**
     * @return ExpireTime (126) in epoch milliseconds, or {@link #NOT_A_TIMESTAMP}.
     */
    long epochMillis(final byte[] utcTimestamp, final int length)
    {
        try
        {
            return timestamps.decode(utcTimestamp, length);
        }
        catch (final RuntimeException e)
        {
            return NOT_A_TIMESTAMP;
        }
    }

    static long fixed(final DecimalFloat value)
    {
        final long fixed = Fixed.fromDecimal(value.value(), value.scale());
        return fixed == Long.MIN_VALUE ? NewOrderCommand.TOO_PRECISE : fixed;
    }

    static Side side(final char fixSide)
    {
        switch (fixSide)
        {
            case '1': return Side.BUY;
            case '2': return Side.SELL;
            default: return null;
        }
    }

    // a switch rather than a search of values(), which would copy the array for every order
    static OrdType ordType(final char fixOrdType)
    {
        switch (fixOrdType)
        {
            case '1': return OrdType.MARKET;
            case '2': return OrdType.LIMIT;
            case '3': return OrdType.STOP;
            case '4': return OrdType.STOP_LIMIT;
            case 'J': return OrdType.MARKET_IF_TOUCHED;
            default: return null;
        }
    }

    static TimeInForce timeInForce(final char fixTimeInForce)
    {
        switch (fixTimeInForce)
        {
            case '0': return TimeInForce.DAY;
            case '1': return TimeInForce.GOOD_TILL_CANCEL;
            case '3': return TimeInForce.IMMEDIATE_OR_CANCEL;
            case '4': return TimeInForce.FILL_OR_KILL;
            case '6': return TimeInForce.GOOD_TILL_DATE;
            default: return null;
        }
    }
}
