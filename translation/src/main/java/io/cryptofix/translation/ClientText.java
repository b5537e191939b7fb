package io.cryptofix.translation;

/**
 * Text a client sent, made safe to print: in a log line, in {@code gateway audit} output, in the
 * Text (58) of a reject that quotes it. A client controls every byte of its messages, so a value
 * may hold control characters (a carriage return that forges a log line, an escape sequence that
 * rewrites an operator's terminal) or bytes beyond ASCII. Each such character is written as an
 * escape: {@code \x01} for one up to 0xFF, a backslash, u and four hex digits beyond; a backslash
 * as two, so that an escape in the output always means the gateway wrote it.
 */
public final class ClientText
{
    /** How much of a refused value a reject's Text quotes; the rest is counted, not shown. */
    public static final int EXCERPT_LENGTH = 32;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ClientText()
    {
    }

    /**
     * @return {@code text} with every character outside printable ASCII (0x20-0x7E) and every
     *     backslash escaped; the same instance when there is nothing to escape, so a clean line costs
     *     no copy. Null stays null.
     */
    public static String escape(final String text)
    {
        if (text == null)
        {
            return null;
        }
        final int first = firstToEscape(text);
        if (first < 0)
        {
            return text;
        }
        final StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++)
        {
            append(escaped, text.charAt(i));
        }
        return escaped.toString();
    }

    /** A decoder's one-character value as {@link #escape} writes it (see {@link #excerpt(char[], int)}). */
    public static String escape(final char value)
    {
        final char c = fromDecoder(value);
        return needsEscape(c) ? append(new StringBuilder(6), c).toString() : String.valueOf(c);
    }

    /**
     * A value quoted in a reject's Text: escaped, and cut after {@link #EXCERPT_LENGTH} characters
     * with the full length said, so that a huge field is not sent back whole.
     */
    public static String excerpt(final CharSequence value)
    {
        return excerpt(value, value.length());
    }

    /**
     * @param head    the value's first characters, at least {@link #EXCERPT_LENGTH} of them if it has as many.
     * @param length  the length of the whole value.
     */
    public static String excerpt(final CharSequence head, final int length)
    {
        final int shown = Math.min(Math.min(head.length(), length), EXCERPT_LENGTH);
        final StringBuilder excerpt = new StringBuilder(shown + 32);
        for (int i = 0; i < shown; i++)
        {
            append(excerpt, head.charAt(i));
        }
        if (length > shown)
        {
            excerpt.append("... (").append(length).append(" characters)");
        }
        return excerpt.toString();
    }

    /**
     * The first {@code length} characters of a decoder's value, as {@link #excerpt(CharSequence)}.
     * Artio's decoders widen each byte to a char with its sign, so a byte from 0x80 up arrives as
     * U+FF80 to U+FFFF: it is quoted as the byte it was.
     */
    public static String excerpt(final char[] value, final int length)
    {
        return excerpt(value, 0, length);
    }

    /** The {@code length} characters of a decoder's value from {@code offset}, as {@link #excerpt(char[], int)}. */
    public static String excerpt(final char[] value, final int offset, final int length)
    {
        final char[] head = new char[Math.min(length, EXCERPT_LENGTH)];
        for (int i = 0; i < head.length; i++)
        {
            head[i] = fromDecoder(value[offset + i]);
        }
        return excerpt(java.nio.CharBuffer.wrap(head), length);
    }

    /** The first {@code length} bytes of a decoder's value, as {@link #excerpt(CharSequence)}. */
    public static String excerpt(final byte[] value, final int length)
    {
        final char[] head = new char[Math.min(length, EXCERPT_LENGTH)];
        for (int i = 0; i < head.length; i++)
        {
            head[i] = (char)(value[i] & 0xFF);
        }
        return excerpt(java.nio.CharBuffer.wrap(head), length);
    }

    private static char fromDecoder(final char value)
    {
        return value >= 0xFF80 ? (char)(value & 0xFF) : value;
    }

    static boolean needsEscape(final char value)
    {
        return value < 0x20 || value > 0x7E || value == '\\';
    }

    private static int firstToEscape(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            if (needsEscape(text.charAt(i)))
            {
                return i;
            }
        }
        return -1;
    }

    private static StringBuilder append(final StringBuilder out, final char value)
    {
        if (value == '\\')
        {
            return out.append("\\\\");
        }
        if (!needsEscape(value))
        {
            return out.append(value);
        }
        if (value <= 0xFF)
        {
            return out.append("\\x").append(HEX[value >> 4]).append(HEX[value & 0xF]);
        }
        return out.append("\\u")
            .append(HEX[value >> 12]).append(HEX[(value >> 8) & 0xF]).append(HEX[(value >> 4) & 0xF]).append(HEX[value & 0xF]);
    }
}
