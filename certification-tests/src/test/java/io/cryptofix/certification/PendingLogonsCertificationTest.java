package io.cryptofix.certification;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.field.ExecType;
import quickfix.field.OrdStatus;
import quickfix.field.Side;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connections that never log on, over real TCP: at most {@code fix.maxPendingLogons} wait at once, one
 * more is closed as it arrives and counted ({@code pending_limit}), a session logged on trades on
 * through the storm, and once the logon timeout has closed the idle connections a new session logs on.
 */
class PendingLogonsCertificationTest
{
    private static final int LOGON_TIMEOUT_SECONDS = 3;
    private static final int MAX_PENDING_LOGONS = 4;
    private static final String CLOSED_AT_LIMIT = "cryptofix_logons_refused_total{reason=\"pending_limit\"}";

    private static GatewayFixture gateway;

    @BeforeAll
    static void start()
    {
        gateway = GatewayFixture.start(config -> config.pendingLogons(LOGON_TIMEOUT_SECONDS, MAX_PENDING_LOGONS));
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    @Test
    void aConnectionBeyondTheLimitIsClosedWhileALoggedOnSessionTradesAndTheTimeoutFreesTheOthers() throws Exception
    {
        final double closedBefore = MetricsScrape.of(gateway.metricsPort()).sample(CLOSED_AT_LIMIT).orElse(0);
        final List<RawFixConnection> idle = new ArrayList<>();
        try (FixTestClient loggedOn = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            // given: as many connections waiting to log on as the limit allows, which never send a Logon
            for (int i = 0; i < MAX_PENDING_LOGONS; i++)
            {
                idle.add(new RawFixConnection(gateway.fixPort(), "DEMO"));
            }

            // when: one more connects
            try (RawFixConnection oneMore = new RawFixConnection(gateway.fixPort(), "DEMO"))
            {
                // then: it is closed without a word and counted
                assertThat(oneMore.isClosedByGateway()).as("the connection beyond the limit is closed").isTrue();
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                MetricsScrape.of(gateway.metricsPort()).sample(CLOSED_AT_LIMIT)).hasValue(closedBefore + 1));

            // and the session logged on before trades on
            loggedOn.send(Orders.market(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01"));
            assertThat(loggedOn.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(loggedOn.next("8").getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);

            // and the logon timeout closes the idle connections, freeing their places
            for (final RawFixConnection connection : idle)
            {
                assertThat(connection.isClosedByGateway()).as("an idle connection is closed by the logon timeout")
                    .isTrue();
            }

            // so a new session logs on and trades
            try (FixTestClient newcomer = FixTestClient.logOn("DEMO", gateway.fixPort()))
            {
                newcomer.send(Orders.market(Orders.nextClOrdId(), Side.SELL, "BTC/USDT", "0.01"));
                assertThat(newcomer.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
                assertThat(newcomer.next("8").getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
                newcomer.logout();
            }
            loggedOn.logout();
        }
        finally
        {
            for (final RawFixConnection connection : idle)
            {
                connection.close();
            }
        }
        assertThat(MetricsScrape.of(gateway.metricsPort()).sample(CLOSED_AT_LIMIT))
            .as("no other connection was closed at the limit").hasValue(closedBefore + 1);
    }
}
