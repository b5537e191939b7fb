package io.cryptofix.venue.rest;

import java.math.BigDecimal;

/**
 * One trade of an order, as the venue's trade list reports it: each is one fill to the client.
 *
 * @param tradeId          the venue's id of the trade, unique within the order.
 * @param qty              the quantity traded, in the base currency.
 * @param price            the price of the trade.
 * @param commission       the fee the venue charged for it (0 when none); negative for a rebate.
 * @param commissionAsset  the asset the fee was charged in, as the venue names it; null when none.
 */
public record VenueTrade(String tradeId, BigDecimal qty, BigDecimal price, BigDecimal commission, String commissionAsset)
{
}
