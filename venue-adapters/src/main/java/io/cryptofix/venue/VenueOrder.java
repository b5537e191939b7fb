package io.cryptofix.venue;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;

/**
 * An order to place at a venue, as the venue should hold it: what the venue lacks natively the gateway
 * emulates and leaves out of here (an emulated stop arrives only once triggered, as market or limit;
 * an emulated GTD or Day order arrives as GTC).
 *
 * @param orderKey          the gateway's key for the order, echoed in every answer.
 * @param attempt           0 for the order's first placement; counts up each time the gateway places
 *                          the same order again (a replace emulated as cancel and new), so adapters can
 *                          derive a client order id that is new at the venue.
 * @param symbol            BASE/QUOTE, e.g. {@code BTC/USDT}; the adapter maps it to the venue's symbol.
 * @param side              buy or sell.
 * @param ordType           any {@link OrdType}; trigger types only to a venue that holds stops natively.
 * @param quantity          quantity to place, {@link io.cryptofix.domain.Fixed}.
 * @param limitPrice        limit price, {@link io.cryptofix.domain.Fixed}; 0 unless the type has one.
 * @param stopPx            trigger price, {@link io.cryptofix.domain.Fixed}; 0 unless the type has one.
 * @param timeInForce       GTC, IOC or FOK, or GTD to a venue that expires orders natively.
 * @param expireTimeMillis  when a GTD order expires, epoch milliseconds; 0 otherwise.
 * @param postOnly          the venue must refuse the order rather than let it take liquidity.
 */
public record VenueOrder(
    long orderKey,
    int attempt,
    String symbol,
    Side side,
    OrdType ordType,
    long quantity,
    long limitPrice,
    long stopPx,
    TimeInForce timeInForce,
    long expireTimeMillis,
    boolean postOnly)
{
    /** A plain good-till-cancel market or limit order. */
    public static VenueOrder of(
        final long orderKey, final String symbol, final Side side, final OrdType ordType, final long quantity,
        final long limitPrice)
    {
        return new VenueOrder(orderKey, 0, symbol, side, ordType, quantity, limitPrice, 0,
            TimeInForce.GOOD_TILL_CANCEL, 0, false);
    }
}
