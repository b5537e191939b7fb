package io.cryptofix.order;

import io.cryptofix.config.TimeoutRule;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;

/**
 * One client order and everything the gateway knows about it. Owned and changed only by
 * {@link OrderCore} on the duty-cycle thread; everyone else reads it.
 *
 * <p>Besides its FIX state the order remembers how it stands at its venue: whether it has been
 * placed there yet (an emulated stop waits at the gateway), whether the venue acknowledged it, and
 * why the gateway asked the venue to cancel it, if it did.
 */
public final class Order
{
    /** No timer is scheduled for the order. */
    static final long NO_TIMER = -1;

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

    private String clOrdId;
    private String origClOrdId;
    private long orderQty;
    private long price;
    private long stopPx;
    private long expireTimeMillis;
    private String venueOrderId;
    private OrderState state = OrderState.PENDING_NEW;
    private long cumQty;
    // sum of lastQty * lastPx in raw Fixed units (scale 16); a double keeps the exact integer
    // products' sum to ~16 significant digits, far beyond the 8 decimals AvgPx is reported with,
    // without overflow or allocation
    private double cumNotional;

    // the client's cancel or replace in flight
    private PendingRequest pending = PendingRequest.NONE;
    private String pendingClOrdId;
    private long replaceQty;
    private long replacePrice;
    private long replaceStopPx;

    // the order at its venue
    private boolean placed;
    private boolean venueAcknowledged;
    private int venueAttempt = -1;
    private OrdType venueOrdType;
    private TimeInForce venueTimeInForce;
    private long venueQuantity;
    private long venuePrice;
    private long venueStopPx;
    private VenueCancelCause venueCancelCause = VenueCancelCause.NONE;
    private VenueCancelCause deferredCancel = VenueCancelCause.NONE;
    private String acknowledgementText;
    private boolean replacementPlaced;
    private long timerId = NO_TIMER;
    private long timeoutMillis;
    private TimeoutRule timeoutRule;
    private String clientCompId;
    private VenueWatch.Kind watching = VenueWatch.Kind.NONE;
    private long watchTimerId = NO_TIMER;
    private int watchFirings;
    private long watchStartMillis;

    Order(
        final long orderKey,
        final long sessionId,
        final String clOrdId,
        final String symbol,
        final String venueId,
        final Side side,
        final OrdType ordType,
        final long orderQty,
        final long price,
        final long createdMillis,
        final long receivedTimeNanos)
    {
        this(orderKey, sessionId, clOrdId, symbol, venueId, side, ordType, TimeInForce.GOOD_TILL_CANCEL, orderQty,
            price, 0, 0, false, createdMillis, receivedTimeNanos);
    }

