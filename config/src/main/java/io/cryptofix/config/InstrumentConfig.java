package io.cryptofix.config;

import java.math.BigDecimal;

/**
 * Trading rules of one instrument at one venue, and for the simulated venue its synthetic market.
 *
 * @param symbol          BASE/QUOTE, e.g. {@code BTC/USDT}.
 * @param tickSize        price increment.
 * @param lotSize         quantity increment.
 * @param minQty          smallest order quantity.
 * @param minNotional     smallest quantity times price (in the quote currency); 0 for none.
 * @param referencePrice  simulated venue only: starting reference price of the synthetic market.
 * @param levelQty        simulated venue only: synthetic quantity resting at each price level.
 */
public record InstrumentConfig(
    String symbol,
    BigDecimal tickSize,
    BigDecimal lotSize,
    BigDecimal minQty,
    BigDecimal minNotional,
    BigDecimal referencePrice,
    BigDecimal levelQty)
{
}
