package io.cryptofix.config;

import java.math.BigDecimal;

/**
 * The pre-trade limits one level of the {@code risk} section sets; null where that level leaves a
 * limit to the levels below it.
 *
 * @param maxOrderQty       the largest OrderQty (38) of one order, in the symbol's base currency.
 * @param maxOrderNotional  the largest value of one order, OrderQty times its price, in the symbol's
 *                          quote currency.
 */
public record RiskLimits(BigDecimal maxOrderQty, BigDecimal maxOrderNotional)
{
    public static final RiskLimits NONE = new RiskLimits(null, null);
}
