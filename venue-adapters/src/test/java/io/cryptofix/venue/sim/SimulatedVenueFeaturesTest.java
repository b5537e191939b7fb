package io.cryptofix.venue.sim;

import io.cryptofix.config.SimulatedFaults;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.venue.VenueAmend;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.VenueQuery;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native order features of the simulated venue, each switched on and off by its configuration.
 * The market does not move (volatility 0): asks 101, 102, 103 and bids 99, 98, 97, one each.
 */
class SimulatedVenueFeaturesTest
{
    private static final String SYMBOL = "BTC/USDT";
    private static final long START = 1_000_000L;

    private final RecordingVenueListener listener = new RecordingVenueListener();

    @Nested
    class MarketPrices
    {
        @Test
        void theVenuePublishesItsBestBidAndAskAtStartAndAfterEachWorkCycleInWhichTheyChanged()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.NONE);
            assertThat(listener.prices()).containsExactly("BTC/USDT 99/101");

            venue.submit(limit(1, Side.BUY, "1", "100"), START);
            venue.doWork(START);
            venue.submit(limit(2, Side.BUY, "1", "98"), START);
            venue.doWork(START);
            venue.submit(market(3, Side.BUY, "1"), START);
            venue.submit(market(4, Side.BUY, "1"), START);
            venue.doWork(START);

