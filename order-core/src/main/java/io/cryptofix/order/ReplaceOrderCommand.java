package io.cryptofix.order;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;

/**
 * A client's OrderCancelReplaceRequest (G), decoded. Reused per message like {@link NewOrderCommand}.
 * Price, quantity and StopPx may change; what the client leaves out of TimeInForce and ExpireTime
 * stays as it was.
 */
public final class ReplaceOrderCommand
{
    private long sessionId;
    private String clOrdId;
    private String origClOrdId;
    private String symbol;
    private Side side;
    private OrdType ordType;
    private long orderQty;
    private long price;
    private long stopPx;
    private TimeInForce timeInForce;
    private long expireTimeMillis;

    public ReplaceOrderCommand set(
        final long sessionId,
        final String clOrdId,
        final String origClOrdId,
        final String symbol,
        final Side side,
        final OrdType ordType,
        final long orderQty,
        final long price,
        final long stopPx,
        final TimeInForce timeInForce,
        final long expireTimeMillis)
    {
        this.sessionId = sessionId;
        this.clOrdId = clOrdId;
        this.origClOrdId = origClOrdId;
        this.symbol = symbol;
        this.side = side;
        this.ordType = ordType;
        this.orderQty = orderQty;
        this.price = price;
        this.stopPx = stopPx;
        this.timeInForce = timeInForce;
        this.expireTimeMillis = expireTimeMillis;
        return this;
    }

    public long sessionId()
    {
        return sessionId;
    }

    /** ClOrdID (11) the order takes once replaced. */
    public String clOrdId()
    {
        return clOrdId;
    }

    /** OrigClOrdID (41): the order's current ClOrdID. */
    public String origClOrdId()
    {
        return origClOrdId;
    }

    public String symbol()
    {
        return symbol;
    }

    /** Side (54), or null when the client sent one the gateway does not trade. */
    public Side side()
    {
        return side;
    }

    /** OrdType (40), or null when the client sent one the gateway does not trade. */
    public OrdType ordType()
    {
        return ordType;
    }

    public long orderQty()
    {
        return orderQty;
    }

    public long price()
    {
        return price;
    }

    public long stopPx()
    {
        return stopPx;
    }

    /** TimeInForce (59), or null when absent (unchanged). */
    public TimeInForce timeInForce()
    {
        return timeInForce;
    }

    /** ExpireTime (126), epoch milliseconds, or {@link NewOrderCommand#ABSENT} (unchanged). */
    public long expireTimeMillis()
    {
        return expireTimeMillis;
    }
}
