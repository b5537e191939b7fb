package io.cryptofix.venue.rest;

import io.cryptofix.domain.MarketDepth;
import io.cryptofix.venue.VenueListener;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The venue's book near the touch (or only its best bid and ask, where the client reads no depth),
 * read with what the request budget has free and told to the gateway when it changes: the gateway
 * triggers the stops it holds from it and holds orders to its price collar.
 */
final class BestPricePoller
{
    // every line of a REST venue goes under RestVenue's logger name, by which logging settings select it
    private static final Logger LOG = System.getLogger(RestVenue.class.getName());

    private final String venueId;
    private final ExchangeClient client;
    private final RequestPacer pacer;
    private final RequestPacer.Clock clock;
    private final VenueListener listener;
    // the best bid and ask last told to the gateway, by symbol
    private final Map<String, long[]> publishedPrices = new LinkedHashMap<>();
    // the depth last told to the gateway, by symbol, for clients that read it
    private final Map<String, MarketDepth> publishedDepth = new LinkedHashMap<>();

    BestPricePoller(
        final String venueId,
        final ExchangeClient client,
        final RequestPacer pacer,
        final RequestPacer.Clock clock,
        final VenueListener listener)
    {
        this.venueId = venueId;
        this.client = client;
        this.pacer = pacer;
        this.clock = clock;
        this.listener = listener;
    }

    /** @return how many symbols' prices changed. */
    int poll()
    {
        if (!pacer.tryRequest(clock.millis()))
        {
            return 0;
        }
        final Map<String, long[]> prices;
        final Map<String, MarketDepth> books;
        try
        {
            books = client.marketDepth();
            prices = books == null ? client.bestBidAndAsk() : null;
        }
        catch (final Exception e)
        {
            LOG.log(Level.WARNING, "venue {0}: prices not read: {1}", venueId, client.classify(e).reason());
            return 0;
        }
        return books != null ? publishDepth(books) : publishPrices(prices);
    }

    private int publishDepth(final Map<String, MarketDepth> books)
    {
        int changed = 0;
        for (final Map.Entry<String, MarketDepth> book : books.entrySet())
        {
            final MarketDepth last = publishedDepth.get(book.getKey());
            final MarketDepth now = book.getValue();
            if (last == null || !Arrays.equals(last.bids(), now.bids()) || !Arrays.equals(last.asks(), now.asks()))
            {
                publishedDepth.put(book.getKey(), now);
                listener.onMarketDepth(book.getKey(), now, clock.millis());
                changed++;
            }
        }
        return changed;
    }

    private int publishPrices(final Map<String, long[]> prices)
    {
        int changed = 0;
        for (final Map.Entry<String, long[]> price : prices.entrySet())
        {
            final long[] last = publishedPrices.get(price.getKey());
            final long[] now = price.getValue();
            if (last == null || last[0] != now[0] || last[1] != now[1])
            {
                publishedPrices.put(price.getKey(), now);
                listener.onMarketPrice(price.getKey(), now[0], now[1], clock.millis());
                changed++;
            }
        }
        return changed;
    }
}