    Order(
        final long orderKey,
        final long sessionId,
        final String clOrdId,
        final String symbol,
        final String venueId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long orderQty,
        final long price,
        final long stopPx,
        final long expireTimeMillis,
        final boolean postOnly,
        final long createdMillis,
        final long receivedTimeNanos)
    {
        this.orderKey = orderKey;
        this.sessionId = sessionId;
        this.clOrdId = clOrdId;
        this.symbol = symbol;
        this.venueId = venueId;
        this.side = side;
        this.ordType = ordType;
        this.timeInForce = timeInForce;
        this.orderQty = orderQty;
        this.price = price;
        this.stopPx = stopPx;
        this.expireTimeMillis = expireTimeMillis;
        this.postOnly = postOnly;
        this.createdMillis = createdMillis;
        this.receivedTimeNanos = receivedTimeNanos;
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

    /** ClOrdID of the client's cancel or replace in flight, or null. */
    public String pendingClOrdId()
    {
        return pendingClOrdId;
    }

    /** ClOrdID of the client's cancel in flight, or null. */
    public String pendingCancelClOrdId()
    {
        return pending == PendingRequest.CANCEL ? pendingClOrdId : null;
    }

    public PendingRequest pending()
    {
        return pending;
    }

    public String symbol()
    {
        return symbol;
    }

    public String venueId()
    {
        return venueId;
    }

    public String venueOrderId()
    {
        return venueOrderId;
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

    /** When the order expires, epoch milliseconds (GTD: ExpireTime; Day: the venue's cut-off); 0 if never. */
    public long expireTimeMillis()
    {
        return expireTimeMillis;
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

    public OrderState state()
    {
        return state;
    }

    /**
     * OrdStatus (39) to report: a pending cancel or replace takes precedence over the working states,
     * as FIX 4.4 orders them.
     */
    public char ordStatus()
    {
        // a fill that completes the order still reports the pending request, until the venue answers it
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

    /** Whether the order has been sent to its venue; false while an emulated trigger waits. */
    public boolean isPlaced()
    {
        return placed;
    }

    public boolean isVenueAcknowledged()
    {
        return venueAcknowledged;
    }

    /** How many times before the order was placed at its venue: 0 for the first placement. */
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

    VenueCancelCause venueCancelCause()
    {
        return venueCancelCause;
    }

    /** A cancel the gateway wants but cannot send yet: the venue has to acknowledge, or a replace to finish. */
    VenueCancelCause deferredCancel()
    {
        return deferredCancel;
    }

    /** Text for the New report, e.g. what rounding changed; null for none. */
    String acknowledgementText()
    {
        return acknowledgementText;
    }

    boolean isReplacementPlaced()
    {
        return replacementPlaced;
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

    long timerId()
    {
        return timerId;
    }

    void state(final OrderState state)
    {
        this.state = state;
    }

    void venueOrderId(final String venueOrderId)
    {
        this.venueOrderId = venueOrderId;
    }

    void addFill(final long lastQty, final long lastPx)
    {
        cumQty += lastQty;
        cumNotional += (double)lastQty * (double)lastPx;
    }

    void expireTimeMillis(final long expireTimeMillis)
    {
        this.expireTimeMillis = expireTimeMillis;
    }

    /** The client's CompID, which timeout rules by session match; null when unknown. */
    String clientCompId()
    {
        return clientCompId;
    }

    void clientCompId(final String clientCompId)
    {
        this.clientCompId = clientCompId;
    }

    void timeout(final long timeoutMillis, final TimeoutRule rule)
    {
        this.timeoutMillis = timeoutMillis;
        this.timeoutRule = rule;
    }

    /** Records a placement at the venue, which then has to acknowledge it. */
    void placed(
        final OrdType venueOrdType,
        final TimeInForce venueTimeInForce,
        final long venueQuantity,
        final long venuePrice,
        final long venueStopPx)
    {
        this.placed = true;
        this.venueAcknowledged = false;
        this.venueAttempt++;
        this.venueOrdType = venueOrdType;
        this.venueTimeInForce = venueTimeInForce;
        this.venueQuantity = venueQuantity;
        this.venuePrice = venuePrice;
        this.venueStopPx = venueStopPx;
    }

    /**
     * Puts back what the journal says of an order at a restart: where it stood, what has filled, and
     * which placement at its venue is the latest. Prices and quantities of that placement are the
     * order's own: the journal keeps only those.
     */
    void restore(
        final String origClOrdId,
        final OrderState state,
        final long cumQty,
        final long avgPx,
        final String venueOrderId,
        final int venueAttempt,
        final boolean venueAcknowledged,
        final OrdType venueOrdType,
        final TimeInForce venueTimeInForce,
        final long timeoutMillis)
    {
        this.origClOrdId = origClOrdId;
        this.state = state;
        this.cumQty = cumQty;
        this.cumNotional = (double)cumQty * (double)avgPx;
        this.venueOrderId = venueOrderId;
        this.venueAttempt = venueAttempt;
        this.placed = venueAttempt >= 0;
        this.venueAcknowledged = placed && venueAcknowledged;
        this.venueOrdType = venueOrdType;
        this.venueTimeInForce = venueTimeInForce;
        this.venueQuantity = orderQty - cumQty;
        this.venuePrice = venueOrdType != null && venueOrdType.hasLimitPrice() ? price : 0;
        this.venueStopPx = venueOrdType != null && venueOrdType.hasTrigger() ? stopPx : 0;
        this.timeoutMillis = timeoutMillis;
    }

    /** The placement could not be queued: the order is where it was before {@link #placed}. */
    void placementFailed(final boolean wasPlaced, final boolean wasAcknowledged)
    {
        this.placed = wasPlaced;
        this.venueAcknowledged = wasAcknowledged;
        this.venueAttempt--;
    }

    void acknowledgementText(final String text)
    {
        this.acknowledgementText = text;
    }

    void venueAcknowledged()
    {
        this.venueAcknowledged = true;
    }

    void venueCancelCause(final VenueCancelCause cause)
    {
        this.venueCancelCause = cause;
    }

    void deferredCancel(final VenueCancelCause cause)
    {
        this.deferredCancel = cause;
    }

    void replacementPlaced(final boolean replacementPlaced)
    {
        this.replacementPlaced = replacementPlaced;
    }

    void timerId(final long timerId)
    {
        this.timerId = timerId;
    }

    /** The venue request the gateway waits to hear about: a submit's answer or a cancel's confirmation. */
    VenueWatch.Kind watching()
    {
        return watching;
    }

    long watchTimerId()
    {
        return watchTimerId;
    }

    /** How many times the wait for the venue ran out so far. */
    int watchFirings()
    {
        return watchFirings;
    }

    /** When the gateway sent the request it is waiting on. */
    long watchStartMillis()
    {
        return watchStartMillis;
    }

    void watch(final VenueWatch.Kind kind, final long startMillis)
    {
        this.watching = kind;
        this.watchFirings = 0;
        this.watchStartMillis = startMillis;
        this.watchTimerId = NO_TIMER;
    }

    void watchTimerId(final long timerId)
    {
        this.watchTimerId = timerId;
    }

    void watchFired()
    {
        watchFirings++;
        watchTimerId = NO_TIMER;
    }

    void pendingCancel(final String cancelClOrdId)
    {
        this.pending = cancelClOrdId == null ? PendingRequest.NONE : PendingRequest.CANCEL;
        this.pendingClOrdId = cancelClOrdId;
    }

    void pendingReplace(final String replaceClOrdId, final long orderQty, final long price, final long stopPx)
    {
        this.pending = PendingRequest.REPLACE;
        this.pendingClOrdId = replaceClOrdId;
        this.replaceQty = orderQty;
        this.replacePrice = price;
        this.replaceStopPx = stopPx;
    }

    void clearPending()
    {
        this.pending = PendingRequest.NONE;
        this.pendingClOrdId = null;
    }

    /** The cancel in flight succeeded: from now on the order is known by the cancel's ClOrdID. */
    void cancelConfirmed()
    {
        if (pending == PendingRequest.CANCEL)
        {
            origClOrdId = clOrdId;
            clOrdId = pendingClOrdId;
            clearPending();
        }
    }

    /** The replace in flight took effect: new ClOrdID, quantity and prices. */
    void replaceConfirmed()
    {
        if (pending == PendingRequest.REPLACE)
        {
            origClOrdId = clOrdId;
            clOrdId = pendingClOrdId;
            orderQty = replaceQty;
            price = replacePrice;
            stopPx = replaceStopPx;
            clearPending();
        }
    }

    @Override
    public String toString()
    {
        return "Order{key=" + orderKey + ", clOrdId=" + clOrdId + ", " + side + " " + Fixed.toString(orderQty) +
            " " + symbol + "@" + venueId + ", state=" + state + ", cumQty=" + Fixed.toString(cumQty) + "}";
    }

    /** A client request on the order that waits for the venue. */
    public enum PendingRequest
    {
        NONE,
        CANCEL,
        REPLACE
    }
}
