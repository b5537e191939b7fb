package io.cryptofix.order;

import io.cryptofix.config.RiskConfig;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.domain.Side;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The pre-trade limits of the {@code risk} configuration, checked for each new order on the duty
 * cycle: its quantity ({@code maxOrderQty}) and its value ({@code maxOrderNotional}: OrderQty times
 * the limit price, the stop price of a stop, or for a market order the venue's best price on its
 * side when the gateway has one) and its price against the venue's market ({@code priceCollarPercent}:
 * a limit price too far through the best price on its side, or a market order larger than the book
 * offers within the collar). The limits of each session, venue and symbol are resolved once and kept,
 * so the order path only looks them up.
 */
final class PreTradeLimits
{
    static final String MAX_ORDER_QTY = "maxOrderQty";
    static final String MAX_ORDER_NOTIONAL = "maxOrderNotional";
    static final String MAX_OPEN_ORDERS = "maxOpenOrders";
    static final String PRICE_COLLAR = "priceCollarPercent";
    private static final long NONE = -1;

    private RiskConfig config = RiskConfig.NONE;
    // session CompID -> venue -> symbol -> {maxOrderQty, maxOrderNotional} in Fixed, NONE where no limit
    private final Map<String, Map<String, Map<String, long[]>>> resolved = new HashMap<>();
    // venue -> symbol -> what the venue last told of its market
    private final Map<String, Map<String, VenueQuote>> quotes = new HashMap<>();
    // session CompID -> its maxOpenOrders, NONE where no limit
    private final Map<String, Long> maxOpenOrders = new HashMap<>();
    private String check;

    void config(final RiskConfig config)
    {
        this.config = config;
        resolved.clear();
        maxOpenOrders.clear();
    }

    void onMarketPrice(final String venueId, final String symbol, final long bidPx, final long askPx)
    {
        quote(venueId, symbol).prices(bidPx, askPx);
    }

    void onMarketDepth(final String venueId, final String symbol, final MarketDepth depth)
    {
        quote(venueId, symbol).depth(depth);
    }

    /** A trade of one of the gateway's orders: the reference price where the venue told no best price. */
    void onTrade(final String venueId, final String symbol, final long lastPx)
    {
        if (lastPx > 0)
        {
            quote(venueId, symbol).lastTradePx = lastPx;
        }
    }

    private VenueQuote quote(final String venueId, final String symbol)
    {
        return quotes.computeIfAbsent(venueId, unused -> new HashMap<>()).computeIfAbsent(symbol, unused -> new VenueQuote());
    }

    /** The check the last refusal of {@link #refusal} failed, e.g. {@code maxOrderQty}. */
    String failedCheck()
    {
        return check;
    }

    /**
     * @param price       the order's limit or stop price, 0 for a market order.
     * @param limitPrice  whether {@code price} is a limit price to hold against the price collar.
     * @return null when the order is within its limits, else the client's Text naming the check, the
     *     limit and the order's value.
     */
    String refusal(
        final String session, final String venueId, final String symbol, final Side side, final long orderQty,
        final long price, final boolean limitPrice)
    {
        final long[] limits = limits(session, venueId, symbol);
        if (limits[2] != NONE)
        {
            final String outsideCollar = limitPrice ? outsideCollar(venueId, symbol, side, price, limits[2]) :
                price == 0 ? thinBook(venueId, symbol, side, orderQty, limits[2]) : null;
            if (outsideCollar != null)
            {
                check = PRICE_COLLAR;
                return outsideCollar;
            }
        }
        if (limits[0] != NONE && orderQty > limits[0])
        {
            check = MAX_ORDER_QTY;
            return MAX_ORDER_QTY + " " + Fixed.toString(limits[0]) + " " + base(symbol) + " exceeded: " +
                Fixed.toString(orderQty) + " " + base(symbol);
        }
        final long valuedAt = price > 0 ? price : reference(venueId, symbol, side);
        if (limits[1] != NONE && valuedAt > 0 && exceeds(orderQty, valuedAt, limits[1]))
        {
            check = MAX_ORDER_NOTIONAL;
            final BigDecimal notional = Fixed.toBigDecimal(orderQty).multiply(Fixed.toBigDecimal(valuedAt));
            return MAX_ORDER_NOTIONAL + " " + Fixed.toString(limits[1]) + " " + quote(symbol) + " exceeded: " +
                Fixed.toString(orderQty) + " " + base(symbol) + " x " + Fixed.toString(valuedAt) + " = " +
                notional.stripTrailingZeros().toPlainString();
        }
        return null;
    }

