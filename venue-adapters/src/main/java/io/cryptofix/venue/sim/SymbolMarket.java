package io.cryptofix.venue.sim;

import io.cryptofix.config.InstrumentConfig;
import io.cryptofix.config.SimulatedVenueConfig;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.venue.VenueAmend;
import io.cryptofix.venue.VenueListener;
import io.cryptofix.venue.VenueOrder;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One symbol of the simulated venue: takes its orders, cancels and amends, expires its GTD orders
 * and tells the gateway its best prices. What it refuses is in {@link OrderRules}, the trading in
 * {@link MatchingEngine}, the stops it holds in {@link HeldStops}, the market around the gateway's
 * orders in {@link SyntheticMarket}. Every answer goes to the venue's listener; time comes only
 * from the callers.
 */
final class SymbolMarket
{
    static final long DEPTH_INTERVAL_MILLIS = 100;

    private final String venueId;
    private final String symbol;
    private final VenueSequence sequence;
    private final VenueListener listener;
    private final OrderBook book = new OrderBook();
    private final SyntheticMarket synthetic;
    private final OrderRules rules;
    private final MatchingEngine matching;
    private final HeldStops stops = new HeldStops(this::tradeTriggered);
    private final Map<Long, Long> expireTimes = new HashMap<>();
    private final Map<Long, Long> placedQuantities = new HashMap<>();
    private long publishedBid = -1;
    private long publishedAsk = -1;
    // the depth last told, and scratch to compare the book with it
    private long[] publishedBids = new long[0];
    private long[] publishedAsks = new long[0];
    private final long[] bidLevels = new long[2 * MarketDepth.LEVELS];
    private final long[] askLevels = new long[2 * MarketDepth.LEVELS];
    private long depthPublishedMillis = Long.MIN_VALUE;
    private boolean bookChanged = true;

    SymbolMarket(
        final String venueId,
        final InstrumentConfig instrument,
        final SimulatedVenueConfig settings,
        final VenueSequence sequence,
        final VenueListener listener)
    {
        this.venueId = venueId;
        this.symbol = instrument.symbol();
        this.sequence = sequence;
        this.listener = listener;
        this.rules = new OrderRules(instrument, settings.supports());
        this.matching = new MatchingEngine(book, sequence, listener, this::forget);
        synthetic = new SyntheticMarket(
            settings.seed() ^ instrument.symbol().hashCode(),
            Fixed.fromBigDecimal(instrument.referencePrice()),
            Fixed.fromBigDecimal(instrument.tickSize()),
            Fixed.fromBigDecimal(instrument.levelQty()),
            settings.depthLevels(),
            settings.spreadTicks(),
            settings.volatilityBps());
    }

    /** Lays out the first synthetic liquidity and publishes the first prices. */
    void open(final long nowMillis)
    {
        matching.refresh(synthetic, nowMillis);
        afterBookChange(nowMillis);
        publishPrices(nowMillis);
    }

    /** One step of the synthetic market: the reference price moves and the liquidity follows it. */
    void tick(final long nowMillis)
    {
        synthetic.step();
        matching.refresh(synthetic, nowMillis);
        afterBookChange(nowMillis);
    }

    /** Expires GTD orders whose time has come. */
    void expire(final long nowMillis)
    {
        if (expireTimes.isEmpty())
        {
            return;
        }
        final Iterator<Map.Entry<Long, Long>> deadlines = expireTimes.entrySet().iterator();
        boolean bookChanged = false;
        while (deadlines.hasNext())
        {
            final Map.Entry<Long, Long> deadline = deadlines.next();
            if (deadline.getValue() <= nowMillis)
            {
                final long orderKey = deadline.getKey();
                deadlines.remove();
                bookChanged |= book.cancel(orderKey) != null;
                stops.release(orderKey);
                placedQuantities.remove(orderKey);
                listener.onOrderExpired(orderKey, nowMillis);
            }
        }
        if (bookChanged)
        {
            afterBookChange(nowMillis);
        }
    }

    void submit(final VenueOrder order, final long nowMillis)
    {
        final String problem = rules.problem(order, nowMillis);
        if (problem != null)
        {
            listener.onOrderRejected(order.orderKey(), problem, nowMillis);
            return;
        }
        if (order.postOnly() && wouldTrade(order.side(), order.limitPrice()))
        {
            listener.onOrderRejected(order.orderKey(), "post-only order would take liquidity", nowMillis);
            return;
        }

        final long venueSequence = sequence.next();
        listener.onOrderAccepted(order.orderKey(), venueId + "-" + venueSequence, nowMillis);
        placedQuantities.put(order.orderKey(), order.quantity());
        if (order.timeInForce() == TimeInForce.GOOD_TILL_DATE)
        {
            expireTimes.put(order.orderKey(), order.expireTimeMillis());
        }
        if (order.ordType().hasTrigger())
        {
            stops.hold(order);
            afterBookChange(nowMillis);
            return;
        }
        matching.execute(order, order.ordType(), order.quantity(), venueSequence, nowMillis);
        afterBookChange(nowMillis);
    }

