package io.cryptofix.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes FIX 4.4 messages straight into a byte array, computing BodyLength and CheckSum, with no
 * allocation per message: the load generator must cost far less than what it measures.
 */
final class FixMessageWriter
{
    private static final byte SOH = 1;
    private static final int HEADER_ROOM = 32;
    private static final byte[] BEGIN_STRING = "8=FIX.4.4\u00019=".getBytes(StandardCharsets.US_ASCII);

    private final byte[] buffer = new byte[4096];
    private final byte[] digits = new byte[20];
    private int bodyStart;
    private int position;
    private int messageStart;

    FixMessageWriter begin(final String msgType)
    {
        bodyStart = HEADER_ROOM;
        position = HEADER_ROOM;
        return field(35, msgType);
    }

    FixMessageWriter field(final int tag, final String value)
    {
        tag(tag);
        for (int i = 0; i < value.length(); i++)
        {
            buffer[position++] = (byte)value.charAt(i);
        }
        buffer[position++] = SOH;
        return this;
    }

    FixMessageWriter field(final int tag, final byte[] value)
    {
        tag(tag);
        System.arraycopy(value, 0, buffer, position, value.length);
        position += value.length;
        buffer[position++] = SOH;
        return this;
    }

    FixMessageWriter field(final int tag, final long value)
    {
        tag(tag);
        putLong(value);
        buffer[position++] = SOH;
        return this;
    }

    /**
     * Completes the message: BeginString and BodyLength in front, CheckSum behind.
     *
     * @return this, with {@link #writeTo} ready.
     */
    FixMessageWriter finish()
    {
        final int bodyLength = position - bodyStart;
        int lengthDigits = 0;
        long remaining = bodyLength;
        do
        {
            digits[lengthDigits++] = (byte)('0' + remaining % 10);
            remaining /= 10;
        }
        while (remaining > 0);

        messageStart = bodyStart - 1 - lengthDigits - BEGIN_STRING.length;
        System.arraycopy(BEGIN_STRING, 0, buffer, messageStart, BEGIN_STRING.length);
        int index = messageStart + BEGIN_STRING.length;
        for (int i = lengthDigits - 1; i >= 0; i--)
        {
            buffer[index++] = digits[i];
        }
        buffer[index] = SOH;

        int checksum = 0;
        for (int i = messageStart; i < position; i++)
        {
            checksum += buffer[i];
        }
        checksum &= 0xFF;
        buffer[position++] = '1';
        buffer[position++] = '0';
        buffer[position++] = '=';
        buffer[position++] = (byte)('0' + checksum / 100);
        buffer[position++] = (byte)('0' + checksum / 10 % 10);
        buffer[position++] = (byte)('0' + checksum % 10);
        buffer[position++] = SOH;
        return this;
    }

    void writeTo(final ByteBuffer out)
    {
        out.put(buffer, messageStart, position - messageStart);
    }

    int length()
    {
        return position - messageStart;
    }

    private void tag(final int tag)
    {
        putLong(tag);
        buffer[position++] = '=';
    }

    private void putLong(final long value)
    {
        if (value == 0)
        {
            buffer[position++] = '0';
            return;
        }
        long remaining = value;
        if (remaining < 0)
        {
            buffer[position++] = '-';
            remaining = -remaining;
        }
        int count = 0;
        while (remaining > 0)
        {
            digits[count++] = (byte)('0' + remaining % 10);
            remaining /= 10;
        }
        for (int i = count - 1; i >= 0; i--)
        {
            buffer[position++] = digits[i];
        }
    }
}
