package io.cryptofix.venue;

import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.order.VenueOrderStatus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the books a venue tells, one line each: {@code BTC/USDT bids 59999.9x0.5 59999.8x1 asks
 * 60000.1x0.25}, price x quantity, best first; and any best prices told without depth, which a
 * venue that reads depth never tells. Order events are not recorded. Safe to read from any thread.
 */
public final class DepthRecordingListener implements VenueListener
{
    private final List<String> depths = new CopyOnWriteArrayList<>();
    private final List<String> prices = new CopyOnWriteArrayList<>();

    @Override
    public void onMarketDepth(final String symbol, final MarketDepth depth, final long timeMillis)
    {
        depths.add(symbol + " bids" + levels(depth.bids()) + " asks" + levels(depth.asks()));
    }

    private static String levels(final long[] side)
    {
        final StringBuilder text = new StringBuilder();
        for (int level = 0; level < side.length / 2; level++)
        {
            text.append(' ').append(Fixed.toString(side[2 * level])).append('x')
                .append(Fixed.toString(side[2 * level + 1]));
        }
        return text.toString();
    }

    @Override
    public void onMarketPrice(final String symbol, final long bidPx, final long askPx, final long timeMillis)
    {
        prices.add(symbol + " " + Fixed.toString(bidPx) + "/" + Fixed.toString(askPx));
    }

    public List<String> depths()
    {
        return List.copyOf(depths);
    }

    public List<String> prices()
    {
        return List.copyOf(prices);
    }

    @Override
    public void onOrderAccepted(final long orderKey, final String venueOrderId, final long timeMillis)
    {
    }

    @Override
    public void onOrderRejected(final long orderKey, final String reason, final long timeMillis)
    {
    }

    @Override
    public void onFill(final long orderKey, final long lastQty, final long lastPx, final long timeMillis)
    {
    }

    @Override
    public void onOrderCanceled(final long orderKey, final String reason, final long timeMillis)
    {
    }

    @Override
    public void onCancelRejected(final long orderKey, final String reason, final long timeMillis)
    {
    }

    @Override
    public void onOrderExpired(final long orderKey, final long timeMillis)
    {
    }

    @Override
    public void onOrderReplaced(final long orderKey, final long timeMillis)
    {
    }

    @Override
    public void onReplaceRejected(final long orderKey, final String reason, final long timeMillis)
    {
    }

    @Override
    public void onOrderStatus(
        final long orderKey, final VenueOrderStatus status, final String venueOrderId, final long cumQty,
        final long avgPx, final long timeMillis)
    {
    }
}
