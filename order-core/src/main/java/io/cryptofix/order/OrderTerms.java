package io.cryptofix.order;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;

/**
 * What an order is when it comes to be, as its SUBMITTED or HELD event carries it (its ClOrdID,
 * quantity, prices and timeout are the event's own). A flyweight owned by its {@link OrderEvent}.
 */
public final class OrderTerms
{
    private String symbol;
    private String venueId;
    private Side side;
    private OrdType ordType;
    private TimeInForce timeInForce;
    private boolean postOnly;
    private long expireTimeMillis;
    private long receivedTimeNanos;
    private String clientCompId;
    private String account;

    /**
     * @param expireTimeMillis   GTD ExpireTime or the venue's Day cut-off, epoch milliseconds; 0 for none.
     * @param receivedTimeNanos  when the NewOrderSingle arrived, epoch nanoseconds; 0 when not known (replayed).
     */
    public OrderTerms set(
        final String symbol,
        final String venueId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final boolean postOnly,
        final long expireTimeMillis,
        final long receivedTimeNanos)
    {
        this.symbol = symbol;
        this.venueId = venueId;
        this.side = side;
        this.ordType = ordType;
        this.timeInForce = timeInForce;
        this.postOnly = postOnly;
        this.expireTimeMillis = expireTimeMillis;
        this.receivedTimeNanos = receivedTimeNanos;
        this.clientCompId = null;
        this.account = null;
        return this;
    }

    /** The client's CompID, which timeout rules by session match; unknown (null) for a replayed order. */
    public OrderTerms clientCompId(final String clientCompId)
    {
        this.clientCompId = clientCompId;
        return this;
    }

    /** Account (1): the venue account the order trades in; null for the venue's own keys. */
    public OrderTerms account(final String account)
    {
        this.account = account;
        return this;
    }

    void copyFrom(final OrderTerms other)
    {
        set(other.symbol, other.venueId, other.side, other.ordType, other.timeInForce, other.postOnly,
            other.expireTimeMillis, other.receivedTimeNanos).clientCompId(other.clientCompId).account(other.account);
    }

    public String symbol()
    {
        return symbol;
    }

    public String venueId()
    {
        return venueId;
    }

    public Side side()
    {
        return side;
    }

    public OrdType ordType()
    {
        return ordType;
    }

    public TimeInForce timeInForce()
    {
        return timeInForce;
    }

    public boolean postOnly()
    {
        return postOnly;
    }

    public long expireTimeMillis()
    {
        return expireTimeMillis;
    }

    public long receivedTimeNanos()
    {
        return receivedTimeNanos;
    }

    public String clientCompId()
    {
        return clientCompId;
    }

    public String account()
    {
        return account;
    }
}
