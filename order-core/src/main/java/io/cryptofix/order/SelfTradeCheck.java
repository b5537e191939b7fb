package io.cryptofix.order;

import io.cryptofix.config.RiskConfig;
import io.cryptofix.config.SelfTradePrevention;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Side;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Self-trade prevention ({@code selfTradePrevention}): finds the session's own resting orders at the
 * same venue and symbol that a new order would trade against: the opposite side, resting at a price
 * the new order reaches (any price, for a market order). Stops not yet triggered do not rest in a book
 * and are left alone.
 */
final class SelfTradeCheck
{
    static final String CHECK = "selfTradePrevention";

    private final OrderIndex index;
    private RiskConfig config = RiskConfig.NONE;
    private final Map<String, SelfTradePrevention> bySession = new HashMap<>();
    private final List<Order> sessionOrders = new ArrayList<>();
    private final List<Order> crossed = new ArrayList<>();
    private boolean anyOn;

    SelfTradeCheck(final OrderIndex index)
    {
        this.index = index;
    }

    void config(final RiskConfig config)
    {
        this.config = config;
        bySession.clear();
        anyOn = config.defaults().selfTradePrevention() != null &&
            config.defaults().selfTradePrevention() != SelfTradePrevention.OFF ||
            config.sessions().values().stream().anyMatch(limits -> limits.selfTradePrevention() != null &&
                limits.selfTradePrevention() != SelfTradePrevention.OFF);
    }

    /** What the session's configuration says to do; OFF when it says nothing. */
    SelfTradePrevention mode(final String compId)
    {
        if (!anyOn)
        {
            return SelfTradePrevention.OFF;
        }
        final String key = compId == null ? "" : compId;
        SelfTradePrevention mode = bySession.get(key);
        if (mode == null)
        {
            mode = config.selfTradePrevention(compId);
            bySession.put(key, mode);
        }
        return mode;
    }

    /**
     * @param price  the new order's limit price, 0 for a market order.
     * @return the session's resting orders the new order would trade against, oldest first; empty when
     *     none. The list is reused: read it before the next call.
     */
    List<Order> crossed(
        final long sessionId, final String venueId, final String symbol, final Side side, final long price)
    {
        crossed.clear();
        index.working(sessionId, symbol, sessionOrders);
        for (int i = 0; i < sessionOrders.size(); i++)
        {
            final Order resting = sessionOrders.get(i);
            if (resting.side() != side && resting.venueId().equals(venueId) && resting.isPlaced() &&
                !resting.ordType().hasTrigger() && resting.price() > 0 && reaches(side, price, resting.price()))
            {
                crossed.add(resting);
            }
        }
        sessionOrders.clear();
        return crossed;
    }

    /** The client's Text for an order refused because it would meet {@code resting}. */
    static String refusal(final Side side, final long price, final Order resting)
    {
        return CHECK + ": this " + (side == Side.BUY ? "buy" : "sell") +
            (price > 0 ? " at " + Fixed.toString(price) : " at market") + " would trade against the session's own " +
            (resting.side() == Side.BUY ? "buy" : "sell") + " ClOrdID (11) '" + resting.clOrdId() + "' resting at " +
            Fixed.toString(resting.price()) + " at venue " + resting.venueId();
    }

    private static boolean reaches(final Side side, final long price, final long restingPrice)
    {
        if (price <= 0)
        {
            return true;
        }
        return side == Side.BUY ? price >= restingPrice : price <= restingPrice;
    }
}
