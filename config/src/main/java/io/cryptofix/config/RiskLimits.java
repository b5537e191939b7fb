package io.cryptofix.config;

import java.math.BigDecimal;

/**
 * The pre-trade limits one level of the {@code risk} section sets; null where that level leaves a
 * limit to the levels below it.
 *
 * @param maxOrderQty       the largest OrderQty (38) of one order, in the symbol's base currency.
 * @param maxOrderNotional  the largest value of one order, OrderQty times its price, in the symbol's
 *                          quote currency.
 * @param ordersPerSecond   new orders, cancels and replaces one session may send per second (a token
 *                          bucket holding a second's worth); set by default and per session only.
 * @param maxOpenOrders     the most orders one session may have open at once, at all venues; set by
 *                          default and per session only.
 * @param priceCollarPercent how far, in percent, a limit buy may be above the venue's best ask (a
 *                          sell below its best bid).
 */
public record RiskLimits(
    BigDecimal maxOrderQty,
    BigDecimal maxOrderNotional,
    Integer ordersPerSecond,
    Integer maxOpenOrders,
    BigDecimal priceCollarPercent)
{
    public static final RiskLimits NONE = new RiskLimits(null, null, null, null, null);

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
