package io.cryptofix.order;

import io.cryptofix.config.TimeoutRule;
import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;

/**
 * One thing that happened to an order, or one answer to a client: its {@link OrderEventType} and what
 * that type carries. A flyweight: the order core fills one instance per event and hands it to its
 * {@link OrderEventSink}, which must copy what it keeps before returning (nothing is allocated per
 * event). A journal reader fills one the same way to replay what happened.
 *
 * <p>{@link #order()} is the order right after the event; null for answers about no order. Which
 * other fields an event carries follows from its type:
 * <ul>
 *   <li>SUBMITTED, HELD: the order's terms (key, session, ClOrdID, symbol, venue, side, types,
 *       quantity, prices, expiry, timeout); SUBMITTED also its placement; a Text for the New report.</li>
 *   <li>SUBMITTED, VENUE_SUBMIT: the placement: {@link #attempt}, the venue's order type, time in
 *       force, quantity and prices.</li>
 *   <li>VENUE_CANCEL: {@link #cancelCause}. VENUE_AMEND, PENDING_REPLACE, REPLACED, REPLACED_FILLED:
 *       the new quantity and prices; REPLACED and CANCELED also the ClOrdID the order is known by
 *       from then on, and OrigClOrdID.</li>
 *   <li>PARTIAL_FILL, FULL_FILL: LastQty and LastPx. NEW, ACKNOWLEDGED, REPLACED: the venue's order id.</li>
 *   <li>PENDING_CANCEL, PENDING_REPLACE: the request's ClOrdID, and OrigClOrdID.</li>
 *   <li>CANCEL_REJECTED, REQUEST_REFUSED: the refused request's ClOrdID and OrigClOrdID,
 *       {@link #cxlRejReason}, {@link #replaceRefused}.</li>
 *   <li>Answers: the client's command, and what the answer needs (reason, counts).</li>
 * </ul>
 * ExecutionReports carry an {@link #execId}; most events a Text.
 */
public final class OrderEvent
{
    private OrderEventType type;
    private Order order;
    private long timeMillis;
    private long sessionId;
    private boolean resent;

    private long orderKey;
    private String symbol;
    private String venueId;
    private Side side;
    private OrdType ordType;
    private TimeInForce timeInForce;
    private boolean postOnly;
    private long expireTimeMillis;
    private long timeoutMillis;
    private TimeoutRule timeoutRule;
    private String clientCompId;
    private long receivedTimeNanos;

    private String clOrdId;
    private String origClOrdId;
    private long execId;
    private String text;
    private long orderQty;
    private long price;
    private long stopPx;
    private long lastQty;
    private long lastPx;

    private String venueOrderId;
    private int attempt;
    private OrdType venueOrdType;
    private TimeInForce venueTimeInForce;
    private long venueQuantity;
    private long venuePrice;
    private long venueStopPx;
    private VenueCancelCause cancelCause = VenueCancelCause.NONE;

    private CxlRejReason cxlRejReason;
    private boolean replaceRefused;
    private OrdRejReason ordRejReason;

    private NewOrderCommand newOrder;
    private OrderStatusCommand statusRequest;
    private MassCancelCommand massCancel;
    private MassStatusCommand massStatus;
    private int totNumReports;
    private boolean lastReport;
    private boolean accepted;
    private int affectedOrders;

