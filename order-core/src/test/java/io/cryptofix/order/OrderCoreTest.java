package io.cryptofix.order;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.TestCatalog;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.order.RecordingSink.CancelReject;
import io.cryptofix.order.RecordingSink.ExecutionReport;
import io.cryptofix.order.RecordingSink.IllegalTransition;
import io.cryptofix.order.RecordingSink.NewOrderReject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order core as a client and a venue see it: what goes to the venue, what the client is told.
 * Each test sets up its orders (given), feeds one input (when) and checks the outputs (then).
 */
class OrderCoreTest
{
    private static final long SESSION = 7;
    private static final long OTHER_SESSION = 8;
    private static final String VENUE = "SIM";
    private static final String OTHER_VENUE = "BINANCE";
    private static final String SYMBOL = "BTC/USDT";
    private static final long RECEIVED_NANOS = 1_700_000_000_000_000_000L;

    private final RecordingVenueRouter venue = new RecordingVenueRouter();
    private final RecordingSink reports = new RecordingSink();
    private final OrderCore core = new OrderCore(catalog(), venue, reports, reports);
    private final NewOrderCommand newOrder = new NewOrderCommand();
    private final CancelOrderCommand cancelRequest = new CancelOrderCommand();
    private long now = 1_000_000;

    @Nested
    class NewOrderSingle
    {
        @Test
        void aQuantityBelowTheInstrumentMinimumIsRejectedNamingTheRule()
        {
            // when
            core.onNewOrder(limit(SESSION, "O-MIN", "0.000001", "30000"), tick());

            // then
            assertThat(venue.submitted()).isEmpty();
            assertThat(reports.all()).singleElement().isInstanceOfSatisfying(NewOrderReject.class, reject ->
            {
                assertThat(reject.reason()).isEqualTo(OrdRejReason.INCORRECT_QUANTITY);
                assertThat(reject.text()).isEqualTo(
                    "OrderQty (38) 0.000001 is below the minimum quantity 0.00001 for BTC/USDT at SIM");
            });
        }

        @Test
        void aQuantityOffTheLotSizeIsRejectedNamingTheRule()
        {
            // when
            core.onNewOrder(limit(SESSION, "O-LOT", "0.000015", "30000"), tick());

            // then
            assertThat(venue.submitted()).isEmpty();
            assertThat(reports.all()).singleElement().isInstanceOfSatisfying(NewOrderReject.class, reject ->
            {
                assertThat(reject.reason()).isEqualTo(OrdRejReason.INCORRECT_QUANTITY);
                assertThat(reject.text()).isEqualTo(
                    "OrderQty (38) 0.000015 is not a multiple of the lot size 0.00001 for BTC/USDT at SIM");
            });
        }

        @Test
        void aLimitPriceOffTheTickIsRejectedNamingTheRule()
        {
            // when
            core.onNewOrder(limit(SESSION, "O-TICK", "0.001", "30000.005"), tick());

            // then
            assertThat(venue.submitted()).isEmpty();
            assertThat(reports.all()).singleElement().isInstanceOfSatisfying(NewOrderReject.class, reject ->
            {
                assertThat(reject.reason()).isEqualTo(OrdRejReason.OTHER);
                assertThat(reject.text()).isEqualTo(
                    "Price (44) 30000.005 is not a multiple of the tick size 0.01 for BTC/USDT at SIM");
            });
        }

        @Test
        void aValidLimitOrderIsSentToItsVenueAndNotReportedBeforeTheVenueAnswers()
        {
            // when
            core.onNewOrder(limit(SESSION, "O1", "0.5", "30000.25"), tick());

            // then
            assertThat(venue.submitted()).hasSize(1);
            final RecordingVenueRouter.Placement sent = venue.lastSubmitted();
            assertThat(sent.venueId()).isEqualTo(VENUE);
            assertThat(sent.symbol()).isEqualTo(SYMBOL);
            assertThat(sent.side()).isEqualTo(Side.BUY);
            assertThat(sent.venueOrdType()).isEqualTo(OrdType.LIMIT);
            assertThat(sent.venueQuantity()).isEqualTo(fixed("0.5"));
            assertThat(sent.venuePrice()).isEqualTo(fixed("30000.25"));
            assertThat(sent.venueAttempt()).isZero();
            final Order order = core.order(sent.orderKey());
            assertThat(order.clOrdId()).isEqualTo("O1");
            assertThat(order.ordType()).isEqualTo(OrdType.LIMIT);
            assertThat(order.state()).isEqualTo(OrderState.PENDING_NEW);
            assertThat(order.leg()).isEqualTo(VenueLeg.PLACING);
            assertThat(order.createdMillis()).isEqualTo(now);
            assertThat(order.receivedTimeNanos()).isEqualTo(RECEIVED_NANOS);
            assertThat(reports.all()).isEmpty();
        }

        @Test
        void aLimitOrderIsReportedNewWhenItsVenueAcceptsIt()
        {
            // given
            final long orderKey = sendLimit("O1", "0.5", "30000.25");

            // when
            final long acceptedAt = tick();
            core.onVenueAccepted(orderKey, "V-123", acceptedAt);

            // then
            final ExecutionReport report = reports.single(ExecutionReport.class);
            assertThat(report.orderKey()).isEqualTo(orderKey);
            assertThat(report.execType()).isEqualTo(ExecType.NEW);
            assertThat(report.ordStatus()).isEqualTo(OrderState.NEW);
            assertThat(report.clOrdId()).isEqualTo("O1");
            assertThat(report.origClOrdId()).isNull();
            assertThat(report.cumQty()).isZero();
            assertThat(report.leavesQty()).isEqualTo(fixed("0.5"));
            assertThat(report.avgPx()).isZero();
            assertThat(report.lastQty()).isZero();
            assertThat(report.lastPx()).isZero();
            assertThat(report.text()).isNull();
            assertThat(report.timeMillis()).isEqualTo(acceptedAt);
            assertThat(core.order(orderKey).venueOrderId()).isEqualTo("V-123");
        }

        @Test
        void anOrderWithoutVenueIsRejectedNamingExDestination()
        {
            // when
            core.onNewOrder(newOrder.set(SESSION, "O1", SYMBOL, null, Side.BUY, OrdType.LIMIT,
                fixed("1"), fixed("100"), RECEIVED_NANOS), tick());

            // then
            final NewOrderReject reject = reports.single(NewOrderReject.class);
            assertThat(reject.reason()).isEqualTo(OrdRejReason.OTHER);
            assertThat(reject.text()).contains("ExDestination (100)");
            assertThat(reject.clOrdId()).isEqualTo("O1");
            assertThat(venue.submitted()).isEmpty();
            assertThat(core.orderCount()).isZero();
        }

