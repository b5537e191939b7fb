package io.cryptofix.venue.kraken;

import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.venue.VenueOrder;

/**
 * The AddOrder parameters of one order, each one Kraken documents, the others absent: {@code volume}
 * is in the base currency (Kraken's default; {@code viqc} is never sent), a stop's trigger goes in
 * {@code price} and a stop-limit's limit in {@code price2}.
 *
 * @param ordertype   {@code market}, {@code limit}, {@code stop-loss}, {@code stop-loss-limit}, {@code take-profit}.
 * @param type        {@code buy} or {@code sell}.
 * @param volume      in the base currency.
 * @param price       the limit, or a stop's trigger; null for a market order.
 * @param price2      a stop-limit's limit; else null.
 * @param oflags      {@code post} for post-only; else null.
 * @param timeinforce {@code IOC} or {@code GTD}; null for Kraken's default, GTC.
 * @param expiretm    with GTD: epoch seconds; else null.
 */
record KrakenOrderForm(
    String ordertype, String type, String volume, String price, String price2, String oflags, String timeinforce,
    String expiretm)
{
    static KrakenOrderForm of(final VenueOrder order)
    {
        final String limit = plain(order.limitPrice());
        final String stop = plain(order.stopPx());
        final String type = order.side() == Side.BUY ? "buy" : "sell";
        final String volume = plain(order.quantity());
        final String oflags = order.postOnly() ? "post" : null;
        final String timeinforce;
        final String expiretm;
        if (order.timeInForce() == TimeInForce.IMMEDIATE_OR_CANCEL)
        {
            timeinforce = "IOC";
            expiretm = null;
        }
        else if (order.timeInForce() == TimeInForce.GOOD_TILL_DATE)
        {
            timeinforce = "GTD";
            expiretm = Long.toString(order.expireTimeMillis() / 1000);
        }
        else
        {
            timeinforce = null;
            expiretm = null;
        }
        switch (order.ordType())
        {
            case MARKET:
                return new KrakenOrderForm("market", type, volume, null, null, oflags, timeinforce, expiretm);
            // Kraken's stop-loss buys when the price rises to the trigger, as a FIX stop does;
            // take-profit the other way round, as MarketIfTouched
            case STOP:
                return new KrakenOrderForm("stop-loss", type, volume, stop, null, oflags, timeinforce, expiretm);
            case STOP_LIMIT:
                return new KrakenOrderForm("stop-loss-limit", type, volume, stop, limit, oflags, timeinforce, expiretm);
            case MARKET_IF_TOUCHED:
                return new KrakenOrderForm("take-profit", type, volume, stop, null, oflags, timeinforce, expiretm);
            default:
                return new KrakenOrderForm("limit", type, volume, limit, null, oflags, timeinforce, expiretm);
        }
    }

    private static String plain(final long fixed)
    {
        return Fixed.toBigDecimal(fixed).stripTrailingZeros().toPlainString();
    }
}
