package io.cryptofix.venue.coinbase;

import io.cryptofix.venue.rest.VenueTrade;
import org.knowm.xchange.coinbasepro.dto.CoinbasePagedResponse;
import org.knowm.xchange.coinbasepro.dto.trade.CoinbaseProFill;
import si.mazi.rescu.ParamsDigest;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An order's fills at Coinbase ({@code GET /fills?order_id=}), each one trade with its own price and
 * fee. Coinbase lists them newest first, a page at a time; they are told oldest first.
 */
final class CoinbaseFills
{
    private CoinbaseFills()
    {
    }

    static List<VenueTrade> read(
        final CoinbaseExchangeApi api,
        final String apiKey,
        final ParamsDigest signer,
        final String passphrase,
        final Supplier<String> timestamp,
        final String orderId,
        final String feeAsset,
        final int perPage) throws IOException
    {
        final List<CoinbaseProFill> fills = new ArrayList<>();
        String after = null;
        while (true)
        {
            final CoinbasePagedResponse<CoinbaseProFill> page =
                api.fills(apiKey, signer, timestamp.get(), passphrase, orderId, perPage, after);
            fills.addAll(page);
            after = after(page);
            if (page.size() < perPage || after == null || after.isEmpty())
            {
                break;
            }
        }
        fills.sort(Comparator.comparing(CoinbaseFills::tradeNumber));
        final List<VenueTrade> trades = new ArrayList<>(fills.size());
        for (final CoinbaseProFill fill : fills)
        {
            // Coinbase's fee is what it charged (positive), in the quote currency
            trades.add(new VenueTrade(fill.getTradeId(), fill.getSize(), fill.getPrice(),
                fill.getFee() == null ? BigDecimal.ZERO : fill.getFee(), feeAsset));
        }
        return trades;
    }

    /** The cursor to older fills, whatever case the HTTP layer gave the header's name. */
    private static String after(final CoinbasePagedResponse<CoinbaseProFill> page)
    {
        if (page.getResponseHeaders() == null)
        {
            return null;
        }
        for (final Map.Entry<String, List<String>> header : page.getResponseHeaders().entrySet())
        {
            if ("cb-after".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty())
            {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    /** Coinbase's trade ids grow with time within a product. */
    private static BigDecimal tradeNumber(final CoinbaseProFill fill)
    {
        try
        {
            return new BigDecimal(fill.getTradeId());
        }
        catch (final NumberFormatException | NullPointerException e)
        {
            return BigDecimal.ZERO;
        }
    }
}
