package io.cryptofix.translation;

/**
 * The rule for the identifiers a client gives the gateway (ClOrdID, OrigClOrdID, Symbol, Account,
 * ExDestination, MassStatusReqID): at most {@link #MAX_LENGTH} characters of printable ASCII, no
 * space. FIX itself lets a String field hold any byte but SOH and be of any length; the gateway keeps
 * these values with each order, journals them, sends them to venues and echoes them in reports, so
 * it holds them to what every FIX engine, venue and terminal handles alike.
 */
public final class Identifiers
{
    /**
     * Long enough for a UUID with a prefix of the client's own, short enough that what the gateway
     * keeps and echoes for each order stays small. A constant rather than a setting for now: no
     * client has needed more.
     */
    public static final int MAX_LENGTH = 64;

    private static final char FIRST_PRINTABLE = 0x21;
    private static final char LAST_PRINTABLE = 0x7E;
    private static final String RULE = "an identifier is 1 to " + MAX_LENGTH +
        " printable ASCII characters (0x21-0x7E), without spaces";

    private Identifiers()
    {
    }

    /**
     * @param name    the field's FIX name, for the Text.
     * @param value   the decoder's characters of the field; only the first {@code length} count.
     * @return null when the value keeps to the rule, else what is wrong with it, for a Reject with
     *     SessionRejectReason 5 (value is incorrect) or a business reject's Text.
     */
    public static FieldProblem check(final String name, final int tag, final char[] value, final int length)
    {
        if (length > MAX_LENGTH)
        {
            return new FieldProblem(tag, FieldProblem.VALUE_IS_INCORRECT,
                name + " (" + tag + ") is " + length + " characters long: " + RULE);
        }
        for (int i = 0; i < length; i++)
        {
            final char c = value[i];
            if (c < FIRST_PRINTABLE || c > LAST_PRINTABLE)
            {
                return new FieldProblem(tag, FieldProblem.VALUE_IS_INCORRECT,
                    name + " (" + tag + ") holds character " + hex(c) + " at position " + (i + 1) + ": " + RULE);
            }
        }
        return null;
    }

    // Artio's decoders widen each byte with its sign: 0xC3 arrives as U+FFC3
    private static String hex(final char c)
    {
        return String.format("0x%02X", c >= 0xFF80 ? c & 0xFF : (int)c);
    }
}