        @Test
        void anOrderForAnUnknownVenueIsRejectedNamingTheVenue()
        {
            // when
            core.onNewOrder(newOrder.set(SESSION, "O1", SYMBOL, "KRAKEN", Side.BUY, OrdType.LIMIT,
                fixed("1"), fixed("100"), RECEIVED_NANOS), tick());

            // then
            final NewOrderReject reject = reports.single(NewOrderReject.class);
            assertThat(reject.reason()).isEqualTo(OrdRejReason.OTHER);
            assertThat(reject.text()).contains("ExDestination (100)").contains("'KRAKEN'");
            assertThat(venue.submitted()).isEmpty();
            assertThat(core.orderCount()).isZero();
        }

        @Test
        void anUnknownSymbolIsRejectedAsUnknownSymbolWithATextNamingIt()
        {
            // when
            core.onNewOrder(newOrder.set(SESSION, "O1", "DOGE/USDT", VENUE, Side.BUY, OrdType.LIMIT,
                fixed("1"), fixed("0.1"), RECEIVED_NANOS), tick());

            // then
            final NewOrderReject reject = reports.single(NewOrderReject.class);
            assertThat(reject.reason()).isEqualTo(OrdRejReason.UNKNOWN_SYMBOL);
            assertThat(reject.text()).contains("Symbol (55)").contains("'DOGE/USDT'");
            assertThat(reject.symbol()).isEqualTo("DOGE/USDT");
            assertThat(venue.submitted()).isEmpty();
        }

        @Test
        void aSymbolTradedOnlyAtAnotherVenueIsAnUnknownSymbolAtThisOne()
        {
            // given ETH/USDT is listed at SIM only

            // when
            core.onNewOrder(newOrder.set(SESSION, "O1", "ETH/USDT", OTHER_VENUE, Side.SELL, OrdType.LIMIT,
                fixed("1"), fixed("2000"), RECEIVED_NANOS), tick());

            // then
            final NewOrderReject reject = reports.single(NewOrderReject.class);
            assertThat(reject.reason()).isEqualTo(OrdRejReason.UNKNOWN_SYMBOL);
            assertThat(reject.text()).contains("'ETH/USDT'").contains(OTHER_VENUE);
        }

        @ParameterizedTest(name = "OrderQty {0}")
        @ValueSource(longs = {NewOrderCommand.ABSENT, NewOrderCommand.TOO_PRECISE, 0, -100_000_000L})
        void anOrderQtyThatIsAbsentTooPreciseZeroOrNegativeIsAnIncorrectQuantity(final long orderQty)
        {
            // when
            core.onNewOrder(newOrder.set(SESSION, "O1", SYMBOL, VENUE, Side.BUY, OrdType.LIMIT,
                orderQty, fixed("100"), RECEIVED_NANOS), tick());

            // then
            final NewOrderReject reject = reports.single(NewOrderReject.class);
            assertThat(reject.reason()).isEqualTo(OrdRejReason.INCORRECT_QUANTITY);
            assertThat(reject.text()).contains("OrderQty (38)");
            assertThat(venue.submitted()).isEmpty();
            assertThat(core.orderCount()).isZero();
        }

        @Test
        void aLimitOrderWithoutPriceIsRejectedWithATextAskingForPrice()
        {
            // when
            core.onNewOrder(newOrder.set(SESSION, "O1", SYMBOL, VENUE, Side.BUY, OrdType.LIMIT,
                fixed("1"), NewOrderCommand.ABSENT, RECEIVED_NANOS), tick());

            // then
            final NewOrderReject reject = reports.single(NewOrderReject.class);
            assertThat(reject.reason()).isEqualTo(OrdRejReason.OTHER);
            assertThat(reject.text()).contains("Price (44)").contains("required");
            assertThat(venue.submitted()).isEmpty();
        }

        @ParameterizedTest(name = "Price {0}")
        @ValueSource(longs = {NewOrderCommand.TOO_PRECISE, 0, -100_000_000L})
        void aLimitOrderWithATooPreciseZeroOrNegativePriceIsRejectedMentioningPrice(final long price)
        {
            // when
            core.onNewOrder(newOrder.set(SESSION, "O1", SYMBOL, VENUE, Side.BUY, OrdType.LIMIT,
                fixed("1"), price, RECEIVED_NANOS), tick());

            // then
            final NewOrderReject reject = reports.single(NewOrderReject.class);
            assertThat(reject.reason()).isEqualTo(OrdRejReason.OTHER);
            assertThat(reject.text()).contains("Price (44)");
            assertThat(venue.submitted()).isEmpty();
        }

        @Test
        void aMarketOrderWithoutPriceGoesToTheVenueAsAMarketOrder()
        {
            // when
            core.onNewOrder(newOrder.set(SESSION, "O1", SYMBOL, VENUE, Side.SELL, OrdType.MARKET,
                fixed("0.25"), NewOrderCommand.ABSENT, RECEIVED_NANOS), tick());

            // then
            assertThat(reports.all()).isEmpty();
            assertThat(venue.submitted()).hasSize(1);
            assertThat(venue.lastSubmitted().venueOrdType()).isEqualTo(OrdType.MARKET);
            assertThat(venue.lastSubmitted().venuePrice()).isZero();
        }

        @ParameterizedTest(name = "Price {0}")
        @ValueSource(longs = {NewOrderCommand.TOO_PRECISE, 0, 5_000_000_000_000L})
        void aMarketOrderWithAPriceIsRejectedRatherThanTradedWithoutTheLimitTheClientMayHaveMeant(final long price)
        {
            // when
            core.onNewOrder(newOrder.set(SESSION, "O1", SYMBOL, VENUE, Side.SELL, OrdType.MARKET,
                fixed("0.25"), price, RECEIVED_NANOS), tick());

            // then
            assertThat(venue.submitted()).isEmpty();
            assertThat(reports.single(NewOrderReject.class).text())
                .isEqualTo("Price (44) does not apply to OrdType (40) 1 (Market): send it without a price, or as a limit type");
        }

