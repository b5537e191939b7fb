package io.cryptofix.store;

import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.OrderState;

/**
 * A decoded journal event (see {@link OrderEventCodec}): what happened, and the order right after.
 * Prices and quantities are {@link Fixed}; {@code timeNanos} is when it was journaled (epoch
 * nanoseconds), the order's own times are epoch milliseconds.
 */
public record JournalEvent(
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
    String symbol,
    String venueId,
    String venueOrderId,
    String text)
{
    /** CxlRejResponseTo (434) of a {@link OrderEventKind#CANCEL_REJECT}: a cancel was refused. */
    public static final char CANCEL_REJECTED = '1';
    /** CxlRejResponseTo (434) of a {@link OrderEventKind#CANCEL_REJECT}: a cancel/replace was refused. */
    public static final char REPLACE_REJECTED = '2';

    /**
     * For a {@link OrderEventKind#CANCEL_REJECT}: CxlRejResponseTo (434), {@link #CANCEL_REJECTED}
     * or {@link #REPLACE_REJECTED}; 0 for any other event, and for refusals journaled before it was kept.
     */
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
        if (text != null)
        {
            line.append(" text=\"").append(text).append('"');
        }
        return line.toString();
    }
}
