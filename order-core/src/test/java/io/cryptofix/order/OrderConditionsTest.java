package io.cryptofix.order;

import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.RecordingSink.ExecutionReport;
import io.cryptofix.order.RecordingSink.NewOrderReject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.cryptofix.order.LifecycleHarness.EMU;
import static io.cryptofix.order.LifecycleHarness.NATIVE;
import static io.cryptofix.order.LifecycleHarness.ROUNDING;
import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order types, time in force and post-only: passed to a venue that has them natively, emulated by
 * the gateway for a venue that has not, or rejected where emulation could not keep the promise.
 */
class OrderConditionsTest
{
    private final LifecycleHarness g = new LifecycleHarness();

    @Nested
    class Triggers
    {
        @Test
        void aVenueThatHoldsOnlyStopLimitsGetsThoseWhileTheGatewayHoldsItsStopsAndMarketIfTouched()
        {
            final VenueCapabilities stopLimitOnly = new VenueCapabilities(false, true, true, true, true, false, false);

            assertThat(VenueTerms.venueHoldsTrigger(stopLimitOnly, OrdType.STOP_LIMIT)).isTrue();
            assertThat(VenueTerms.venueHoldsTrigger(stopLimitOnly, OrdType.STOP)).isFalse();
            assertThat(VenueTerms.venueHoldsTrigger(stopLimitOnly, OrdType.MARKET_IF_TOUCHED)).isFalse();
            assertThat(VenueTerms.venueHoldsTrigger(VenueCapabilities.ALL, OrdType.STOP)).isTrue();
        }

        @Test
        void anEmulatedStopIsHeldByTheGatewayAndReportedNewAtOnce()
        {
            g.order(EMU, "S", Side.BUY, OrdType.STOP, "1", null, "105", TimeInForce.GOOD_TILL_CANCEL);

            assertThat(g.venue.submitted()).isEmpty();
            assertThat(g.told()).containsExactly("ER 0/0 S qty=1 cum=0 leaves=1");
            assertThat(g.reports.executionReports().get(0).text())
                .isEqualTo("held by the gateway until the ask reaches StopPx 105");
            assertThat(g.core.heldStopCount()).isEqualTo(1);
        }

        @Test
        void anEmulatedBuyStopTriggersWhenTheAskReachesStopPxAndIsPlacedAsAMarketOrder()
        {
            g.order(EMU, "S", Side.BUY, OrdType.STOP, "1", null, "105", TimeInForce.GOOD_TILL_CANCEL).clear();

            g.price(EMU, "103", "104.99");
            assertThat(g.venue.submitted()).isEmpty();
            g.price(EMU, "104", "105");

            final RecordingVenueRouter.Placement placed = g.venue.lastSubmitted();
            assertThat(placed.venueOrdType()).isEqualTo(OrdType.MARKET);
            assertThat(placed.venueQuantity()).isEqualTo(fixed("1"));
            assertThat(g.told()).containsExactly("ER D/0 S qty=1 cum=0 leaves=1");
            assertThat(g.reports.executionReports().get(0).text())
                .isEqualTo("triggered: StopPx 105 reached; placed at venue EMU as a market order");

            g.clear().accept("S").fill("S", "1", "105.5");
            assertThat(g.told()).containsExactly("ER F/2 S qty=1 cum=1 leaves=0 last=1@105.5");
        }

        @Test
        void anEmulatedSellStopLimitTriggersOnTheBidAndIsPlacedAsALimitAtItsPrice()
        {
            g.order(EMU, "S", Side.SELL, OrdType.STOP_LIMIT, "1", "94", "95", TimeInForce.GOOD_TILL_CANCEL);

            g.price(EMU, "95.01", "96");
            assertThat(g.venue.submitted()).isEmpty();
            g.price(EMU, "95", "96");

            assertThat(g.venue.lastSubmitted().venueOrdType()).isEqualTo(OrdType.LIMIT);
            assertThat(g.venue.lastSubmitted().venuePrice()).isEqualTo(fixed("94"));
        }

