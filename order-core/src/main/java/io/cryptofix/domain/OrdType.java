package io.cryptofix.domain;

/**
 * Order type, with its FIX OrdType (40) value. Stop, StopLimit and MarketIfTouched wait for a
 * trigger price (StopPx, 99) and then work as the market or limit order they become.
 */
public enum OrdType
{
    MARKET('1'),
    LIMIT('2'),
    /** Stop-loss: a buy triggers when the market rises to StopPx, a sell when it falls to it. */
    STOP('3'),
    STOP_LIMIT('4'),
    /** Take-profit: a buy triggers when the market falls to StopPx, a sell when it rises to it. */
    MARKET_IF_TOUCHED('J');

    private final char fixValue;

    OrdType(final char fixValue)
    {
        this.fixValue = fixValue;
    }

    public char fixValue()
    {
        return fixValue;
    }

    /** Price (44) applies: the order never trades beyond it. */
    public boolean hasLimitPrice()
    {
        return this == LIMIT || this == STOP_LIMIT;
    }

    /** StopPx (99) applies: the order waits for its trigger. */
    public boolean hasTrigger()
    {
        return this == STOP || this == STOP_LIMIT || this == MARKET_IF_TOUCHED;
    }

    /** What the order works as once triggered: market or limit. */
    public OrdType triggered()
    {
        return hasLimitPrice() ? LIMIT : MARKET;
    }

    /**
     * Whether a market at {@code bidPx}/{@code askPx} triggers a {@code side} order with this type and
     * {@code stopPx}. A buy compares with the ask and a sell with the bid: the prices it would trade at.
     */
    public boolean isTriggered(final Side side, final long stopPx, final long bidPx, final long askPx)
    {
        final boolean stopLoss = this == STOP || this == STOP_LIMIT;
        if (side == Side.BUY)
        {
            return askPx > 0 && (stopLoss ? askPx >= stopPx : askPx <= stopPx);
        }
        return bidPx > 0 && (stopLoss ? bidPx <= stopPx : bidPx >= stopPx);
    }
}