    void cancel(final long orderKey, final long nowMillis)
    {
        final boolean resting = book.cancel(orderKey) != null;
        if (resting || stops.release(orderKey) != null)
        {
            forget(orderKey);
            listener.onOrderCanceled(orderKey, "canceled by request", nowMillis);
            if (resting)
            {
                afterBookChange(nowMillis);
            }
        }
        else
        {
            listener.onCancelRejected(orderKey, "unknown order or already closed", nowMillis);
        }
    }

    void amend(final VenueAmend amend, final long nowMillis)
    {
        final long orderKey = amend.orderKey();
        if (!rules.amendSupported())
        {
            listener.onReplaceRejected(orderKey, "amend not supported", nowMillis);
            return;
        }
        final VenueOrder held = stops.held(orderKey);
        final RestingOrder resting = book.resting(orderKey);
        final Long placed = placedQuantities.get(orderKey);
        if (placed == null || held == null && resting == null)
        {
            listener.onReplaceRejected(orderKey, "unknown order or already closed", nowMillis);
            return;
        }
        final long filled = held != null ? 0 : placed - resting.remainingQty;
        final String problem = rules.amendProblem(amend, filled);
        if (problem != null)
        {
            listener.onReplaceRejected(orderKey, problem, nowMillis);
            return;
        }

        placedQuantities.put(orderKey, amend.quantity());
        if (held != null)
        {
            stops.hold(new VenueOrder(orderKey, held.attempt(), symbol, held.side(), held.ordType(),
                amend.quantity(), amend.limitPrice(), amend.stopPx(), held.timeInForce(), held.expireTimeMillis(),
                held.postOnly()));
            listener.onOrderReplaced(orderKey, nowMillis);
            afterBookChange(nowMillis);
            return;
        }
        final long remaining = amend.quantity() - filled;
        if (amend.limitPrice() == resting.price && remaining <= resting.remainingQty)
        {
            // a smaller quantity at the same price keeps its place in the queue
            resting.remainingQty = remaining;
            listener.onOrderReplaced(orderKey, nowMillis);
            return;
        }
        // a new price, or more quantity, goes to the back of the queue and may trade at once
        book.cancel(orderKey);
        listener.onOrderReplaced(orderKey, nowMillis);
        final VenueOrder replaced = VenueOrder.of(orderKey, symbol, resting.side, OrdType.LIMIT, remaining,
            amend.limitPrice());
        matching.execute(replaced, OrdType.LIMIT, remaining, sequence.next(), nowMillis);
        afterBookChange(nowMillis);
    }

    long bestPrice(final Side side)
    {
        return book.bestPrice(side);
    }

    /**
     * Tells the gateway the book near the touch, if it changed since it last heard it. It hears it at
     * the end of the venue's work cycle, once per burst of changes rather than once per trade, as a
     * venue's market data stream would batch them: at once when a best price moved, and a change of
     * size alone at most every {@link #DEPTH_INTERVAL_MILLIS}.
     */
    void publishPrices(final long nowMillis)
    {
        final long bid = book.bestPrice(Side.BUY);
        final long ask = book.bestPrice(Side.SELL);
        final boolean pricesMoved = bid != publishedBid || ask != publishedAsk;
        if (!pricesMoved && (!bookChanged || nowMillis - depthPublishedMillis < DEPTH_INTERVAL_MILLIS))
        {
            return;
        }
        bookChanged = false;
        final int bidCount = book.depth(Side.BUY, bidLevels);
        final int askCount = book.depth(Side.SELL, askLevels);
        if (pricesMoved || !Arrays.equals(bidLevels, 0, 2 * bidCount, publishedBids, 0, publishedBids.length) ||
            !Arrays.equals(askLevels, 0, 2 * askCount, publishedAsks, 0, publishedAsks.length))
        {
            publishedBid = bid;
            publishedAsk = ask;
            publishedBids = Arrays.copyOf(bidLevels, 2 * bidCount);
            publishedAsks = Arrays.copyOf(askLevels, 2 * askCount);
            depthPublishedMillis = nowMillis;
            listener.onMarketDepth(symbol, new MarketDepth(publishedBids, publishedAsks), nowMillis);
        }
    }

    /** After the book changed: trigger the stops its prices now meet. */
    private void afterBookChange(final long nowMillis)
    {
        bookChanged = true;
        stops.triggerWhereMet(book, nowMillis);
    }

    private void tradeTriggered(final VenueOrder stop, final long nowMillis)
    {
        matching.execute(stop, stop.ordType().triggered(), placedQuantities.get(stop.orderKey()), sequence.next(),
            nowMillis);
    }

    /** The order has left the venue: nothing of it is left to expire or amend. */
    private void forget(final long orderKey)
    {
        expireTimes.remove(orderKey);
        placedQuantities.remove(orderKey);
    }

    private boolean wouldTrade(final Side side, final long limitPrice)
    {
        final long opposite = book.bestPrice(side.opposite());
        return opposite != 0 && (side == Side.BUY ? opposite <= limitPrice : opposite >= limitPrice);
    }
}
