package io.cryptofix.venue.sim;

import io.cryptofix.domain.Side;

import java.util.SplittableRandom;

/**
 * The rest of the market around the gateway's orders, for one symbol: a reference price on a
 * seeded random walk, and {@code depthLevels} of liquidity on each side of it that is replaced on
 * every market tick. When the new liquidity crosses a resting gateway order, they trade: that is
 * how passive orders get filled as the market moves through them.
 */
final class SyntheticMarket
{
    private final SplittableRandom random;
    private final long tickSize;
    private final long levelQty;
    private final int depthLevels;
    private final int spreadTicks;
    private final double volatility;
    private long referencePrice;

    SyntheticMarket(
        final long seed,
        final long referencePrice,
        final long tickSize,
        final long levelQty,
        final int depthLevels,
        final int spreadTicks,
        final double volatilityBps)
    {
        this.random = new SplittableRandom(seed);
        this.referencePrice = roundToTick(referencePrice, tickSize);
        this.tickSize = tickSize;
        this.levelQty = levelQty;
        this.depthLevels = depthLevels;
        this.spreadTicks = spreadTicks;
        this.volatility = volatilityBps / 10_000.0;
    }

    long referencePrice()
    {
        return referencePrice;
    }

    /** Moves the reference price one step of the random walk; it never reaches zero. */
    void step()
    {
        final double move = random.nextGaussian() * volatility;
        final long next = roundToTick(Math.round(referencePrice * (1.0 + move)), tickSize);
        referencePrice = Math.max(next, tickSize * (spreadTicks + depthLevels + 1L));
    }

    /**
     * Replaces the synthetic liquidity in {@code book} around the reference price. Gateway orders
     * that the new liquidity crosses trade with it, reported through {@code trade}.
     */
    void refresh(final OrderBook book, final VenueSequence sequence, final Trade trade)
    {
        book.removeSyntheticLiquidity();
        for (int level = 0; level < depthLevels; level++)
        {
            final long offset = (spreadTicks + (long)level) * tickSize;
            place(book, sequence, trade, Side.SELL, referencePrice + offset);
            place(book, sequence, trade, Side.BUY, referencePrice - offset);
        }
    }

    private void place(
        final OrderBook book, final VenueSequence sequence, final Trade trade, final Side side, final long price)
    {
        if (price <= 0)
        {
            return;
        }
        final long unfilled = book.match(side, price, levelQty, trade);
        if (unfilled > 0)
        {
            book.rest(new RestingOrder(sequence.next(), RestingOrder.SYNTHETIC, side, price, unfilled));
        }
    }

    private static long roundToTick(final long price, final long tickSize)
    {
        return Math.round((double)price / tickSize) * tickSize;
    }
}
