package io.cryptofix.venue.rest;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Follows the working orders by asking the venue about them, with what the request budget has free:
 * one order to a request, or as many as the venue answers about in one request. The orders a round
 * does not reach go first in the next.
 */
final class WorkingOrderPoller
{
    // every line of a REST venue goes under RestVenue's logger name, by which logging settings select it
    private static final Logger LOG = System.getLogger(RestVenue.class.getName());

    private final String venueId;
    private final ExchangeClient client;
    private final RequestPacer pacer;
    private final RequestPacer.Clock clock;
    private final WorkingOrders working;
    private final List<Placement> pollRound = new ArrayList<>();
    private final List<String> batchIds = new ArrayList<>();

    WorkingOrderPoller(
        final String venueId,
        final ExchangeClient client,
        final RequestPacer pacer,
        final RequestPacer.Clock clock,
        final WorkingOrders working)
    {
        this.venueId = venueId;
        this.client = client;
        this.pacer = pacer;
        this.clock = clock;
        this.working = working;
    }

    /** @return how many orders this round asked about. */
    int poll()
    {
        if (working.isEmpty())
        {
            return 0;
        }
        // the working orders of a round, in its order; those backing off after a failed lookup wait
        pollRound.clear();
        final long now = clock.millis();
        for (final Placement placement : working.inPollingOrder())
        {
            if (placement.acknowledged && working.due(placement, now))
            {
                pollRound.add(placement);
            }
        }
        final int polled = client.statusBatchSize() > 1 ? pollInBatches(client.statusBatchSize()) : pollOneByOne();
        // the orders not reached this round go first next round
        for (int i = 0; i < polled; i++)
        {
            working.toBack(pollRound.get(i));
        }
        return polled;
    }

    private int pollOneByOne()
    {
        int polled = 0;
        for (final Placement placement : pollRound)
        {
            // polling waits for free capacity: orders and cancels never queue behind it
            if (!pacer.tryRequest(clock.millis()))
            {
                break;
            }
            working.lookUp(placement);
            polled++;
        }
        return polled;
    }

    /** Polls the round's placements {@code batchSize} to a request, in the order of the round. */
    private int pollInBatches(final int batchSize)
    {
        int polled = 0;
        while (polled < pollRound.size() && pacer.tryRequest(clock.millis()))
        {
            final int end = Math.min(pollRound.size(), polled + batchSize);
            final List<Placement> batch = pollRound.subList(polled, end);
            batchIds.clear();
            for (final Placement placement : batch)
            {
                if (placement.venueOrderId != null)
                {
                    batchIds.add(placement.venueOrderId);
                }
            }
            final Map<String, ExchangeOrder> found;
            try
            {
                found = batchIds.isEmpty() ? Map.of() : client.findAll(batchIds);
            }
            catch (final Exception e)
            {
                final VenueError error = client.classify(e);
                LOG.log(Level.WARNING, "venue {0}: polling {1} orders failed: {2}", venueId, batchIds.size(),
                    error.reason());
                if (error.kind() != VenueError.Kind.UNKNOWN_ORDER)
                {
                    for (final Placement placement : batch)
                    {
                        working.lookupFailed(placement, error);
                    }
                    polled = end;
                    continue;
                }
                // one order the venue does not know spoils the batch: ask about these one by one
                batchIds.clear();
                polled = end;
                pollSingly(batch);
                continue;
            }
            for (final Placement placement : new ArrayList<>(batch))
            {
                final ExchangeOrder order = placement.venueOrderId == null ? null : found.get(placement.venueOrderId);
                if (order != null)
                {
                    working.lookedUp(placement);
                    working.apply(placement, order, WorkingOrders.CANCELED_BY_VENUE);
                }
                else if (placement.venueOrderId != null && pacer.tryRequest(clock.millis()))
                {
                    // not in the venue's answer: asked about alone, which confirms an order gone
                    working.lookUp(placement);
                }
            }
            polled = end;
        }
        return polled;
    }

    private void pollSingly(final List<Placement> batch)
    {
        for (final Placement placement : new ArrayList<>(batch))
        {
            if (!pacer.tryRequest(clock.millis()))
            {
                return;
            }
            working.lookUp(placement);
        }
    }
}
