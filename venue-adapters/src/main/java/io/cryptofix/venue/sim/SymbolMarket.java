package io.cryptofix.venue.sim;

import io.cryptofix.config.InstrumentConfig;
import io.cryptofix.config.SimulatedVenueConfig;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.venue.VenueAmend;
import io.cryptofix.venue.VenueListener;
import io.cryptofix.venue.VenueOrder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One symbol of the simulated venue: its order book over the synthetic market, and the order
 * features the venue's configuration switches on (stops held and triggered by the venue, post-only,
 * IOC, FOK, GTD expiry, amend). Every answer goes to the venue's listener; time comes only from the
 * callers.
 */
final class SymbolMarket
{
    // a cascade of stops triggering each other ends; this bounds one pass
    private static final int MAX_TRIGGER_PASSES = 100;

    private final String venueId;
    private final String symbol;
    private final VenueCapabilities supports;
    private final VenueSequence sequence;
    private final VenueListener listener;
    private final OrderBook book = new OrderBook();
    private final SyntheticMarket synthetic;
    private final long tickSize;
    private final long lotSize;
    private final long minQty;
    private final Map<Long, VenueOrder> heldStops = new HashMap<>();
    private final Map<Long, Long> expireTimes = new HashMap<>();
    private final Map<Long, Long> placedQuantities = new HashMap<>();
    private final List<VenueOrder> triggered = new ArrayList<>();
    private final Trade trade = this::onTrade;
    private long incomingOrderKey = RestingOrder.SYNTHETIC;
    private long publishedBid = -1;
    private long publishedAsk = -1;
    private long nowMillis;

    SymbolMarket(
        final String venueId,
        final InstrumentConfig instrument,
        final SimulatedVenueConfig settings,
        final VenueSequence sequence,
        final VenueListener listener)
    {
        this.venueId = venueId;
        this.symbol = instrument.symbol();
        this.supports = settings.supports();
        this.sequence = sequence;
        this.listener = listener;
        tickSize = Fixed.fromBigDecimal(instrument.tickSize());
        lotSize = Fixed.fromBigDecimal(instrument.lotSize());
        minQty = Fixed.fromBigDecimal(instrument.minQty());
        synthetic = new SyntheticMarket(
            settings.seed() ^ instrument.symbol().hashCode(),
            Fixed.fromBigDecimal(instrument.referencePrice()),
            tickSize,
            Fixed.fromBigDecimal(instrument.levelQty()),
            settings.depthLevels(),
            settings.spreadTicks(),
            settings.volatilityBps());
    }

    /** Lays out the first synthetic liquidity and publishes the first prices. */
    void open(final long nowMillis)
    {
        this.nowMillis = nowMillis;
        synthetic.refresh(book, sequence, trade);
        afterBookChange();
        publishPrices(nowMillis);
    }

    /** One step of the synthetic market: the reference price moves and the liquidity follows it. */
    void tick(final long nowMillis)
    {
        this.nowMillis = nowMillis;
        synthetic.step();
        synthetic.refresh(book, sequence, trade);
        afterBookChange();
    }

