package io.cryptofix.certification;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.CxlRejReason;
import quickfix.field.ExecType;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.Side;
import quickfix.field.Text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * QuickFIX/J client -> gateway with a per-session throttle -> simulated venue: a burst beyond
 * {@code ordersPerSecond} is refused with Text {@code throttled: ...} (new orders Rejected, cancels
 * with OrderCancelReject) while the orders within it go to the venue; another session is not held back.
 */
class ThrottleCertificationTest
{
    private static final int BURST = 8;

    private static GatewayFixture gateway;

    @BeforeAll
    static void start()
    {
        gateway = GatewayFixture.start(config -> config.riskLimit("sessions.DEMO", "ordersPerSecond", "2"));
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    @Test
    void aBurstBeyondOrdersPerSecondIsRefusedAsThrottledWhileTheOrdersWithinItTrade() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DEMO", gateway.fixPort()))
        {
            final List<String> sent = new ArrayList<>();
            for (int i = 0; i < BURST; i++)
            {
                final String clOrdId = Orders.nextClOrdId();
                sent.add(clOrdId);
                client.send(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "1000"));
            }
            final List<String> accepted = new ArrayList<>();
            final List<Message> refused = new ArrayList<>();
            for (int i = 0; i < BURST; i++)
            {
                final Message report = client.next("8");
                if (report.getChar(ExecType.FIELD) == ExecType.NEW)
                {
                    accepted.add(report.getString(ClOrdID.FIELD));
                }
                else
                {
                    refused.add(report);
                }
            }
            // a second's worth is 2, and the burst is sent in far less than a second
            assertThat(accepted).hasSizeBetween(2, BURST - 1);
            assertThat(refused).hasSize(BURST - accepted.size()).allSatisfy(report ->
            {
                assertThat(report.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
                assertThat(report.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.OTHER);
                assertThat(report.getString(Text.FIELD)).isEqualTo("throttled: more than 2 orders, cancels and " +
                    "replaces per second from this session (ordersPerSecond); send it again later");
            });
            assertThat(sent).containsAll(accepted);

            // cancels meet the same bucket: each is refused while it is empty and taken once it has refilled
            final List<Message> throttledCancels = new ArrayList<>();
            for (final String working : accepted)
            {
                await().atMost(Duration.ofSeconds(10)).until(() ->
                {
                    client.send(Orders.cancel(Orders.nextClOrdId(), working, Side.BUY, "BTC/USDT"));
                    final Message answer = client.next();
                    if ("9".equals(answer.getHeader().getString(MsgType.FIELD)))
                    {
                        throttledCancels.add(answer);
                        return false;
                    }
                    return answer.getChar(ExecType.FIELD) == ExecType.PENDING_CANCEL &&
                        client.next("8").getChar(ExecType.FIELD) == ExecType.CANCELED;
                });
            }
            assertThat(throttledCancels).as("cancels sent at once after the burst").isNotEmpty().allSatisfy(reject ->
            {
                assertThat(reject.getInt(CxlRejReason.FIELD)).isEqualTo(CxlRejReason.OTHER);
                assertThat(reject.getString(Text.FIELD)).startsWith("throttled: more than 2 orders");
            });
            client.logout();
        }
    }

    @Test
    void anotherSessionIsNotHeldBackByAThrottledOne() throws Exception
    {
        try (FixTestClient demo = FixTestClient.logOn("DEMO", gateway.fixPort());
             FixTestClient risk = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            for (int i = 0; i < BURST; i++)
            {
                demo.send(Orders.market(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.001"));
            }
            for (int i = 0; i < BURST; i++)
            {
                risk.send(Orders.market(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.001"));
                assertThat(risk.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
                assertThat(risk.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.TRADE);
            }
            demo.logout();
            risk.logout();
        }
    }
}
