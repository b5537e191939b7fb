package io.cryptofix.order;

import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;

import java.math.BigDecimal;

/**
 * The venue's trading rules for an instrument, checked before an order leaves the gateway, so that
 * the client hears exactly which rule it broke, with the allowed values, instead of a venue's filter
 * error.
 */
final class InstrumentRules
{
    private InstrumentRules()
    {
    }

    /**
     * @param price   limit price, or 0 for none.
     * @param stopPx  trigger price, or 0 for none.
     * @return what is wrong with positive terms, or null if the venue accepts them.
     */
    static String problem(final Instrument instrument, final long orderQty, final long price, final long stopPx)
    {
        if (orderQty < instrument.minQty())
        {
            return "OrderQty (38) " + Fixed.toString(orderQty) + " is below the minimum quantity " +
                Fixed.toString(instrument.minQty()) + " for " + where(instrument);
        }
        if (orderQty % instrument.lotSize() != 0)
        {
            return "OrderQty (38) " + Fixed.toString(orderQty) + " is not a multiple of the lot size " +
                Fixed.toString(instrument.lotSize()) + " for " + where(instrument);
        }
        if (price % instrument.tickSize() != 0)
        {
            return "Price (44) " + Fixed.toString(price) + " is not a multiple of the tick size " +
                Fixed.toString(instrument.tickSize()) + " for " + where(instrument);
        }
        if (stopPx % instrument.tickSize() != 0)
        {
            return "StopPx (99) " + Fixed.toString(stopPx) + " is not a multiple of the tick size " +
                Fixed.toString(instrument.tickSize()) + " for " + where(instrument);
        }
        final long notionalPrice = price != 0 ? price : stopPx;
        if (instrument.minNotional() > 0 && notionalPrice > 0 &&
            belowMinNotional(orderQty, notionalPrice, instrument.minNotional()))
        {
            return "notional " + notional(orderQty, notionalPrice) + " (OrderQty x " + (price != 0 ? "Price" : "StopPx") +
                ") is below the minimum notional " + Fixed.toString(instrument.minNotional()) + " for " + where(instrument);
        }
        return null;
    }

    private static boolean belowMinNotional(final long orderQty, final long price, final long minNotional)
    {
        // both products have scale 16 and overflow a long: compare them exactly as 128-bit numbers
        final long notionalHigh = Math.multiplyHigh(orderQty, price);
        final long minimumHigh = Math.multiplyHigh(minNotional, Fixed.ONE);
        if (notionalHigh != minimumHigh)
        {
            return notionalHigh < minimumHigh;
        }
        return Long.compareUnsigned(orderQty * price, minNotional * Fixed.ONE) < 0;
    }

    private static String notional(final long orderQty, final long price)
    {
        return BigDecimal.valueOf(orderQty, Fixed.SCALE).multiply(BigDecimal.valueOf(price, Fixed.SCALE))
            .stripTrailingZeros().toPlainString();
    }

    private static String where(final Instrument instrument)
    {
        return instrument.symbol() + " at " + instrument.venueId();
    }
}
