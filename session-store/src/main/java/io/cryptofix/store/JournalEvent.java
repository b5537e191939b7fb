package io.cryptofix.store;

import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.OrderEventType;
import io.cryptofix.order.OrderState;

/**
 * A decoded journal event (see {@link OrderEventCodec}): what happened, what the event said, and the
 * order right after. Prices and quantities are {@link Fixed}; {@code timeNanos} is when it was
 * journaled (epoch nanoseconds), the order's own times are epoch milliseconds.
 *
 * @param type          the domain event; null for events read back from the system of record before it kept them.
 * @param execType      for a {@link OrderEventKind#REPORT}, ExecType (150); for a {@link OrderEventKind#CANCEL_REJECT},
 *                      CxlRejResponseTo (434); otherwise 0.
 * @param execId        for a report, the number its ExecID (17) ends with; for a cancel reject, CxlRejReason (102).
 * @param clOrdId       the event's ClOrdID: the report's, or the request's.
 * @param orderClOrdId  the ClOrdID the order is known by after the event; null where not kept.
 * @param details       what only the journal keeps (the order's other states, a request's terms, a
 *                      placement's), for replaying it; {@link Details#NONE} where not kept.
 */
public record JournalEvent(
    OrderEventType type,
    OrderEventKind kind,
    char execType,
    int state,
    int side,
    int ordType,
    int timeInForce,
    boolean postOnly,
    int venueAttempt,
    long timeNanos,
    long orderKey,
    long sessionId,
    long execId,
    long lastQty,
    long lastPx,
    long orderQty,
    long price,
    long stopPx,
    long cumQty,
    long avgPx,
    long expireTimeMillis,
    long deadlineMillis,
    long createdMillis,
    String clOrdId,
    String origClOrdId,
    String orderClOrdId,
    String symbol,
    String venueId,
    String venueOrderId,
    String text,
    Details details)
{
    /** CxlRejResponseTo (434) of a {@link OrderEventKind#CANCEL_REJECT}: a cancel was refused. */
    public static final char CANCEL_REJECTED = '1';
    /** CxlRejResponseTo (434) of a {@link OrderEventKind#CANCEL_REJECT}: a cancel/replace was refused. */
    public static final char REPLACE_REJECTED = '2';

    /**
     * What the journal keeps beyond what people read: enough to replay the event through the order's tables.
     *
     * @param resent           told again after a restart (PossResend): not a change of the order.
     * @param pending          the client's request in flight after the event ({@code PendingRequest} ordinal).
     * @param leg              the order at its venue after the event ({@code VenueLeg} ordinal).
     * @param cancelCause      a VENUE_CANCEL's cause ({@code VenueCancelCause} ordinal).
     * @param venueOrdType     the placement's OrdType ordinal, -1 for none.
     * @param venueTimeInForce the placement's TimeInForce ordinal, -1 for none.
     * @param timeoutMillis    the order's timeout after the event; 0 for none.
     * @param requestQty       the quantity the event names: an order's, a replace's or an amend's.
     * @param account          the order's Account (1), the venue account it trades in; null for none.
     */
    public record Details(
        boolean resent,
        int pending,
        int leg,
        int cancelCause,
        int venueOrdType,
        int venueTimeInForce,
        long timeoutMillis,
        long requestQty,
        long requestPrice,
        long requestStopPx,
        long venueQuantity,
        long venuePrice,
        long venueStopPx,
        String account)
    {
        public static final Details NONE = new Details(false, 0, 0, 0, -1, -1, 0, 0, 0, 0, 0, 0, 0, null);
    }

    /** For a {@link OrderEventKind#CANCEL_REJECT}: CxlRejResponseTo (434), 0 for any other event. */
    public char cxlRejResponseTo()
    {
        return kind == OrderEventKind.CANCEL_REJECT ? execType : 0;
    }

    /** For a {@link OrderEventKind#CANCEL_REJECT}: CxlRejReason (102). */
    public int cxlRejReason()
    {
        return kind == OrderEventKind.CANCEL_REJECT ? (int)execId : 0;
    }

    public OrderState orderState()
    {
        return OrderState.values()[state];
    }

    public Side orderSide()
    {
        return Side.values()[side];
    }

    public OrdType orderType()
    {
        return OrdType.values()[ordType];
    }

    public TimeInForce orderTimeInForce()
    {
        return TimeInForce.values()[timeInForce];
    }

    /** One line for people: what happened and where the order stood. */
    public String describe()
    {
        final StringBuilder line = new StringBuilder(128);
        line.append(kind == OrderEventKind.REPORT ? "report ExecType=" + execType : kind.name().toLowerCase().replace('_', ' '))
            .append(" order=").append(orderKey)
            .append(" ClOrdID=").append(clOrdId);
        if (origClOrdId != null)
        {
            line.append(" OrigClOrdID=").append(origClOrdId);
        }
        line.append(' ').append(orderSide()).append(' ').append(Fixed.toString(orderQty)).append(' ').append(symbol)
            .append(" ").append(orderType());
        if (price != 0)
        {
            line.append(" @").append(Fixed.toString(price));
        }
        line.append(" venue=").append(venueId);
        if (kind != OrderEventKind.REPORT)
        {
            line.append(" placement=").append(venueAttempt);
        }
        if (venueOrderId != null)
        {
            line.append(" venueOrderId=").append(venueOrderId);
        }
        line.append(" state=").append(orderState()).append(" cumQty=").append(Fixed.toString(cumQty));
        if (lastQty != 0)
        {
            line.append(" last=").append(Fixed.toString(lastQty)).append('@').append(Fixed.toString(lastPx));
        }
        if (cxlRejResponseTo() != 0)
        {
            line.append(" CxlRejResponseTo=").append(cxlRejResponseTo()).append(" CxlRejReason=").append(cxlRejReason());
        }
        if (details.resent())
        {
            line.append(" PossResend");
        }
        if (text != null)
        {
            line.append(" text=\"").append(text).append('"');
        }
        return line.toString();
    }
}