        @Test
        void anEmulatedTakeProfitSellTriggersWhenTheBidRisesToStopPx()
        {
            g.order(EMU, "T", Side.SELL, OrdType.MARKET_IF_TOUCHED, "1", null, "110", TimeInForce.GOOD_TILL_CANCEL);

            g.price(EMU, "109.99", "111");
            assertThat(g.venue.submitted()).isEmpty();
            g.price(EMU, "110", "111");

            assertThat(g.venue.lastSubmitted().venueOrdType()).isEqualTo(OrdType.MARKET);
        }

        @Test
        void aNativeStopGoesToTheVenueAsAStopAndIsReportedOnlyOnceAcknowledged()
        {
            g.order(NATIVE, "S", Side.BUY, OrdType.STOP, "1", null, "105", TimeInForce.GOOD_TILL_CANCEL);

            final RecordingVenueRouter.Placement placed = g.venue.lastSubmitted();
            assertThat(placed.venueOrdType()).isEqualTo(OrdType.STOP);
            assertThat(placed.venueStopPx()).isEqualTo(fixed("105"));
            assertThat(g.told()).isEmpty();
            assertThat(g.core.heldStopCount()).isZero();
            g.accept("S");
            assertThat(g.told()).containsExactly("ER 0/0 S qty=1 cum=0 leaves=1");
        }

        @Test
        void aHeldStopIsCanceledByTheGatewayAtOnceWithoutAPendingCancel()
        {
            g.order(EMU, "S", Side.BUY, OrdType.STOP, "1", null, "105", TimeInForce.GOOD_TILL_CANCEL).clear();

            g.cancel("C", "S");

            assertThat(g.told()).containsExactly("ER 4/4 C<S qty=1 cum=0 leaves=0");
            assertThat(g.venue.cancelRequested()).isEmpty();
            g.price(EMU, "104", "106");
            assertThat(g.venue.submitted()).isEmpty();
        }

        @Test
        void aHeldStopIsReplacedAtOnceAndTriggersAtItsNewStopPx()
        {
            g.order(EMU, "S", Side.BUY, OrdType.STOP, "1", null, "105", TimeInForce.GOOD_TILL_CANCEL).clear();

            g.replace("R", "S", Side.BUY, OrdType.STOP, "2", null, "107");
            assertThat(g.told()).containsExactly("ER 5/0 R<S qty=2 cum=0 leaves=2");

            g.price(EMU, "105", "106");
            assertThat(g.venue.submitted()).isEmpty();
            g.price(EMU, "106", "107");
            assertThat(g.venue.lastSubmitted().venueQuantity()).isEqualTo(fixed("2"));
        }

        @Test
        void stopPxIsRequiredForTriggerTypesAndRefusedForOthers()
        {
            g.order(EMU, "A", Side.BUY, OrdType.STOP, "1", null, null, TimeInForce.GOOD_TILL_CANCEL);
            g.order(EMU, "B", Side.BUY, OrdType.LIMIT, "1", "100", "99", TimeInForce.GOOD_TILL_CANCEL);
            g.order(EMU, "C", Side.BUY, OrdType.STOP_LIMIT, "1", null, "99", TimeInForce.GOOD_TILL_CANCEL);

            assertThat(g.reports.newOrderRejects()).extracting(NewOrderReject::text).containsExactly(
                "StopPx (99) is required for OrdType (40) 3 (Stop)",
                "StopPx (99) does not apply to OrdType (40) 2 (Limit)",
                "Price (44) is required for OrdType (40) 4 (StopLimit)");
        }

        @Test
        void aStopPxOffTheTickIsRejectedNamingTheRule()
        {
            g.order(EMU, "A", Side.BUY, OrdType.STOP, "1", null, "105.001", TimeInForce.GOOD_TILL_CANCEL);

            assertThat(g.reports.single(NewOrderReject.class).text())
                .isEqualTo("StopPx (99) 105.001 is not a multiple of the tick size 0.01 for BTC/USDT at EMU");
        }
    }

