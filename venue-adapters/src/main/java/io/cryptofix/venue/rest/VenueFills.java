package io.cryptofix.venue.rest;

import io.cryptofix.domain.Fixed;
import io.cryptofix.venue.VenueListener;
import io.cryptofix.venue.VenueMetrics;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Tells the gateway an order's fills the venue shows and the gateway has not heard: each of the
 * venue's trades as one fill with its own price and fee, where the venue lists them, and otherwise
 * the difference of the order's executed totals as one fill at its average price.
 */
final class VenueFills
{
    // every line of a REST venue goes under RestVenue's logger name, by which logging settings select it
    private static final Logger LOG = System.getLogger(RestVenue.class.getName());

    private final String venueId;
    private final ExchangeClient client;
    private final RequestPacer.Clock clock;
    private final VenueListener listener;
    private final VenueMetrics metrics;
    private final VenueHealth health;
    private final RequestPacer pacer;

    VenueFills(
        final String venueId,
        final ExchangeClient client,
        final RequestPacer.Clock clock,
        final VenueListener listener,
        final VenueMetrics metrics,
        final VenueHealth health,
        final RequestPacer pacer)
    {
        this.pacer = pacer;
        this.venueId = venueId;
        this.client = client;
        this.clock = clock;
        this.listener = listener;
        this.metrics = metrics;
        this.health = health;
    }

    /**
     * Reports the fills the venue shows beyond those reported before: each of its trades as one fill
     * with its fee where the venue lists them, else one fill at the average price of the difference.
     *
     * @return false when the trades could not be read and the order still works: nothing was reported.
     */
    boolean report(final Placement placement, final ExchangeOrder order)
    {
        if (order.executedQty().compareTo(placement.executedQty) <= 0)
        {
            return true;
        }
        if (!placement.fillsFromTotals)
        {
            final List<VenueTrade> trades;
            try
            {
                // a request like any other: within the venue's limits
                final long waited = pacer.awaitRequest(clock);
                if (waited > 0)
                {
                    metrics.onRateLimitWait(venueId, waited);
                }
                trades = client.trades(placement.symbol, order);
            }
            catch (final Exception e)
            {
                final VenueError error = client.classify(e);
                health.failed(error);
                LOG.log(Level.WARNING, "venue {0}: the trades of {1} not read: {2}", venueId, placement.clientOrderId,
                    error.reason());
                if (!order.isTerminal())
                {
                    return false;
                }
                // the order has ended: its fills go out from its totals rather than wait
                reportFromTotals(placement, order);
                return true;
            }
            if (trades != null)
            {
                reportTrades(placement, trades);
                if (order.isTerminal() && placement.executedQty.compareTo(order.executedQty()) < 0)
                {
                    // the venue's trade list lags behind its order: what it does not list yet goes out as one fill
                    reportFromTotals(placement, order);
                }
                return true;
            }
            placement.fillsFromTotals = true;
        }
        reportFromTotals(placement, order);
        return true;
    }

    private void reportTrades(final Placement placement, final List<VenueTrade> trades)
    {
        for (final VenueTrade trade : trades)
        {
            if (trade.qty().signum() > 0 && placement.firstSeen(trade.tradeId()))
            {
                placement.executedQty = placement.executedQty.add(trade.qty());
                placement.executedQuote = placement.executedQuote.add(trade.qty().multiply(trade.price()));
                listener.onFill(placement.orderKey, Fixed.fromBigDecimal(trade.qty()), Fixed.fromBigDecimal(trade.price()),
                    trade.commission() == null ? 0 : Fixed.fromBigDecimal(trade.commission()), trade.commissionAsset(),
                    clock.millis());
                if (trade.commission() != null && trade.commission().signum() != 0)
                {
                    metrics.onFee(venueId, trade.commissionAsset(), trade.commission().doubleValue());
                }
            }
        }
    }

    private void reportFromTotals(final Placement placement, final ExchangeOrder order)
    {
        final BigDecimal qty = order.executedQty().subtract(placement.executedQty);
        if (qty.signum() <= 0)
        {
            return;
        }
        final BigDecimal quote = order.executedQuote().subtract(placement.executedQuote);
        placement.executedQty = order.executedQty();
        placement.executedQuote = order.executedQuote();
        final BigDecimal price = quote.signum() > 0 ? quote.divide(qty, Fixed.SCALE, RoundingMode.HALF_EVEN) :
            order.executedQty().signum() > 0 && order.executedQuote().signum() > 0 ?
            order.executedQuote().divide(order.executedQty(), Fixed.SCALE, RoundingMode.HALF_EVEN) : BigDecimal.ZERO;
        listener.onFill(placement.orderKey, Fixed.fromBigDecimal(qty), Fixed.fromBigDecimal(price), clock.millis());
    }
}
