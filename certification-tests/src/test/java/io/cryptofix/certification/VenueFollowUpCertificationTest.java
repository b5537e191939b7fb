package io.cryptofix.certification;

import io.cryptofix.certification.GatewayConfigYaml.Venue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecType;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.OrdStatus;
import quickfix.field.Side;
import quickfix.field.Text;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the gateway does when a venue leaves it in doubt, end to end on simulated venues that lose
 * requests on purpose, and when a session with cancel-on-disconnect goes away. Venues STILL and RACE
 * have a market that does not move (no volatility, no market tick within a test's time), so every
 * fill is one the test caused.
 */
class VenueFollowUpCertificationTest
{
    private static final String SUPPORTS =
        "{ stopOrders: true, postOnly: true, immediateOrCancel: true, fillOrKill: true, goodTillDate: false, amend: false }";

    private static GatewayFixture gateway;

    @BeforeAll
    static void startGateway()
    {
        gateway = GatewayFixture.start(config -> config
            .venue(Venue.simulated("LOSTACK").supports(SUPPORTS).set("faults", "{ loseSubmitAnswers: 1 }"))
            .venue(Venue.simulated("LOSTCANCEL").supports(SUPPORTS).set("faults", "{ loseCancels: 1 }"))
            .venue(Venue.simulated("STILL").supports(SUPPORTS).set("volatilityBps", 0).set("marketTickMillis", 60000))
            .venue(Venue.simulated("RACE").supports(SUPPORTS).set("volatilityBps", 0).set("marketTickMillis", 60000)
                .set("faults", "{ loseCancels: 1 }"))
            .timeout("unacknowledgedSubmit", "300ms")
            .timeout("unconfirmedCancel", "1s")
            .timeoutRule("venue", "LOSTCANCEL", "500ms")
            .timeoutRule("venue", "STILL", "1s")
            .timeoutRule("venue", "RACE", "500ms"));
    }

    @AfterAll
    static void stopGateway()
    {
        gateway.close();
    }

    @Test
    void anOrderWhoseAcknowledgementIsLostIsFoundByAStatusQueryNotSentAgain() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "1000"), "LOSTACK"));

            final Message acknowledged = client.next("8");
            assertThat(acknowledged.getString(ClOrdID.FIELD)).isEqualTo(clOrdId);
            assertThat(acknowledged.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(counter("cryptofix_venue_status_queries_total")).isGreaterThanOrEqualTo(1);
            client.logout();
        }
    }

    @Test
    void aTimeoutCancelLostOnTheWayIsSentAgainAndTheOrderExpires() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "1000"), "LOSTCANCEL"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            final Message expired = client.next("8");
            assertThat(expired.getString(ClOrdID.FIELD)).isEqualTo(clOrdId);
            assertThat(expired.getChar(ExecType.FIELD)).isEqualTo(ExecType.EXPIRED);
            assertThat(expired.getString(Text.FIELD)).isEqualTo("timeout: venue LOSTCANCEL after 500ms");
            assertThat(counter("cryptofix_cancels_retried_total")).isGreaterThanOrEqualTo(1);
            client.logout();
        }
    }

    @Test
    void aPartiallyFilledOrderExpiresWithWhatFilled() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            // ten ask levels of 0.5 BTC: a buy of 6 far above them takes all 5 and rests the last 1
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "6", "70000"), "STILL"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            BigDecimal filled = BigDecimal.ZERO;
            Message report = client.next("8");
            while (report.getChar(ExecType.FIELD) == ExecType.TRADE)
            {
                filled = filled.add(report.getDecimal(LastQty.FIELD));
                report = client.next("8");
            }

            assertThat(filled).isEqualByComparingTo("5");
            assertThat(report.getChar(ExecType.FIELD)).isEqualTo(ExecType.EXPIRED);
            assertThat(report.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.EXPIRED);
            assertThat(report.getDecimal(CumQty.FIELD)).isEqualByComparingTo("5");
            assertThat(report.getDecimal(LeavesQty.FIELD)).isEqualByComparingTo("0");
            assertThat(report.getString(Text.FIELD)).isEqualTo("timeout: venue STILL after 1s");
            client.logout();
        }
    }

    @Test
    void aFillThatRacesTheTimeoutCancelIsReportedAsTheFillAndTheOrderNeverExpires() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            // the best bid is 59999.99: a buy at 60000 rests on top of the book
            final String buy = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(buy, Side.BUY, "BTC/USDT", "0.001", "60000"), "RACE"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            // the timeout fires and its cancel is lost on the way: the order still rests at the venue, its
            // cancel unconfirmed, when the fill comes
            await().atMost(FixTestClient.TIMEOUT).until(() ->
                counter("cryptofix_timeouts_fired_total{rule=\"venue RACE\"}") >= 1);
            final String sell = Orders.nextClOrdId();
            client.send(Orders.onVenue(Orders.limit(sell, Side.SELL, "BTC/USDT", "0.001", "60000"), "RACE"));

            final Message buyFilled = nextFor(client, buy);
            assertThat(buyFilled.getChar(ExecType.FIELD)).isEqualTo(ExecType.TRADE);
            assertThat(buyFilled.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);

            // filled while its cancel was on the way: it stays filled, and no Expired came before this answer
            client.send(Orders.status(buy, Side.BUY, "BTC/USDT"));
            final Message status = nextFor(client, buy);
            assertThat(status.getChar(ExecType.FIELD)).isEqualTo(ExecType.ORDER_STATUS);
            assertThat(status.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
            client.logout();
        }
    }

    @Test
    void theOrdersOfASessionWithCancelOnDisconnectAreCanceledAndItHearsSoAtItsNextLogon() throws Exception
    {
        final String clOrdId = Orders.nextClOrdId();
        try (FixTestClient client = FixTestClient.logOn("DESK", gateway.fixPort()))
        {
            client.send(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "1000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            client.logout();
        }

        await().atMost(FixTestClient.TIMEOUT).until(() -> counter("cryptofix_reports_held") == 1);
        try (FixTestClient client = FixTestClient.logOn("DESK", gateway.fixPort()))
        {
            final Message canceled = client.next("8");
            assertThat(canceled.getString(ClOrdID.FIELD)).isEqualTo(clOrdId);
            assertThat(canceled.getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
            assertThat(canceled.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.CANCELED);
            assertThat(canceled.getString(Text.FIELD))
                .isEqualTo("canceled on disconnect: the session logged out or dropped and did not log on again in time");
            client.logout();
        }
        assertThat(counter("cryptofix_reports_held")).isZero();
    }

    /** The next ExecutionReport about {@code clOrdId}, skipping those of other orders. */
    private static Message nextFor(final FixTestClient client, final String clOrdId) throws Exception
    {
        Message report = client.next("8");
        while (!report.getString(ClOrdID.FIELD).equals(clOrdId))
        {
            report = client.next("8");
        }
        return report;
    }

    /** A series' value now, 0 while the gateway has not exposed it. */
    private static double counter(final String series) throws Exception
    {
        return MetricsScrape.of(gateway.metricsPort()).sample(series).orElse(0);
    }
}