    /**
     * Starts a new event, forgetting everything the previous one carried. The event's identity
     * fields (key, session, symbol, venue, side, ClOrdID, venue order id, placement) start as the order's.
     */
    public OrderEvent reset(final OrderEventType type, final Order order, final long timeMillis)
    {
        this.type = type;
        this.order = order;
        this.timeMillis = timeMillis;
        resent = false;
        text = null;
        origClOrdId = null;
        execId = 0;
        lastQty = 0;
        lastPx = 0;
        cancelCause = VenueCancelCause.NONE;
        cxlRejReason = null;
        replaceRefused = false;
        ordRejReason = null;
        newOrder = null;
        statusRequest = null;
        massCancel = null;
        massStatus = null;
        totNumReports = 0;
        lastReport = false;
        accepted = false;
        affectedOrders = 0;
        timeoutRule = null;
        clientCompId = null;
        if (order == null)
        {
            orderKey = 0;
            sessionId = 0;
            symbol = null;
            venueId = null;
            side = null;
            ordType = null;
            timeInForce = null;
            postOnly = false;
            clOrdId = null;
            orderQty = 0;
            price = 0;
            stopPx = 0;
            expireTimeMillis = 0;
            timeoutMillis = 0;
            receivedTimeNanos = 0;
            venueOrderId = null;
            attempt = -1;
            venueOrdType = null;
            venueTimeInForce = null;
            venueQuantity = 0;
            venuePrice = 0;
            venueStopPx = 0;
            return this;
        }
        orderKey = order.orderKey();
        sessionId = order.sessionId();
        symbol = order.symbol();
        venueId = order.venueId();
        side = order.side();
        ordType = order.ordType();
        timeInForce = order.timeInForce();
        postOnly = order.postOnly();
        clOrdId = order.clOrdId();
        orderQty = order.orderQty();
        price = order.price();
        stopPx = order.stopPx();
        expireTimeMillis = order.expireTimeMillis();
        timeoutMillis = order.timeoutMillis();
        receivedTimeNanos = order.receivedTimeNanos();
        venueOrderId = order.venueOrderId();
        attempt = order.venueAttempt();
        venueOrdType = order.venueOrdType();
        venueTimeInForce = order.venueTimeInForce();
        venueQuantity = order.venueQuantity();
        venuePrice = order.venuePrice();
        venueStopPx = order.venueStopPx();
        return this;
    }

    /** Makes this event a copy of {@code other}, its order the same order: for keeping an event past its sink. */
    public OrderEvent copyFrom(final OrderEvent other)
    {
        this.type = other.type;
        this.order = other.order;
        this.timeMillis = other.timeMillis;
        this.sessionId = other.sessionId;
        this.resent = other.resent;
        this.orderKey = other.orderKey;
        this.symbol = other.symbol;
        this.venueId = other.venueId;
        this.side = other.side;
        this.ordType = other.ordType;
        this.timeInForce = other.timeInForce;
        this.postOnly = other.postOnly;
        this.expireTimeMillis = other.expireTimeMillis;
        this.timeoutMillis = other.timeoutMillis;
        this.timeoutRule = other.timeoutRule;
        this.clientCompId = other.clientCompId;
        this.receivedTimeNanos = other.receivedTimeNanos;
        this.clOrdId = other.clOrdId;
        this.origClOrdId = other.origClOrdId;
        this.execId = other.execId;
        this.text = other.text;
        this.orderQty = other.orderQty;
        this.price = other.price;
        this.stopPx = other.stopPx;
        this.lastQty = other.lastQty;
        this.lastPx = other.lastPx;
        this.venueOrderId = other.venueOrderId;
        this.attempt = other.attempt;
        this.venueOrdType = other.venueOrdType;
        this.venueTimeInForce = other.venueTimeInForce;
        this.venueQuantity = other.venueQuantity;
        this.venuePrice = other.venuePrice;
        this.venueStopPx = other.venueStopPx;
        this.cancelCause = other.cancelCause;
        this.cxlRejReason = other.cxlRejReason;
        this.replaceRefused = other.replaceRefused;
        this.ordRejReason = other.ordRejReason;
        this.newOrder = other.newOrder;
        this.statusRequest = other.statusRequest;
        this.massCancel = other.massCancel;
        this.massStatus = other.massStatus;
        this.totNumReports = other.totNumReports;
        this.lastReport = other.lastReport;
        this.accepted = other.accepted;
        this.affectedOrders = other.affectedOrders;
        return this;
    }

