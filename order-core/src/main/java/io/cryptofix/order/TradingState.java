package io.cryptofix.order;

/**
 * How far a scope (the whole gateway, a venue, a session) may trade. The most restrictive state of
 * the scopes an order belongs to applies to it.
 */
public enum TradingState
{
    /** Orders, replaces and cancels as the limits allow. */
    ACTIVE,
    /** Only orders and replaces that bring the session's position closer to flat, and cancels. */
    REDUCING,
    /** No new orders and no replaces; cancels are allowed. */
    HALTED;

    /** @return the more restrictive of the two. */
    public TradingState strictest(final TradingState other)
    {
        return other.ordinal() > ordinal() ? other : this;
    }
}
