package io.cryptofix.order;

import io.cryptofix.config.RiskConfig;
import io.cryptofix.domain.Fixed;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Object2ObjectHashMap;

import java.math.BigDecimal;

/**
 * What each session has at stake in value: its open orders' remaining value ({@code maxOpenNotional})
 * and the value of the orders it sent today, UTC ({@code maxDailyNotional}). Values are in the symbols'
 * quote currencies, added up as they are: the gateway converts nothing. Kept as running totals,
 * changed by each event of an order, so that a check is two lookups.
 */
final class SessionExposure
{
    static final String MAX_OPEN_NOTIONAL = "maxOpenNotional";
    static final String MAX_DAILY_NOTIONAL = "maxDailyNotional";
    private static final long DAY_MILLIS = 86_400_000L;
    private static final long NONE = -1;

    private RiskConfig config = RiskConfig.NONE;
    private final Object2ObjectHashMap<String, Session> sessions = new Object2ObjectHashMap<>();
    // order key -> the open value it adds to its session's total now
    private final Long2LongHashMap openValueOf = new Long2LongHashMap(0);
    // order key -> the price a market order is valued at: the venue's best price when it came
    private final Long2LongHashMap marketOrderPrice = new Long2LongHashMap(0);
    private String check;

    void config(final RiskConfig config)
    {
        this.config = config;
        for (final Session session : sessions.values())
        {
            session.limitsResolved = false;
        }
    }

    /** The check the last refusal failed. */
    String failedCheck()
    {
        return check;
    }

    /**
     * @param value       the new order's value (Fixed), 0 when it cannot be valued.
     * @param valueBefore for a replace, the order's open value before it; 0 for a new order.
     * @return null when the session may take on {@code value} more, else the client's Text.
     */
    String refusal(final String compId, final long value, final long valueBefore, final boolean replace, final long nowMillis)
    {
        final Session session = session(compId);
        rollDay(session, nowMillis);
        if (session.maxOpenNotional != NONE && value > valueBefore &&
            over(session.openNotional - valueBefore, value, session.maxOpenNotional))
        {
            check = MAX_OPEN_NOTIONAL;
            return MAX_OPEN_NOTIONAL + " " + Fixed.toString(session.maxOpenNotional) + " exceeded: open orders " +
                Fixed.toString(session.openNotional - valueBefore) + (replace ? " + this order as replaced " :
                " + this order ") + Fixed.toString(value) + " = " +
                sum(session.openNotional - valueBefore, value);
        }
        final long added = value - valueBefore;
        if (session.maxDailyNotional != NONE && added > 0 &&
            over(session.dailyNotional, added, session.maxDailyNotional))
        {
            check = MAX_DAILY_NOTIONAL;
            return MAX_DAILY_NOTIONAL + " " + Fixed.toString(session.maxDailyNotional) + " exceeded: sent today " +
                Fixed.toString(session.dailyNotional) + (replace ? " + this replace's increase " : " + this order ") +
                Fixed.toString(added) + " = " + sum(session.dailyNotional, added);
        }
        return null;
    }

    /**
     * An order changed (accepted, filled, replaced, ended): its session's open value follows; what it
     * added to today's value grows when its value does.
     */
    void onChanged(final Order order, final long nowMillis)
    {
        final long before = openValueOf.get(order.orderKey());
        final long now = order.state().isTerminal() ? 0 : Fixed.times(order.leavesQty(), unitPrice(order));
        if (now == before)
        {
            return;
        }
        final Session session = session(order.clientCompId());
        rollDay(session, nowMillis);
        session.openNotional += now - before;
        if (now > before && order.createdMillis() >= session.dayStartMillis)
        {
            // a new order, or a replace that raised its value: sent today
            session.dailyNotional = saturatedAdd(session.dailyNotional, now - before);
        }
        if (now == 0)
        {
            openValueOf.remove(order.orderKey());
            if (order.state().isTerminal())
            {
                marketOrderPrice.remove(order.orderKey());
            }
        }
        else
        {
            openValueOf.put(order.orderKey(), now);
        }
    }

    /** A market order just accepted is valued at the venue's best price on its side, when there is one. */
    void valueMarketOrder(final Order order, final long bestPrice, final long nowMillis)
    {
        if (bestPrice > 0 && !order.state().isTerminal())
        {
            marketOrderPrice.put(order.orderKey(), bestPrice);
            onChanged(order, nowMillis);
        }
    }

    /**
     * An order of an earlier run, taken over at start: a working one adds its open value, one sent
     * today its value to the day's.
     */
    void recovered(final Order order, final long nowMillis)
    {
        final Session session = session(order.clientCompId());
        rollDay(session, nowMillis);
        final long price = order.price() > 0 ? order.price() : order.stopPx() > 0 ? order.stopPx() : order.avgPx();
        if (order.createdMillis() >= session.dayStartMillis)
        {
            session.dailyNotional = saturatedAdd(session.dailyNotional, Fixed.times(order.orderQty(), price));
        }
        if (!order.state().isTerminal() && price > 0)
        {
            marketOrderPrice.put(order.orderKey(), price);
            final long value = Fixed.times(order.leavesQty(), price);
            session.openNotional += value;
            openValueOf.put(order.orderKey(), value);
        }
    }

    /** The open value an order adds now (Fixed). */
    long openValue(final Order order)
    {
        return openValueOf.get(order.orderKey());
    }

    BigDecimal openNotional(final String compId)
    {
        final Session session = sessions.get(key(compId));
        return session == null ? BigDecimal.ZERO : Fixed.toBigDecimal(session.openNotional);
    }

    BigDecimal dailyNotional(final String compId, final long nowMillis)
    {
        final Session session = sessions.get(key(compId));
        if (session == null)
        {
            return BigDecimal.ZERO;
        }
        rollDay(session, nowMillis);
        return Fixed.toBigDecimal(session.dailyNotional);
    }

    private long unitPrice(final Order order)
    {
        return order.price() > 0 ? order.price() : order.stopPx() > 0 ? order.stopPx() :
            marketOrderPrice.get(order.orderKey());
    }

    private Session session(final String compId)
    {
        final String key = key(compId);
        Session session = sessions.get(key);
        if (session == null)
        {
            session = new Session();
            sessions.put(key, session);
        }
        if (!session.limitsResolved)
        {
            session.maxOpenNotional = fixedOrNone(config.maxOpenNotional(compId));
            session.maxDailyNotional = fixedOrNone(config.maxDailyNotional(compId));
            session.limitsResolved = true;
        }
        return session;
    }

    private static void rollDay(final Session session, final long nowMillis)
    {
        final long dayStart = nowMillis - Math.floorMod(nowMillis, DAY_MILLIS);
        if (dayStart > session.dayStartMillis)
        {
            session.dayStartMillis = dayStart;
            session.dailyNotional = 0;
        }
    }

    private static boolean over(final long total, final long added, final long limit)
    {
        return added > limit - total;
    }

    private static String sum(final long a, final long b)
    {
        return Fixed.toBigDecimal(a).add(Fixed.toBigDecimal(b)).stripTrailingZeros().toPlainString();
    }

    private static long saturatedAdd(final long a, final long b)
    {
        final long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static String key(final String compId)
    {
        return compId == null ? "" : compId;
    }

    private static long fixedOrNone(final BigDecimal limit)
    {
        return limit == null ? NONE : Fixed.limit(limit);
    }

    private static final class Session
    {
        boolean limitsResolved;
        long maxOpenNotional = NONE;
        long maxDailyNotional = NONE;
        long openNotional;
        long dailyNotional;
        long dayStartMillis = Long.MIN_VALUE;
    }
}
