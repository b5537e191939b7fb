package io.cryptofix.venue.sim;

import io.cryptofix.domain.Side;

/**
 * An order resting in a simulated {@link OrderBook}: a gateway order, or synthetic liquidity.
 */
final class RestingOrder
{
    /** Owner key of synthetic liquidity, which no gateway order ever has. */
    static final long SYNTHETIC = -1;

    final long venueSequence;
    final long orderKey;
    final Side side;
    final long price;
    long remainingQty;

    RestingOrder(final long venueSequence, final long orderKey, final Side side, final long price, final long qty)
    {
        this.venueSequence = venueSequence;
        this.orderKey = orderKey;
        this.side = side;
        this.price = price;
        this.remainingQty = qty;
    }

    boolean isSynthetic()
    {
        return orderKey == SYNTHETIC;
    }
}