            // one update per cycle, and none for a cycle that left the best prices as they were
            assertThat(listener.prices()).containsExactly("BTC/USDT 99/101", "BTC/USDT 100/101", "BTC/USDT 100/103");
        }

        @Test
        void theDepthGoesWithTheBestPricesAndAChangeOfSizeAloneFollowsAfterTheDepthInterval()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.NONE);
            venue.submit(limit(1, Side.SELL, "2", "102"), START);
            venue.doWork(START);
            venue.doWork(START + SymbolMarket.DEPTH_INTERVAL_MILLIS - 1);
            venue.submit(limit(2, Side.BUY, "0.5", "100"), START + SymbolMarket.DEPTH_INTERVAL_MILLIS - 1);
            venue.doWork(START + SymbolMarket.DEPTH_INTERVAL_MILLIS - 1);

            assertThat(listener.depths()).containsExactly(
                "BTC/USDT 1@99,1@98,1@97/1@101,1@102,1@103",
                "BTC/USDT 0.5@100,1@99,1@98,1@97/1@101,3@102,1@103");
        }

        @Test
        void aChangeOfSizeAloneIsToldOnceTheIntervalHasPassed()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.NONE);
            venue.submit(limit(1, Side.SELL, "2", "102"), START);
            venue.doWork(START);
            venue.doWork(START + SymbolMarket.DEPTH_INTERVAL_MILLIS);

            assertThat(listener.depths()).containsExactly(
                "BTC/USDT 1@99,1@98,1@97/1@101,1@102,1@103",
                "BTC/USDT 1@99,1@98,1@97/1@101,3@102,1@103");
        }
    }

    @Nested
    class Stops
    {
        @Test
        void aStopIsHeldUntilTheMarketReachesItThenTradesAsAMarketOrder()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.ALL);

            venue.submit(stop(1, Side.BUY, OrdType.STOP, "1", "0", "102"), START);
            assertThat(listener.events()).containsExactly("ACCEPTED 1");

            // taking the ask at 101 moves the best ask to 102: the stop triggers and buys there
            venue.submit(market(2, Side.BUY, "1"), START);

            assertThat(listener.events()).containsExactly(
                "ACCEPTED 1", "ACCEPTED 2", "FILL 2 1@101", "FILL 1 1@102");
        }

        @Test
        void aTakeProfitSellTriggersWhenTheBidRisesToIt()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.ALL);
            venue.submit(stop(1, Side.SELL, OrdType.MARKET_IF_TOUCHED, "1", "0", "100"), START);

            venue.submit(limit(2, Side.BUY, "1", "100"), START);

            assertThat(listener.events()).containsExactly("ACCEPTED 1", "ACCEPTED 2", "FILL 2 1@100", "FILL 1 1@100");
        }

        @Test
        void aTriggeredStopLimitRestsWhatItCannotFillAndAHeldStopCanBeCanceled()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.ALL);
            venue.submit(stop(1, Side.SELL, OrdType.STOP_LIMIT, "2", "98", "98"), START);
            venue.submit(stop(2, Side.SELL, OrdType.STOP, "1", "0", "50"), START);

            // taking the bid at 99 drops the best bid to 98: the stop-limit sells 1 there, 1 rests at 98
            venue.submit(market(3, Side.SELL, "1"), START);
            venue.cancel(new VenueCancel(2, SYMBOL, "SIM-2"), START);
            venue.doWork(START);

            assertThat(listener.events()).containsExactly(
                "ACCEPTED 1", "ACCEPTED 2", "ACCEPTED 3", "FILL 3 1@99", "FILL 1 1@98",
                "CANCELED 2 canceled by request");
            assertThat(listener.prices()).last().isEqualTo("BTC/USDT 97/98");
        }

        @Test
        void withoutNativeStopsAStopIsRejected()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.NONE);

            venue.submit(stop(1, Side.BUY, OrdType.STOP, "1", "0", "102"), START);

            assertThat(listener.events()).containsExactly("REJECTED 1 stop orders not supported");
        }
    }

    @Nested
    class PostOnly
    {
        @Test
        void aPostOnlyOrderThatWouldTakeIsRejectedAndOneThatWouldNotRests()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.ALL);

            venue.submit(postOnly(1, Side.BUY, "1", "101"), START);
            venue.submit(postOnly(2, Side.BUY, "1", "100"), START);

            assertThat(listener.events()).containsExactly(
                "REJECTED 1 post-only order would take liquidity", "ACCEPTED 2");
        }

        @Test
        void withoutNativePostOnlyItIsRejected()
        {
            venue(VenueCapabilities.NONE).submit(postOnly(1, Side.BUY, "1", "100"), START);

            assertThat(listener.events()).containsExactly("REJECTED 1 post-only not supported");
        }
    }

    @Nested
    class TimesInForce
    {
        @Test
        void anIocOrderFillsWhatItCanAndTheRestIsCanceled()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.ALL);

            venue.submit(withTimeInForce(limit(1, Side.BUY, "1.5", "101"), TimeInForce.IMMEDIATE_OR_CANCEL, 0), START);

            assertThat(listener.events()).containsExactly(
                "ACCEPTED 1", "FILL 1 1@101", "CANCELED 1 IOC: unfilled quantity canceled");
        }

        @Test
        void aFokOrderFillsCompletelyOrNotAtAll()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.ALL);

            venue.submit(withTimeInForce(limit(1, Side.BUY, "2.5", "102"), TimeInForce.FILL_OR_KILL, 0), START);
            venue.submit(withTimeInForce(limit(2, Side.BUY, "2", "102"), TimeInForce.FILL_OR_KILL, 0), START);

            assertThat(listener.events()).containsExactly(
                "ACCEPTED 1", "CANCELED 1 FOK: not enough liquidity to fill completely",
                "ACCEPTED 2", "FILL 2 1@101", "FILL 2 1@102");
        }

        @Test
        void aGtdOrderExpiresAtItsExpireTime()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.ALL);
            venue.submit(withTimeInForce(limit(1, Side.BUY, "1", "90"), TimeInForce.GOOD_TILL_DATE, START + 500), START);

            venue.doWork(START + 499);
            assertThat(listener.events()).containsExactly("ACCEPTED 1");
            venue.doWork(START + 500);

            assertThat(listener.events()).containsExactly("ACCEPTED 1", "EXPIRED 1");
            venue.cancel(new VenueCancel(1, SYMBOL, "SIM-1"), START + 501);
            assertThat(listener.events()).last().isEqualTo("CANCEL_REJECTED 1 unknown order or already closed");
        }

        @Test
        void unsupportedTimesInForceAreRejected()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.NONE);

            venue.submit(withTimeInForce(limit(1, Side.BUY, "1", "90"), TimeInForce.IMMEDIATE_OR_CANCEL, 0), START);
            venue.submit(withTimeInForce(limit(2, Side.BUY, "1", "90"), TimeInForce.FILL_OR_KILL, 0), START);
            venue.submit(withTimeInForce(limit(3, Side.BUY, "1", "90"), TimeInForce.GOOD_TILL_DATE, START + 1), START);
            venue.submit(withTimeInForce(limit(4, Side.BUY, "1", "90"), TimeInForce.DAY, 0), START);

            assertThat(listener.events()).containsExactly(
                "REJECTED 1 IOC not supported", "REJECTED 2 FOK not supported", "REJECTED 3 GTD not supported",
                "REJECTED 4 Day orders not supported");
        }
    }

    @Nested
    class Amend
    {
        @Test
        void aSmallerQuantityAtTheSamePriceKeepsItsPlaceInTheQueue()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.ALL);
            venue.submit(limit(1, Side.SELL, "1", "110"), START);
            venue.submit(limit(2, Side.SELL, "1", "110"), START);
            venue.submit(market(3, Side.BUY, "3"), START);
            listener.clear();

            venue.amend(new VenueAmend(1, SYMBOL, "SIM-1", fixed("0.5"), fixed("110"), 0), START);
            venue.submit(market(4, Side.BUY, "0.5"), START);

            assertThat(listener.events()).containsExactly("REPLACED 1", "ACCEPTED 4", "FILL 1 0.5@110", "FILL 4 0.5@110");
        }

        @Test
        void aNewPriceThatCrossesTradesAtOnceAfterTheReplace()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.ALL);
            venue.submit(limit(1, Side.BUY, "1", "95"), START);
            listener.clear();

            venue.amend(new VenueAmend(1, SYMBOL, "SIM-1", fixed("1"), fixed("101"), 0), START);

            assertThat(listener.events()).containsExactly("REPLACED 1", "FILL 1 1@101");
        }

        @Test
        void anAmendBelowWhatFilledOrOfAnUnknownOrderIsRefused()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.ALL);
            venue.submit(limit(1, Side.BUY, "2", "101"), START);
            listener.clear();

            venue.amend(new VenueAmend(1, SYMBOL, "SIM-1", fixed("1"), fixed("101"), 0), START);
            venue.amend(new VenueAmend(9, SYMBOL, "SIM-9", fixed("1"), fixed("101"), 0), START);

            assertThat(listener.events()).containsExactly(
                "REPLACE_REJECTED 1 quantity 1 not above the filled 1",
                "REPLACE_REJECTED 9 unknown order or already closed");
        }

        @Test
        void withoutNativeAmendItIsRefused()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.NONE);
            venue.submit(limit(1, Side.BUY, "1", "95"), START);

            venue.amend(new VenueAmend(1, SYMBOL, "SIM-1", fixed("1"), fixed("96"), 0), START);

            assertThat(listener.events()).last().isEqualTo("REPLACE_REJECTED 1 amend not supported");
        }
    }

    @Nested
    class StatusQueries
    {
        @Test
        void theVenueAnswersByClientOrderIdWhatItKnowsOfEachPlacement()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.NONE);
            venue.submit(limit(1, Side.BUY, "3", "101"), START);
            venue.submit(limit(2, Side.SELL, "1", "99"), START);
            venue.submit(limit(3, Side.BUY, "1", "90"), START);
            venue.cancel(new VenueCancel(3, SYMBOL, "SIM-3"), START);
            venue.doWork(START);
            listener.clearEvents();

            for (long key = 1; key <= 4; key++)
            {
                venue.query(new VenueQuery(key, 0, SYMBOL, null), START);
            }
            // a placement newer than the venue has seen is unknown to it
            venue.query(new VenueQuery(1, 1, SYMBOL, null), START);

            // 1 bought the one ask at 101 and rested 2 there, of which 2 then sold it 1
            assertThat(listener.events()).containsExactly(
                "STATUS 1 OPEN 2@101",
                "STATUS 2 FILLED 1@101",
                "STATUS 3 CANCELED 0@0",
                "STATUS 4 UNKNOWN 0@0",
                "STATUS 1 UNKNOWN 0@0");
        }
    }

    @Nested
    class Faults
    {
        @Test
        void aLostCancelNeverReachesTheVenueAndTheNextOneDoes()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.NONE, new SimulatedFaults(1, 0));
            venue.submit(limit(1, Side.BUY, "1", "90"), START);

            venue.cancel(new VenueCancel(1, SYMBOL, "SIM-1"), START);
            venue.doWork(START);
            assertThat(listener.events()).containsExactly("ACCEPTED 1");

            venue.cancel(new VenueCancel(1, SYMBOL, "SIM-1"), START);
            assertThat(listener.events()).containsExactly("ACCEPTED 1", "CANCELED 1 canceled by request");
        }

        @Test
        void aLostAcknowledgementLeavesTheOrderPlacedAndFoundByAQuery()
        {
            final SimulatedVenue venue = venue(VenueCapabilities.NONE, new SimulatedFaults(0, 1));

            venue.submit(limit(1, Side.BUY, "1", "90"), START);
            venue.submit(limit(2, Side.BUY, "1", "90"), START);
            assertThat(listener.events()).containsExactly("ACCEPTED 2");

            venue.query(new VenueQuery(1, 0, SYMBOL, null), START);
            assertThat(listener.events()).last().isEqualTo("STATUS 1 OPEN 0@0");
        }
    }

    private SimulatedVenue venue(final VenueCapabilities supports)
    {
        return venue(supports, SimulatedFaults.NONE);
    }

    private SimulatedVenue venue(final VenueCapabilities supports, final SimulatedFaults faults)
    {
        final SimulatedVenue venue = new SimulatedVenue(SimulatedVenueTest.config(42, 0, 0.0, supports, faults));
        venue.start(listener, START);
        return venue;
    }

    private static VenueOrder limit(final long key, final Side side, final String qty, final String price)
    {
        return VenueOrder.of(key, SYMBOL, side, OrdType.LIMIT, fixed(qty), fixed(price));
    }

    private static VenueOrder market(final long key, final Side side, final String qty)
    {
        return VenueOrder.of(key, SYMBOL, side, OrdType.MARKET, fixed(qty), 0);
    }

    private static VenueOrder stop(
        final long key, final Side side, final OrdType ordType, final String qty, final String price, final String stopPx)
    {
        return new VenueOrder(key, 0, SYMBOL, side, ordType, fixed(qty), fixed(price), fixed(stopPx),
            TimeInForce.GOOD_TILL_CANCEL, 0, false);
    }

    private static VenueOrder postOnly(final long key, final Side side, final String qty, final String price)
    {
        return new VenueOrder(key, 0, SYMBOL, side, OrdType.LIMIT, fixed(qty), fixed(price), 0,
            TimeInForce.GOOD_TILL_CANCEL, 0, true);
    }

    private static VenueOrder withTimeInForce(final VenueOrder order, final TimeInForce timeInForce, final long expireTime)
    {
        return new VenueOrder(order.orderKey(), 0, SYMBOL, order.side(), order.ordType(), order.quantity(),
            order.limitPrice(), 0, timeInForce, expireTime, false);
    }

}