    /**
     * @param open  the session's orders working now.
     * @return null when the session may have one more order open, else the client's Text.
     */
    String openOrdersRefusal(final String session, final int open)
    {
        final String key = session == null ? "" : session;
        Long limit = maxOpenOrders.get(key);
        if (limit == null)
        {
            final Integer max = config.maxOpenOrders(session);
            limit = max == null ? NONE : max.longValue();
            maxOpenOrders.put(key, limit);
        }
        if (limit == NONE || open < limit)
        {
            return null;
        }
        check = MAX_OPEN_ORDERS;
        return MAX_OPEN_ORDERS + " " + limit + " reached: the session has " + open + " orders open";
    }

    /**
     * A limit buy more than the collar above the best ask, or a sell more than it below the best bid,
     * is out of line with the market; without a best price on that side the last trade stands in, and
     * without either there is nothing to hold it to.
     */
    private String outsideCollar(
        final String venueId, final String symbol, final Side side, final long price, final long collarPercent)
    {
        final long reference = reference(venueId, symbol, side);
        if (reference <= 0)
        {
            return null;
        }
        final boolean buy = side == Side.BUY;
        final double bound = collarBound(reference, buy, collarPercent);
        if (buy ? price <= bound : price >= bound)
        {
            return null;
        }
        final BigDecimal away = Fixed.toBigDecimal(Math.abs(price - reference)).multiply(BigDecimal.valueOf(100))
            .divide(Fixed.toBigDecimal(reference), 2, java.math.RoundingMode.HALF_UP);
        return PRICE_COLLAR + " " + Fixed.toString(collarPercent) + " exceeded: " + (buy ? "buy" : "sell") +
            " limit " + Fixed.toString(price) + " is " + away.stripTrailingZeros().toPlainString() + "% " +
            (buy ? "above " : "below ") + referenceName(venueId, symbol, side) + " " + Fixed.toString(reference);
    }

    /**
     * A market order takes whatever the book holds, however far away: it is refused when the book on
     * the side it trades against holds less than its quantity within the collar of the best price. Known
     * only where the venue tells its depth, and only when the levels it told reach past the collar or
     * are all it has; otherwise the book may hold more than the gateway sees, and the order goes.
     */
    private String thinBook(
        final String venueId, final String symbol, final Side side, final long orderQty, final long collarPercent)
    {
        final Map<String, VenueQuote> venue = quotes.get(venueId);
        final VenueQuote quote = venue == null ? null : venue.get(symbol);
        if (quote == null || !quote.depthKnown)
        {
            return null;
        }
        final boolean buy = side == Side.BUY;
        final long[] levels = buy ? quote.asks : quote.bids;
        final int count = buy ? quote.askLevels : quote.bidLevels;
        final long best = count == 0 ? 0 : levels[0];
        final double bound = collarBound(best, buy, collarPercent);
        long offered = 0;
        boolean pastCollar = count < MarketDepth.LEVELS;
        for (int level = 0; level < count; level++)
        {
            final long px = levels[2 * level];
            if (buy ? px > bound : px < bound)
            {
                pastCollar = true;
                break;
            }
            offered += levels[2 * level + 1];
            if (offered >= orderQty)
            {
                return null;
            }
        }
        if (!pastCollar)
        {
            return null;
        }
        final String base = base(symbol);
        return PRICE_COLLAR + " " + Fixed.toString(collarPercent) + " exceeded: market " + (buy ? "buy " : "sell ") +
            Fixed.toString(orderQty) + " " + base + " is more than the " + Fixed.toString(offered) + " " + base +
            (buy ? " offered" : " bid") + (count == 0 ? " (the book is empty on that side)" :
            " within " + Fixed.toString(collarPercent) + "% of the best " + (buy ? "ask " : "bid ") + Fixed.toString(best));
    }

