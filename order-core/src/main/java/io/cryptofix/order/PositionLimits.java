package io.cryptofix.order;

import io.cryptofix.config.RiskConfig;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Side;
import org.agrona.collections.Object2LongHashMap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code positionLimit}: the largest position, long or short, a session may come to hold in an asset
 * if all its open orders on one side filled. A buy is refused when position + open buys + the order
 * would be above the limit; a sell when position - open sells - the order would be below minus the
 * limit. Each session's limit for a symbol is resolved once (through the symbol's base asset) and
 * kept until the risk section is reloaded, so the order path only looks it up.
 */
final class PositionLimits
{
    static final String CHECK = "positionLimit";
    private static final long NONE = -1;

    private final SessionPositions positions;
    private final OrderCoreObserver observer;
    private RiskConfig config = RiskConfig.NONE;
    // session CompID -> symbol -> its asset's limit in Fixed, NONE where no limit
    private final Map<String, Object2LongHashMap<String>> resolved = new HashMap<>();

    PositionLimits(final SessionPositions positions, final OrderCoreObserver observer)
    {
        this.positions = positions;
        this.observer = observer;
    }

    void config(final RiskConfig config)
    {
        this.config = config;
        resolved.clear();
    }

    /**
     * A new order of {@code orderQty} (rounded, as it would be placed). A refusal is counted for operators.
     *
     * @return null when the worst case stays within the limit, else the Text of the refusal.
     */
    String newOrderRefusal(
        final String session, final String symbol, final Side side, final long orderQty, final long nowMillis)
    {
        return refusal(session, symbol, side, orderQty, 0, nowMillis);
    }

    /**
     * A replace of {@code order} to {@code orderQty}: what it would leave open stands in for what the
     * order has open now. A replace that leaves the order less open than it is adds nothing to the
     * worst case and is never refused for it.
     */
    String replaceRefusal(final Order order, final long orderQty, final long nowMillis)
    {
        final long leaves = orderQty - order.cumQty();
        if (leaves <= order.leavesQty())
        {
            return null;
        }
        return refusal(order.clientCompId(), order.symbol(), order.side(), leaves, order.leavesQty(), nowMillis);
    }

    private String refusal(
        final String session, final String symbol, final Side side, final long qty, final long replacedLeaves,
        final long nowMillis)
    {
        final long limit = limit(session, symbol);
        if (limit == NONE)
        {
            return null;
        }
        final SessionPositions.AssetPosition held = positions.find(session, symbol);
        final long position = held == null ? 0 : held.position();
        final long open = (held == null ? 0 : held.open(side)) - replacedLeaves;
        final boolean buy = side == Side.BUY;
        final long worst = buy ? position + open + qty : position - open - qty;
        // only the side the order pushes towards counts: a buy never makes a short position worse
        if ((buy ? worst : -worst) <= limit)
        {
            return null;
        }
        observer.onRiskRejected(CHECK, session, nowMillis);
        final String asset = held != null ? held.asset() : SessionPositions.baseAsset(symbol);
        final String sign = buy ? " + " : " - ";
        return CHECK + " " + Fixed.toString(limit) + " " + asset + " exceeded: position " + Fixed.toString(position) + " " +
            asset + sign + "open " + (buy ? "buys " : "sells ") + Fixed.toString(open) + " " + asset + sign +
            "this " + (buy ? "buy " : "sell ") + Fixed.toString(qty) + " " + asset + " = " +
            SessionPositions.describe(worst, asset);
    }

    private long limit(final String session, final String symbol)
    {
        final String key = session == null ? "" : session;
        Object2LongHashMap<String> bySymbol = resolved.get(key);
        if (bySymbol == null)
        {
            bySymbol = new Object2LongHashMap<>(Long.MIN_VALUE);
            resolved.put(key, bySymbol);
        }
        long limit = bySymbol.getValue(symbol);
        if (limit == Long.MIN_VALUE)
        {
            final BigDecimal configured = config.positionLimit(session, SessionPositions.baseAsset(symbol));
            // finer than Fixed holds: the limit rounded down, never loosened; beyond what a long holds: none reachable
            final long fixed = configured == null ? NONE :
                Fixed.fromBigDecimal(configured.setScale(Fixed.SCALE, RoundingMode.DOWN));
            limit = fixed == Long.MIN_VALUE ? NONE : fixed;
            bySymbol.put(symbol, limit);
        }
        return limit;
    }
}
