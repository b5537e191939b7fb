package io.cryptofix.domain;

/**
 * Order side, with its FIX Side (54) value.
 */
public enum Side
{
    BUY('1'),
    SELL('2');

    private final char fixValue;

    Side(final char fixValue)
    {
        this.fixValue = fixValue;
    }

    public char fixValue()
    {
        return fixValue;
    }

    public Side opposite()
    {
        return this == BUY ? SELL : BUY;
    }
}
