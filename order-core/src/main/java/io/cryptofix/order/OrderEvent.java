package io.cryptofix.order;

import io.cryptofix.config.TimeoutRule;
import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.TimeInForce;

/**
 * One thing that happened to an order, or one answer to a client: its {@link OrderEventType} and what
 * that type carries (each type's documentation says what). A flyweight: the order core fills one
 * instance per event and hands it to its {@link OrderEventSink}, which must copy what it keeps before
 * returning; nothing is allocated per event. A journal reader fills one the same way to replay what
 * happened. {@link #order()} is the order right after the event (null for answers about no order);
 * its key, session and ClOrdID start as the order's ({@link #reset}); a new order's terms are its
 * {@link #terms()}, an answer's request and counts its {@link #answer()}; every ExecutionReport has an
 * {@link #execId}.
 */
public final class OrderEvent
{
    private final OrderTerms terms = new OrderTerms();
    private final ClientAnswer answer = new ClientAnswer();
    private OrderEventType type;
    private Order order;
    private long timeMillis;
    private long sessionId;
    private long orderKey;
    private boolean resent;
    private String clOrdId;
    private String origClOrdId;
    private long execId;
    private String text;
    private long orderQty;
    private long price;
    private long stopPx;
    private long timeoutMillis;
    private TimeoutRule timeoutRule;
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
    private boolean answered;

    /**
     * Starts a new event: its key, session and ClOrdID are the order's, and what only some types carry
     * (a fill, a Text, a refusal, an answer) is cleared. Quantities, timeout and placement are set by
     * the types that carry them and are read only for those.
     */
    public OrderEvent reset(final OrderEventType type, final Order order, final long timeMillis)
    {
        this.type = type;
        this.order = order;
        this.timeMillis = timeMillis;
        resent = false;
        origClOrdId = null;
        execId = 0;
        text = null;
        timeoutRule = null;
        lastQty = 0;
        lastPx = 0;
        venueOrderId = null;
        cancelCause = VenueCancelCause.NONE;
        cxlRejReason = null;
        replaceRefused = false;
        if (answered)
        {
            answer.clear();
            answered = false;
        }
        if (order == null)
        {
            sessionId = 0;
            orderKey = 0;
            clOrdId = null;
            return this;
        }
        sessionId = order.sessionId();
        orderKey = order.orderKey();
        clOrdId = order.clOrdId();
        return this;
    }

    /** Makes this event a copy of {@code other}, its order the same order: for keeping an event past its sink. */
    public OrderEvent copyFrom(final OrderEvent other)
    {
        terms.copyFrom(other.terms);
        answer.copyFrom(other.answer);
        answered = other.answered;
        type = other.type;
        order = other.order;
        timeMillis = other.timeMillis;
        sessionId = other.sessionId;
        orderKey = other.orderKey;
        resent = other.resent;
        clOrdId = other.clOrdId;
        origClOrdId = other.origClOrdId;
        execId = other.execId;
        text = other.text;
        orderQty = other.orderQty;
        price = other.price;
        stopPx = other.stopPx;
        timeoutMillis = other.timeoutMillis;
        timeoutRule = other.timeoutRule;
        lastQty = other.lastQty;
        lastPx = other.lastPx;
        venueOrderId = other.venueOrderId;
        attempt = other.attempt;
        venueOrdType = other.venueOrdType;
        venueTimeInForce = other.venueTimeInForce;
        venueQuantity = other.venueQuantity;
        venuePrice = other.venuePrice;
        venueStopPx = other.venueStopPx;
        cancelCause = other.cancelCause;
        cxlRejReason = other.cxlRejReason;
        replaceRefused = other.replaceRefused;
        return this;
    }

    /** The key and session of an order coming to be, whose {@link #terms()} are filled apart. */
    public OrderEvent newOrder(final long orderKey, final long sessionId)
    {
        this.orderKey = orderKey;
        this.sessionId = sessionId;
        return this;
    }

    /** The gateway's timeout for the order, epoch milliseconds (0 for none), and the rule that set it (null: the default). */
    public OrderEvent timeout(final long timeoutMillis, final TimeoutRule rule)
    {
        this.timeoutMillis = timeoutMillis;
        this.timeoutRule = rule;
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

    /** Where an answer about no order goes. */
    public OrderEvent sessionId(final long sessionId)
    {
        this.sessionId = sessionId;
        return this;
    }

    /** The key of the order the event is about, or taken for the OrderID of an answer of its own. */
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

    /** A NewOrderSingle refused; {@link #orderKey} is the key taken for its OrderID. */
    OrderEvent newOrderRefused(final NewOrderCommand command, final OrdRejReason reason)
    {
        answered = true;
        answer.newOrderRefused(command, reason);
        return sessionId(command.sessionId()).clOrdIds(command.clOrdId(), null);
    }

    OrderEvent statusRequest(final OrderStatusCommand command)
    {
        answered = true;
        answer.statusRequest(command);
        return sessionId(command.sessionId()).clOrdIds(command.clOrdId(), null);
    }

    /** The answer to an OrderMassCancelRequest; {@link #orderKey} is the key of its OrderID. */
    OrderEvent massCancel(final MassCancelCommand command, final boolean accepted, final int affectedOrders)
    {
        answered = true;
        answer.massCancel(command, accepted, affectedOrders);
        return sessionId(command.sessionId()).clOrdIds(command.clOrdId(), null);
    }

    OrderEvent massStatus(final MassStatusCommand command, final int totNumReports, final boolean lastReport)
    {
        answered = true;
        answer.massStatus(command, totNumReports, lastReport);
        return sessionId(command.sessionId());
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

    /** What a SUBMITTED or HELD event's order is. */
    public OrderTerms terms()
    {
        return terms;
    }

    /** What an answer answers; empty for other events. */
    public ClientAnswer answer()
    {
        return answer;
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

    public long orderKey()
    {
        return orderKey;
    }

    public boolean isResent()
    {
        return resent;
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

    public long timeoutMillis()
    {
        return timeoutMillis;
    }

    public TimeoutRule timeoutRule()
    {
        return timeoutRule;
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

    @Override
    public String toString()
    {
        return type + (order != null ? " " + order : " order " + orderKey) + (text != null ? " \"" + text + "\"" : "");
    }
}
