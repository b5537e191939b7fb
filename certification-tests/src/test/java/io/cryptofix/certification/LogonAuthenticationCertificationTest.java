package io.cryptofix.certification;

import io.cryptofix.acceptor.PasswordHashes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.field.ExecType;
import quickfix.field.OrdStatus;
import quickfix.field.Side;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may log on: RISK only with its Username and Password (checked against a bcrypt hash), DEMO only
 * from its allowed addresses (not loopback), and no session twice at once. Each refusal is a Logout
 * saying "logon refused" and nothing more, counted by reason, while the rightful session trades on.
 */
class LogonAuthenticationCertificationTest
{
    private static final String PASSWORD = "Risk-desk password 7";
    private static final byte[] SIGNING_KEY = "agent signing key, shared out of band".getBytes(StandardCharsets.UTF_8);

    private static GatewayFixture gateway;

    @BeforeAll
    static void start()
    {
        final String hash = PasswordHashes.hash(PASSWORD.toCharArray());
        gateway = GatewayFixture.start(config -> config
            .sessionSetting("RISK", "Username", "risk-desk")
            .sessionSetting("RISK", "passwordHash", "\"" + hash + "\"")
            .sessionSetting("DEMO", "allowedAddresses", "[10.123.0.0/16]")
            .session("AGENT", "SIM")
            .sessionSetting("AGENT", "signingKeyEnv", "AGENT_SIGNING_KEY"),
            variable -> "AGENT_SIGNING_KEY".equals(variable) ? Base64.getEncoder().encodeToString(SIGNING_KEY) :
                System.getenv(variable));
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    @Test
    void wrongMissingOrMisnamedCredentialsAreRefusedWhileTheRightfulSessionTrades() throws Exception
    {
        try (FixTestClient rightful = FixTestClient.logOnWith("RISK", gateway.fixPort(), "risk-desk", PASSWORD))
        {
            assertRefused("RISK", "553=risk-desk|554=guess-1|");
            assertRefused("RISK", "553=risk-desk|");
            assertRefused("RISK", "553=someone|554=" + PASSWORD + "|");

            rightful.send(Orders.market(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01"));
            assertThat(rightful.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(rightful.next("8").getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
            rightful.logout();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        {
            final MetricsScrape metrics = MetricsScrape.of(gateway.metricsPort());
            assertThat(metrics.sample("cryptofix_logons_refused_total{reason=\"password\"}")).hasValue(1.0);
            assertThat(metrics.sample("cryptofix_logons_refused_total{reason=\"password_missing\"}")).hasValue(1.0);
            assertThat(metrics.sample("cryptofix_logons_refused_total{reason=\"username\"}")).hasValue(1.0);
        });
    }

    @Test
    void aSignedLogonIsAcceptedWithTheSharedKeyAndRefusedUnsignedOrSignedWithAnother() throws Exception
    {
        assertRefused("AGENT", "");
        try (FixTestClient forger = FixTestClient.connectSigned("AGENT", gateway.fixPort(),
            "a guessed key".getBytes(StandardCharsets.UTF_8)))
        {
            assertThat(forger.nextAdmin("5").getString(quickfix.field.Text.FIELD)).isEqualTo("logon refused");
        }
        try (FixTestClient agent = FixTestClient.connectSigned("AGENT", gateway.fixPort(), SIGNING_KEY))
        {
            agent.awaitLogon();
            agent.send(Orders.market(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01"));
            assertThat(agent.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(agent.next("8").getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
            agent.logout();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        {
            final MetricsScrape metrics = MetricsScrape.of(gateway.metricsPort());
            assertThat(metrics.sample("cryptofix_logons_refused_total{reason=\"signature_missing\"}")).hasValue(1.0);
            assertThat(metrics.sample("cryptofix_logons_refused_total{reason=\"signature\"}").orElse(0)).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void aSessionIsRefusedFromAnAddressItMayNotComeFrom() throws Exception
    {
        assertRefused("DEMO", "");
        await().atMost(Duration.ofSeconds(10)).until(() -> MetricsScrape.of(gateway.metricsPort())
            .sample("cryptofix_logons_refused_total{reason=\"address\"}").orElse(0) >= 1);
    }

    @Test
    void aSourceAddressClaimedInAProxyProtocolHeaderIsRefusedEvenWhenItIsAnAllowedOne() throws Exception
    {
        try (RawFixConnection connection = new RawFixConnection(gateway.fixPort(), "DEMO", 1))
        {
            // DEMO may log on from 10.123.0.0/16 only; the header claims such an address
            connection.sendRaw(("PROXY TCP4 10.123.4.5 127.0.0.1 40000 " + gateway.fixPort() + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            connection.send("35=A|98=0|108=30|141=Y|");
            final Map<Integer, String> answer = connection.next();
            assertThat(answer.get(35)).as("a Logout, not a Logon").isEqualTo("5");
            assertThat(answer.get(58)).isEqualTo("logon refused");
            assertThat(connection.isClosedByGateway()).isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> MetricsScrape.of(gateway.metricsPort())
            .sample("cryptofix_logons_refused_total{reason=\"proxy_header\"}").orElse(0) >= 1);
    }

    @Test
    void aSecondLogonOfASessionLoggedOnIsRefusedAndTheFirstKeepsTrading() throws Exception
    {
        try (FixTestClient first = FixTestClient.logOn("DESK", gateway.fixPort());
             RawFixConnection second = new RawFixConnection(gateway.fixPort(), "DESK", 1))
        {
            second.send("35=A|98=0|108=30|141=Y|");
            assertThat(second.isClosedByGateway()).as("the second connection is closed").isTrue();

            first.send(Orders.market(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01"));
            assertThat(first.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(first.next("8").getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
            first.logout();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> MetricsScrape.of(gateway.metricsPort())
            .sample("cryptofix_logons_refused_total{reason=\"duplicate_session\"}").orElse(0) >= 1);
    }

    /** A raw Logon with these extra fields gets a Logout saying only "logon refused", then the connection closes. */
    private static void assertRefused(final String compId, final String credentials) throws Exception
    {
        try (RawFixConnection connection = new RawFixConnection(gateway.fixPort(), compId, 1))
        {
            connection.send("35=A|98=0|108=30|141=Y|" + credentials);
            final Map<Integer, String> answer = connection.next();
            assertThat(answer.get(35)).as("a Logout, not a Logon").isEqualTo("5");
            assertThat(answer.get(58)).isEqualTo("logon refused");
            assertThat(connection.isClosedByGateway()).isTrue();
        }
    }
}
