package io.cryptofix.venue.sim;

import io.cryptofix.config.InstrumentConfig;
import io.cryptofix.config.RoundingPolicy;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.config.SimulatedFaults;
import io.cryptofix.config.SimulatedVenueConfig;
import io.cryptofix.config.VenueConfig;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.VenueOrder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Map;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated venue as a small exchange. The synthetic market starts at 100 with one unit of
 * liquidity on each of three levels per side: asks 101, 102, 103 and bids 99, 98, 97.
 */
class SimulatedVenueTest
{
    private static final String SYMBOL = "BTC/USDT";
    private static final long START = 1_000_000L;
    private static final long TICK_MILLIS = 100;

    private final RecordingVenueListener listener = new RecordingVenueListener();

    @Test
    void limitOrderCrossingTheBookFillsAtTheRestingPrice()
    {
        final SimulatedVenue venue = venue(42, 0, 0.0);

        venue.submit(limit(1, Side.BUY, "0.5", "105"), START);

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.5@101");
    }

    @Test
    void largeMarketOrderFillsAcrossLevelsBestPriceFirstAndTheRemainderIsCanceled()
    {
        final SimulatedVenue venue = venue(42, 0, 0.0);

        venue.submit(market(1, Side.BUY, "4"), START);

        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1",
            "FILL 1 1@101",
            "FILL 1 1@102",
            "FILL 1 1@103",
            "CANCELED 1 market order remainder canceled: no more liquidity");
    }

    @Test
    void ordersAtTheSamePriceTradeInArrivalOrder()
    {
        final SimulatedVenue venue = venue(42, 0, 0.0);
        venue.submit(limit(1, Side.SELL, "0.3", "110"), START);
        venue.submit(limit(2, Side.SELL, "0.3", "110"), START);
        listener.clear();

        // the three synthetic asks at 101-103 are better priced and go first
        venue.submit(limit(3, Side.BUY, "3", "110"), START);
        assertThat(listener.fillsOf(1)).isEmpty();

        venue.submit(limit(4, Side.BUY, "0.4", "110"), START);

        assertThat(listener.fillsOf(1)).containsExactly("FILL 1 0.3@110");
        assertThat(listener.fillsOf(2)).containsExactly("FILL 2 0.1@110");
    }

    @Test
    void betterPricedRestingOrderTradesFirst()
    {
        final SimulatedVenue venue = venue(42, 0, 0.0);
        venue.submit(market(1, Side.BUY, "3"), START);   // takes all synthetic asks
        venue.submit(limit(2, Side.SELL, "1", "120"), START);
        venue.submit(limit(3, Side.SELL, "1", "115"), START);
        listener.clear();

        venue.submit(limit(4, Side.BUY, "1", "125"), START);

        assertThat(listener.events()).containsExactly("ACCEPTED 4", "FILL 3 1@115", "FILL 4 1@115");
    }

    @Test
    void passiveOrderRestsUntilTheMarketTradesThroughIt()
    {
        final SimulatedVenue venue = venue(42, 0, 20.0);
        venue.submit(limit(1, Side.BUY, "0.5", "99"), START);
        assertThat(listener.events()).containsExactly("ACCEPTED 1");

        long now = START;
        for (int tick = 0; tick < 10_000 && listener.fillsOf(1).isEmpty(); tick++)
        {
            now += TICK_MILLIS;
            venue.doWork(now);
        }

        assertThat(listener.fillsOf(1)).isNotEmpty().allSatisfy(fill -> assertThat(fill).endsWith("@99"));
    }

    @Test
    void cancelOfRestingOrderIsConfirmedAndASecondCancelIsRefused()
    {
        final SimulatedVenue venue = venue(42, 0, 0.0);
        venue.submit(limit(1, Side.SELL, "1", "150"), START);

        venue.cancel(new VenueCancel(1, SYMBOL, "SIM-1"), START);
        venue.cancel(new VenueCancel(1, SYMBOL, "SIM-1"), START);

        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1",
            "CANCELED 1 canceled by request",
            "CANCEL_REJECTED 1 unknown order or already closed");
    }

    @Test
    void cancelOfFilledOrderIsRefused()
    {
        final SimulatedVenue venue = venue(42, 0, 0.0);
        venue.submit(market(1, Side.SELL, "0.5"), START);

        venue.cancel(new VenueCancel(1, SYMBOL, "SIM-1"), START);

        assertThat(listener.events()).last().isEqualTo("CANCEL_REJECTED 1 unknown order or already closed");
    }

    @Test
    void ordersBreakingInstrumentRulesAreRejectedWithTheRule()
    {
        final SimulatedVenue venue = venue(42, 0, 0.0);

        venue.submit(limit(1, Side.BUY, "0.005", "90"), START);
        venue.submit(limit(2, Side.BUY, "0.015", "90"), START);
        venue.submit(limit(3, Side.BUY, "1", "90.5"), START);
        venue.submit(VenueOrder.of(4, "XRP/USDT", Side.BUY, OrdType.MARKET, Fixed.ONE, 0), START);

        assertThat(listener.events()).containsExactly(
            "REJECTED 1 quantity 0.005 below minimum 0.01",
            "REJECTED 2 quantity 0.015 not a multiple of lot size 0.01",
            "REJECTED 3 price 90.5 not a positive multiple of tick size 1",
            "REJECTED 4 unknown symbol XRP/USDT");
    }

    @Test
    void latencyDelaysEveryAnswerUntilItIsDue()
    {
        final SimulatedVenue venue = venue(42, 50, 0.0);

        venue.submit(limit(1, Side.BUY, "1", "90"), START);
        venue.doWork(START + 49);
        assertThat(listener.events()).isEmpty();

        venue.doWork(START + 50);
        assertThat(listener.events()).containsExactly("ACCEPTED 1");

        venue.cancel(new VenueCancel(1, SYMBOL, "SIM-1"), START + 60);
        venue.doWork(START + 109);
        assertThat(listener.events()).hasSize(1);
        venue.doWork(START + 110);
        assertThat(listener.events()).last().isEqualTo("CANCELED 1 canceled by request");
    }

    @Test
    void sameSeedAndSameCallsGiveTheSameAnswers()
    {
        assertThat(scriptedSession(7)).isEqualTo(scriptedSession(7));
    }

    @Test
    void differentSeedsGiveDifferentMarkets()
    {
        assertThat(scriptedSession(7)).isNotEqualTo(scriptedSession(8));
    }

    private java.util.List<String> scriptedSession(final long seed)
    {
        final RecordingVenueListener recorder = new RecordingVenueListener();
        final SimulatedVenue venue = new SimulatedVenue(config(seed, 0, 20.0));
        venue.start(recorder, START);
        venue.submit(limit(1, Side.BUY, "0.5", "99"), START);
        venue.submit(limit(2, Side.SELL, "0.5", "101"), START);
        long now = START;
        for (int tick = 0; tick < 200; tick++)
        {
            now += TICK_MILLIS;
            venue.doWork(now);
            if (tick % 20 == 0)
            {
                venue.submit(market(100 + tick, tick % 40 == 0 ? Side.BUY : Side.SELL, "1.5"), now);
            }
        }
        return recorder.events();
    }

    private SimulatedVenue venue(final long seed, final long latencyMillis, final double volatilityBps)
    {
        final SimulatedVenue venue = new SimulatedVenue(config(seed, latencyMillis, volatilityBps));
        venue.start(listener, START);
        return venue;
    }

    private static VenueConfig config(final long seed, final long latencyMillis, final double volatilityBps)
    {
        return config(seed, latencyMillis, volatilityBps, VenueCapabilities.ALL);
    }

    /** One symbol, BTC/USDT, tick 1, lot and minimum 0.01, starting at 100 with 1 per level on three levels. */
    static VenueConfig config(
        final long seed, final long latencyMillis, final double volatilityBps, final VenueCapabilities supports)
    {
        return config(seed, latencyMillis, volatilityBps, supports, SimulatedFaults.NONE);
    }

    static VenueConfig config(
        final long seed,
        final long latencyMillis,
        final double volatilityBps,
        final VenueCapabilities supports,
        final SimulatedFaults faults)
    {
        return new VenueConfig(
            "SIM",
            VenueConfig.TYPE_SIMULATED,
            RoundingPolicy.REJECT,
            LocalTime.MIDNIGHT,
            new SimulatedVenueConfig(seed, latencyMillis, TICK_MILLIS, volatilityBps, 3, 1, supports, faults),
            Map.of(SYMBOL, new InstrumentConfig(SYMBOL, new BigDecimal("1"), new BigDecimal("0.01"),
                new BigDecimal("0.01"), BigDecimal.ZERO, new BigDecimal("100"), new BigDecimal("1"))));
    }

    private static VenueOrder limit(final long key, final Side side, final String qty, final String price)
    {
        return VenueOrder.of(key, SYMBOL, side, OrdType.LIMIT, fixed(qty), fixed(price));
    }

    private static VenueOrder market(final long key, final Side side, final String qty)
    {
        return VenueOrder.of(key, SYMBOL, side, OrdType.MARKET, fixed(qty), 0);
    }

}