        @Test
        void eachRejectCarriesAFreshOrderKeyAndExecId()
        {
            // given an accepted order between the rejected ones
            core.onNewOrder(newOrder.set(SESSION, "R1", "DOGE/USDT", VENUE, Side.BUY, OrdType.LIMIT,
                fixed("1"), fixed("1"), RECEIVED_NANOS), tick());
            final long acceptedKey = sendLimit("O1", "1", "100");
            core.onVenueAccepted(acceptedKey, "V-1", tick());

            // when
            core.onNewOrder(newOrder.set(SESSION, "R2", SYMBOL, VENUE, Side.BUY, OrdType.LIMIT,
                0, fixed("1"), RECEIVED_NANOS), tick());
            core.onNewOrder(newOrder.set(SESSION, "R3", SYMBOL, "KRAKEN", Side.BUY, OrdType.LIMIT,
                fixed("1"), fixed("1"), RECEIVED_NANOS), tick());
            venue.full(true);
            core.onNewOrder(limit(SESSION, "R4", "1", "100"), tick());

            // then
            final List<NewOrderReject> rejects = reports.newOrderRejects();
            assertThat(rejects).hasSize(4);
            final Set<Long> orderKeys = new HashSet<>();
            final Set<Long> execIds = new HashSet<>();
            for (final NewOrderReject reject : rejects)
            {
                orderKeys.add(reject.orderKey());
                execIds.add(reject.execId());
            }
            assertThat(orderKeys).hasSize(4).doesNotContain(acceptedKey);
            assertThat(execIds).hasSize(4).doesNotContain(reports.executionReports().get(0).execId());
        }

        @Test
        void anOrderRefusedByAFullVenueQueueIsRejectedAsBusyAndNotKept()
        {
            // given
            venue.full(true);

            // when
            core.onNewOrder(limit(SESSION, "O1", "1", "100"), tick());

            // then
            final NewOrderReject reject = reports.single(NewOrderReject.class);
            assertThat(reject.reason()).isEqualTo(OrdRejReason.OTHER);
            assertThat(reject.text()).contains("busy").contains(VENUE);
            assertThat(core.orderCount()).isZero();
            assertThat(core.order(reject.orderKey())).isNull();
        }

        @Test
        void aClOrdIdRefusedForAFullVenueQueueMayBeSentAgain()
        {
            // given
            venue.full(true);
            core.onNewOrder(limit(SESSION, "O1", "1", "100"), tick());
            venue.full(false);
            reports.clear();

            // when
            core.onNewOrder(limit(SESSION, "O1", "1", "100"), tick());

            // then
            assertThat(reports.all()).isEmpty();
            assertThat(venue.submitted()).hasSize(1);
            assertThat(core.orderCount()).isOne();
        }

        @Test
        void aDuplicateClOrdIdOfAWorkingOrderInTheSameSessionIsRejected()
        {
            // given
            final long firstKey = workingLimit("O1", "1", "100");
            reports.clear();

            // when
            core.onNewOrder(limit(SESSION, "O1", "2", "99"), tick());

            // then
            final NewOrderReject reject = reports.single(NewOrderReject.class);
            assertThat(reject.reason()).isEqualTo(OrdRejReason.DUPLICATE_ORDER);
            assertThat(reject.text()).contains("'O1'");
            assertThat(reject.orderKey()).isNotEqualTo(firstKey);
            assertThat(venue.submitted()).hasSize(1);
            assertThat(core.order(firstKey).orderQty()).isEqualTo(fixed("1"));
            assertThat(core.order(firstKey).state()).isEqualTo(OrderState.NEW);
        }

        @Test
        void aDuplicateClOrdIdOfAnOrderAwaitingItsVenueIsRejected()
        {
            // given
            sendLimit("O1", "1", "100");

            // when
            core.onNewOrder(limit(SESSION, "O1", "1", "100"), tick());

            // then
            assertThat(reports.single(NewOrderReject.class).reason()).isEqualTo(OrdRejReason.DUPLICATE_ORDER);
            assertThat(venue.submitted()).hasSize(1);
        }

        @Test
        void theSameClOrdIdInAnotherSessionIsAccepted()
        {
            // given
            workingLimit("O1", "1", "100");
            reports.clear();

            // when
            core.onNewOrder(limit(OTHER_SESSION, "O1", "1", "100"), tick());

            // then
            assertThat(reports.all()).isEmpty();
            assertThat(venue.submitted()).hasSize(2);
            assertThat(venue.lastSubmitted().sessionId()).isEqualTo(OTHER_SESSION);
        }

        @Test
        void aClOrdIdOfAFilledOrderIsADuplicate()
        {
            // given
            final long firstKey = workingLimit("O1", "1", "100");
            core.onVenueFill(firstKey, fixed("1"), fixed("100"), tick());
            reports.clear();

            // when
            core.onNewOrder(limit(SESSION, "O1", "2", "101"), tick());

            // then
            assertThat(reports.single(NewOrderReject.class).reason()).isEqualTo(OrdRejReason.DUPLICATE_ORDER);
            assertThat(venue.submitted()).hasSize(1);
        }

        @Test
        void aClOrdIdOfAnOrderTheVenueRejectedIsADuplicateAndCancelsStillReachThatOrder()
        {
            // given
            final long firstKey = sendLimit("O1", "1", "100");
            core.onVenueRejected(firstKey, "post-only would cross", tick());
            reports.clear();

            // when
            core.onNewOrder(limit(SESSION, "O1", "2", "99"), tick());
            cancel(SESSION, "C1", "O1");

            // then
            assertThat(reports.all()).hasSize(2);
            assertThat(reports.newOrderRejects()).singleElement()
                .satisfies(reject -> assertThat(reject.reason()).isEqualTo(OrdRejReason.DUPLICATE_ORDER));
            assertThat(reports.cancelRejects()).singleElement()
                .satisfies(reject -> assertThat(reject.reason()).isEqualTo(CxlRejReason.TOO_LATE_TO_CANCEL));
            assertThat(venue.submitted()).hasSize(1);
        }
    }

    @Nested
    class Fills
    {
        @Test
        void averagePriceOfASingleFillIsExactlyItsPrice()
        {
            // given
            // an instrument fine-grained enough for a notional beyond eight decimals
            core.onNewOrder(newOrder.set(SESSION, "O-AVG", "XRP/USDT", VENUE, Side.BUY, OrdType.LIMIT,
                fixed("0.00012345"), fixed("65000.5"), RECEIVED_NANOS), tick());
            final long orderKey = venue.lastSubmitted().orderKey();
            core.onVenueAccepted(orderKey, "V-AVG", tick());

            // when
            core.onVenueFill(orderKey, fixed("0.00012345"), fixed("65000.5"), tick());

            // then
            assertThat(core.order(orderKey).avgPx()).isEqualTo(fixed("65000.5"));
        }

        @Test
        void aVeryLargeFillCompletesWithoutOverflow()
        {
            // given
            final long orderKey = sendLimit("O-BIG", "1000", "100000000");
            core.onVenueAccepted(orderKey, "V-BIG", tick());

            // when
            core.onVenueFill(orderKey, fixed("1000"), fixed("100000000"), tick());

            // then
            assertThat(core.order(orderKey).state()).isEqualTo(OrderState.FILLED);
            assertThat(core.order(orderKey).avgPx()).isEqualTo(fixed("100000000"));
        }

