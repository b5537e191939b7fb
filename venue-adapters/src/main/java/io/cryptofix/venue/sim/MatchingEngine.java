package io.cryptofix.venue.sim;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.venue.VenueListener;
import io.cryptofix.venue.VenueOrder;

import java.util.function.LongConsumer;

/**
 * Everything that trades in one symbol's book: a gateway order placed or triggered, against the
 * book at once and its remainder dealt with as its type and time in force say; and the synthetic
 * liquidity, which trades with the resting gateway orders it crosses as the market moves. Reports
 * the fills of both sides of each trade.
 */
final class MatchingEngine
{
    private final OrderBook book;
    private final VenueSequence sequence;
    private final VenueListener listener;
    private final LongConsumer closed;
    private final Trade trade = this::onTrade;
    private long incomingOrderKey = RestingOrder.SYNTHETIC;
    // the time of the call that is trading now: fills carry it
    private long nowMillis;

    /**
     * @param closed  told the key of each gateway order that leaves the venue here: filled, or its
     *                remainder canceled.
     */
    MatchingEngine(
        final OrderBook book, final VenueSequence sequence, final VenueListener listener, final LongConsumer closed)
    {
        this.book = book;
        this.sequence = sequence;
        this.listener = listener;
        this.closed = closed;
    }

    /** Replaces the synthetic liquidity; where it crosses resting gateway orders, they trade. */
    void refresh(final SyntheticMarket synthetic, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        synthetic.refresh(book, sequence, trade);
    }

    /**
     * Trades an order now placed (or triggered) against the book, then deals with its remainder as
     * its type and time in force say.
     */
    void execute(
        final VenueOrder order, final OrdType ordType, final long quantity, final long venueSequence, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final long limitPrice = ordType == OrdType.LIMIT ? order.limitPrice() : 0;
        if (order.timeInForce() == TimeInForce.FILL_OR_KILL && book.availableQty(order.side(), limitPrice) < quantity)
        {
            closed.accept(order.orderKey());
            listener.onOrderCanceled(order.orderKey(), "FOK: not enough liquidity to fill completely", nowMillis);
            return;
        }
        incomingOrderKey = order.orderKey();
        final long unfilled = book.match(order.side(), limitPrice, quantity, trade);
        incomingOrderKey = RestingOrder.SYNTHETIC;
        if (unfilled == 0)
        {
            closed.accept(order.orderKey());
            return;
        }
        if (ordType == OrdType.MARKET)
        {
            closed.accept(order.orderKey());
            listener.onOrderCanceled(order.orderKey(), "market order remainder canceled: no more liquidity", nowMillis);
            return;
        }
        if (order.timeInForce() == TimeInForce.IMMEDIATE_OR_CANCEL)
        {
            closed.accept(order.orderKey());
            listener.onOrderCanceled(order.orderKey(), "IOC: unfilled quantity canceled", nowMillis);
            return;
        }
        book.rest(new RestingOrder(venueSequence, order.orderKey(), order.side(), limitPrice, unfilled));
    }

    private void onTrade(final RestingOrder resting, final long qty, final long price)
    {
        if (!resting.isSynthetic())
        {
            listener.onFill(resting.orderKey, qty, price, nowMillis);
            if (resting.remainingQty == 0)
            {
                closed.accept(resting.orderKey);
            }
        }
        if (incomingOrderKey != RestingOrder.SYNTHETIC)
        {
            listener.onFill(incomingOrderKey, qty, price, nowMillis);
        }
    }
}
