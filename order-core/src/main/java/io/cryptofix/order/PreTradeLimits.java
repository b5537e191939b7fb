package io.cryptofix.order;

import io.cryptofix.config.RiskConfig;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Side;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The pre-trade limits of the {@code risk} configuration, checked for each new order on the duty
 * cycle: its quantity ({@code maxOrderQty}) and its value ({@code maxOrderNotional}: OrderQty times
 * the limit price, the stop price of a stop, or for a market order the venue's best price on its
 * side when the gateway has one). The limits of each session, venue and symbol are resolved once and
 * kept, so the order path only looks them up.
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
    // venue -> symbol -> {bid, ask}, the last the venue told
    private final Map<String, Map<String, long[]>> prices = new HashMap<>();
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
        final long[] bidAsk = prices.computeIfAbsent(venueId, unused -> new HashMap<>())
            .computeIfAbsent(symbol, unused -> new long[2]);
        bidAsk[0] = bidPx;
        bidAsk[1] = askPx;
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
        if (limitPrice && limits[2] != NONE)
        {
            final String outsideCollar = outsideCollar(venueId, symbol, side, price, limits[2]);
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
     * is out of line with the market; without a best price on that side there is nothing to hold it to.
     */
    private String outsideCollar(
        final String venueId, final String symbol, final Side side, final long price, final long collarPercent)
    {
        final long reference = reference(venueId, symbol, side);
        if (reference <= 0)
        {
            return null;
        }
        final double collar = (double)collarPercent / Fixed.ONE / 100;
        final boolean buy = side == Side.BUY;
        final double bound = buy ? reference * (1 + collar) : reference * (1 - collar);
        if (buy ? price <= bound : price >= bound)
        {
            return null;
        }
        final BigDecimal away = Fixed.toBigDecimal(Math.abs(price - reference)).multiply(BigDecimal.valueOf(100))
            .divide(Fixed.toBigDecimal(reference), 2, java.math.RoundingMode.HALF_UP);
        return PRICE_COLLAR + " " + Fixed.toString(collarPercent) + " exceeded: " + (buy ? "buy" : "sell") +
            " limit " + Fixed.toString(price) + " is " + away.stripTrailingZeros().toPlainString() + "% " +
            (buy ? "above the best ask " : "below the best bid ") + Fixed.toString(reference);
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

    /** The venue's last best price on the side an order of {@code side} trades against; 0 when none. */
    long reference(final String venueId, final String symbol, final Side side)
    {
        final Map<String, long[]> venue = prices.get(venueId);
        final long[] bidAsk = venue == null ? null : venue.get(symbol);
        return bidAsk == null ? 0 : side == Side.BUY ? bidAsk[1] : bidAsk[0];
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
}
