package io.cryptofix.venue.rest;

import io.cryptofix.domain.MarketDepth;
import io.cryptofix.venue.VenueListener;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The venue's book near the touch, read with what the request budget has free (all of a read's
 * requests at once: one per symbol, or the venue's weight) and told to the gateway when it changes:
 * the gateway triggers the stops it holds from its best prices and holds orders to its price collar.
 */
final class MarketDepthPoller
{
    // every line of a REST venue goes under RestVenue's logger name, by which logging settings select it
    private static final Logger LOG = System.getLogger(RestVenue.class.getName());

    private final String venueId;
    private final ExchangeClient client;
    private final RequestPacer pacer;
    private final RequestPacer.Clock clock;
    private final VenueListener listener;
    // the symbols the venue trades: a read asks for each one's book
    private final int symbols;
    // the book last told to the gateway, by symbol
    private final Map<String, MarketDepth> publishedDepth = new LinkedHashMap<>();

    MarketDepthPoller(
        final String venueId,
        final ExchangeClient client,
        final RequestPacer pacer,
        final RequestPacer.Clock clock,
        final VenueListener listener,
        final int symbols)
    {
        this.symbols = symbols;
        this.venueId = venueId;
        this.client = client;
        this.pacer = pacer;
        this.clock = clock;
        this.listener = listener;
    }

    /** @return how many symbols' books changed. */
    int poll()
    {
        if (!pacer.tryRequests(clock.millis(), client.marketDepthCost(symbols)))
        {
            return 0;
        }
        final Map<String, MarketDepth> books;
        try
        {
            books = client.marketDepth();
        }
        catch (final Exception e)
        {
            LOG.log(Level.WARNING, "venue {0}: book not read: {1}", venueId, client.classify(e).reason());
            return 0;
        }
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
}