        @Test
        void aLateAcknowledgementAfterAFillIsAcceptedQuietly()
        {
            // given
            final long orderKey = sendLimit("O-LATE", "1", "100");
            core.onVenueFill(orderKey, fixed("0.5"), fixed("100"), tick());
            final int reportsBefore = reports.all().size();

            // when
            core.onVenueAccepted(orderKey, "V-LATE", tick());

            // then
            assertThat(reports.all()).hasSize(reportsBefore);
            assertThat(core.order(orderKey).venueOrderId()).isEqualTo("V-LATE");
        }

        @Test
        void anIllegalFillOnAnUnacknowledgedOrderChangesNothing()
        {
            // given
            final long orderKey = sendLimit("O-OVER", "1", "100");

            // when
            core.onVenueFill(orderKey, fixed("2"), fixed("100"), tick());

            // then
            assertThat(reports.all()).singleElement()
                .isInstanceOf(IllegalTransition.class);
            assertThat(core.order(orderKey).state()).isEqualTo(OrderState.PENDING_NEW);
        }

        @Test
        void aPartialFillReportsTheTradeWithCumQtyAndLeavesQty()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "101");
            reports.clear();

            // when
            final long filledAt = tick();
            core.onVenueFill(orderKey, fixed("0.3"), fixed("100"), filledAt);

