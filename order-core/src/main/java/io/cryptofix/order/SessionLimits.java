package io.cryptofix.order;

import io.cryptofix.config.RiskConfig;

/**
 * The controls that look at a session as a whole rather than one order: what it may trade, the value
 * it has at stake, orders it already sent with the same terms, its own resting orders. Kept together
 * because they follow the same orders and are configured at the same levels.
 */
final class SessionLimits
{
    final SessionEntitlements entitlements = new SessionEntitlements();
    final SessionExposure exposure = new SessionExposure();
    final DuplicateOrderGuard duplicates;
    final SelfTradeCheck selfTrades;

    SessionLimits(final OrderIndex index)
    {
        duplicates = new DuplicateOrderGuard(index);
        selfTrades = new SelfTradeCheck(index);
    }

    void config(final RiskConfig risk)
    {
        entitlements.config(risk);
        exposure.config(risk);
        duplicates.config(risk);
        selfTrades.config(risk);
    }

    /**
     * A new order was accepted.
     *
     * @param unitPrice  what it is valued at: its price, its stop price, or for a market order the
     *                   venue's best price on its side (0 when there is none).
     */
    void accepted(final Order order, final long unitPrice, final long nowMillis)
    {
        if (order.price() <= 0 && order.stopPx() <= 0)
        {
            exposure.valueMarketOrder(order, unitPrice, nowMillis);
        }
        duplicates.accepted(order, nowMillis);
    }

    /** Any event changed the order. */
    void changed(final Order order, final long nowMillis)
    {
        exposure.onChanged(order, nowMillis);
    }

    /** An order of an earlier run was taken over at start. */
    void recovered(final Order order, final long nowMillis)
    {
        exposure.recovered(order, nowMillis);
    }
}