    @Nested
    class TimeInForceRules
    {
        @Test
        void anAbsentTimeInForceMeansDayAndExpiresAtTheVenuesCutOff()
        {
            g.send(g.newOrder(EMU, "D", Side.BUY, OrdType.LIMIT, "1", "100", null, null)).accept("D").clear();
            final Order order = g.order("D");
            assertThat(order.timeInForce()).isEqualTo(TimeInForce.DAY);
            assertThat(order.venueTimeInForce()).isEqualTo(TimeInForce.GOOD_TILL_CANCEL);
            assertThat(order.expireTimeMillis()).isEqualTo(LifecycleHarness.START + 86_400_000L);

            g.advance(order.expireTimeMillis() - g.now() - 1);
            assertThat(g.venue.cancelRequested()).isEmpty();
            g.advance(20);
            assertThat(g.venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(g.key("D"));
            assertThat(g.told()).isEmpty();

            g.venueCanceled("D", "canceled by request");
            assertThat(g.told()).containsExactly("ER C/C D qty=1 cum=0 leaves=0");
            assertThat(g.reports.executionReports().get(0).text())
                .isEqualTo("expired: Day order reached the 00:00 UTC cut-off of EMU");
        }

        @Test
        void theDayCutOffIsTheNextOccurrenceOfTheVenuesTimeOfDay()
        {
            g.send(g.newOrder(NATIVE, "D", Side.BUY, OrdType.LIMIT, "1", "100", null, TimeInForce.DAY));

            // NATIVE ends its day at 22:00 UTC; the harness starts at midnight
            assertThat(g.order("D").expireTimeMillis()).isEqualTo(LifecycleHarness.START + 22 * 3_600_000L);
        }

        @Test
        void anEmulatedGtdOrderExpiresWithItsFillsKept()
        {
            final long expireTime = g.now() + 5_000;
            g.send(g.newOrder(EMU, "G", Side.BUY, OrdType.LIMIT, "2", "100", null, TimeInForce.GOOD_TILL_DATE)
                .conditions(TimeInForce.GOOD_TILL_DATE, io.cryptofix.order.NewOrderCommand.ABSENT, expireTime, false));
            g.accept("G").fill("G", "0.5", "100").clear();

            g.advance(5_100);
            g.venueCanceled("G", "canceled by request");

            assertThat(g.told()).containsExactly("ER C/C G qty=2 cum=0.5 leaves=0");
            assertThat(g.reports.executionReports().get(0).text())
                .isEqualTo("expired: ExpireTime (126) " + java.time.Instant.ofEpochMilli(expireTime) + " reached");
            assertThat(g.core.scheduledTimerCount()).isZero();
        }

        @Test
        void aGtdOrderThatFillsBeforeItsDeadlineLeavesNoTimerBehind()
        {
            g.send(g.newOrder(EMU, "G", Side.BUY, OrdType.LIMIT, "2", "100", null, TimeInForce.GOOD_TILL_DATE)
                .conditions(TimeInForce.GOOD_TILL_DATE, io.cryptofix.order.NewOrderCommand.ABSENT, g.now() + 5_000, false));
            g.accept("G").fill("G", "2", "100");

            assertThat(g.core.scheduledTimerCount()).isZero();
            g.advance(10_000);
            assertThat(g.venue.cancelRequested()).isEmpty();
        }

        @Test
        void aNativeGtdOrderIsLeftToTheVenueToExpire()
        {
            g.send(g.newOrder(NATIVE, "G", Side.BUY, OrdType.LIMIT, "2", "100", null, TimeInForce.GOOD_TILL_DATE)
                .conditions(TimeInForce.GOOD_TILL_DATE, io.cryptofix.order.NewOrderCommand.ABSENT, g.now() + 5_000, false));
            g.accept("G").clear();
            assertThat(g.venue.lastSubmitted().venueTimeInForce()).isEqualTo(TimeInForce.GOOD_TILL_DATE);

            g.advance(6_000);
            assertThat(g.venue.cancelRequested()).isEmpty();
            g.venueExpired("G");
            assertThat(g.told()).containsExactly("ER C/C G qty=2 cum=0 leaves=0");
        }

        @Test
        void aHeldStopExpiresAtTheGatewayWithoutAskingTheVenue()
        {
            g.send(g.newOrder(EMU, "S", Side.BUY, OrdType.STOP, "1", null, "105", TimeInForce.GOOD_TILL_DATE)
                .conditions(TimeInForce.GOOD_TILL_DATE, fixed("105"), g.now() + 1_000, false));
            g.clear();

            g.advance(1_100);

            assertThat(g.told()).containsExactly("ER C/C S qty=1 cum=0 leaves=0");
            assertThat(g.venue.cancelRequested()).isEmpty();
            assertThat(g.core.heldStopCount()).isZero();
        }

        @Test
        void anExpiryTheVenueQueueCannotTakeIsRetriedShortlyAfter()
        {
            g.send(g.newOrder(EMU, "G", Side.BUY, OrdType.LIMIT, "2", "100", null, TimeInForce.GOOD_TILL_DATE)
                .conditions(TimeInForce.GOOD_TILL_DATE, io.cryptofix.order.NewOrderCommand.ABSENT, g.now() + 1_000, false));
            g.accept("G");
            g.venue.full(true);
            g.advance(1_100);
            assertThat(g.venue.cancelRequested()).isEmpty();

            g.venue.full(false);
            g.advance(200);

            assertThat(g.venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(g.key("G"));
        }

        @Test
        void gtdNeedsAFutureExpireTimeAndOtherTimesInForceRefuseOne()
        {
            g.send(g.newOrder(EMU, "A", Side.BUY, OrdType.LIMIT, "1", "100", null, TimeInForce.GOOD_TILL_DATE));
            g.send(g.newOrder(EMU, "B", Side.BUY, OrdType.LIMIT, "1", "100", null, TimeInForce.GOOD_TILL_DATE)
                .conditions(TimeInForce.GOOD_TILL_DATE, io.cryptofix.order.NewOrderCommand.ABSENT, g.now() - 1, false));
            g.send(g.newOrder(EMU, "C", Side.BUY, OrdType.LIMIT, "1", "100", null, TimeInForce.GOOD_TILL_CANCEL)
                .conditions(TimeInForce.GOOD_TILL_CANCEL, io.cryptofix.order.NewOrderCommand.ABSENT, g.now() + 1_000, false));

            assertThat(g.told()).containsExactly("REJECT A reason=99", "REJECT B reason=4", "REJECT C reason=99");
            assertThat(g.reports.newOrderRejects()).extracting(NewOrderReject::text).containsExactly(
                "ExpireTime (126) is required for TimeInForce (59) 6 (GTD)",
                "ExpireTime (126) " + java.time.Instant.ofEpochMilli(g.now() - 3) + " has already passed",
                "ExpireTime (126) applies only to TimeInForce (59) 6 (GTD)");
        }

        @Test
        void anEmulatedIocIsCanceledByTheGatewayOnceAcknowledgedKeepingWhatFilledAtOnce()
        {
            g.order(EMU, "I", Side.BUY, OrdType.LIMIT, "2", "100", null, TimeInForce.IMMEDIATE_OR_CANCEL);
            assertThat(g.venue.lastSubmitted().venueTimeInForce()).isEqualTo(TimeInForce.GOOD_TILL_CANCEL);

            g.fill("I", "0.5", "100").accept("I");
            assertThat(g.venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(g.key("I"));
            g.venueCanceled("I", "canceled by request");

            assertThat(g.told()).containsExactly(
                "ER 0/0 I qty=2 cum=0 leaves=2",
                "ER F/1 I qty=2 cum=0.5 leaves=1.5 last=0.5@100",
                "ER 4/4 I qty=2 cum=0.5 leaves=0");
            assertThat(g.reports.executionReports().get(2).text()).isEqualTo("IOC: unfilled quantity canceled");
        }

        @Test
        void aNativeIocIsLeftToTheVenue()
        {
            g.order(NATIVE, "I", Side.BUY, OrdType.LIMIT, "2", "100", null, TimeInForce.IMMEDIATE_OR_CANCEL);
            g.accept("I").venueCanceled("I", "IOC: unfilled quantity canceled");

            assertThat(g.venue.lastSubmitted().venueTimeInForce()).isEqualTo(TimeInForce.IMMEDIATE_OR_CANCEL);
            assertThat(g.venue.cancelRequested()).isEmpty();
            assertThat(g.told()).containsExactly("ER 0/0 I qty=2 cum=0 leaves=2", "ER 4/4 I qty=2 cum=0 leaves=0");
        }

        @Test
        void fillOrKillIsOnlyOfferedWhereTheVenueHasIt()
        {
            g.order(EMU, "F1", Side.BUY, OrdType.LIMIT, "2", "100", null, TimeInForce.FILL_OR_KILL);
            g.order(NATIVE, "F2", Side.BUY, OrdType.LIMIT, "2", "100", null, TimeInForce.FILL_OR_KILL);

            assertThat(g.reports.single(NewOrderReject.class).text())
                .isEqualTo("TimeInForce (59) 4 (FOK) is not supported by this venue");
            assertThat(g.venue.lastSubmitted().venueTimeInForce()).isEqualTo(TimeInForce.FILL_OR_KILL);
        }
    }

    @Nested
    class PostOnly
    {
        @Test
        void postOnlyGoesToAVenueThatHasItAndIsRejectedElsewhere()
        {
            g.send(g.newOrder(NATIVE, "P1", Side.BUY, OrdType.LIMIT, "1", "100", null, TimeInForce.GOOD_TILL_CANCEL)
                .conditions(TimeInForce.GOOD_TILL_CANCEL, io.cryptofix.order.NewOrderCommand.ABSENT,
                    io.cryptofix.order.NewOrderCommand.ABSENT, true));
            g.send(g.newOrder(EMU, "P2", Side.BUY, OrdType.LIMIT, "1", "100", null, TimeInForce.GOOD_TILL_CANCEL)
                .conditions(TimeInForce.GOOD_TILL_CANCEL, io.cryptofix.order.NewOrderCommand.ABSENT,
                    io.cryptofix.order.NewOrderCommand.ABSENT, true));
            g.send(g.newOrder(NATIVE, "P3", Side.BUY, OrdType.MARKET, "1", null, null, TimeInForce.GOOD_TILL_CANCEL)
                .conditions(TimeInForce.GOOD_TILL_CANCEL, io.cryptofix.order.NewOrderCommand.ABSENT,
                    io.cryptofix.order.NewOrderCommand.ABSENT, true));

            assertThat(g.venue.submitted()).singleElement().satisfies(order -> assertThat(order.postOnly()).isTrue());
            assertThat(g.reports.newOrderRejects()).extracting(NewOrderReject::text).containsExactly(
                "ExecInst (18) 6 (post-only) is not supported by this venue",
                "ExecInst (18) 6 (post-only) applies only to OrdType (40) 2 (Limit)");
        }

        @Test
        void aPostOnlyOrderTheVenueRefusesIsRejectedWithTheVenuesReason()
        {
            g.send(g.newOrder(NATIVE, "P", Side.BUY, OrdType.LIMIT, "1", "100", null, TimeInForce.GOOD_TILL_CANCEL)
                .conditions(TimeInForce.GOOD_TILL_CANCEL, io.cryptofix.order.NewOrderCommand.ABSENT,
                    io.cryptofix.order.NewOrderCommand.ABSENT, true));
            g.reject("P", "post-only order would take liquidity");

            final ExecutionReport rejected = g.reports.single(ExecutionReport.class);
            assertThat(rejected.text()).isEqualTo("rejected by venue NATIVE: post-only order would take liquidity");
        }
    }

    @Nested
    class InstrumentRulesAndRounding
    {
        @Test
        void aVenueThatRoundsTakesTheQuantityDownToTheLotAndTheBuyPriceDownToTheTick()
        {
            g.order(ROUNDING, "R", Side.BUY, OrdType.LIMIT, "1.2345", "100.019", null, TimeInForce.GOOD_TILL_CANCEL);
            g.accept("R");

            assertThat(g.venue.lastSubmitted().venueQuantity()).isEqualTo(fixed("1.234"));
            assertThat(g.venue.lastSubmitted().venuePrice()).isEqualTo(fixed("100.01"));
            assertThat(g.told()).containsExactly("ER 0/0 R qty=1.234 cum=0 leaves=1.234");
            assertThat(g.reports.executionReports().get(0).text()).isEqualTo(
                "OrderQty rounded down to the lot 0.001: 1.2345 -> 1.234; Price rounded to the tick 0.01: 100.019 -> 100.01");
        }

        @Test
        void aSellPriceRoundsUpSoTheClientNeverGetsLessThanItAsked()
        {
            g.order(ROUNDING, "R", Side.SELL, OrdType.LIMIT, "1", "100.011", null, TimeInForce.GOOD_TILL_CANCEL);

            assertThat(g.venue.lastSubmitted().venuePrice()).isEqualTo(fixed("100.02"));
        }

        @Test
        void anOrderBelowTheMinimumNotionalIsRejectedNamingTheRule()
        {
            g.order(ROUNDING, "N", Side.BUY, OrdType.LIMIT, "0.099", "100", null, TimeInForce.GOOD_TILL_CANCEL);
            g.order(ROUNDING, "M", Side.BUY, OrdType.LIMIT, "0.1", "100", null, TimeInForce.GOOD_TILL_CANCEL);

            assertThat(g.reports.single(NewOrderReject.class).text())
                .isEqualTo("notional 9.9 (OrderQty x Price) is below the minimum notional 10 for BTC/USDT at ROUNDING");
            assertThat(g.venue.submitted()).hasSize(1);
        }

        @Test
        void aVenueThatRejectsNeverRoundsSilently()
        {
            g.order(EMU, "R", Side.BUY, OrdType.LIMIT, "1.2345", "100", null, TimeInForce.GOOD_TILL_CANCEL);

            assertThat(g.reports.single(NewOrderReject.class).text())
                .isEqualTo("OrderQty (38) 1.2345 is not a multiple of the lot size 0.001 for BTC/USDT at EMU");
        }
    }

    @Nested
    class Identity
    {
        @Test
        void aPossResendOfAnOrderAlreadyReceivedCreatesNoSecondOrderAndReportsItsStatus()
        {
            g.limit("X", Side.BUY, "1", "100").accept("X").clear();

            g.send(g.newOrder(EMU, "X", Side.BUY, OrdType.LIMIT, "1", "100", null, TimeInForce.GOOD_TILL_CANCEL)
                .possResend(true));

            assertThat(g.venue.submitted()).hasSize(1);
            assertThat(g.told()).containsExactly("ER I/0 X qty=1 cum=0 leaves=1");
            assertThat(g.reports.executionReports().get(0).text()).isEqualTo("PossResend (97): ClOrdID 'X' already received");
        }

        @Test
        void aPossResendOfAnOrderNeverReceivedIsTakenAsANewOrder()
        {
            g.send(g.newOrder(EMU, "X", Side.BUY, OrdType.LIMIT, "1", "100", null, TimeInForce.GOOD_TILL_CANCEL)
                .possResend(true));

            assertThat(g.venue.submitted()).hasSize(1);
        }
    }
}
