package io.cryptofix.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * The pre-trade limits one level of the {@code risk} section sets; null where that level leaves a
 * limit to the levels below it. Levels: the default and each session set every limit; venues and
 * symbols set only the limits of one order ({@code maxOrderQty}, {@code maxOrderNotional},
 * {@code priceCollarPercent}).
 *
 * @param maxOrderQty          the largest OrderQty (38) of one order, in the symbol's base currency.
 * @param maxOrderNotional     the largest value of one order, OrderQty times its price, in the symbol's
 *                             quote currency.
 * @param ordersPerSecond      new orders, cancels and replaces one session may send per second (a token
 *                             bucket holding a second's worth).
 * @param maxOpenOrders        the most orders one session may have open at once, at all venues.
 * @param priceCollarPercent   how far, in percent, a limit buy may be above the venue's best ask (a
 *                             sell below its best bid).
 * @param maxOpenNotional      the most value one session may have in open orders (their open quantity
 *                             times their price, quote currencies added up).
 * @param maxDailyNotional     the most value of orders one session may send in a UTC day.
 * @param positionLimits       asset to the largest position, long or short, one session may hold in it,
 *                             counting its fills and, for the worst case, its open orders.
 * @param duplicateOrderWindow how long an order with the same side, symbol, quantity and price as one
 *                             before it from the same session is refused as a likely duplicate.
 * @param selfTradePrevention  what to do with an order that would trade against the session's own
 *                             resting order.
 * @param entitlements         the venues, symbols and accounts the session may use.
 */
public record RiskLimits(
    BigDecimal maxOrderQty,
    BigDecimal maxOrderNotional,
    Integer ordersPerSecond,
    Integer maxOpenOrders,
    BigDecimal priceCollarPercent,
    BigDecimal maxOpenNotional,
    BigDecimal maxDailyNotional,
    Map<String, BigDecimal> positionLimits,
    Duration duplicateOrderWindow,
    SelfTradePrevention selfTradePrevention,
    Entitlements entitlements)
{
    public static final RiskLimits NONE = new RiskLimits(null, null, null, null, null);

    public RiskLimits(
        final BigDecimal maxOrderQty, final BigDecimal maxOrderNotional, final Integer ordersPerSecond,
        final Integer maxOpenOrders, final BigDecimal priceCollarPercent)
    {
        this(maxOrderQty, maxOrderNotional, ordersPerSecond, maxOpenOrders, priceCollarPercent, null, null, null, null,
            null, null);
    }

    public RiskLimits(
        final BigDecimal maxOrderQty, final BigDecimal maxOrderNotional, final Integer ordersPerSecond,
        final Integer maxOpenOrders)
    {
        this(maxOrderQty, maxOrderNotional, ordersPerSecond, maxOpenOrders, null);
    }

    public RiskLimits(final BigDecimal maxOrderQty, final BigDecimal maxOrderNotional)
    {
        this(maxOrderQty, maxOrderNotional, null, null);
    }

    public RiskLimits(final BigDecimal maxOrderQty, final BigDecimal maxOrderNotional, final Integer ordersPerSecond)
    {
        this(maxOrderQty, maxOrderNotional, ordersPerSecond, null);
    }
}
