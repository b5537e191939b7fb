package io.cryptofix.venue.binance;

import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.venue.rest.VenueUnavailableException;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.BinanceExchangeInfo;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Filter;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Symbol;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of the symbols to trade, read from the filters of Binance's raw {@code exchangeInfo}:
 * XChange 5.2.0's exchange metadata keeps no tick size. A symbol not listed, not trading, or
 * without a tick or lot size makes the venue unusable.
 */
final class BinanceInstruments
{
    private BinanceInstruments()
    {
    }

    static List<Instrument> rules(final String venueId, final List<String> symbols, final BinanceExchangeInfo info)
    {
        final Map<String, Symbol> byName = new HashMap<>();
        for (final Symbol symbol : info.getSymbols())
        {
            byName.put(symbol.getBaseAsset() + "/" + symbol.getQuoteAsset(), symbol);
        }
        final List<Instrument> instruments = new ArrayList<>();
        for (final String name : symbols)
        {
            final Symbol symbol = byName.get(name);
            if (symbol == null || !"TRADING".equals(symbol.getStatus()))
            {
                throw new VenueUnavailableException("venue " + venueId + ": symbol " + name +
                    (symbol == null ? " is not listed" : " is not trading (status " + symbol.getStatus() + ")"));
            }
            long tick = 0;
            long lot = 0;
            long minQty = 0;
            long minNotional = 0;
            for (final Filter filter : symbol.getFilters())
            {
                switch (filter.getFilterType())
                {
                    case "PRICE_FILTER" -> tick = fixed(filter.getTickSize());
                    case "LOT_SIZE" ->
                    {
                        lot = fixed(filter.getStepSize());
                        minQty = fixed(filter.getMinQty());
                    }
                    case "MIN_NOTIONAL", "NOTIONAL" -> minNotional = fixed(filter.getMinNotional());
                    default ->
                    {
                        // other filters (percent price, iceberg parts) are the venue's to enforce
                    }
                }
            }
            if (tick <= 0 || lot <= 0)
            {
                throw new VenueUnavailableException("venue " + venueId + ": symbol " + name +
                    " has no tick size or lot size in its exchangeInfo filters");
            }
            instruments.add(new Instrument(venueId, name, tick, lot, Math.max(minQty, lot), minNotional));
        }
        return instruments;
    }

    private static long fixed(final String decimal)
    {
        return decimal == null ? 0 : Fixed.fromBigDecimal(new BigDecimal(decimal).stripTrailingZeros());
    }
}
