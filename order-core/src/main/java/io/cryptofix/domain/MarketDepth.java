package io.cryptofix.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A venue's book near the touch on one symbol: for each side, price and quantity pairs
 * ({@link Fixed}, {@code [px0, qty0, px1, qty1, ...]}), best first, at most {@link #LEVELS} levels.
 * Venues are asked for {@link #LEVELS} levels: a side with fewer holds every level the venue has,
 * a side with that many may go on beyond them.
 *
 * @param bids  the buy side, highest price first.
 * @param asks  the sell side, lowest price first.
 */
public record MarketDepth(long[] bids, long[] asks)
{
    /** How many levels a side is asked for and kept to. */
    public static final int LEVELS = 20;

    public MarketDepth
    {
        bids = bids.length > 2 * LEVELS ? Arrays.copyOf(bids, 2 * LEVELS) : bids;
        asks = asks.length > 2 * LEVELS ? Arrays.copyOf(asks, 2 * LEVELS) : asks;
    }

    /** @return the best bid, 0 when the side is empty. */
    public long bidPx()
    {
        return bids.length == 0 ? 0 : bids[0];
    }

    /** @return the best ask, 0 when the side is empty. */
    public long askPx()
    {
        return asks.length == 0 ? 0 : asks[0];
    }

    /**
     * One side from a venue's decimal text, best first: each level's first two entries are its price
     * and quantity (as Binance, Kraken, Coinbase, OKX and Bybit all give them); the rest is ignored.
     * A level whose price or quantity has more than eight decimals ends the side there.
     */
    public static long[] side(final List<? extends List<String>> levels)
    {
        final int count = Math.min(levels.size(), LEVELS);
        final long[] side = new long[2 * count];
        for (int level = 0; level < count; level++)
        {
            final long px = Fixed.fromBigDecimal(new BigDecimal(levels.get(level).get(0)));
            final long qty = Fixed.fromBigDecimal(new BigDecimal(levels.get(level).get(1)));
            if (px == Long.MIN_VALUE || qty == Long.MIN_VALUE)
            {
                return Arrays.copyOf(side, 2 * level);
            }
            side[2 * level] = px;
            side[2 * level + 1] = qty;
        }
        return side;
    }
}