    /** The terms of an order coming to be (SUBMITTED, HELD); its ClOrdID, quantity and prices are set apart. */
    public OrderEvent terms(
        final long orderKey,
        final long sessionId,
        final String symbol,
        final String venueId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final boolean postOnly,
        final long expireTimeMillis,
        final long receivedTimeNanos)
    {
        this.orderKey = orderKey;
        this.sessionId = sessionId;
        this.symbol = symbol;
        this.venueId = venueId;
        this.side = side;
        this.ordType = ordType;
        this.timeInForce = timeInForce;
        this.postOnly = postOnly;
        this.expireTimeMillis = expireTimeMillis;
        this.receivedTimeNanos = receivedTimeNanos;
        return this;
    }

    /** The gateway's timeout for the order, epoch milliseconds (0 for none), and the rule that set it (null: default). */
    public OrderEvent timeout(final long timeoutMillis, final TimeoutRule rule, final String clientCompId)
    {
        this.timeoutMillis = timeoutMillis;
        this.timeoutRule = rule;
        this.clientCompId = clientCompId;
        return this;
    }

    /** Quantity and prices: an order's, or the new ones of a replace or an amend. */
    public OrderEvent quantities(final long orderQty, final long price, final long stopPx)
    {
        this.orderQty = orderQty;
        this.price = price;
        this.stopPx = stopPx;
        return this;
    }

    /** A placement at the venue. */
    public OrderEvent placement(
        final int attempt,
        final OrdType venueOrdType,
        final TimeInForce venueTimeInForce,
        final long venueQuantity,
        final long venuePrice,
        final long venueStopPx)
    {
        this.attempt = attempt;
        this.venueOrdType = venueOrdType;
        this.venueTimeInForce = venueTimeInForce;
        this.venueQuantity = venueQuantity;
        this.venuePrice = venuePrice;
        this.venueStopPx = venueStopPx;
        return this;
    }

    public OrderEvent clOrdIds(final String clOrdId, final String origClOrdId)
    {
        this.clOrdId = clOrdId;
        this.origClOrdId = origClOrdId;
        return this;
    }

    public OrderEvent fill(final long lastQty, final long lastPx)
    {
        this.lastQty = lastQty;
        this.lastPx = lastPx;
        return this;
    }

    public OrderEvent text(final String text)
    {
        this.text = text;
        return this;
    }

    public OrderEvent venueOrderId(final String venueOrderId)
    {
        this.venueOrderId = venueOrderId;
        return this;
    }

    public OrderEvent cancelCause(final VenueCancelCause cancelCause)
    {
        this.cancelCause = cancelCause;
        return this;
    }

    public OrderEvent execId(final long execId)
    {
        this.execId = execId;
        return this;
    }

    public OrderEvent sessionId(final long sessionId)
    {
        this.sessionId = sessionId;
        return this;
    }

    public OrderEvent orderKey(final long orderKey)
    {
        this.orderKey = orderKey;
        return this;
    }

    /** Told again after a restart, as it was first (PossResend): the client may have had it. */
    public OrderEvent resent(final boolean resent)
    {
        this.resent = resent;
        return this;
    }

    /** A cancel or replace refused: CxlRejReason (102), and whether a replace (CxlRejResponseTo 2) was refused. */
    public OrderEvent refusal(final CxlRejReason reason, final boolean replaceRefused)
    {
        this.cxlRejReason = reason;
        this.replaceRefused = replaceRefused;
        return this;
    }

    /** A NewOrderSingle refused; {@link #orderKey} is the key reserved for its OrderID. */
    public OrderEvent newOrderRefused(final NewOrderCommand command, final OrdRejReason reason)
    {
        this.newOrder = command;
        this.ordRejReason = reason;
        this.sessionId = command.sessionId();
        this.clOrdId = command.clOrdId();
        return this;
    }

    public OrderEvent statusRequest(final OrderStatusCommand command)
    {
        this.statusRequest = command;
        this.sessionId = command.sessionId();
        this.clOrdId = command.clOrdId();
        return this;
    }

