package io.cryptofix.domain;

/**
 * Trading rules of one instrument at one venue. Prices and quantities are {@link Fixed} longs.
 *
 * @param minNotional  smallest quantity times price, in the quote currency; 0 for none.
 */
public record Instrument(String venueId, String symbol, long tickSize, long lotSize, long minQty, long minNotional)
{
    /** An instrument without a minimum notional. */
    public Instrument(final String venueId, final String symbol, final long tickSize, final long lotSize, final long minQty)
    {
        this(venueId, symbol, tickSize, lotSize, minQty, 0);
    }
}
