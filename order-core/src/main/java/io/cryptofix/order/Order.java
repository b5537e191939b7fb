package io.cryptofix.order;

import io.cryptofix.config.TimeoutRule;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;

/**
 * One client order and everything the gateway knows about it. It comes to be from its SUBMITTED or
 * HELD event and changes only by {@link #apply}ing events, each checked against the three tables
 * ({@link OrderState}, {@link PendingRequest}, {@link VenueLeg}) by {@link OrderTransitions}, its one
 * writer: live, and in the same way when the journal is replayed after a restart. Everyone else
 * reads it. Owned by the duty-cycle thread.
 *
 * <p>Besides its state it carries the order core's bookkeeping (its timers, a cancel the gateway
 * wants but cannot send yet, the venue request it waits to hear about), which the core's parts keep
 * and which a restart rebuilds from the state.
 */
public final class Order
{
    /** No timer is scheduled for the order. */
    static final long NO_TIMER = -1;

    // who and what: fixed when the order comes to be
    private final long orderKey;
    private final long sessionId;
    private final String symbol;
    private final String venueId;
    private final Side side;
    private final OrdType ordType;
    private final TimeInForce timeInForce;
    private final boolean postOnly;
    private final long createdMillis;
    private final long receivedTimeNanos;
    private final long expireTimeMillis;
    private final String clientCompId;
    private final String account;
    // the ClOrdID it came with: the index knows it by that one for as long as it holds the order
    private final String firstClOrdId;

    // what changes: written only by OrderTransitions, package-private for it alone
    // the gateway's timeout, which a reloaded policy may change
    long timeoutMillis;
    TimeoutRule timeoutRule;
    // the client's terms, which a replace changes
    String clOrdId;
    String origClOrdId;
    long orderQty;
    long price;
    long stopPx;
    String acknowledgementText;

    // the three states, and what they hold
    OrderState state;
    PendingRequest pending;
    VenueLeg leg;
    long cumQty;
    // sum of lastQty * lastPx in raw Fixed units; a double keeps the exact integer products' sum to
    // ~16 significant digits, far beyond the 8 decimals AvgPx is reported with, without overflow or allocation
    double cumNotional;
    String pendingClOrdId;
    long replaceQty;
    long replacePrice;
    long replaceStopPx;
    int venueAttempt = -1;
    String venueOrderId;
    OrdType venueOrdType;
    TimeInForce venueTimeInForce;
    long venueQuantity;
    long venuePrice;
    long venueStopPx;
    // why the gateway asked the venue to cancel, remembered until the venue answers
    VenueCancelCause cancelCause = VenueCancelCause.NONE;

    // the core's bookkeeping, not state
    final FollowUp followUp = new FollowUp();
    // when it reached its terminal state, by its event's time; 0 while it works
    long finishedMillis;


    /** The ClOrdID the order came with. */
    String firstClOrdId()
    {
        return firstClOrdId;
    }

    /** When it reached its terminal state (epoch milliseconds), or 0 while it works. */
    public long finishedMillis()
    {
        return finishedMillis;
    }

    /** The order its SUBMITTED or HELD event describes; it starts with {@link #apply} of that event. */
    Order(final OrderEvent created)
    {
        final OrderTerms terms = created.terms();
        this.orderKey = created.orderKey();
        this.sessionId = created.sessionId();
        this.symbol = terms.symbol();
        this.venueId = terms.venueId();
        this.side = terms.side();
        this.ordType = terms.ordType();
        this.timeInForce = terms.timeInForce();
        this.postOnly = terms.postOnly();
        this.createdMillis = created.timeMillis();
        this.receivedTimeNanos = terms.receivedTimeNanos();
        this.expireTimeMillis = terms.expireTimeMillis();
        this.timeoutMillis = created.timeoutMillis();
        this.timeoutRule = created.timeoutRule();
        this.clientCompId = terms.clientCompId();
        this.account = terms.account();
        this.clOrdId = created.clOrdId();
        this.firstClOrdId = created.clOrdId();
        this.orderQty = created.orderQty();
        this.price = created.price();
        this.stopPx = created.stopPx();
    }

