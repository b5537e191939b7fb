package io.cryptofix.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Stop, StopLimit and MarketIfTouched orders the gateway holds for venues that cannot, with the
 * latest best bid and ask of each venue symbol they watch. A price update triggers every order whose
 * condition it meets ({@link io.cryptofix.domain.OrdType#isTriggered}).
 */
final class TriggerBook
{
    private final Map<String, Map<String, Watch>> watchesByVenue = new HashMap<>();
    private final List<Order> triggered = new ArrayList<>();

    void hold(final Order order)
    {
        watch(order.venueId(), order.symbol()).orders.add(order);
    }

    boolean release(final Order order)
    {
        final Watch watch = watchesByVenue.getOrDefault(order.venueId(), Map.of()).get(order.symbol());
        return watch != null && watch.orders.remove(order);
    }

    /**
     * Records the prices and hands every order they trigger to {@code onTrigger}, after removing it.
     */
    void onMarketPrice(
        final String venueId, final String symbol, final long bidPx, final long askPx, final Consumer<Order> onTrigger)
    {
        final Watch watch = watch(venueId, symbol);
        watch.bidPx = bidPx;
        watch.askPx = askPx;
        trigger(watch, onTrigger);
    }

    /**
     * Checks one held order against the latest prices, e.g. right after it was placed or amended.
     */
    void check(final Order order, final Consumer<Order> onTrigger)
    {
        trigger(watch(order.venueId(), order.symbol()), onTrigger);
    }

    int held()
    {
        int held = 0;
        for (final Map<String, Watch> watches : watchesByVenue.values())
        {
            for (final Watch watch : watches.values())
            {
                held += watch.orders.size();
            }
        }
        return held;
    }

    private void trigger(final Watch watch, final Consumer<Order> onTrigger)
    {
        if (watch.orders.isEmpty())
        {
            return;
        }
        triggered.clear();
        for (final Order order : watch.orders)
        {
            if (order.ordType().isTriggered(order.side(), order.stopPx(), watch.bidPx, watch.askPx))
            {
                triggered.add(order);
            }
        }
        // removed first, so that what the trigger does cannot disturb the iteration
        watch.orders.removeAll(triggered);
        for (final Order order : triggered)
        {
            onTrigger.accept(order);
        }
        triggered.clear();
    }

    private Watch watch(final String venueId, final String symbol)
    {
        return watchesByVenue.computeIfAbsent(venueId, id -> new HashMap<>()).computeIfAbsent(symbol, s -> new Watch());
    }

    private static final class Watch
    {
        final List<Order> orders = new ArrayList<>();
        long bidPx;
        long askPx;
    }
}