    /** Expires GTD orders whose time has come. */
    void expire(final long nowMillis)
    {
        if (expireTimes.isEmpty())
        {
            return;
        }
        this.nowMillis = nowMillis;
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
                heldStops.remove(orderKey);
                placedQuantities.remove(orderKey);
                listener.onOrderExpired(orderKey, nowMillis);
            }
        }
        if (bookChanged)
        {
            afterBookChange();
        }
    }

    void submit(final VenueOrder order, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final String problem = problem(order);
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
            heldStops.put(order.orderKey(), order);
            afterBookChange();
            return;
        }
        execute(order, order.ordType(), order.quantity(), venueSequence);
        afterBookChange();
    }

    void cancel(final long orderKey, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final boolean resting = book.cancel(orderKey) != null;
        if (resting || heldStops.remove(orderKey) != null)
        {
            forget(orderKey);
            listener.onOrderCanceled(orderKey, "canceled by request", nowMillis);
            if (resting)
            {
                afterBookChange();
            }
        }
        else
        {
            listener.onCancelRejected(orderKey, "unknown order or already closed", nowMillis);
        }
    }

    void amend(final VenueAmend amend, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final long orderKey = amend.orderKey();
        if (!supports.amend())
        {
            listener.onReplaceRejected(orderKey, "amend not supported", nowMillis);
            return;
        }
        final VenueOrder held = heldStops.get(orderKey);
        final RestingOrder resting = book.resting(orderKey);
        final Long placed = placedQuantities.get(orderKey);
        if (placed == null || held == null && resting == null)
        {
            listener.onReplaceRejected(orderKey, "unknown order or already closed", nowMillis);
            return;
        }
        final long filled = held != null ? 0 : placed - resting.remainingQty;
        final String problem = amendProblem(amend, filled);
        if (problem != null)
        {
            listener.onReplaceRejected(orderKey, problem, nowMillis);
            return;
        }

        placedQuantities.put(orderKey, amend.quantity());
        if (held != null)
        {
            heldStops.put(orderKey, new VenueOrder(orderKey, held.attempt(), symbol, held.side(), held.ordType(),
                amend.quantity(), amend.limitPrice(), amend.stopPx(), held.timeInForce(), held.expireTimeMillis(),
                held.postOnly()));
            listener.onOrderReplaced(orderKey, nowMillis);
            afterBookChange();
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
        execute(replaced, OrdType.LIMIT, remaining, sequence.next());
        afterBookChange();
    }

    long bestPrice(final Side side)
    {
        return book.bestPrice(side);
    }

    /**
     * Trades an order now placed (or triggered) against the book, then deals with its remainder as
     * its type and time in force say.
     */
    private void execute(final VenueOrder order, final OrdType ordType, final long quantity, final long venueSequence)
    {
        final long limitPrice = ordType == OrdType.LIMIT ? order.limitPrice() : 0;
        if (order.timeInForce() == TimeInForce.FILL_OR_KILL && book.availableQty(order.side(), limitPrice) < quantity)
        {
            forget(order.orderKey());
            listener.onOrderCanceled(order.orderKey(), "FOK: not enough liquidity to fill completely", nowMillis);
            return;
        }
        incomingOrderKey = order.orderKey();
        final long unfilled = book.match(order.side(), limitPrice, quantity, trade);
        incomingOrderKey = RestingOrder.SYNTHETIC;
        if (unfilled == 0)
        {
            forget(order.orderKey());
            return;
        }
        if (ordType == OrdType.MARKET)
        {
            forget(order.orderKey());
            listener.onOrderCanceled(order.orderKey(), "market order remainder canceled: no more liquidity", nowMillis);
            return;
        }
        if (order.timeInForce() == TimeInForce.IMMEDIATE_OR_CANCEL)
        {
            forget(order.orderKey());
            listener.onOrderCanceled(order.orderKey(), "IOC: unfilled quantity canceled", nowMillis);
            return;
        }
        book.rest(new RestingOrder(venueSequence, order.orderKey(), order.side(), limitPrice, unfilled));
    }

    /**
     * After the book changed: trigger the stops its prices now meet. The gateway hears the new prices
     * at the end of the venue's work cycle ({@link #publishPrices}), once per burst of changes rather
     * than once per trade, as a venue's market data stream would batch them.
     */
    private void afterBookChange()
    {
        for (int pass = 0; pass < MAX_TRIGGER_PASSES && triggerStops(); pass++)
        {
            // each pass may move the book and trigger more
        }
    }

    private boolean triggerStops()
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
            execute(stop, stop.ordType().triggered(), placedQuantities.get(stop.orderKey()), sequence.next());
        }
        return !triggered.isEmpty();
    }

    /** Tells the gateway the best bid and ask, if they changed since it last heard them. */
    void publishPrices(final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final long bid = book.bestPrice(Side.BUY);
        final long ask = book.bestPrice(Side.SELL);
        if (bid != publishedBid || ask != publishedAsk)
        {
            publishedBid = bid;
            publishedAsk = ask;
            listener.onMarketPrice(symbol, bid, ask, nowMillis);
        }
    }

    private void onTrade(final RestingOrder resting, final long qty, final long price)
    {
        if (!resting.isSynthetic())
        {
            listener.onFill(resting.orderKey, qty, price, nowMillis);
            if (resting.remainingQty == 0)
            {
                forget(resting.orderKey);
            }
        }
        if (incomingOrderKey != RestingOrder.SYNTHETIC)
        {
            listener.onFill(incomingOrderKey, qty, price, nowMillis);
        }
    }

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

    private String problem(final VenueOrder order)
    {
        final String rule = quantityProblem(order.quantity());
        if (rule != null)
        {
            return rule;
        }
        if (order.ordType().hasLimitPrice() && !onTick(order.limitPrice()))
        {
            return "price " + Fixed.toString(order.limitPrice()) + " not a positive multiple of tick size " +
                Fixed.toString(tickSize);
        }
        if (order.ordType().hasTrigger())
        {
            if (order.ordType() == OrdType.STOP_LIMIT ? !supports.stopLimitOrders() : !supports.stopOrders())
            {
                return order.ordType() == OrdType.STOP_LIMIT ? "stop-limit orders not supported" :
                    "stop orders not supported";
            }
            if (!onTick(order.stopPx()))
            {
                return "stop price " + Fixed.toString(order.stopPx()) + " not a positive multiple of tick size " +
                    Fixed.toString(tickSize);
            }
        }
        if (order.postOnly() && (!supports.postOnly() || order.ordType() != OrdType.LIMIT))
        {
            return supports.postOnly() ? "post-only applies to limit orders only" : "post-only not supported";
        }
        switch (order.timeInForce())
        {
            case IMMEDIATE_OR_CANCEL:
                return supports.immediateOrCancel() ? null : "IOC not supported";
            case FILL_OR_KILL:
                return supports.fillOrKill() ? null : "FOK not supported";
            case GOOD_TILL_DATE:
                if (!supports.goodTillDate())
                {
                    return "GTD not supported";
                }
                return order.expireTimeMillis() <= nowMillis ? "ExpireTime already passed" : null;
            case DAY:
                return "Day orders not supported";
            default:
                return null;
        }
    }

    private String amendProblem(final VenueAmend amend, final long filled)
    {
        if (amend.quantity() <= filled)
        {
            return "quantity " + Fixed.toString(amend.quantity()) + " not above the filled " + Fixed.toString(filled);
        }
        final String rule = quantityProblem(amend.quantity());
        if (rule != null)
        {
            return rule;
        }
        if (amend.limitPrice() != 0 && !onTick(amend.limitPrice()) || amend.stopPx() != 0 && !onTick(amend.stopPx()))
        {
            return "price not a positive multiple of tick size " + Fixed.toString(tickSize);
        }
        return null;
    }

    private String quantityProblem(final long quantity)
    {
        if (quantity < minQty)
        {
            return "quantity " + Fixed.toString(quantity) + " below minimum " + Fixed.toString(minQty);
        }
        if (quantity % lotSize != 0)
        {
            return "quantity " + Fixed.toString(quantity) + " not a multiple of lot size " + Fixed.toString(lotSize);
        }
        return null;
    }

    private boolean onTick(final long price)
    {
        return price > 0 && price % tickSize == 0;
    }
}
