package io.cryptofix.order;

import io.cryptofix.config.TimeoutRule;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.cryptofix.order.LifecycleHarness.EMU;
import static io.cryptofix.order.LifecycleHarness.NATIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders ended by the gateway's timeout policy: canceled at the venue when their rule's time is up
 * and reported Expired with the rule in the Text, on an injected clock.
 */
class OrderTimeoutTest
{
    private static final TimeoutRule BTC_30S = new TimeoutRule(TimeoutRule.Selector.SYMBOL, "BTC/USDT", Duration.ofSeconds(30), 1);

    @Test
    void aRestingOrderIsCanceledWhenItsRuleIsUpAndReportedExpiredWithTheRuleAndItsFills()
    {
        final LifecycleHarness g = new LifecycleHarness(List.of(BTC_30S));
        g.limit("X", Side.BUY, "2", "100").accept("X").fill("X", "0.5", "100").clear();

        g.advance(29_000);
        assertThat(g.venue.cancelRequested()).isEmpty();
        g.advance(1_100);
        assertThat(g.venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(g.key("X"));
        g.venueCanceled("X", "canceled by request");

        assertThat(g.told()).containsExactly("ER C/C X qty=2 cum=0.5 leaves=0");
        assertThat(g.reports.executionReports().get(0).text()).isEqualTo("timeout: symbol BTC/USDT after 30s");
        // the wheel ticks every 8 ms: the timeout fired within one tick of its deadline
        assertThat(g.reports.timeoutsFired()).singleElement().asString().startsWith("X by symbol BTC/USDT late ");
    }

    @Test
    void aTimeoutCancelTheVenueQueueCannotTakeIsCountedAsRetriedAndSentLater()
    {
        final LifecycleHarness g = new LifecycleHarness(List.of(BTC_30S));
        g.limit("X", Side.BUY, "1", "100").accept("X");
        g.venue.full(true);

        g.advance(30_100);
        assertThat(g.reports.gatewayCancelsRetried()).isEqualTo(1);
        g.venue.full(false);
        g.advance(200);

        assertThat(g.venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(g.key("X"));
    }

    @Test
    void aFillThatRacesTheTimeoutCancelIsReportedAsAFillNotAnExpiry()
    {
        final LifecycleHarness g = new LifecycleHarness(List.of(BTC_30S));
        g.limit("X", Side.BUY, "2", "100").accept("X").clear();

        g.advance(30_100);
        g.fill("X", "2", "100").venueCancelRejected("X", "order filled");

        assertThat(g.told()).containsExactly("ER F/2 X qty=2 cum=2 leaves=0 last=2@100");
    }

    @Test
    void theEarliestDeadlineWinsBetweenTheTimeoutAndTheOrdersOwnExpireTime()
    {
        final LifecycleHarness g = new LifecycleHarness(List.of(BTC_30S));
        g.send(g.newOrder(EMU, "G", Side.BUY, OrdType.LIMIT, "1", "100", null, TimeInForce.GOOD_TILL_DATE)
            .conditions(TimeInForce.GOOD_TILL_DATE, NewOrderCommand.ABSENT, g.now() + 10_000, false));
        g.accept("G").clear();

        g.advance(10_100).venueCanceled("G", "canceled by request");

        assertThat(g.reports.single(RecordingSink.ExecutionReport.class).text())
            .startsWith("expired: ExpireTime (126)");
    }

    @Test
    void aTimeoutBeforeANativeGtdIsEnforcedByTheGatewayNotLeftToTheVenue()
    {
        final LifecycleHarness g = new LifecycleHarness(List.of(BTC_30S));
        g.send(g.newOrder(NATIVE, "G", Side.BUY, OrdType.LIMIT, "1", "100", null, TimeInForce.GOOD_TILL_DATE)
            .conditions(TimeInForce.GOOD_TILL_DATE, NewOrderCommand.ABSENT, g.now() + 3_600_000, false));
        g.accept("G");

        g.advance(30_100);

        assertThat(g.venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(g.key("G"));
    }

    @Test
    void theDefaultTimeoutAppliesWhereNoRuleMatchesAndTheSessionRuleBeatsTheSymbolRule()
    {
        final TimeoutRule session = new TimeoutRule(TimeoutRule.Selector.SESSION, "RISK", Duration.ofSeconds(5), 2);
        final LifecycleHarness g = new LifecycleHarness(Duration.ofMinutes(1), List.of(BTC_30S, session));
        g.limit("X", Side.BUY, "1", "100").accept("X").clear();

        g.advance(5_100).venueCanceled("X", "canceled by request");
        assertThat(g.reports.single(RecordingSink.ExecutionReport.class).text())
            .isEqualTo("timeout: session RISK after 5s");

        final LifecycleHarness d = new LifecycleHarness(Duration.ofMinutes(1), List.of());
        d.limit("Y", Side.BUY, "1", "100").accept("Y").clear();
        d.advance(60_100).venueCanceled("Y", "canceled by request");
        assertThat(d.reports.single(RecordingSink.ExecutionReport.class).text())
            .isEqualTo("timeout: default after 1m");
    }

    @Test
    void aReloadedPolicyAppliesToNewOrdersWhileWorkingOrdersKeepTheirDeadline()
    {
        final LifecycleHarness g = new LifecycleHarness(List.of(BTC_30S));
        g.limit("OLD", Side.BUY, "1", "100").accept("OLD");

        g.core.timeoutPolicy(policy(false, new TimeoutRule(TimeoutRule.Selector.SYMBOL, "BTC/USDT", Duration.ofSeconds(5), 1)),
            g.now());
        g.limit("NEW", Side.BUY, "1", "100").accept("NEW");
        g.advance(5_100);

        assertThat(g.venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(g.key("NEW"));
        g.venueCanceled("NEW", "canceled by request");
        g.advance(25_000);
        assertThat(g.venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(g.key("NEW"), g.key("OLD"));
    }

    @Test
    void aReloadedPolicyThatReevaluatesMovesTheDeadlinesOfWorkingOrdersCountedFromAcceptance()
    {
        final LifecycleHarness g = new LifecycleHarness(List.of(BTC_30S));
        g.limit("A", Side.BUY, "1", "100").accept("A");
        g.advance(10_000);
        g.limit("B", Side.BUY, "1", "100").accept("B");

        g.core.timeoutPolicy(policy(true, new TimeoutRule(TimeoutRule.Selector.SYMBOL, "BTC/USDT", Duration.ofSeconds(12), 1)),
            g.now());
        g.advance(100);
        // A was accepted over 10 s ago: its new 12 s deadline is 2 s away; B's is 12 s away
        assertThat(g.venue.cancelRequested()).isEmpty();
        g.advance(2_000);
        assertThat(g.venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(g.key("A"));
        g.venueCanceled("A", "canceled by request");
        g.advance(10_000);
        assertThat(g.venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(g.key("A"), g.key("B"));
    }

    private static io.cryptofix.config.TimeoutPolicy policy(final boolean reevaluate, final TimeoutRule... rules)
    {
        return new io.cryptofix.config.TimeoutPolicy(new io.cryptofix.config.TimeoutConfig(
            null, Duration.ofSeconds(10), Duration.ofSeconds(5), List.of(rules), reevaluate));
    }

    @Test
    void aHeldStopTimesOutAtTheGatewayWithoutAskingTheVenue()
    {
        final LifecycleHarness g = new LifecycleHarness(List.of(BTC_30S));
        g.order(EMU, "S", Side.BUY, OrdType.STOP, "1", null, "105", TimeInForce.GOOD_TILL_CANCEL).clear();

        g.advance(30_100);

        assertThat(g.told()).containsExactly("ER C/C S qty=1 cum=0 leaves=0");
        assertThat(g.venue.cancelRequested()).isEmpty();
    }
}
