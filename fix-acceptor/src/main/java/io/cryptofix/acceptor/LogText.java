package io.cryptofix.acceptor;

/** Client-supplied text made safe for a log line: control and non-ASCII characters escaped. */
final class LogText
{
    private LogText()
    {
    }

    static String escape(final String text)
    {
        if (text == null)
        {
            return "null";
        }
        final StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '\\')
            {
                escaped.append(c == '\\' ? "\\\\" : String.format("\\x%02x", (int)c & 0xFFFF));
            }
            else
            {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
