package io.cryptofix.store;

import io.cryptofix.order.Order;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderEventType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * One order event as the journal keeps it: what happened and what the event said (enough to replay
 * it through the order's tables after a restart), and the order as it stood right after (for people
 * and the system of record, and to tell a client again what it was told). Fixed fields first, then
 * ASCII strings, each with an int length; little-endian. The time is when the event was journaled, in
 * epoch nanoseconds of the clock the FIX engine stamps messages with, so that events and FIX messages
 * fall in order. Encoding writes into a reused buffer: nothing allocated.
 */
public final class OrderEventCodec
{
    /**
     * Version of the layout below; a journal written with another is refused, never misread. Version 2
     * (without the order's account, the last string) is read as an order without one.
     */
    public static final short VERSION = 3;
    private static final short VERSION_WITHOUT_ACCOUNT = 2;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int VERSION_AT = 0;
    private static final int TYPE_AT = VERSION_AT + Short.BYTES;
    private static final int KIND_AT = TYPE_AT + 1;
    private static final int EXEC_TYPE_AT = KIND_AT + 1;
    private static final int STATE_AT = EXEC_TYPE_AT + 1;
    private static final int PENDING_AT = STATE_AT + 1;
    private static final int LEG_AT = PENDING_AT + 1;
    private static final int SIDE_AT = LEG_AT + 1;
    private static final int ORD_TYPE_AT = SIDE_AT + 1;
    private static final int TIME_IN_FORCE_AT = ORD_TYPE_AT + 1;
    private static final int FLAGS_AT = TIME_IN_FORCE_AT + 1;
    private static final int CANCEL_CAUSE_AT = FLAGS_AT + 1;
    private static final int VENUE_ORD_TYPE_AT = CANCEL_CAUSE_AT + 1;
    private static final int VENUE_TIME_IN_FORCE_AT = VENUE_ORD_TYPE_AT + 1;
    private static final int VENUE_ATTEMPT_AT = VENUE_TIME_IN_FORCE_AT + 1;
    private static final int TIME_AT = VENUE_ATTEMPT_AT + Integer.BYTES;
    private static final int ORDER_KEY_AT = TIME_AT + Long.BYTES;
    private static final int SESSION_AT = ORDER_KEY_AT + Long.BYTES;
    private static final int EXEC_ID_AT = SESSION_AT + Long.BYTES;
    private static final int LAST_QTY_AT = EXEC_ID_AT + Long.BYTES;
    private static final int LAST_PX_AT = LAST_QTY_AT + Long.BYTES;
    private static final int ORDER_QTY_AT = LAST_PX_AT + Long.BYTES;
    private static final int PRICE_AT = ORDER_QTY_AT + Long.BYTES;
    private static final int STOP_PX_AT = PRICE_AT + Long.BYTES;
    private static final int CUM_QTY_AT = STOP_PX_AT + Long.BYTES;
    private static final int AVG_PX_AT = CUM_QTY_AT + Long.BYTES;
    private static final int EXPIRE_AT = AVG_PX_AT + Long.BYTES;
    private static final int DEADLINE_AT = EXPIRE_AT + Long.BYTES;
    private static final int CREATED_AT = DEADLINE_AT + Long.BYTES;
    private static final int TIMEOUT_AT = CREATED_AT + Long.BYTES;
    private static final int REQUEST_QTY_AT = TIMEOUT_AT + Long.BYTES;
    private static final int REQUEST_PRICE_AT = REQUEST_QTY_AT + Long.BYTES;
    private static final int REQUEST_STOP_PX_AT = REQUEST_PRICE_AT + Long.BYTES;
    private static final int VENUE_QTY_AT = REQUEST_STOP_PX_AT + Long.BYTES;
    private static final int VENUE_PRICE_AT = VENUE_QTY_AT + Long.BYTES;
    private static final int VENUE_STOP_PX_AT = VENUE_PRICE_AT + Long.BYTES;
    private static final int STRINGS_AT = VENUE_STOP_PX_AT + Long.BYTES;
    private static final int STRINGS = 8;
    private static final int RESENT = 1;
    private static final int POST_ONLY = 2;

    /** Longest string kept; longer ones (only a Text could be) are cut. */
    static final int MAX_STRING = 256;
    /** Room one encoded event needs at most. */
    public static final int MAX_LENGTH = STRINGS_AT + STRINGS * (Integer.BYTES + MAX_STRING);

    private OrderEventCodec()
    {
    }

