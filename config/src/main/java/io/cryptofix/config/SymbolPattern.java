package io.cryptofix.config;

/**
 * A symbol as a rule names it: exact ({@code BTC/USDT}) or a pattern where {@code *} matches any run
 * of characters ({@code *\/USDT}, {@code BTC/*}, {@code *}); everything else is matched literally.
 */
public final class SymbolPattern
{
    private final String text;
    // null for an exact symbol
    private final String[] parts;

    public SymbolPattern(final String text)
    {
        this.text = text;
        this.parts = text.indexOf('*') >= 0 ? text.split("\\*", -1) : null;
    }

    public boolean isPattern()
    {
        return parts != null;
    }

    public String text()
    {
        return text;
    }

    public boolean matches(final String symbol)
    {
        if (parts == null)
        {
            return text.equals(symbol);
        }
        final String first = parts[0];
        final String last = parts[parts.length - 1];
        if (!symbol.startsWith(first) || symbol.length() < first.length() + last.length())
        {
            return false;
        }
        int from = first.length();
        for (int i = 1; i < parts.length - 1; i++)
        {
            final int found = symbol.indexOf(parts[i], from);
            if (found < 0)
            {
                return false;
            }
            from = found + parts[i].length();
        }
        return symbol.length() - last.length() >= from && symbol.endsWith(last);
    }
}
