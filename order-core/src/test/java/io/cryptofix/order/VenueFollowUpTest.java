package io.cryptofix.order;

import io.cryptofix.config.TimeoutRule;
import io.cryptofix.domain.Side;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.cryptofix.order.RecordingSink.ExecutionReport;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Venue requests that go unanswered, on an injected clock (unacknowledgedSubmit 10s, unconfirmedCancel
 * 5s): a submit is looked up by its client order id and never sent twice; a cancel is sent again, then
 * looked up, then reported unconfirmed; and a session's orders are canceled when it disconnects.
 */
class VenueFollowUpTest
{
    private static final TimeoutRule BTC_30S =
        new TimeoutRule(TimeoutRule.Selector.SYMBOL, "BTC/USDT", Duration.ofSeconds(30), 1);

    @Nested
    class UnacknowledgedSubmit
    {
        @Test
        void isLookedUpAtTheVenueAndNeverSentTwice()
        {
            final LifecycleHarness g = new LifecycleHarness();
            g.limit("X", Side.BUY, "1", "100");

            g.advance(9_900);
            assertThat(g.venue.queried()).isEmpty();
            g.advance(200);
            assertThat(g.venue.queried()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(g.key("X"));

            g.venueStatus("X", VenueOrderStatus.OPEN, "0", "0");
            assertThat(g.told()).containsExactly("ER 0/0 X qty=1 cum=0 leaves=1");

            g.advance(600_000);
            assertThat(g.venue.queried()).hasSize(1);
            assertThat(g.venue.submitted()).hasSize(1);
        }

        @Test
        void thatTheVenueHasNoRecordOfIsRejectedAsNotPlaced()
        {
            final LifecycleHarness g = new LifecycleHarness();
            g.limit("X", Side.BUY, "1", "100");

            g.advance(10_100).venueStatus("X", VenueOrderStatus.UNKNOWN, "0", "0");

            assertThat(g.told()).containsExactly("ER 8/8 X qty=1 cum=0 leaves=0");
            assertThat(g.reports.single(ExecutionReport.class).text())
                .isEqualTo("rejected by venue EMU: no answer to the order, and no order with its client order id " +
                    "at the venue: it was not placed");
        }

        @Test
        void thatFilledUnheardIsReportedWithTheVenuesFills()
        {
            final LifecycleHarness g = new LifecycleHarness();
            g.limit("X", Side.BUY, "2", "100");

            g.advance(10_100).venueStatus("X", VenueOrderStatus.FILLED, "2", "99.5");

            assertThat(g.told()).containsExactly(
                "ER 0/0 X qty=2 cum=0 leaves=2",
                "ER F/2 X qty=2 cum=2 leaves=0 last=2@99.5");
        }

        @Test
        void isToldToTheClientWhenTheVenueStaysSilentAndStillFollowedUp()
        {
            final LifecycleHarness g = new LifecycleHarness();
            g.limit("X", Side.BUY, "1", "100");

            // waits of 10 s, 20 s, 40 s: the third runs out 70 s after the submit
            g.advance(10_100).advance(20_100);
            assertThat(g.venue.queried()).hasSize(2);
            assertThat(g.told()).isEmpty();
            g.advance(40_100);

            assertThat(g.venue.queried()).hasSize(3);
            assertThat(g.told()).containsExactly("ER I/A X qty=1 cum=0 leaves=1");
            assertThat(g.reports.single(ExecutionReport.class).text()).isEqualTo(
                "unacknowledged: venue EMU has not answered the order in 70s nor status queries by its client " +
                "order id; the gateway keeps asking");
            assertThat(g.reports.unconfirmed()).singleElement().asString().startsWith("submit X after 70");

            g.advance(80_100);
            assertThat(g.venue.queried()).hasSize(4);
            assertThat(g.venue.submitted()).hasSize(1);
            g.accept("X");
            assertThat(g.told()).last().isEqualTo("ER 0/0 X qty=1 cum=0 leaves=1");
        }
    }

    @Nested
    class UnconfirmedCancel
    {
        @Test
        void aTimeoutCancelLostOnceIsSentAgainAndTheOrderExpires()
        {
            final LifecycleHarness g = new LifecycleHarness(List.of(BTC_30S));
            g.limit("X", Side.BUY, "1", "100").accept("X").clear();

            g.advance(30_100);
            assertThat(g.venue.cancelRequested()).hasSize(1);
            g.advance(5_100);
            assertThat(g.venue.cancelRequested()).hasSize(2);
            assertThat(g.reports.gatewayCancelsRetried()).isEqualTo(1);

            g.venueCanceled("X", "canceled by request");
            assertThat(g.told()).containsExactly("ER C/C X qty=1 cum=0 leaves=0");
            assertThat(g.reports.single(ExecutionReport.class).text()).isEqualTo("timeout: symbol BTC/USDT after 30s");
            g.advance(600_000);
            assertThat(g.venue.cancelRequested()).hasSize(2);
        }

        @Test
        void isSentTwiceMoreThenLookedUpAndTheFillsTheVenueFoundAreReportedBeforeTheExpiry()
        {
            final LifecycleHarness g = new LifecycleHarness(List.of(BTC_30S));
            g.limit("X", Side.BUY, "2", "100").accept("X").clear();

            // cancel at 30 s, sent again after 5 s and 10 s more, looked up 20 s after that
            g.advance(30_100).advance(5_100).advance(10_100);
            assertThat(g.venue.cancelRequested()).hasSize(3);
            assertThat(g.venue.queried()).isEmpty();
            g.advance(20_100);
            assertThat(g.venue.cancelRequested()).hasSize(3);
            assertThat(g.venue.queried()).hasSize(1);

            g.venueStatus("X", VenueOrderStatus.CANCELED, "0.5", "100");
            assertThat(g.told()).containsExactly(
                "ER F/1 X qty=2 cum=0.5 leaves=1.5 last=0.5@100",
                "ER C/C X qty=2 cum=0.5 leaves=0");
        }

