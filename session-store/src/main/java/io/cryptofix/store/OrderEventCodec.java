package io.cryptofix.store;

import io.cryptofix.order.Order;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * One order event as the journal keeps it: what happened (a report to the client, or a request to
 * the venue) and the order as it stood right after, so that replaying the journal gives every
 * order's latest state without re-running the order core. Fixed fields first, then ASCII strings,
 * each with an int length; little-endian. The time is when the event was journaled, in epoch
 * nanoseconds of the clock the FIX engine stamps messages with, so that events and FIX messages
 * fall in order. Encoding writes into a reused buffer: nothing allocated.
 */
public final class OrderEventCodec
{
    /** Version of the layout below; a journal written with another is refused, never misread. */
    public static final short VERSION = 1;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int VERSION_AT = 0;
    private static final int KIND_AT = VERSION_AT + Short.BYTES;
    private static final int EXEC_TYPE_AT = KIND_AT + 1;
    private static final int STATE_AT = EXEC_TYPE_AT + 1;
    private static final int SIDE_AT = STATE_AT + 1;
    private static final int ORD_TYPE_AT = SIDE_AT + 1;
    private static final int TIME_IN_FORCE_AT = ORD_TYPE_AT + 1;
    private static final int POST_ONLY_AT = TIME_IN_FORCE_AT + 1;
    private static final int VENUE_ATTEMPT_AT = POST_ONLY_AT + 1;
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
    private static final int STRINGS_AT = CREATED_AT + Long.BYTES;

    /** Longest string kept; longer ones (only a Text could be) are cut. */
    static final int MAX_STRING = 256;
    /** Room one encoded event needs at most. */
    public static final int MAX_LENGTH = STRINGS_AT + 6 * (Integer.BYTES + MAX_STRING);

    private OrderEventCodec()
    {
    }

    /**
     * @param kind      what happened.
     * @param execType  for a {@link OrderEventKind#REPORT}, ExecType (150) of the report; for a
     *                  {@link OrderEventKind#CANCEL_REJECT}, CxlRejResponseTo (434); otherwise 0.
     * @param execId    for a report, the number its ExecID (17) ends with; for a cancel reject, its
     *                  CxlRejReason (102); otherwise 0.
     * @return the length written.
     */
    public static int encode(
        final MutableDirectBuffer buffer,
        final OrderEventKind kind,
        final char execType,
        final Order order,
        final String clOrdId,
        final String origClOrdId,
        final long execId,
        final long lastQty,
        final long lastPx,
        final String text,
        final long timeNanos)
    {
        buffer.putShort(VERSION_AT, VERSION, ORDER);
        buffer.putByte(KIND_AT, (byte)kind.ordinal());
        buffer.putByte(EXEC_TYPE_AT, (byte)execType);
        buffer.putByte(STATE_AT, (byte)order.state().ordinal());
        buffer.putByte(SIDE_AT, (byte)order.side().ordinal());
        buffer.putByte(ORD_TYPE_AT, (byte)order.ordType().ordinal());
        buffer.putByte(TIME_IN_FORCE_AT, (byte)order.timeInForce().ordinal());
        buffer.putByte(POST_ONLY_AT, (byte)(order.postOnly() ? 1 : 0));
        buffer.putInt(VENUE_ATTEMPT_AT, order.venueAttempt(), ORDER);
        buffer.putLong(TIME_AT, timeNanos, ORDER);
        buffer.putLong(ORDER_KEY_AT, order.orderKey(), ORDER);
        buffer.putLong(SESSION_AT, order.sessionId(), ORDER);
        buffer.putLong(EXEC_ID_AT, execId, ORDER);
        buffer.putLong(LAST_QTY_AT, lastQty, ORDER);
        buffer.putLong(LAST_PX_AT, lastPx, ORDER);
        buffer.putLong(ORDER_QTY_AT, order.orderQty(), ORDER);
        buffer.putLong(PRICE_AT, order.price(), ORDER);
        buffer.putLong(STOP_PX_AT, order.stopPx(), ORDER);
        buffer.putLong(CUM_QTY_AT, order.cumQty(), ORDER);
        buffer.putLong(AVG_PX_AT, order.avgPx(), ORDER);
        buffer.putLong(EXPIRE_AT, order.expireTimeMillis(), ORDER);
        buffer.putLong(DEADLINE_AT, order.deadlineMillis(), ORDER);
        buffer.putLong(CREATED_AT, order.createdMillis(), ORDER);
        int at = STRINGS_AT;
        at += putString(buffer, at, clOrdId != null ? clOrdId : order.clOrdId());
        at += putString(buffer, at, origClOrdId);
        at += putString(buffer, at, order.symbol());
        at += putString(buffer, at, order.venueId());
        at += putString(buffer, at, order.venueOrderId());
        at += putString(buffer, at, text);
        return at;
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
        if (version != VERSION)
        {
            throw new IllegalStateException("journal event of layout version " + version + ", this gateway reads " +
                VERSION);
        }
        final int[] at = {offset + STRINGS_AT};
        return new JournalEvent(
            OrderEventKind.values()[buffer.getByte(offset + KIND_AT)],
            (char)buffer.getByte(offset + EXEC_TYPE_AT),
            buffer.getByte(offset + STATE_AT),
            buffer.getByte(offset + SIDE_AT),
            buffer.getByte(offset + ORD_TYPE_AT),
            buffer.getByte(offset + TIME_IN_FORCE_AT),
            buffer.getByte(offset + POST_ONLY_AT) != 0,
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
            getString(buffer, at),
            getString(buffer, at),
            getString(buffer, at),
            getString(buffer, at),
            getString(buffer, at),
            getString(buffer, at));
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
