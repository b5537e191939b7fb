package io.cryptofix.certification;

import io.cryptofix.acceptor.PasswordHashes;
import io.cryptofix.certification.GatewayConfigYaml.Venue;
import io.cryptofix.venue.binance.FakeBinance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quickfix.field.ExecType;
import quickfix.field.Side;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in its own process, with a session password and a venue's API key and secret, through
 * logons right and wrong and an order signed at a fake Binance: every line it wrote (each log record)
 * and every FIX message `gateway audit` prints afterwards hold no password, no hash of it, no key and no
 * secret; the Logon's Password shows as {@code Password(554)=***}.
 */
class SecretsStayHiddenCertificationTest
{
    private static final String PASSWORD = "Hidden-session-pass-93";
    private static final String WRONG_PASSWORD = "Wrong-guess-pass-17";
    private static final String API_KEY = "venue-api-key-5f2c81";
    private static final String SECRET = "venue-secret-a7d0e3";

    private GatewayProcess gateway;
    private FakeBinance binance;

    @BeforeEach
    void start() throws Exception
    {
        gateway = GatewayProcess.inNewWorkDir("cryptofix-secrets-");
        binance = FakeBinance.start(API_KEY, SECRET);
    }

    @AfterEach
    void stop() throws Exception
    {
        gateway.close();
        binance.close();
    }

    @Test
    void noLogLineAndNoAuditedFixMessageHoldsAPasswordAKeyOrASecret() throws Exception
    {
        final String hash = PasswordHashes.hash(PASSWORD.toCharArray());
        final Path credentials = gateway.workDir().resolve("binance.properties");
        CredentialsFiles.write(credentials, "apiKey=" + API_KEY + "\nsecretKey=" + SECRET + "\n");
        final Path config = gateway.writeConfig(gateway.config().metricsOff()
            .session("RISK", "SIM")
            .sessionSetting("RISK", "passwordHash", "\"" + hash + "\"")
            .venue(Venue.simulated("SIM").instrument("BTC/USDT"))
            .venue(Venue.exchange("BINANCE", "binance", binance.baseUrl(), credentials).symbols("BTC/USDT")));
        final Path log = gateway.workDir().resolve("run.log");
        gateway.logTo(log, "secrets");
        gateway.start();

        try (RawFixConnection refused = new RawFixConnection(gateway.fixPort(), "RISK", 1))
        {
            refused.send("35=A|98=0|108=30|141=Y|554=" + WRONG_PASSWORD + "|");
            final Map<Integer, String> answer = refused.next();
            assertThat(answer.get(58)).isEqualTo("logon refused");
        }
        try (FixTestClient client = FixTestClient.logOnWith("RISK", gateway.fixPort(), null, PASSWORD))
        {
            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "50000"),
                "BINANCE"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            client.logout();
        }
        gateway.stop();
        final GatewayProcess.Exited audit = gateway.command("audit", "--config", config.toString(), "--session", "RISK");

        assertThat(audit.exitValue()).as(audit.output()).isZero();
        assertThat(audit.output()).as("the Logon is audited, its Password hidden").contains("Password(554)=***");
        final String everything = Files.readString(log) + audit.output();
        for (final String secret : List.of(PASSWORD, WRONG_PASSWORD, hash, API_KEY, SECRET))
        {
            assertThat(everything).as("no trace of a secret").doesNotContain(secret);
        }
        assertThat(binance.orderCount()).as("the order was signed and placed").isEqualTo(1);
    }
}