    /** The answer to an OrderMassCancelRequest; {@link #orderKey} is the key of its OrderID. */
    public OrderEvent massCancel(final MassCancelCommand command, final boolean accepted, final int affectedOrders)
    {
        this.massCancel = command;
        this.accepted = accepted;
        this.affectedOrders = affectedOrders;
        this.sessionId = command.sessionId();
        this.clOrdId = command.clOrdId();
        return this;
    }

    public OrderEvent massStatus(final MassStatusCommand command, final int totNumReports, final boolean lastReport)
    {
        this.massStatus = command;
        this.totNumReports = totNumReports;
        this.lastReport = lastReport;
        this.sessionId = command.sessionId();
        return this;
    }

    public OrderEventType type()
    {
        return type;
    }

    /** The order right after the event; null when the event is about no order the gateway has. */
    public Order order()
    {
        return order;
    }

    /** Points the event at its order: the one it created, or, replayed, the one it belongs to. */
    public OrderEvent order(final Order order)
    {
        this.order = order;
        return this;
    }

    public long timeMillis()
    {
        return timeMillis;
    }

    /** The FIX session the event's client message goes to. */
    public long sessionId()
    {
        return sessionId;
    }

    public boolean isResent()
    {
        return resent;
    }

    public long orderKey()
    {
        return orderKey;
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

    public long timeoutMillis()
    {
        return timeoutMillis;
    }

    public TimeoutRule timeoutRule()
    {
        return timeoutRule;
    }

    public String clientCompId()
    {
        return clientCompId;
    }

    public long receivedTimeNanos()
    {
        return receivedTimeNanos;
    }

    /** ClOrdID (11) to tell: the order's, the request's, or the refused request's. */
    public String clOrdId()
    {
        return clOrdId;
    }

    /** OrigClOrdID (41) to tell, or null. */
    public String origClOrdId()
    {
        return origClOrdId;
    }

    public long execId()
    {
        return execId;
    }

    public String text()
    {
        return text;
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

    public long lastQty()
    {
        return lastQty;
    }

    public long lastPx()
    {
        return lastPx;
    }

    public String venueOrderId()
    {
        return venueOrderId;
    }

    /** The placement at the venue: 0 for the first; the venue's client order id derives from it. */
    public int attempt()
    {
        return attempt;
    }

    public OrdType venueOrdType()
    {
        return venueOrdType;
    }

    public TimeInForce venueTimeInForce()
    {
        return venueTimeInForce;
    }

    public long venueQuantity()
    {
        return venueQuantity;
    }

    public long venuePrice()
    {
        return venuePrice;
    }

    public long venueStopPx()
    {
        return venueStopPx;
    }

    public VenueCancelCause cancelCause()
    {
        return cancelCause;
    }

    public CxlRejReason cxlRejReason()
    {
        return cxlRejReason;
    }

    /** For a refusal: true if a cancel/replace (CxlRejResponseTo 2) was refused, false for a cancel (1). */
    public boolean replaceRefused()
    {
        return replaceRefused;
    }

    public OrdRejReason ordRejReason()
    {
        return ordRejReason;
    }

    public NewOrderCommand newOrder()
    {
        return newOrder;
    }

    public OrderStatusCommand statusRequest()
    {
        return statusRequest;
    }

    public MassCancelCommand massCancel()
    {
        return massCancel;
    }

    public MassStatusCommand massStatus()
    {
        return massStatus;
    }

    /** TotNumReports (911) of a mass status report. */
    public int totNumReports()
    {
        return totNumReports;
    }

    /** LastRptRequested (912) of a mass status report. */
    public boolean lastReport()
    {
        return lastReport;
    }

    /** Whether an OrderMassCancelRequest was accepted; when not, {@link #text} says why. */
    public boolean accepted()
    {
        return accepted;
    }

    /** TotalAffectedOrders (533). */
    public int affectedOrders()
    {
        return affectedOrders;
    }

    @Override
    public String toString()
    {
        return type + (order != null ? " " + order : " order " + orderKey) + (text != null ? " \"" + text + "\"" : "");
    }
}
