package io.cryptofix.order;

import io.cryptofix.config.Durations;
import io.cryptofix.config.RiskTrips;
import io.cryptofix.domain.Fixed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The price-move trip ({@code risk.trips.priceMove}): when the mid price of a venue's symbol moves
 * more than {@code percent} away from any mid the venue showed within {@code within}, up or down, the
 * venue goes to the configured state (REDUCING or HALTED), unless it is already that strict. The
 * state holds until an operator resumes the venue.
 *
 * <p>Each venue and symbol keeps the lowest and highest mid of each second of the window in a ring
 * ({@link SecondSlots}), made at its first price: after that a price costs two map look-ups and a
 * pass over the window's seconds, and allocates nothing until the trip fires.
 */
final class PriceMoveTrip
{
    /** One venue symbol's mids: lowest and highest per second of the window. */
    private static final class MidWindow
    {
        final SecondSlots slots;
        final long[] low;
        final long[] high;

        MidWindow(final Duration within)
        {
            slots = new SecondSlots(within);
            low = new long[slots.size()];
            high = new long[slots.size()];
        }
    }

    private final TradingStates states;
    private RiskTrips.PriceMove config;
    private TradingState tripState;
    private double percent;
    // venue -> symbol -> its mids
    private final Map<String, Map<String, MidWindow>> mids = new HashMap<>();

    PriceMoveTrip(final TradingStates states)
    {
        this.states = states;
    }

    /** The trip from now on; null turns it off. The mids seen so far are forgotten: the window may differ. */
    void config(final RiskTrips.PriceMove config)
    {
        this.config = config;
        mids.clear();
        if (config != null)
        {
            tripState = TradingState.valueOf(config.state().toUpperCase(Locale.ROOT));
            percent = config.percent().doubleValue();
        }
    }

    /** A venue's best bid and ask: its mid against the window's, then kept in it. */
    void onMarketPrice(
        final String venueId, final String symbol, final long bidPx, final long askPx, final long nowMillis)
    {
        if (config == null || bidPx <= 0 || askPx <= 0)
        {
            return;
        }
        final long mid = bidPx / 2 + askPx / 2 + (bidPx % 2 + askPx % 2) / 2;
        final MidWindow window = window(venueId, symbol);
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        for (int slot = 0; slot < window.slots.size(); slot++)
        {
            if (window.slots.covers(slot, nowMillis))
            {
                lowest = Math.min(lowest, window.low[slot]);
                highest = Math.max(highest, window.high[slot]);
            }
        }
        final int now = window.slots.slot(nowMillis);
        if (window.slots.claim(now, nowMillis))
        {
            window.low[now] = mid;
            window.high[now] = mid;
        }
        else
        {
            window.low[now] = Math.min(window.low[now], mid);
            window.high[now] = Math.max(window.high[now], mid);
        }
        if (lowest == Long.MAX_VALUE)
        {
            return;
        }
        // a move is measured from the earlier mid: down from the window's highest, up from its lowest
        final double down = (double)(highest - mid) * 100 / highest;
        final double up = (double)(mid - lowest) * 100 / lowest;
        final double moved = Math.max(down, up);
        final long from = down >= up ? highest : lowest;
        final TradingState venueState = states.state(TradingScope.VENUE, venueId);
        if (moved <= percent || venueState.strictest(tripState) == venueState)
        {
            // within bounds, or the venue is already that strict: nothing to say, nothing to build
            return;
        }
        states.trip(TradingScope.VENUE, venueId, tripState, "price of " + symbol + " moved " +
            BigDecimal.valueOf(moved).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() +
            "% within " + Durations.format(config.within()) + " (" + Fixed.toString(from) + " -> " +
            Fixed.toString(mid) + ")", nowMillis);
    }

    private MidWindow window(final String venueId, final String symbol)
    {
        Map<String, MidWindow> bySymbol = mids.get(venueId);
        if (bySymbol == null)
        {
            bySymbol = new HashMap<>();
            mids.put(venueId, bySymbol);
        }
        MidWindow window = bySymbol.get(symbol);
        if (window == null)
        {
            window = new MidWindow(config.within());
            bySymbol.put(symbol, window);
        }
        return window;
    }
}
