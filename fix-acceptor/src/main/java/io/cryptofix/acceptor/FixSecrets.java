package io.cryptofix.acceptor;

/**
 * Removes what a FIX message carries as a secret before it leaves the engine's archive for people or
 * the system of record: Password (554), NewPassword (925) and RawData (96, where a signed Logon puts its
 * signature) become {@code ***}. The archive itself keeps the message as it came, on the gateway's disk.
 */
public final class FixSecrets
{
    static final String HIDDEN = "***";
    private static final char SOH = '\u0001';
    private static final String[] SECRET_TAGS = {"554=", "925=", "96="};

    private FixSecrets()
    {
    }

    /** @param message  a raw FIX message, SOH delimited. */
    public static String redact(final String message)
    {
        if (message.indexOf("554=") < 0 && message.indexOf("925=") < 0 && message.indexOf("96=") < 0)
        {
            return message;
        }
        final StringBuilder redacted = new StringBuilder(message.length());
        int start = 0;
        while (start < message.length())
        {
            int end = message.indexOf(SOH, start);
            end = end < 0 ? message.length() : end;
            final String field = message.substring(start, end);
            final String tag = secretTag(field);
            redacted.append(tag == null ? field : tag + HIDDEN);
            if (end < message.length())
            {
                redacted.append(SOH);
            }
            start = end + 1;
        }
        return redacted.toString();
    }

    private static String secretTag(final String field)
    {
        for (final String tag : SECRET_TAGS)
        {
            if (field.startsWith(tag))
            {
                return tag;
            }
        }
        return null;
    }
}
