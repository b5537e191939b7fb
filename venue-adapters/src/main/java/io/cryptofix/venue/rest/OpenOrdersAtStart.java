package io.cryptofix.venue.rest;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells operators what the account has open at the venue as the gateway connects: orders this run
 * did not place are not followed by it.
 */
final class OpenOrdersAtStart
{
    // every line of a REST venue goes under RestVenue's logger name, by which logging settings select it
    private static final Logger LOG = System.getLogger(RestVenue.class.getName());
    private static final int OPEN_ORDERS_NAMED = 20;

    private OpenOrdersAtStart()
    {
    }

    static void report(final String venueId, final ExchangeClient client)
    {
        final List<ExchangeOrder> open;
        try
        {
            open = client.openOrders();
        }
        catch (final Exception e)
        {
            LOG.log(Level.WARNING, "venue {0}: open orders not listed at start: {1}", venueId, client.classify(e).reason());
            return;
        }
        if (open.isEmpty())
        {
            LOG.log(Level.INFO, "venue {0}: no open orders at start", venueId);
            return;
        }
        final List<String> ids = new ArrayList<>();
        for (final ExchangeOrder order : open.subList(0, Math.min(open.size(), OPEN_ORDERS_NAMED)))
        {
            ids.add(order.venueOrderId() + (order.clientOrderId() == null || order.clientOrderId().isEmpty() ? "" :
                " (" + order.clientOrderId() + ")"));
        }
        LOG.log(Level.WARNING, "venue {0}: {1} open orders at start, not placed by this run of the gateway and not " +
            "followed by it: {2}{3}", venueId, open.size(), String.join(", ", ids),
            open.size() > OPEN_ORDERS_NAMED ? ", ..." : "");
    }
}
