package io.cryptofix.venue.sim;

import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.order.VenueOrderStatus;
import io.cryptofix.domain.Instrument;
import io.cryptofix.venue.VenueListener;
import io.cryptofix.venue.VenueState;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what a venue answers, one readable line per callback, e.g. {@code FILL 1 0.5@101}, or
 * {@code FILL 1 0.5@101 fee 0.0005 BNB} when the venue told the fee. Safe to read from any thread.
 */
public final class RecordingVenueListener implements VenueListener
{
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> prices = new CopyOnWriteArrayList<>();
    private final List<String> depths = new CopyOnWriteArrayList<>();
    private final List<String> venueStates = new CopyOnWriteArrayList<>();

    @Override
    public void onOrderAccepted(final long orderKey, final String venueOrderId, final long timeMillis)
    {
        events.add("ACCEPTED " + orderKey);
    }

    @Override
    public void onOrderRejected(final long orderKey, final String reason, final long timeMillis)
    {
        events.add("REJECTED " + orderKey + " " + reason);
    }

    @Override
    public void onFill(final long orderKey, final long lastQty, final long lastPx, final long timeMillis)
    {
        events.add("FILL " + orderKey + " " + Fixed.toString(lastQty) + "@" + Fixed.toString(lastPx));
    }

    @Override
    public void onFill(
        final long orderKey, final long lastQty, final long lastPx, final long commission, final String commissionAsset,
        final long timeMillis)
    {
        events.add("FILL " + orderKey + " " + Fixed.toString(lastQty) + "@" + Fixed.toString(lastPx) + " fee " +
            Fixed.toString(commission) + " " + commissionAsset);
    }

    @Override
    public void onOrderExpired(final long orderKey, final String reason, final long timeMillis)
    {
        events.add("EXPIRED " + orderKey + " " + reason);
    }

    @Override
    public void onOrderInDoubt(final long orderKey, final String reason, final long timeMillis)
    {
        events.add("IN_DOUBT " + orderKey + " " + reason);
    }

    @Override
    public void onVenueState(
        final VenueState state, final String reason, final List<Instrument> instruments, final long timeMillis)
    {
        venueStates.add(state + " " + instruments.size() + " " + reason);
    }

    /** The venue states reported, e.g. {@code UP 2 connected}: state, instruments loaded, reason. */
    public List<String> venueStates()
    {
        return List.copyOf(venueStates);
    }

    @Override
    public void onOrderStatus(
        final long orderKey,
        final VenueOrderStatus status,
        final String venueOrderId,
        final long cumQty,
        final long avgPx,
        final long timeMillis)
    {
        events.add("STATUS " + orderKey + " " + status + " " + Fixed.toString(cumQty) + "@" + Fixed.toString(avgPx));
    }

    @Override
    public void onOrderStatus(
        final long orderKey,
        final VenueOrderStatus status,
        final String venueOrderId,
        final long cumQty,
        final long avgPx,
        final String reason,
        final long timeMillis)
    {
        events.add("STATUS " + orderKey + " " + status + " " + Fixed.toString(cumQty) + "@" + Fixed.toString(avgPx) +
            (reason == null ? "" : " " + reason));
    }

    @Override
    public void onOrderCanceled(final long orderKey, final String reason, final long timeMillis)
    {
        events.add("CANCELED " + orderKey + " " + reason);
    }

    @Override
    public void onCancelRejected(final long orderKey, final String reason, final long timeMillis)
    {
        events.add("CANCEL_REJECTED " + orderKey + " " + reason);
    }

    @Override
    public void onOrderExpired(final long orderKey, final long timeMillis)
    {
        events.add("EXPIRED " + orderKey);
    }

    @Override
    public void onOrderReplaced(final long orderKey, final long timeMillis)
    {
        events.add("REPLACED " + orderKey);
    }

    @Override
    public void onReplaceRejected(final long orderKey, final String reason, final long timeMillis)
    {
        events.add("REPLACE_REJECTED " + orderKey + " " + reason);
    }

    @Override
    public void onMarketPrice(final String symbol, final long bidPx, final long askPx, final long timeMillis)
    {
        // prices are recorded apart, so that the order events of a test read as they happen
        prices.add(symbol + " " + Fixed.toString(bidPx) + "/" + Fixed.toString(askPx));
    }

    public List<String> prices()
    {
        return List.copyOf(prices);
    }

    @Override
    public void onMarketDepth(final String symbol, final MarketDepth depth, final long timeMillis)
    {
        onMarketPrice(symbol, depth.bidPx(), depth.askPx(), timeMillis);
        depths.add(symbol + " " + levels(depth.bids()) + "/" + levels(depth.asks()));
    }

    /** The books told, e.g. {@code BTC/USDT 1@99,2@98/0.5@101}: each side's levels, qty@price, best first. */
    public List<String> depths()
    {
        return List.copyOf(depths);
    }

    private static String levels(final long[] side)
    {
        final StringBuilder levels = new StringBuilder();
        for (int level = 0; level < side.length / 2; level++)
        {
            levels.append(level == 0 ? "" : ",").append(Fixed.toString(side[2 * level + 1])).append('@')
                .append(Fixed.toString(side[2 * level]));
        }
        return levels.toString();
    }

    public List<String> events()
    {
        return List.copyOf(events);
    }

    /** Forgets the events so far. */
    public void clearEvents()
    {
        events.clear();
    }

    List<String> fillsOf(final long orderKey)
    {
        return events.stream().filter(event -> event.startsWith("FILL " + orderKey + " ")).toList();
    }

    void clear()
    {
        events.clear();
    }
}
