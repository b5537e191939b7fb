package io.cryptofix.venue.sim;

import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueOrder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stop orders (Stop, StopLimit, MarketIfTouched) one symbol holds off its book until the best
 * bid (sells) or best ask (buys) meets their stop price; then they trade as the market or limit
 * order they become, oldest first.
 */
final class HeldStops
{
    // a cascade of stops triggering each other ends; this bounds one pass
    private static final int MAX_TRIGGER_PASSES = 100;

    /** Trades a stop just triggered, as the order it has become. */
    @FunctionalInterface
    interface Triggered
    {
        void trade(VenueOrder stop, long nowMillis);
    }

    private final Triggered triggeredStop;
    private final Map<Long, VenueOrder> heldStops = new HashMap<>();
    private final List<VenueOrder> triggered = new ArrayList<>();

    HeldStops(final Triggered triggeredStop)
    {
        this.triggeredStop = triggeredStop;
    }

    void hold(final VenueOrder stop)
    {
        heldStops.put(stop.orderKey(), stop);
    }

    /** @return the stop held under the order key, or null. */
    VenueOrder held(final long orderKey)
    {
        return heldStops.get(orderKey);
    }

    /** @return the stop no longer held, or null when none was. */
    VenueOrder release(final long orderKey)
    {
        return heldStops.remove(orderKey);
    }

    /**
     * After the book changed: triggers the stops its prices now meet. Each triggered stop trades and
     * may move the book, so this looks again until no more trigger.
     */
    void triggerWhereMet(final OrderBook book, final long nowMillis)
    {
        for (int pass = 0; pass < MAX_TRIGGER_PASSES && triggerOnce(book, nowMillis); pass++)
        {
            // each pass may move the book and trigger more
        }
    }

    private boolean triggerOnce(final OrderBook book, final long nowMillis)
    {
        if (heldStops.isEmpty())
        {
            return false;
        }
        final long bid = book.bestPrice(Side.BUY);
        final long ask = book.bestPrice(Side.SELL);
        triggered.clear();
        for (final VenueOrder stop : heldStops.values())
        {
            if (stop.ordType().isTriggered(stop.side(), stop.stopPx(), bid, ask))
            {
                triggered.add(stop);
            }
        }
        // oldest first, so that the same market gives the same fills
        triggered.sort((a, b) -> Long.compare(a.orderKey(), b.orderKey()));
        for (final VenueOrder stop : triggered)
        {
            heldStops.remove(stop.orderKey());
            triggeredStop.trade(stop, nowMillis);
        }
        return !triggered.isEmpty();
    }
}
