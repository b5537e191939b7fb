package io.cryptofix.certification;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.ExecType;
import quickfix.field.Side;
import quickfix.field.TestReqID;
import quickfix.fix44.TestRequest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Session-level behaviour: logon rules, TestRequest, malformed and unsupported messages, and that
 * one session's bad input leaves the others alone.
 */
class SessionLevelCertificationTest
{
    private static final String TRANSACT_TIME = "60=20260101-00:00:00.000|";
    private static GatewayFixture gateway;

    @BeforeAll
    static void startGateway()
    {
        gateway = GatewayFixture.start();
    }

    @AfterAll
    static void stopGateway()
    {
        gateway.close();
    }

    @Test
    void testRequestIsAnsweredByHeartbeatWithItsTestReqId() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            client.send(new TestRequest(new TestReqID("ping-42")));

            final Message heartbeat = client.nextAdmin("0");
            assertThat(heartbeat.getString(TestReqID.FIELD)).isEqualTo("ping-42");
            client.logout();
        }
    }

    @Test
    void logoutIsAcknowledgedAndTheSessionCanLogOnAgain() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DEMO", gateway.fixPort()))
        {
            client.logout();
            // QuickFIX/J reports the logout before its session state settles
            await().atMost(FixTestClient.TIMEOUT).until(() -> !client.session().isLoggedOn());

            client.expectNextLogon();
            client.session().logon();
            client.awaitLogon();
            assertThat(client.session().isLoggedOn()).isTrue();
            client.logout();
        }
    }

    @Test
    void logonWithUnconfiguredCompIdIsRefused() throws Exception
    {
        try (RawFixConnection stranger = new RawFixConnection(gateway.fixPort(), "STRANGER"))
        {
            stranger.send("35=A|98=0|108=30|141=Y|");

            assertThat(stranger.isClosedByGateway()).isTrue();
        }
    }

    @Test
    void missingRequiredTagGetsSessionRejectNamingTheTag() throws Exception
    {
        try (RawFixConnection raw = new RawFixConnection(gateway.fixPort(), "RISK"))
        {
            raw.logOn();
            final int seqNum = raw.nextSeqNum();
            // NewOrderSingle without Side (54)
            raw.send("35=D|11=no-side|55=BTC/USDT|38=1|40=1|" + TRANSACT_TIME);

            final Map<Integer, String> reject = raw.receive("3");
            assertThat(reject.get(45)).isEqualTo(String.valueOf(seqNum));
            assertThat(reject.get(371)).isEqualTo("54");
            assertThat(reject.get(373)).isEqualTo("1");
            assertThat(reject.get(372)).isEqualTo("D");
            assertThat(reject.get(58)).contains("54");
        }
    }

    @Test
    void valueOfWrongTypeGetsSessionRejectForDataFormat() throws Exception
    {
        try (RawFixConnection raw = new RawFixConnection(gateway.fixPort(), "RISK"))
        {
            raw.logOn();
            raw.send("35=D|11=bad-qty|55=BTC/USDT|54=1|38=lots|40=1|" + TRANSACT_TIME);

            final Map<Integer, String> reject = raw.receive("3");
            assertThat(reject.get(373)).isEqualTo("6");
            assertThat(reject.get(371)).isEqualTo("38");
        }
    }

    @Test
    void unsupportedApplicationMessageGetsBusinessMessageReject() throws Exception
    {
        try (RawFixConnection raw = new RawFixConnection(gateway.fixPort(), "RISK"))
        {
            raw.logOn();
            final int seqNum = raw.nextSeqNum();
            raw.send("35=R|131=quote-1|146=1|55=BTC/USDT|");

            final Map<Integer, String> reject = raw.receive("j");
            assertThat(reject.get(45)).isEqualTo(String.valueOf(seqNum));
            assertThat(reject.get(372)).isEqualTo("R");
            assertThat(reject.get(380)).isEqualTo("3");
            assertThat(reject.get(58)).contains("unsupported message type R");
        }
    }

    @Test
    void garbledMessageIsDroppedAndTheGapRecoveredWhileOtherSessionsTrade() throws Exception
    {
        try (FixTestClient demo = FixTestClient.logOn("DEMO", gateway.fixPort());
            RawFixConnection raw = new RawFixConnection(gateway.fixPort(), "RISK"))
        {
            raw.logOn();
            final int garbledSeqNum = raw.nextSeqNum();
            raw.sendWithBadChecksum("35=D|11=garbled|55=BTC/USDT|54=1|38=1|40=1|" + TRANSACT_TIME);
            raw.send("35=1|112=after-garbled|");

            // the garbled message never counted: the gateway asks for it again
            final Map<Integer, String> resendRequest = raw.receive("2");
            assertThat(resendRequest.get(7)).isEqualTo(String.valueOf(garbledSeqNum));

            demo.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "1000"));
            assertThat(demo.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            demo.logout();
        }
    }
}