    /**
     * The one way an order changes ({@link OrderTransitions}): the event must be legal in all three
     * tables, or nothing changes.
     *
     * @return false if the event is not legal for the order as it stands.
     */
    boolean apply(final OrderEvent event)
    {
        return OrderTransitions.apply(this, event);
    }

    /**
     * A detached copy of an order as a client was told of it, from what the journal kept of a message
     * sent again after a restart: for sending it once more should that one be lost too. Never applied
     * to, never taken over.
     *
     * @param terms  the order's identity and terms, as a replayed event carries them.
     */
    public static Order asTold(
        final OrderEvent terms,
        final String clOrdId,
        final long orderQty,
        final long price,
        final long stopPx,
        final OrderState state,
        final PendingRequest pending,
        final long cumQty,
        final long avgPx)
    {
        return OrderTransitions.asTold(terms, clOrdId, orderQty, price, stopPx, state, pending, cumQty, avgPx);
    }

    /** A copy of {@code order}'s identity and fixed terms; {@link OrderTransitions} copies the rest. */
    Order(final Order order)
    {
        this.orderKey = order.orderKey;
        this.sessionId = order.sessionId;
        this.symbol = order.symbol;
        this.venueId = order.venueId;
        this.side = order.side;
        this.ordType = order.ordType;
        this.timeInForce = order.timeInForce;
        this.postOnly = order.postOnly;
        this.createdMillis = order.createdMillis;
        this.receivedTimeNanos = order.receivedTimeNanos;
        this.expireTimeMillis = order.expireTimeMillis;
        this.clientCompId = order.clientCompId;
        this.account = order.account;
        this.firstClOrdId = order.firstClOrdId;
        this.timeoutMillis = order.timeoutMillis;
        this.timeoutRule = order.timeoutRule;
        this.finishedMillis = order.finishedMillis;
    }

    /** The gateway's key for the order; OrderID (37) is derived from it. */
    public long orderKey()
    {
        return orderKey;
    }

    public long sessionId()
    {
        return sessionId;
    }

    /** ClOrdID (11) of the latest accepted request on this order. */
    public String clOrdId()
    {
        return clOrdId;
    }

    /** ClOrdID the order had before the latest accepted cancel or replace, or null. */
    public String origClOrdId()
    {
        return origClOrdId;
    }

    public String symbol()
    {
        return symbol;
    }

