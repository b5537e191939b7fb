package io.cryptofix.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The pre-trade limits: {@code risk.default} for every order, overridden under
 * {@code risk.sessions.<CompID>}, {@code risk.venues.<ID>} and {@code risk.symbols.<symbol or pattern>}.
 * For each limit the most specific level that sets it wins: the session, then an exact symbol, then
 * a symbol pattern (the first in the file that matches), then the venue, then the default. A limit
 * no level sets does not apply.
 *
 * The limits of a session as a whole ({@code ordersPerSecond}, {@code maxOpenOrders},
 * {@code maxOpenNotional}, {@code maxDailyNotional}, {@code positionLimit}, {@code duplicateOrderWindow},
 * {@code selfTradePrevention}, the entitlements) come from the session's level, else the default.
 *
 * @param symbols  by symbol or pattern, in file order.
 * @param trips    the automatic trips.
 */
public record RiskConfig(
    RiskLimits defaults,
    Map<String, RiskLimits> sessions,
    Map<String, RiskLimits> venues,
    Map<String, RiskLimits> symbols,
    RiskTrips trips)
{
    /**
     * Requests per second per session when neither {@code risk.default} nor the session sets it: far
     * above what one client sends in normal trading (and above what the gateway's own benchmark
     * sends), so that only a runaway client meets it.
     */
    public static final int DEFAULT_ORDERS_PER_SECOND = 100_000;

    /** No limits at all. */
    public static final RiskConfig NONE = new RiskConfig(RiskLimits.NONE, Map.of(), Map.of(), Map.of());

    public RiskConfig(
        final RiskLimits defaults,
        final Map<String, RiskLimits> sessions,
        final Map<String, RiskLimits> venues,
        final Map<String, RiskLimits> symbols)
    {
        this(defaults, sessions, venues, symbols, RiskTrips.NONE);
    }

    /** @return the largest OrderQty for such an order, or null when no level limits it. */
    public BigDecimal maxOrderQty(final String session, final String venue, final String symbol)
    {
        return limit(RiskLimits::maxOrderQty, session, venue, symbol);
    }

    /** @return the largest order value for such an order, in its quote currency, or null when none. */
    public BigDecimal maxOrderNotional(final String session, final String venue, final String symbol)
    {
        return limit(RiskLimits::maxOrderNotional, session, venue, symbol);
    }

    /** @return how far in percent a limit price may be beyond the venue's best price, or null when none. */
    public BigDecimal priceCollarPercent(final String session, final String venue, final String symbol)
    {
        return limit(RiskLimits::priceCollarPercent, session, venue, symbol);
    }

    /** @return the new orders, cancels and replaces per second the session may send. */
    public int ordersPerSecond(final String session)
    {
        final RiskLimits own = session == null ? null : sessions.get(session);
        return own != null && own.ordersPerSecond() != null ? own.ordersPerSecond() :
            defaults.ordersPerSecond() != null ? defaults.ordersPerSecond() : DEFAULT_ORDERS_PER_SECOND;
    }

    /** @return the most orders the session may have open at once, or null when no limit applies. */
    public Integer maxOpenOrders(final String session)
    {
        final RiskLimits own = session == null ? null : sessions.get(session);
        return own != null && own.maxOpenOrders() != null ? own.maxOpenOrders() : defaults.maxOpenOrders();
    }

    /** @return the most value the session may have in open orders, or null when no limit applies. */
    public BigDecimal maxOpenNotional(final String session)
    {
        return sessionLimit(RiskLimits::maxOpenNotional, session);
    }

    /** @return the most value of orders the session may send in a UTC day, or null when none. */
    public BigDecimal maxDailyNotional(final String session)
    {
        return sessionLimit(RiskLimits::maxDailyNotional, session);
    }

    /**
     * @param asset  e.g. {@code BTC}.
     * @return the largest position, long or short, the session may hold in the asset, or null when none.
     */
    public BigDecimal positionLimit(final String session, final String asset)
    {
        final RiskLimits own = session == null ? null : sessions.get(session);
        if (own != null && own.positionLimits() != null && own.positionLimits().containsKey(asset))
        {
            return own.positionLimits().get(asset);
        }
        return defaults.positionLimits() == null ? null : defaults.positionLimits().get(asset);
    }

    /** @return how long a same-terms order counts as a duplicate, or null when the guard is off. */
    public Duration duplicateOrderWindow(final String session)
    {
        return sessionLimit(RiskLimits::duplicateOrderWindow, session);
    }

    public SelfTradePrevention selfTradePrevention(final String session)
    {
        final SelfTradePrevention value = sessionLimit(RiskLimits::selfTradePrevention, session);
        return value == null ? SelfTradePrevention.OFF : value;
    }

    /** @return what the session may trade: its own lists, else the default's, else anything. */
    public Entitlements entitlements(final String session)
    {
        final RiskLimits own = session == null ? null : sessions.get(session);
        final Entitlements defaults = this.defaults.entitlements() == null ? Entitlements.ANY :
            this.defaults.entitlements();
        return own == null || own.entitlements() == null ? defaults : own.entitlements().over(defaults);
    }

    private <T> T sessionLimit(final Function<RiskLimits, T> which, final String session)
    {
        final RiskLimits own = session == null ? null : sessions.get(session);
        final T value = own == null ? null : which.apply(own);
        return value != null ? value : which.apply(defaults);
    }

    private BigDecimal limit(
        final Function<RiskLimits, BigDecimal> which, final String session, final String venue, final String symbol)
    {
        BigDecimal value = session == null ? null : valueOf(which, sessions.get(session));
        if (value == null)
        {
            value = valueOf(which, symbols.get(symbol));
        }
        if (value == null)
        {
            for (final Map.Entry<String, RiskLimits> entry : symbols.entrySet())
            {
                final SymbolPattern pattern = new SymbolPattern(entry.getKey());
                if (pattern.isPattern() && pattern.matches(symbol) && which.apply(entry.getValue()) != null)
                {
                    value = which.apply(entry.getValue());
                    break;
                }
            }
        }
        if (value == null)
        {
            value = valueOf(which, venues.get(venue));
        }
        return value != null ? value : which.apply(defaults);
    }

    private static BigDecimal valueOf(final Function<RiskLimits, BigDecimal> which, final RiskLimits limits)
    {
        return limits == null ? null : which.apply(limits);
    }
}