    /**
     * @param event  a journaled event of an order, as the order core emitted it (its order already changed).
     * @return the length written.
     */
    public static int encode(final MutableDirectBuffer buffer, final OrderEvent event, final long timeNanos)
    {
        final Order order = event.order();
        final OrderEventType type = event.type();
        final OrderEventKind kind = OrderEventKind.of(type);
        final boolean refusal = kind == OrderEventKind.CANCEL_REJECT;
        buffer.putShort(VERSION_AT, VERSION, ORDER);
        buffer.putByte(TYPE_AT, (byte)type.ordinal());
        buffer.putByte(KIND_AT, (byte)kind.ordinal());
        buffer.putByte(EXEC_TYPE_AT, (byte)(kind == OrderEventKind.REPORT ? type.execType().fixValue() :
            refusal ? (event.replaceRefused() ? JournalEvent.REPLACE_REJECTED : JournalEvent.CANCEL_REJECTED) : 0));
        buffer.putByte(STATE_AT, (byte)order.state().ordinal());
        buffer.putByte(PENDING_AT, (byte)order.pending().ordinal());
        buffer.putByte(LEG_AT, (byte)order.leg().ordinal());
        buffer.putByte(SIDE_AT, (byte)order.side().ordinal());
        buffer.putByte(ORD_TYPE_AT, (byte)order.ordType().ordinal());
        buffer.putByte(TIME_IN_FORCE_AT, (byte)order.timeInForce().ordinal());
        buffer.putByte(FLAGS_AT, (byte)((event.isResent() ? RESENT : 0) | (order.postOnly() ? POST_ONLY : 0)));
        buffer.putByte(CANCEL_CAUSE_AT, (byte)event.cancelCause().ordinal());
        // the order's latest placement: after a SUBMITTED or VENUE_SUBMIT, the event's own
        buffer.putByte(VENUE_ORD_TYPE_AT, (byte)(order.venueOrdType() == null ? -1 : order.venueOrdType().ordinal()));
        buffer.putByte(VENUE_TIME_IN_FORCE_AT,
            (byte)(order.venueTimeInForce() == null ? -1 : order.venueTimeInForce().ordinal()));
        buffer.putInt(VENUE_ATTEMPT_AT, order.venueAttempt(), ORDER);
        buffer.putLong(TIME_AT, timeNanos, ORDER);
        buffer.putLong(ORDER_KEY_AT, order.orderKey(), ORDER);
        buffer.putLong(SESSION_AT, order.sessionId(), ORDER);
        buffer.putLong(EXEC_ID_AT, refusal ? event.cxlRejReason().fixValue() : event.execId(), ORDER);
        buffer.putLong(LAST_QTY_AT, event.lastQty(), ORDER);
        buffer.putLong(LAST_PX_AT, event.lastPx(), ORDER);
        buffer.putLong(ORDER_QTY_AT, order.orderQty(), ORDER);
        buffer.putLong(PRICE_AT, order.price(), ORDER);
        buffer.putLong(STOP_PX_AT, order.stopPx(), ORDER);
        buffer.putLong(CUM_QTY_AT, order.cumQty(), ORDER);
        buffer.putLong(AVG_PX_AT, order.avgPx(), ORDER);
        buffer.putLong(EXPIRE_AT, order.expireTimeMillis(), ORDER);
        buffer.putLong(DEADLINE_AT, order.deadlineMillis(), ORDER);
        buffer.putLong(CREATED_AT, order.createdMillis(), ORDER);
        buffer.putLong(TIMEOUT_AT, order.timeoutMillis(), ORDER);
        final boolean carriesTerms = carriesTerms(type);
        buffer.putLong(REQUEST_QTY_AT, carriesTerms ? event.orderQty() : 0, ORDER);
        buffer.putLong(REQUEST_PRICE_AT, carriesTerms ? event.price() : 0, ORDER);
        buffer.putLong(REQUEST_STOP_PX_AT, carriesTerms ? event.stopPx() : 0, ORDER);
        buffer.putLong(VENUE_QTY_AT, order.venueQuantity(), ORDER);
        buffer.putLong(VENUE_PRICE_AT, order.venuePrice(), ORDER);
        buffer.putLong(VENUE_STOP_PX_AT, order.venueStopPx(), ORDER);
        int at = STRINGS_AT;
        at += putString(buffer, at, event.clOrdId());
        at += putString(buffer, at, event.origClOrdId());
        at += putString(buffer, at, order.clOrdId());
        at += putString(buffer, at, order.symbol());
        at += putString(buffer, at, order.venueId());
        at += putString(buffer, at, order.venueOrderId());
        at += putString(buffer, at, event.text());
        at += putString(buffer, at, order.account());
        return at;
    }

    /** Whether the event names a quantity and prices of its own: an order's, or a replace's or an amend's new ones. */
    private static boolean carriesTerms(final OrderEventType type)
    {
        switch (type)
        {
            case SUBMITTED:
            case HELD:
            case VENUE_AMEND:
            case PENDING_REPLACE:
            case REPLACED:
            case REPLACED_FILLED:
                return true;
            default:
                return false;
        }
    }