            // then
            final ExecutionReport report = reports.single(ExecutionReport.class);
            assertThat(report.execType()).isEqualTo(ExecType.TRADE);
            assertThat(report.ordStatus()).isEqualTo(OrderState.PARTIALLY_FILLED);
            assertThat(report.lastQty()).isEqualTo(fixed("0.3"));
            assertThat(report.lastPx()).isEqualTo(fixed("100"));
            assertThat(report.cumQty()).isEqualTo(fixed("0.3"));
            assertThat(report.leavesQty()).isEqualTo(fixed("0.7"));
            assertThat(report.avgPx()).isEqualTo(fixed("100"));
            assertThat(report.timeMillis()).isEqualTo(filledAt);
        }

        @Test
        void fillsAtDifferentPricesAverageByQuantity()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "101");
            core.onVenueFill(orderKey, fixed("0.3"), fixed("100"), tick());
            reports.clear();

            // when
            core.onVenueFill(orderKey, fixed("0.7"), fixed("101"), tick());

            // then 0.3 x 100 + 0.7 x 101 = 100.7 for 1
            final ExecutionReport report = reports.single(ExecutionReport.class);
            assertThat(report.avgPx()).isEqualTo(fixed("100.7"));
            assertThat(report.cumQty()).isEqualTo(fixed("1"));
            assertThat(report.lastQty()).isEqualTo(fixed("0.7"));
            assertThat(report.lastPx()).isEqualTo(fixed("101"));
        }

        @Test
        void theLastFillReportsFilledWithLeavesQtyZero()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "101");
            core.onVenueFill(orderKey, fixed("0.3"), fixed("100"), tick());
            reports.clear();

            // when
            core.onVenueFill(orderKey, fixed("0.7"), fixed("101"), tick());

            // then
            final ExecutionReport report = reports.single(ExecutionReport.class);
            assertThat(report.execType()).isEqualTo(ExecType.TRADE);
            assertThat(report.ordStatus()).isEqualTo(OrderState.FILLED);
            assertThat(report.leavesQty()).isZero();
            assertThat(core.order(orderKey).state()).isEqualTo(OrderState.FILLED);
        }

        @Test
        void smallDecimalFillsAddUpExactly()
        {
            // given
            final long orderKey = workingLimit("O1", "0.003", "65000.12");
            reports.clear();

            // when
            core.onVenueFill(orderKey, fixed("0.001"), fixed("65000.12"), tick());
            core.onVenueFill(orderKey, fixed("0.001"), fixed("65000.12"), tick());
            core.onVenueFill(orderKey, fixed("0.001"), fixed("65000.12"), tick());

            // then
            final List<ExecutionReport> trades = reports.executionReports();
            assertThat(trades).extracting(ExecutionReport::cumQty)
                .containsExactly(fixed("0.001"), fixed("0.002"), fixed("0.003"));
            assertThat(trades).extracting(ExecutionReport::leavesQty)
                .containsExactly(fixed("0.002"), fixed("0.001"), 0L);
            assertThat(trades).extracting(ExecutionReport::avgPx).containsOnly(fixed("65000.12"));
            assertThat(trades.get(2).ordStatus()).isEqualTo(OrderState.FILLED);
        }

        @Test
        void tenthsAddUpWithoutBinaryFloatingPointDrift()
        {
            // given
            final long orderKey = workingLimit("O1", "0.3", "100");
            core.onVenueFill(orderKey, fixed("0.1"), fixed("100"), tick());
            reports.clear();

            // when 0.1 + 0.2, which is not 0.3 in doubles
            core.onVenueFill(orderKey, fixed("0.2"), fixed("100"), tick());

            // then
            final ExecutionReport report = reports.single(ExecutionReport.class);
            assertThat(report.cumQty()).isEqualTo(fixed("0.3"));
            assertThat(report.ordStatus()).isEqualTo(OrderState.FILLED);
        }

        @Test
        void aFillBeforeTheAcknowledgementIsReportedAsNewFirstThenTheTrade()
        {
            // given
            final long orderKey = sendLimit("O1", "1", "100");

            // when
            core.onVenueFill(orderKey, fixed("0.4"), fixed("100"), tick());

            // then
            final List<ExecutionReport> sent = reports.executionReports();
            assertThat(reports.all()).hasSize(2);
            assertThat(sent).extracting(ExecutionReport::execType).containsExactly(ExecType.NEW, ExecType.TRADE);
            assertThat(sent.get(0).ordStatus()).isEqualTo(OrderState.NEW);
            assertThat(sent.get(0).cumQty()).isZero();
            assertThat(sent.get(0).leavesQty()).isEqualTo(fixed("1"));
            assertThat(sent.get(1).ordStatus()).isEqualTo(OrderState.PARTIALLY_FILLED);
            assertThat(sent.get(1).cumQty()).isEqualTo(fixed("0.4"));
        }

        @Test
        void anOverfillIsReportedAsIllegalAndChangesNothing()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            core.onVenueFill(orderKey, fixed("0.6"), fixed("100"), tick());
            reports.clear();

            // when
            core.onVenueFill(orderKey, fixed("0.5"), fixed("100"), tick());

            // then
            final IllegalTransition illegal = reports.single(IllegalTransition.class);
            assertThat(illegal.orderKey()).isEqualTo(orderKey);
            final Order order = core.order(orderKey);
            assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
            assertThat(order.cumQty()).isEqualTo(fixed("0.6"));
            assertThat(order.leavesQty()).isEqualTo(fixed("0.4"));
            assertThat(order.avgPx()).isEqualTo(fixed("100"));
        }

        @Test
        void aLateFillOnACanceledOrderIsReportedAndTheOrderStaysCanceled()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            core.onVenueFill(orderKey, fixed("0.2"), fixed("100"), tick());
            cancel(SESSION, "C1", "O1");
            core.onVenueCanceled(orderKey, null, tick());
            reports.clear();

            // when: the venue traded before the cancel took effect and says so only now
            core.onVenueFill(orderKey, fixed("0.3"), fixed("110"), tick());

            // then: money moved, so the client hears of it; what did not trade stays canceled
            final ExecutionReport fill = reports.single(ExecutionReport.class);
            assertThat(fill.execType()).isEqualTo(ExecType.TRADE);
            assertThat(fill.fixOrdStatus()).isEqualTo('4');
            assertThat(fill.clOrdId()).isEqualTo("C1");
            assertThat(fill.lastQty()).isEqualTo(fixed("0.3"));
            assertThat(fill.lastPx()).isEqualTo(fixed("110"));
            assertThat(fill.cumQty()).isEqualTo(fixed("0.5"));
            assertThat(fill.leavesQty()).isZero();
            assertThat(fill.avgPx()).isEqualTo(fixed("106"));
            final Order order = core.order(orderKey);
            assertThat(order.state()).isEqualTo(OrderState.CANCELED);
            assertThat(order.cumQty()).isEqualTo(fixed("0.5"));
        }

        @Test
        void aLateFillThatCompletesAnExpiredOrderReportsItFilled()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            core.onVenueFill(orderKey, fixed("0.4"), fixed("100"), tick());
            core.onVenueExpired(orderKey, tick());
            reports.clear();

            // when
            core.onVenueFill(orderKey, fixed("0.6"), fixed("100"), tick());

            // then
            final ExecutionReport fill = reports.single(ExecutionReport.class);
            assertThat(fill.execType()).isEqualTo(ExecType.TRADE);
            assertThat(fill.ordStatus()).isEqualTo(OrderState.FILLED);
            assertThat(fill.cumQty()).isEqualTo(fixed("1"));
            assertThat(fill.leavesQty()).isZero();
        }

        @Test
        void aLateFillBeyondOrderQtyIsRefusedAndChangesNothing()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            core.onVenueFill(orderKey, fixed("0.2"), fixed("100"), tick());
            cancel(SESSION, "C1", "O1");
            core.onVenueCanceled(orderKey, null, tick());
            reports.clear();

            // when
            core.onVenueFill(orderKey, fixed("0.9"), fixed("100"), tick());

            // then
            final IllegalTransition illegal = reports.single(IllegalTransition.class);
            assertThat(illegal.state()).isEqualTo(OrderState.CANCELED);
            assertThat(core.order(orderKey).cumQty()).isEqualTo(fixed("0.2"));
        }

        @Test
        void aFillOnARejectedOrderIsRefusedAndChangesNothing()
        {
            // given
            final long orderKey = sendLimit("O1", "1", "100");
            core.onVenueRejected(orderKey, "no", tick());
            reports.clear();

            // when
            core.onVenueFill(orderKey, fixed("0.3"), fixed("100"), tick());

            // then
            final IllegalTransition illegal = reports.single(IllegalTransition.class);
            assertThat(illegal.state()).isEqualTo(OrderState.REJECTED);
            assertThat(illegal.event()).isEqualTo(OrderEventType.PARTIAL_FILL);
            assertThat(core.order(orderKey).cumQty()).isZero();
        }

        @Test
        void aFillOfNoQuantityIsReportedAsIllegalAndChangesNothing()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            reports.clear();

            // when
            core.onVenueFill(orderKey, 0, fixed("100"), tick());

            // then
            reports.single(IllegalTransition.class);
            assertThat(core.order(orderKey).state()).isEqualTo(OrderState.NEW);
            assertThat(core.order(orderKey).cumQty()).isZero();
        }

        @Test
        void aSecondAcknowledgementIsReportedAsIllegalAndKeepsTheFirstVenueOrderId()
        {
            // given
            final long orderKey = sendLimit("O1", "1", "100");
            core.onVenueAccepted(orderKey, "V-1", tick());
            reports.clear();

            // when
            core.onVenueAccepted(orderKey, "V-2", tick());

            // then
            final IllegalTransition illegal = reports.single(IllegalTransition.class);
            assertThat(illegal.event()).isEqualTo(OrderEventType.ACKNOWLEDGED);
            assertThat(illegal.state()).isEqualTo(OrderState.NEW);
            assertThat(core.order(orderKey).venueOrderId()).isEqualTo("V-1");
        }
    }

    @Nested
    class VenueRejection
    {
        @Test
        void aVenueRejectionIsReportedRejectedWithTheVenuesReason()
        {
            // given
            final long orderKey = sendLimit("O1", "1", "100");

            // when
            core.onVenueRejected(orderKey, "insufficient balance", tick());

            // then
            final ExecutionReport report = reports.single(ExecutionReport.class);
            assertThat(report.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(report.ordStatus()).isEqualTo(OrderState.REJECTED);
            assertThat(report.text()).contains("insufficient balance").contains(VENUE);
            assertThat(report.cumQty()).isZero();
            assertThat(report.leavesQty()).isZero();
            assertThat(report.clOrdId()).isEqualTo("O1");
        }

        @Test
        void aRejectionAfterTheAcknowledgementIsReportedAsIllegal()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            reports.clear();

            // when
            core.onVenueRejected(orderKey, "late", tick());

            // then
            assertThat(reports.single(IllegalTransition.class).event()).isEqualTo(OrderEventType.REJECTED);
            assertThat(core.order(orderKey).state()).isEqualTo(OrderState.NEW);
        }
    }

    @Nested
    class OrderCancelRequest
    {
        @Test
        void aStatusRequestReportsWhereAWorkingOrderStandsAndChangesNothing()
        {
            // given
            final long orderKey = workingLimit("O-ST", "1", "100");
            core.onVenueFill(orderKey, fixed("0.25"), fixed("100"), tick());
            reports.clear();

            // when
            core.onStatusRequest(new OrderStatusCommand().set(SESSION, "O-ST", SYMBOL, '1'), tick());

            // then
            assertThat(reports.all()).singleElement().isInstanceOfSatisfying(ExecutionReport.class, report ->
                assertThat(report.execType()).isEqualTo(ExecType.ORDER_STATUS));
            assertThat(core.order(orderKey).state()).isEqualTo(OrderState.PARTIALLY_FILLED);
            assertThat(core.order(orderKey).cumQty()).isEqualTo(fixed("0.25"));
        }

        @Test
        void aStatusRequestForAnUnknownClOrdIdSaysSo()
        {
            // when
            core.onStatusRequest(new OrderStatusCommand().set(SESSION, "NOPE", SYMBOL, '1'), tick());

            // then
            assertThat(reports.all()).singleElement()
                .isInstanceOfSatisfying(RecordingSink.StatusOfUnknownOrder.class,
                    report -> assertThat(report.clOrdId()).isEqualTo("NOPE"));
        }

        @Test
        void aCancelWhoseClOrdIdBelongsToAnotherLiveOrderIsRejectedAndThatOrderStaysReachable()
        {
            // given
            workingLimit("O1", "1", "100");
            final long otherKey = workingLimit("O2", "1", "100");
            reports.clear();

            // when
            cancel(SESSION, "O2", "O1");

            // then
            assertThat(reports.all()).singleElement()
                .isInstanceOfSatisfying(CancelReject.class, reject ->
                {
                    assertThat(reject.reason()).isEqualTo(CxlRejReason.DUPLICATE_CLORDID);
                    assertThat(reject.text()).contains("duplicate ClOrdID");
                });
            assertThat(venue.cancelRequested()).isEmpty();
            cancel(SESSION, "C2", "O2");
            assertThat(venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(otherKey);
        }

        @Test
        void aPendingCancelsClOrdIdCannotBeReusedByANewOrderUntilTheVenueRefusesTheCancel()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            cancel(SESSION, "C1", "O1");
            final int submittedBefore = venue.submitted().size();

            // when
            core.onNewOrder(limit(SESSION, "C1", "1", "100"), tick());

            // then
            assertThat(venue.submitted()).hasSize(submittedBefore);
            assertThat(reports.all()).last()
                .isInstanceOfSatisfying(NewOrderReject.class,
                    reject -> assertThat(reject.reason()).isEqualTo(OrdRejReason.DUPLICATE_ORDER));

            // and when the venue refuses the cancel, the ClOrdID is free again
            core.onVenueCancelRejected(orderKey, "too late", tick());
            core.onNewOrder(limit(SESSION, "C1", "1", "100"), tick());
            assertThat(venue.submitted()).hasSize(submittedBefore + 1);
        }

        @Test
        void aCancelOfAWorkingOrderIsSentToItsVenueAndReportedPendingCancel()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            reports.clear();

            // when
            cancel(SESSION, "C1", "O1");

            // then
            assertThat(venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(orderKey);
            final ExecutionReport pending = reports.single(ExecutionReport.class);
            assertThat(pending.execType()).isEqualTo(ExecType.PENDING_CANCEL);
            assertThat(pending.fixOrdStatus()).isEqualTo('6');
            assertThat(pending.clOrdId()).isEqualTo("C1");
            assertThat(pending.origClOrdId()).isEqualTo("O1");
            assertThat(pending.leavesQty()).isEqualTo(fixed("1"));
            final Order order = core.order(orderKey);
            assertThat(order.pendingClOrdId()).isEqualTo("C1");
            assertThat(order.clOrdId()).isEqualTo("O1");
            assertThat(order.state()).isEqualTo(OrderState.NEW);
        }

        @Test
        void theCanceledReportCarriesTheCancelsClOrdIdAndTheOriginalAsOrigClOrdId()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            cancel(SESSION, "C1", "O1");
            reports.clear();

            // when
            final long canceledAt = tick();
            core.onVenueCanceled(orderKey, "canceled by request", canceledAt);

            // then
            final ExecutionReport report = reports.single(ExecutionReport.class);
            assertThat(report.execType()).isEqualTo(ExecType.CANCELED);
            assertThat(report.ordStatus()).isEqualTo(OrderState.CANCELED);
            assertThat(report.clOrdId()).isEqualTo("C1");
            assertThat(report.origClOrdId()).isEqualTo("O1");
            assertThat(report.leavesQty()).isZero();
            assertThat(report.cumQty()).isZero();
            assertThat(report.timeMillis()).isEqualTo(canceledAt);
            assertThat(core.order(orderKey).pendingClOrdId()).isNull();
        }

        @Test
        void aCancelOfAPartFilledOrderKeepsCumQtyAndAvgPx()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            core.onVenueFill(orderKey, fixed("0.4"), fixed("99.5"), tick());
            cancel(SESSION, "C1", "O1");
            reports.clear();

            // when
            core.onVenueCanceled(orderKey, null, tick());

            // then
            final ExecutionReport report = reports.single(ExecutionReport.class);
            assertThat(report.ordStatus()).isEqualTo(OrderState.CANCELED);
            assertThat(report.cumQty()).isEqualTo(fixed("0.4"));
            assertThat(report.avgPx()).isEqualTo(fixed("99.5"));
            assertThat(report.leavesQty()).isZero();
        }

        @Test
        void aCanceledOrderAnswersToTheCancelsClOrdId()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            cancel(SESSION, "C1", "O1");
            core.onVenueCanceled(orderKey, null, tick());
            reports.clear();

            // when
            cancel(SESSION, "C2", "C1");

            // then
            final CancelReject reject = reports.single(CancelReject.class);
            assertThat(reject.reason()).isEqualTo(CxlRejReason.TOO_LATE_TO_CANCEL);
            assertThat(reject.orderKey()).isEqualTo(orderKey);
        }

        @Test
        void aCancelOfAnUnknownClOrdIdIsRejectedAsUnknownOrder()
        {
            // given
            workingLimit("O1", "1", "100");
            reports.clear();

            // when
            cancel(SESSION, "C1", "NOPE");

            // then
            final CancelReject reject = reports.single(CancelReject.class);
            assertThat(reject.reason()).isEqualTo(CxlRejReason.UNKNOWN_ORDER);
            assertThat(reject.orderKey()).isNull();
            assertThat(reject.clOrdId()).isEqualTo("C1");
            assertThat(reject.origClOrdId()).isEqualTo("NOPE");
            assertThat(reject.text()).contains("'NOPE'");
            assertThat(venue.cancelRequested()).isEmpty();
        }

        @Test
        void aCancelCannotReachAnOrderOfAnotherSession()
        {
            // given
            workingLimit("O1", "1", "100");
            reports.clear();

            // when
            cancel(OTHER_SESSION, "C1", "O1");

            // then
            assertThat(reports.single(CancelReject.class).reason()).isEqualTo(CxlRejReason.UNKNOWN_ORDER);
            assertThat(venue.cancelRequested()).isEmpty();
        }

        @Test
        void aCancelOfAFilledOrderIsTooLate()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            core.onVenueFill(orderKey, fixed("1"), fixed("100"), tick());
            reports.clear();

            // when
            cancel(SESSION, "C1", "O1");

            // then
            final CancelReject reject = reports.single(CancelReject.class);
            assertThat(reject.reason()).isEqualTo(CxlRejReason.TOO_LATE_TO_CANCEL);
            assertThat(reject.ordStatus()).isEqualTo(OrderState.FILLED);
            assertThat(reject.text()).contains("filled");
            assertThat(venue.cancelRequested()).isEmpty();
        }

        @Test
        void aSecondCancelWhileOneIsPendingIsRejectedAsAlreadyPending()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            cancel(SESSION, "C1", "O1");
            reports.clear();

            // when
            cancel(SESSION, "C2", "O1");

            // then
            final CancelReject reject = reports.single(CancelReject.class);
            assertThat(reject.reason()).isEqualTo(CxlRejReason.ALREADY_PENDING_CANCEL);
            assertThat(reject.clOrdId()).isEqualTo("C2");
            assertThat(reject.text()).contains("'C1'");
            assertThat(venue.cancelRequested()).hasSize(1);
            assertThat(core.order(orderKey).pendingClOrdId()).isEqualTo("C1");
        }

        @Test
        void aCancelBeforeTheVenueAcknowledgedTheOrderIsRejectedAsOther()
        {
            // given
            final long orderKey = sendLimit("O1", "1", "100");

            // when
            cancel(SESSION, "C1", "O1");

            // then
            final CancelReject reject = reports.single(CancelReject.class);
            assertThat(reject.reason()).isEqualTo(CxlRejReason.OTHER);
            assertThat(reject.text()).contains("not yet acknowledged");
            assertThat(venue.cancelRequested()).isEmpty();
            assertThat(core.order(orderKey).pendingClOrdId()).isNull();
        }

        @Test
        void aCancelRefusedByAFullVenueQueueIsRejectedAsBusyAndMayBeRetried()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            venue.full(true);
            reports.clear();

            // when
            cancel(SESSION, "C1", "O1");
            venue.full(false);
            cancel(SESSION, "C2", "O1");

            // then
            assertThat(reports.cancelRejects()).singleElement().satisfies(reject ->
            {
                assertThat(reject.reason()).isEqualTo(CxlRejReason.OTHER);
                assertThat(reject.text()).contains("busy");
            });
            assertThat(reports.executionReports()).extracting(ExecutionReport::execType)
                .containsExactly(ExecType.PENDING_CANCEL);
            assertThat(venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(orderKey);
            assertThat(core.order(orderKey).pendingClOrdId()).isEqualTo("C2");
        }

        @Test
        void aVenueRefusingACancelIsReportedAsACancelReject()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            cancel(SESSION, "C1", "O1");
            reports.clear();

            // when
            final long refusedAt = tick();
            core.onVenueCancelRejected(orderKey, "order locked", refusedAt);

            // then
            final CancelReject reject = reports.single(CancelReject.class);
            assertThat(reject.reason()).isEqualTo(CxlRejReason.OTHER);
            assertThat(reject.clOrdId()).isEqualTo("C1");
            assertThat(reject.origClOrdId()).isEqualTo("O1");
            assertThat(reject.sessionId()).isEqualTo(SESSION);
            assertThat(reject.orderKey()).isEqualTo(orderKey);
            assertThat(reject.ordStatus()).isEqualTo(OrderState.NEW);
            assertThat(reject.text()).contains("order locked").contains(VENUE);
            assertThat(reject.timeMillis()).isEqualTo(refusedAt);
        }

        @Test
        void afterTheVenueRefusedACancelALaterCancelIsSentAgain()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            cancel(SESSION, "C1", "O1");
            core.onVenueCancelRejected(orderKey, "order locked", tick());
            reports.clear();

            // when
            cancel(SESSION, "C2", "O1");

            // then
            assertThat(reports.single(ExecutionReport.class).execType()).isEqualTo(ExecType.PENDING_CANCEL);
            assertThat(venue.cancelRequested()).hasSize(2);
            assertThat(core.order(orderKey).pendingClOrdId()).isEqualTo("C2");
        }

        @Test
        void aCancelOvertakenByTheLastFillIsRejectedAsTooLate()
        {
            // given a cancel in flight when the order fills
            final long orderKey = workingLimit("O1", "1", "100");
            cancel(SESSION, "C1", "O1");
            core.onVenueFill(orderKey, fixed("1"), fixed("100"), tick());
            reports.clear();

            // when
            core.onVenueCancelRejected(orderKey, "order already filled", tick());

            // then
            final CancelReject reject = reports.single(CancelReject.class);
            assertThat(reject.reason()).isEqualTo(CxlRejReason.TOO_LATE_TO_CANCEL);
            assertThat(reject.clOrdId()).isEqualTo("C1");
            assertThat(reject.origClOrdId()).isEqualTo("O1");
            assertThat(reject.ordStatus()).isEqualTo(OrderState.FILLED);
        }

        @Test
        void aVenueCancelRejectWithoutACancelInFlightIsIgnored()
        {
            // given
            final long orderKey = workingLimit("O1", "1", "100");
            reports.clear();

            // when
            core.onVenueCancelRejected(orderKey, "stray", tick());

            // then
            assertThat(reports.all()).isEmpty();
        }
    }

    @Nested
    class UnsolicitedCancel
    {
        @Test
        void anUnsolicitedVenueCancelReportsCanceledWithTheVenuesReasonAsText()
        {
            // given a market order whose remainder the venue does not fill
            core.onNewOrder(newOrder.set(SESSION, "O1", SYMBOL, VENUE, Side.BUY, OrdType.MARKET,
                fixed("2"), NewOrderCommand.ABSENT, RECEIVED_NANOS), tick());
            final long orderKey = venue.lastSubmitted().orderKey();
            core.onVenueAccepted(orderKey, "V-1", tick());
            core.onVenueFill(orderKey, fixed("1.5"), fixed("30000"), tick());
            reports.clear();

            // when
            core.onVenueCanceled(orderKey, "market order remainder expired: no liquidity", tick());

            // then
            final ExecutionReport report = reports.single(ExecutionReport.class);
            assertThat(report.execType()).isEqualTo(ExecType.CANCELED);
            assertThat(report.ordStatus()).isEqualTo(OrderState.CANCELED);
            assertThat(report.text()).isEqualTo("market order remainder expired: no liquidity");
            assertThat(report.clOrdId()).isEqualTo("O1");
            assertThat(report.origClOrdId()).isNull();
            assertThat(report.cumQty()).isEqualTo(fixed("1.5"));
            assertThat(report.avgPx()).isEqualTo(fixed("30000"));
            assertThat(report.leavesQty()).isZero();
        }
    }

    @Nested
    class ExecIds
    {
        @Test
        void execIdsStrictlyIncreaseAcrossAllReportsAndAreNeverReused()
        {
            // when a mix of rejects, acknowledgements, fills and cancels is reported
            runMixedScenario(core, newOrder, cancelRequest, venue);

            // then
            final List<Long> execIds = reports.execIds();
            assertThat(execIds).hasSizeGreaterThan(8).isSorted().doesNotHaveDuplicates();
        }
    }

    @Nested
    class Determinism
    {
        @Test
        void twoCoresFedTheSameInputsProduceIdenticalReportsAndVenueRequests()
        {
            // given two independent cores
            final RecordingVenueRouter otherVenue = new RecordingVenueRouter();
            final RecordingSink otherReports = new RecordingSink();
            final OrderCore otherCore = new OrderCore(catalog(), otherVenue, otherReports, otherReports);

            // when
            runMixedScenario(core, newOrder, cancelRequest, venue);
            runMixedScenario(otherCore, new NewOrderCommand(), new CancelOrderCommand(), otherVenue);

            // then
            assertThat(reports.all()).hasSizeGreaterThan(10).isEqualTo(otherReports.all());
            assertThat(venue.requestLog()).isNotEmpty().isEqualTo(otherVenue.requestLog());
        }
    }

    /**
     * Every kind of input with fixed timestamps; venue answers address orders by the key the core
     * gave them, read from the router as a venue worker would.
     */
    private static void runMixedScenario(
        final OrderCore core,
        final NewOrderCommand newOrder,
        final CancelOrderCommand cancelRequest,
        final RecordingVenueRouter venue)
    {
        final List<Long> keys = new ArrayList<>();
        core.onNewOrder(newOrder.set(SESSION, "A", SYMBOL, VENUE, Side.BUY, OrdType.LIMIT,
            fixed("1"), fixed("100"), RECEIVED_NANOS), 10);
        keys.add(venue.lastSubmitted().orderKey());
        core.onNewOrder(newOrder.set(SESSION, "X", "DOGE/USDT", VENUE, Side.BUY, OrdType.LIMIT,
            fixed("1"), fixed("1"), RECEIVED_NANOS), 11);
        core.onNewOrder(newOrder.set(SESSION, "B", SYMBOL, VENUE, Side.SELL, OrdType.MARKET,
            fixed("0.5"), NewOrderCommand.ABSENT, RECEIVED_NANOS), 12);
        keys.add(venue.lastSubmitted().orderKey());
        core.onNewOrder(newOrder.set(OTHER_SESSION, "A", "ETH/USDT", VENUE, Side.BUY, OrdType.LIMIT,
            fixed("3"), fixed("2000"), RECEIVED_NANOS), 13);
        keys.add(venue.lastSubmitted().orderKey());
        core.onNewOrder(newOrder.set(SESSION, "A", SYMBOL, VENUE, Side.BUY, OrdType.LIMIT,
            fixed("1"), fixed("100"), RECEIVED_NANOS), 14);
        core.onVenueAccepted(keys.get(0), "V-A", 20);
        core.onVenueFill(keys.get(1), fixed("0.2"), fixed("99"), 21);
        core.onVenueRejected(keys.get(2), "insufficient balance", 22);
        core.onVenueFill(keys.get(0), fixed("0.3"), fixed("100"), 23);
        core.onCancelRequest(cancelRequest.set(SESSION, "CA", "A"), 24);
        core.onCancelRequest(cancelRequest.set(SESSION, "CA2", "A"), 25);
        core.onVenueFill(keys.get(0), fixed("0.1"), fixed("99.9"), 26);
        core.onVenueCancelRejected(keys.get(0), "locked", 27);
        core.onCancelRequest(cancelRequest.set(SESSION, "CA3", "A"), 28);
        core.onVenueCanceled(keys.get(0), null, 29);
        core.onVenueCanceled(keys.get(1), "no liquidity", 30);
        core.onVenueFill(keys.get(0), fixed("0.1"), fixed("100"), 31);
        core.onCancelRequest(cancelRequest.set(SESSION, "CX", "nope"), 32);
        core.onNewOrder(newOrder.set(SESSION, "A", SYMBOL, VENUE, Side.BUY, OrdType.LIMIT,
            0, fixed("100"), RECEIVED_NANOS), 33);
        core.onNewOrder(newOrder.set(SESSION, "A", SYMBOL, VENUE, Side.BUY, OrdType.LIMIT,
            fixed("2"), fixed("101"), RECEIVED_NANOS), 34);
        keys.add(venue.lastSubmitted().orderKey());
        core.onVenueAccepted(keys.get(3), "V-A2", 35);
        core.onVenueFill(keys.get(3), fixed("2"), fixed("101"), 36);
    }

    private NewOrderCommand limit(final long sessionId, final String clOrdId, final String qty, final String price)
    {
        return newOrder.set(sessionId, clOrdId, SYMBOL, VENUE, Side.BUY, OrdType.LIMIT, fixed(qty), fixed(price),
            RECEIVED_NANOS);
    }

    /** Sends a limit order that passes validation; returns the key the venue received it under. */
    private long sendLimit(final String clOrdId, final String qty, final String price)
    {
        final int submittedBefore = venue.submitted().size();
        core.onNewOrder(limit(SESSION, clOrdId, qty, price), tick());
        assertThat(venue.submitted()).as("order %s submitted", clOrdId).hasSize(submittedBefore + 1);
        return venue.lastSubmitted().orderKey();
    }

    /** A limit order the venue has acknowledged. */
    private long workingLimit(final String clOrdId, final String qty, final String price)
    {
        final long orderKey = sendLimit(clOrdId, qty, price);
        core.onVenueAccepted(orderKey, "V-" + orderKey, tick());
        return orderKey;
    }

    private void cancel(final long sessionId, final String clOrdId, final String origClOrdId)
    {
        core.onCancelRequest(cancelRequest.set(sessionId, clOrdId, origClOrdId), tick());
    }

    private long tick()
    {
        now += 10;
        return now;
    }

    private static InstrumentCatalog catalog()
    {
        return TestCatalog.venue(VENUE)
            .trades(SYMBOL, "0.01", "0.00001", "0.00001")
            .trades("ETH/USDT", "0.01", "0.0001", "0.0001")
            .trades("XRP/USDT", "0.00000001", "0.00000001", "0.00000001")
            .venue(OTHER_VENUE, VenueCapabilities.NONE).trades(SYMBOL, "0.01", "0.00001", "0.00001")
            .build();
    }
}
