package io.cryptofix.order;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;

/**
 * A client's NewOrderSingle, decoded. One instance is reused for every message on the duty cycle
 * (single-threaded, so no sharing issue): fill it with {@link #set} (and {@link #conditions},
 * {@link #possResend} where they apply), hand it to {@link OrderCore}.
 * Fields the client left out are null (objects) or {@link #ABSENT} (numbers).
 */
public final class NewOrderCommand
{
    /** Marks a numeric field the client did not send. */
    public static final long ABSENT = Long.MIN_VALUE;
    /** Marks a numeric field the client sent with more precision than {@link io.cryptofix.domain.Fixed} holds. */
    public static final long TOO_PRECISE = Long.MIN_VALUE + 1;

    private long sessionId;
    private String clOrdId;
    private String symbol;
    private String venueId;
    private Side side;
    private OrdType ordType;
    private long orderQty;
    private long price;
    private long receivedTimeNanos;
    private TimeInForce timeInForce;
    private long stopPx;
    private long expireTimeMillis;
    private boolean postOnly;
    private boolean possResend;
    private String clientCompId;
    private String account;

    public NewOrderCommand set(
        final long sessionId,
        final String clOrdId,
        final String symbol,
        final String venueId,
        final Side side,
        final OrdType ordType,
        final long orderQty,
        final long price,
        final long receivedTimeNanos)
    {
        this.sessionId = sessionId;
        this.clOrdId = clOrdId;
        this.symbol = symbol;
        this.venueId = venueId;
        this.side = side;
        this.ordType = ordType;
        this.orderQty = orderQty;
        this.price = price;
        this.receivedTimeNanos = receivedTimeNanos;
        this.timeInForce = null;
        this.stopPx = ABSENT;
        this.expireTimeMillis = ABSENT;
        this.postOnly = false;
        this.possResend = false;
        this.clientCompId = null;
        this.account = null;
        return this;
    }

    /** The client's CompID, which timeout rules by session match; null when unknown. */
    public NewOrderCommand clientCompId(final String clientCompId)
    {
        this.clientCompId = clientCompId;
        return this;
    }

    public String clientCompId()
    {
        return clientCompId;
    }

    /** Account (1): which of its accounts the client trades for; null when it did not say. */
    public NewOrderCommand account(final String account)
    {
        this.account = account;
        return this;
    }

    public String account()
    {
        return account;
    }

    /**
     * @param timeInForce       TimeInForce (59), or null when absent (FIX: Day).
     * @param stopPx            StopPx (99), {@link #ABSENT} or {@link #TOO_PRECISE}.
     * @param expireTimeMillis  ExpireTime (126), epoch milliseconds, or {@link #ABSENT}.
     * @param postOnly          ExecInst (18) holds 6 (participate, don't initiate).
     */
    public NewOrderCommand conditions(
        final TimeInForce timeInForce, final long stopPx, final long expireTimeMillis, final boolean postOnly)
    {
        this.timeInForce = timeInForce;
        this.stopPx = stopPx;
        this.expireTimeMillis = expireTimeMillis;
        this.postOnly = postOnly;
        return this;
    }

    /** PossResend (97) = Y: the client may have sent this order before. */
    public NewOrderCommand possResend(final boolean possResend)
    {
        this.possResend = possResend;
        return this;
    }

    public long sessionId()
    {
        return sessionId;
    }

    public String clOrdId()
    {
        return clOrdId;
    }

    public String symbol()
    {
        return symbol;
    }

    /** ExDestination (100), or the session's default venue when the client sent none. */
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

    public long orderQty()
    {
        return orderQty;
    }

    public long price()
    {
        return price;
    }

    /** TimeInForce (59), or null when the client sent none. */
    public TimeInForce timeInForce()
    {
        return timeInForce;
    }

    public long stopPx()
    {
        return stopPx;
    }

    public long expireTimeMillis()
    {
        return expireTimeMillis;
    }

    public boolean postOnly()
    {
        return postOnly;
    }

    public boolean isPossResend()
    {
        return possResend;
    }

    /** When the gateway received the message, epoch nanoseconds: kept for latency and audit, never for decisions. */
    public long receivedTimeNanos()
    {
        return receivedTimeNanos;
    }
}