    private static int putString(final MutableDirectBuffer buffer, final int at, final String value)
    {
        if (value == null)
        {
            buffer.putInt(at, -1, ORDER);
            return Integer.BYTES;
        }
        final int length = Math.min(value.length(), MAX_STRING);
        buffer.putInt(at, length, ORDER);
        for (int i = 0; i < length; i++)
        {
            final char c = value.charAt(i);
            buffer.putByte(at + Integer.BYTES + i, (byte)(c < 128 ? c : '?'));
        }
        return Integer.BYTES + length;
    }

    /** Reads an encoded event; a reader for the journal's replay and audit, not the duty cycle. */
    public static JournalEvent decode(final DirectBuffer buffer, final int offset)
    {
        final short version = buffer.getShort(offset + VERSION_AT, ORDER);
        if (version != VERSION && version != VERSION_WITHOUT_ACCOUNT)
        {
            throw new IllegalStateException("journal event of layout version " + version + ", this gateway reads " +
                VERSION + ": stop the gateway that wrote it with no order open and start this one on a new data " +
                "directory (see docs/operations.md, upgrading)");
        }
        final int[] at = {offset + STRINGS_AT};
        final String[] strings = new String[STRINGS];
        for (int i = 0; i < (version == VERSION ? STRINGS : STRINGS - 1); i++)
        {
            strings[i] = getString(buffer, at);
        }
        final int flags = buffer.getByte(offset + FLAGS_AT);
        final JournalEvent.Details details = new JournalEvent.Details(
            (flags & RESENT) != 0,
            buffer.getByte(offset + PENDING_AT),
            buffer.getByte(offset + LEG_AT),
            buffer.getByte(offset + CANCEL_CAUSE_AT),
            buffer.getByte(offset + VENUE_ORD_TYPE_AT),
            buffer.getByte(offset + VENUE_TIME_IN_FORCE_AT),
            buffer.getLong(offset + TIMEOUT_AT, ORDER),
            buffer.getLong(offset + REQUEST_QTY_AT, ORDER),
            buffer.getLong(offset + REQUEST_PRICE_AT, ORDER),
            buffer.getLong(offset + REQUEST_STOP_PX_AT, ORDER),
            buffer.getLong(offset + VENUE_QTY_AT, ORDER),
            buffer.getLong(offset + VENUE_PRICE_AT, ORDER),
            buffer.getLong(offset + VENUE_STOP_PX_AT, ORDER),
            strings[7]);
        return new JournalEvent(
            OrderEventType.of(buffer.getByte(offset + TYPE_AT)),
            OrderEventKind.values()[buffer.getByte(offset + KIND_AT)],
            (char)buffer.getByte(offset + EXEC_TYPE_AT),
            buffer.getByte(offset + STATE_AT),
            buffer.getByte(offset + SIDE_AT),
            buffer.getByte(offset + ORD_TYPE_AT),
            buffer.getByte(offset + TIME_IN_FORCE_AT),
            (flags & POST_ONLY) != 0,
            buffer.getInt(offset + VENUE_ATTEMPT_AT, ORDER),
            buffer.getLong(offset + TIME_AT, ORDER),
            buffer.getLong(offset + ORDER_KEY_AT, ORDER),
            buffer.getLong(offset + SESSION_AT, ORDER),
            buffer.getLong(offset + EXEC_ID_AT, ORDER),
            buffer.getLong(offset + LAST_QTY_AT, ORDER),
            buffer.getLong(offset + LAST_PX_AT, ORDER),
            buffer.getLong(offset + ORDER_QTY_AT, ORDER),
            buffer.getLong(offset + PRICE_AT, ORDER),
            buffer.getLong(offset + STOP_PX_AT, ORDER),
            buffer.getLong(offset + CUM_QTY_AT, ORDER),
            buffer.getLong(offset + AVG_PX_AT, ORDER),
            buffer.getLong(offset + EXPIRE_AT, ORDER),
            buffer.getLong(offset + DEADLINE_AT, ORDER),
            buffer.getLong(offset + CREATED_AT, ORDER),
            strings[0],
            strings[1],
            strings[2],
            strings[3],
            strings[4],
            strings[5],
            strings[6],
            details);
    }

    private static String getString(final DirectBuffer buffer, final int[] at)
    {
        final int length = buffer.getInt(at[0], ORDER);
        at[0] += Integer.BYTES;
        if (length < 0)
        {
            return null;
        }
        final String value = buffer.getStringWithoutLengthAscii(at[0], length);
        at[0] += length;
        return value;
    }
}
