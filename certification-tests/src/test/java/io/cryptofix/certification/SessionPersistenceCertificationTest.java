package io.cryptofix.certification;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sequence numbers and sent messages survive a gateway restart: a client continues its sequence
 * without a reset, and a ResendRequest is served from the gateway's archive.
 */
class SessionPersistenceCertificationTest
{
    private GatewayFixture gateway;

    @BeforeEach
    void startGateway()
    {
        gateway = GatewayFixture.start();
    }

    @AfterEach
    void stopGateway()
    {
        gateway.close();
    }

    @Test
    void clientContinuesItsSequenceAfterGatewayRestartAndResendIsAnswered() throws Exception
    {
        final String clOrdId = Orders.nextClOrdId();
        final int clientNextSeqNum;
        final int gatewayLastSeqNum;
        try (RawFixConnection first = new RawFixConnection(gateway.fixPort(), "RISK"))
        {
            first.logOn();
            first.send("35=D|11=" + clOrdId + "|55=BTC/USDT|54=1|38=0.01|40=2|44=1000|60=20260101-00:00:00.000|");
            final Map<Integer, String> ack = first.receive("8");
            assertThat(ack.get(11)).isEqualTo(clOrdId);
            first.send("35=5|");
            gatewayLastSeqNum = Integer.parseInt(first.receive("5").get(34));
            clientNextSeqNum = first.nextSeqNum();
        }

        gateway.restart();

        try (RawFixConnection second = new RawFixConnection(gateway.fixPort(), "RISK", clientNextSeqNum))
        {
            final Map<Integer, String> logon = second.logOnContinuing();
            assertThat(Integer.parseInt(logon.get(34))).isEqualTo(gatewayLastSeqNum + 1);
            assertThat(logon.get(141)).isNotEqualTo("Y");

            // the order was taken over at the restart: the simulated venue's book died with the
            // gateway, so the client hears that first, as a new message
            final Map<Integer, String> canceled = second.receive("8");
            assertThat(canceled.get(11)).isEqualTo(clOrdId);
            assertThat(canceled.get(150)).isEqualTo("4");
            assertThat(canceled.get(43)).isNull();
            assertThat(canceled.get(58)).contains("venue SIM no longer has the order");

            second.send("35=2|7=1|16=0|");

            // admin messages come back as SequenceReset-GapFill, the ExecutionReport itself as a PossDup
            final Map<Integer, String> executionReport = second.receive("8");
            assertThat(executionReport.get(11)).isEqualTo(clOrdId);
            assertThat(executionReport.get(43)).isEqualTo("Y");
            assertThat(executionReport.get(122)).isNotBlank();
        }
    }
}
