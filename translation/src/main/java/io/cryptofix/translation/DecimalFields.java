package io.cryptofix.translation;

import org.agrona.DirectBuffer;

/**
 * Holds the decimal fields the gateway reads, OrderQty (38), Price (44) and StopPx (99), to FIX's
 * own syntax for a float: digits, at most one decimal point, an optional leading minus. Artio's
 * decoder is more lenient: it takes spaces around the number and an exponent ({@code 1e5}), and
 * multiplies the exponent out without checking for overflow, so {@code 184467440737095517e2} decodes
 * as 84. Such a value is refused before it is read as a number.
 */
public final class DecimalFields
{
    private static final int ORDER_QTY = 38;
    private static final int PRICE = 44;
    private static final int STOP_PX = 99;
    private static final byte SOH = 1;

    private DecimalFields()
    {
    }

    /**
     * @param buffer  a whole FIX message from {@code offset}, {@code length} bytes long.
     * @return null if each of the message's decimal fields the gateway reads is a FIX float, else the
     *     first that is not.
     */
    public static FieldProblem check(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        int position = offset;
        while (position < end)
        {
            int tag = 0;
            int index = position;
            byte b;
            while (index < end && (b = buffer.getByte(index)) >= '0' && b <= '9' && tag < 100_000)
            {
                tag = tag * 10 + (b - '0');
                index++;
            }
            int valueEnd = index;
            while (valueEnd < end && buffer.getByte(valueEnd) != SOH)
            {
                valueEnd++;
            }
            final boolean decimal = tag == ORDER_QTY || tag == PRICE || tag == STOP_PX;
            if (decimal && index < end && buffer.getByte(index) == '=' && !isFixFloat(buffer, index + 1, valueEnd))
            {
                return new FieldProblem(tag, FieldProblem.INCORRECT_DATA_FORMAT,
                    name(tag) + " (" + tag + ") '" + excerpt(buffer, index + 1, valueEnd) + "' is not a FIX " +
                    "decimal: digits with at most one decimal point and an optional leading minus, no exponent");
            }
            position = valueEnd + 1;
        }
        return null;
    }

    /** {@code -?digits[.digits]}, {@code -?digits.} or {@code -?.digits}: at least one digit. */
    static boolean isFixFloat(final DirectBuffer buffer, final int from, final int to)
    {
        int index = from;
        if (index < to && buffer.getByte(index) == '-')
        {
            index++;
        }
        boolean digits = false;
        boolean point = false;
        for (; index < to; index++)
        {
            final byte b = buffer.getByte(index);
            if (b >= '0' && b <= '9')
            {
                digits = true;
            }
            else if (b == '.' && !point)
            {
                point = true;
            }
            else
            {
                return false;
            }
        }
        return digits;
    }

    private static String name(final int tag)
    {
        switch (tag)
        {
            case ORDER_QTY: return "OrderQty";
            case PRICE: return "Price";
            default: return "StopPx";
        }
    }

    private static String excerpt(final DirectBuffer buffer, final int from, final int to)
    {
        final StringBuilder head = new StringBuilder(ClientText.EXCERPT_LENGTH);
        for (int i = from; i < to && head.length() < ClientText.EXCERPT_LENGTH; i++)
        {
            head.append((char)(buffer.getByte(i) & 0xFF));
        }
        return ClientText.excerpt(head, to - from);
    }
}