        @Test
        void aClientCancelTheVenueNeverConfirmedIsRefusedWhenTheLookUpFindsTheOrderFilled()
        {
            final LifecycleHarness g = new LifecycleHarness();
            g.limit("X", Side.BUY, "1", "100").accept("X").cancel("Y", "X").clear();

            // unconfirmed at 5 s and 10 s: sent again; at 20 s more, looked up
            g.advance(5_100).advance(10_100).advance(20_100);
            assertThat(g.venue.queried()).hasSize(1);
            g.venueStatus("X", VenueOrderStatus.FILLED, "1", "100");

            assertThat(g.told()).containsExactly(
                "ER F/6 X qty=1 cum=1 leaves=0 last=1@100",
                "CXL_REJ F Y<X reason=0 status=2");
            assertThat(g.order("X").pending()).isEqualTo(PendingRequest.NONE);
        }

        @Test
        void thatStaysUnconfirmedIsToldToTheClientAndTriedUntilTheVenueAnswers()
        {
            final LifecycleHarness g = new LifecycleHarness(List.of(BTC_30S));
            g.limit("X", Side.BUY, "1", "100").accept("X").clear();

            // waits of 5, 10, 20 and 40 s after the cancel at 30 s
            g.advance(30_100).advance(5_100).advance(10_100).advance(20_100);
            assertThat(g.told()).isEmpty();
            g.advance(40_100);

            assertThat(g.told()).containsExactly("ER I/0 X qty=1 cum=0 leaves=1");
            assertThat(g.reports.single(ExecutionReport.class).text()).isEqualTo(
                "cancel not confirmed: venue EMU has not confirmed the cancel in 75s, after sending it again and a " +
                "status query; the order may still be working; the gateway keeps trying");
            assertThat(g.reports.unconfirmed()).singleElement().asString().startsWith("cancel X after 75");
            assertThat(g.venue.cancelRequested()).hasSize(4);
            assertThat(g.venue.queried()).hasSize(2);

            g.advance(40_200);
            assertThat(g.venue.cancelRequested()).hasSize(5);
            g.venueCanceled("X", "canceled by request");
            assertThat(g.told()).last().isEqualTo("ER C/C X qty=1 cum=0 leaves=0");
        }

        @Test
        void aClientCancelTheVenueNeverConfirmsIsSentAgainToo()
        {
            final LifecycleHarness g = new LifecycleHarness();
            g.limit("X", Side.BUY, "1", "100").accept("X").cancel("C", "X").clear();

            g.advance(5_100);
            assertThat(g.venue.cancelRequested()).hasSize(2);
            g.venueCanceled("X", "canceled by request");

            assertThat(g.told()).containsExactly("ER 4/4 C<X qty=1 cum=0 leaves=0");
        }

        @Test
        void aGatewayCancelTheVenueRefusesWhileTheOrderSeemsToWorkIsCheckedByAStatusQuery()
        {
            final LifecycleHarness g = new LifecycleHarness(List.of(BTC_30S));
            g.limit("X", Side.BUY, "1", "100").accept("X").clear();

            g.advance(30_100).venueCancelRejected("X", "system busy");
            assertThat(g.venue.queried()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(g.key("X"));
            g.venueStatus("X", VenueOrderStatus.OPEN, "0", "0");
            assertThat(g.told()).isEmpty();

            // still open: the cancel goes again when its wait runs out
            g.advance(5_100);
            assertThat(g.venue.cancelRequested()).hasSize(2);
            g.venueCanceled("X", "canceled by request");
            assertThat(g.told()).containsExactly("ER C/C X qty=1 cum=0 leaves=0");
        }
    }

    @Nested
    class CancelOnDisconnect
    {
        @Test
        void cancelsTheSessionsWorkingOrdersWhenTheGracePeriodRunsOut()
        {
            final LifecycleHarness g = new LifecycleHarness();
            g.limit("X", Side.BUY, "1", "100").accept("X");
            g.limit("Y", Side.SELL, "1", "200").accept("Y").fill("Y", "0.4", "200");
            g.limit("Z", Side.BUY, "1", "100").accept("Z").fill("Z", "1", "100").clear();

            g.disconnect(5_000).advance(4_900);
            assertThat(g.venue.cancelRequested()).isEmpty();
            g.advance(200);
            assertThat(g.venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(g.key("X"), g.key("Y"));

            g.venueCanceled("X", "canceled by request").venueCanceled("Y", "canceled by request");
            assertThat(g.told()).containsExactly(
                "ER 4/4 X qty=1 cum=0 leaves=0",
                "ER 4/4 Y qty=1 cum=0.4 leaves=0");
            assertThat(g.reports.executionReports()).extracting(ExecutionReport::text).containsOnly(
                "canceled on disconnect: the session logged out or dropped and did not log on again in time");
        }

        @Test
        void isCalledOffWhenTheSessionLogsOnAgainWithinTheGracePeriod()
        {
            final LifecycleHarness g = new LifecycleHarness();
            g.limit("X", Side.BUY, "1", "100").accept("X");

            g.disconnect(5_000).advance(1_000).logon().advance(60_000);

            assertThat(g.venue.cancelRequested()).isEmpty();
        }
    }
}