    private static double collarBound(final long reference, final boolean buy, final long collarPercent)
    {
        final double collar = (double)collarPercent / Fixed.ONE / 100;
        return buy ? reference * (1 + collar) : reference * (1 - collar);
    }

    private long[] limits(final String session, final String venueId, final String symbol)
    {
        final Map<String, long[]> bySymbol = resolved.computeIfAbsent(session == null ? "" : session,
            unused -> new HashMap<>()).computeIfAbsent(venueId, unused -> new HashMap<>());
        long[] limits = bySymbol.get(symbol);
        if (limits == null)
        {
            limits = new long[] {
                fixedOrNone(config.maxOrderQty(session, venueId, symbol)),
                fixedOrNone(config.maxOrderNotional(session, venueId, symbol)),
                fixedOrNone(config.priceCollarPercent(session, venueId, symbol))};
            bySymbol.put(symbol, limits);
        }
        return limits;
    }

    /**
     * The venue's last best price on the side an order of {@code side} trades against, else the last
     * trade of the gateway's orders there; 0 when neither is known.
     */
    long reference(final String venueId, final String symbol, final Side side)
    {
        final Map<String, VenueQuote> venue = quotes.get(venueId);
        final VenueQuote quote = venue == null ? null : venue.get(symbol);
        if (quote == null)
        {
            return 0;
        }
        final long best = side == Side.BUY ? quote.askPx : quote.bidPx;
        return best > 0 ? best : quote.lastTradePx;
    }

    private String referenceName(final String venueId, final String symbol, final Side side)
    {
        final VenueQuote quote = quotes.get(venueId).get(symbol);
        return (side == Side.BUY ? quote.askPx : quote.bidPx) > 0 ? side == Side.BUY ? "the best ask" : "the best bid" :
            "the last trade";
    }

    /** Whether qty x price (both Fixed) is above the limit (Fixed), exactly: in 128 bits, no overflow. */
    static boolean exceeds(final long qty, final long price, final long limit)
    {
        final long high = Math.multiplyHigh(qty, price);
        final long low = qty * price;
        final long limitHigh = Math.multiplyHigh(limit, Fixed.ONE);
        final long limitLow = limit * Fixed.ONE;
        return high != limitHigh ? high > limitHigh : Long.compareUnsigned(low, limitLow) > 0;
    }

    private static long fixedOrNone(final BigDecimal limit)
    {
        return limit == null ? NONE : Fixed.limit(limit);
    }

    private static String base(final String symbol)
    {
        final int slash = symbol.indexOf('/');
        return slash < 0 ? symbol : symbol.substring(0, slash);
    }

    private static String quote(final String symbol)
    {
        final int slash = symbol.indexOf('/');
        return slash < 0 ? "" : symbol.substring(slash + 1);
    }

    /** What a venue last told of one symbol's market, kept in place: depth is copied, never allocated anew. */
    private static final class VenueQuote
    {
        private long bidPx;
        private long askPx;
        private long lastTradePx;
        private boolean depthKnown;
        private final long[] bids = new long[2 * MarketDepth.LEVELS];
        private final long[] asks = new long[2 * MarketDepth.LEVELS];
        private int bidLevels;
        private int askLevels;

        void prices(final long bidPx, final long askPx)
        {
            this.bidPx = bidPx;
            this.askPx = askPx;
        }

        void depth(final MarketDepth depth)
        {
            prices(depth.bidPx(), depth.askPx());
            System.arraycopy(depth.bids(), 0, bids, 0, depth.bids().length);
            System.arraycopy(depth.asks(), 0, asks, 0, depth.asks().length);
            bidLevels = depth.bids().length / 2;
            askLevels = depth.asks().length / 2;
            depthKnown = true;
        }
    }
}