    /**
     * Account (1) as the client gave it: the venue account (a set of API keys configured under the
     * venue's {@code accounts}) the order trades in; null when it trades on the venue's own keys.
     */
    public String account()
    {
        return account;
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

    public long orderQty()
    {
        return orderQty;
    }

    /** Limit price, {@link Fixed}; 0 for orders without one. */
    public long price()
    {
        return price;
    }

    /** Trigger price, {@link Fixed}; 0 for orders without one. */
    public long stopPx()
    {
        return stopPx;
    }

    /** When the order expires, epoch milliseconds (GTD: ExpireTime; Day: the venue's cut-off); 0 if never. */
    public long expireTimeMillis()
    {
        return expireTimeMillis;
    }

    /** When the order times out under the gateway's timeout policy, epoch milliseconds; 0 if never. */
    public long timeoutMillis()
    {
        return timeoutMillis;
    }

    /** The timeout rule that set {@link #timeoutMillis()}; null when it came from the policy's default. */
    public TimeoutRule timeoutRule()
    {
        return timeoutRule;
    }

    /** The earliest of the order's deadlines (timeout, ExpireTime, Day cut-off), epoch milliseconds; 0 if none. */
    public long deadlineMillis()
    {
        if (timeoutMillis == 0)
        {
            return expireTimeMillis;
        }
        return expireTimeMillis == 0 ? timeoutMillis : Math.min(timeoutMillis, expireTimeMillis);
    }

    /** Whether the deadline reached at {@code nowMillis} is the timeout rather than the order's own expiry. */
    boolean isTimedOut(final long nowMillis)
    {
        return timeoutMillis != 0 && timeoutMillis <= nowMillis &&
            (expireTimeMillis == 0 || timeoutMillis <= expireTimeMillis);
    }

    public long createdMillis()
    {
        return createdMillis;
    }

    /** When the gateway received the NewOrderSingle, epoch nanoseconds: for latency and audit only. */
    public long receivedTimeNanos()
    {
        return receivedTimeNanos;
    }

    /** The client's CompID, which timeout rules by session match; null when unknown. */
    String clientCompId()
    {
        return clientCompId;
    }

    /** Text for the New report, e.g. what rounding changed; null for none. */
    String acknowledgementText()
    {
        return acknowledgementText;
    }

    public OrderState state()
    {
        return state;
    }

    public PendingRequest pending()
    {
        return pending;
    }

    public VenueLeg leg()
    {
        return leg;
    }

    /**
     * OrdStatus (39) to report: a pending cancel or replace takes precedence over the working and
     * filled states, as FIX 4.4 orders them.
     */
    public char ordStatus()
    {
        if (state != OrderState.CANCELED && state != OrderState.EXPIRED && state != OrderState.REJECTED)
        {
            if (pending == PendingRequest.CANCEL)
            {
                return '6';
            }
            if (pending == PendingRequest.REPLACE)
            {
                return 'E';
            }
        }
        return state.ordStatus();
    }

    public long cumQty()
    {
        return cumQty;
    }

    /** Quantity still working; 0 once the order is done, filled or not (FIX 4.4 LeavesQty). */
    public long leavesQty()
    {
        return state.isTerminal() ? 0 : Math.max(0, orderQty - cumQty);
    }

    public long avgPx()
    {
        return cumQty == 0 ? 0 : Math.round(cumNotional / cumQty);
    }

    /** ClOrdID of the client's cancel or replace in flight, or null. */
    public String pendingClOrdId()
    {
        return pendingClOrdId;
    }

    long replaceQty()
    {
        return replaceQty;
    }

    long replacePrice()
    {
        return replacePrice;
    }

    long replaceStopPx()
    {
        return replaceStopPx;
    }

    public String venueOrderId()
    {
        return venueOrderId;
    }

    /** Whether the order has been sent to its venue; false while the gateway holds its trigger. */
    public boolean isPlaced()
    {
        return leg != VenueLeg.HELD;
    }

    /** Whether the venue has answered the latest placement (or the order is over there). */
    public boolean isVenueAcknowledged()
    {
        return leg != VenueLeg.HELD && leg != VenueLeg.PLACING;
    }

    /** The latest placement at the venue: 0 for the first, -1 while the gateway holds the order. */
    public int venueAttempt()
    {
        return venueAttempt;
    }

    /** OrdType the venue holds the order as: the triggered type when the gateway emulates the trigger. */
    public OrdType venueOrdType()
    {
        return venueOrdType;
    }

    /** TimeInForce the venue holds the order with: GTC when the gateway emulates the deadline or IOC. */
    public TimeInForce venueTimeInForce()
    {
        return venueTimeInForce;
    }

    /** Quantity of the latest placement at the venue. */
    public long venueQuantity()
    {
        return venueQuantity;
    }

    /** Limit price of the latest placement at the venue; 0 for none. */
    public long venuePrice()
    {
        return venuePrice;
    }

    /** Trigger price of the latest placement at the venue; 0 for none. */
    public long venueStopPx()
    {
        return venueStopPx;
    }

    /** Why the gateway asked the venue to cancel the order, until the venue answers; NONE otherwise. */
    public VenueCancelCause cancelCause()
    {
        return cancelCause;
    }

    @Override
    public String toString()
    {
        return "Order{key=" + orderKey + ", clOrdId=" + clOrdId + ", " + side + " " + Fixed.toString(orderQty) +
            " " + symbol + "@" + venueId + ", state=" + state + ", cumQty=" + Fixed.toString(cumQty) + "}";
    }
}
