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
 * The gateway in its own process, with a session password, a venue's API key and secret in a file and
 * an account's in the encrypted credentials store, through logons right and wrong, orders signed at a
 * fake Binance, and the account's key rotated with {@code bin/gateway credentials set} and
 * {@code admin reload-credentials}: every line the gateway and those commands wrote (each log record)
 * and every FIX message `gateway audit` prints afterwards hold no password, no hash of it, no key and no
 * secret; the Logon's Password shows as {@code Password(554)=***}.
 */
class SecretsStayHiddenCertificationTest
{
    private static final String PASSWORD = "Hidden-session-pass-93";
    private static final String WRONG_PASSWORD = "Wrong-guess-pass-17";
    private static final String API_KEY = "venue-api-key-5f2c81";
    private static final String SECRET = "venue-secret-a7d0e3";
    private static final String DESK_KEY = "desk-api-key-0b94e7";
    private static final String DESK_SECRET = "desk-secret-51c3aa";
    private static final String NEW_DESK_KEY = "desk-api-key-rotated-c21f";
    private static final String NEW_DESK_SECRET = "desk-secret-rotated-77d0";
    private static final String STORE_PASSWORD = "store-password-e93b1c";

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
        binance.addSubAccount(DESK_KEY, DESK_SECRET);
        final Path storePassword = gateway.workDir().resolve("store-password");
        CredentialsFiles.write(storePassword, STORE_PASSWORD + "\n");
        final Path config = gateway.writeConfig(gateway.config().metricsOff()
            .session("RISK", "SIM")
            .sessionSetting("RISK", "passwordHash", "\"" + hash + "\"")
            .venue(Venue.simulated("SIM").instrument("BTC/USDT"))
            .venue(Venue.exchange("BINANCE", "binance", binance.baseUrl(), credentials).symbols("BTC/USDT")
                .set("accounts", "{ DESK1: {} }"))
            .credentialsPasswordFile(storePassword)
            .adminOn(GatewayFixture.freePort()));
        final StringBuilder commands = new StringBuilder();
        final GatewayProcess.Exited stored = gateway.commandWithInput(
            "apiKey=" + DESK_KEY + "\nsecretKey=" + DESK_SECRET + "\n",
            "credentials", "set", "--venue", "BINANCE", "--account", "DESK1", "--config", config.toString());
        assertThat(stored.exitValue()).as(stored.output()).isZero();
        final GatewayProcess.Exited listed = gateway.command("credentials", "list", "--config", config.toString());
        assertThat(listed.output()).contains("BINANCE/DESK1");
        commands.append(stored.output()).append(listed.output());
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
            client.send(inDesk());
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            binance.replaceKey(DESK_KEY, NEW_DESK_KEY, NEW_DESK_SECRET);
            final GatewayProcess.Exited rotated = gateway.commandWithInput(
                "apiKey=" + NEW_DESK_KEY + "\nsecretKey=" + NEW_DESK_SECRET + "\n",
                "credentials", "set", "--venue", "BINANCE", "--account", "DESK1", "--config", config.toString());
            final GatewayProcess.Exited reloaded = gateway.command(
                "admin", "reload-credentials", "--venue", "BINANCE", "--config", config.toString());
            assertThat(reloaded.exitValue()).as(reloaded.output()).isZero();
            assertThat(reloaded.output()).contains("BINANCE/DESK1: new keys in use");
            commands.append(rotated.output()).append(reloaded.output());
            client.send(inDesk());
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            client.logout();
        }
        gateway.stop();
        final GatewayProcess.Exited audit = gateway.command("audit", "--config", config.toString(), "--session", "RISK");

        assertThat(audit.exitValue()).as(audit.output()).isZero();
        assertThat(audit.output()).as("the Logon is audited, its Password hidden").contains("Password(554)=***");
        final String everything = Files.readString(log) + audit.output() + commands;
        for (final String secret : List.of(PASSWORD, WRONG_PASSWORD, hash, API_KEY, SECRET, DESK_KEY, DESK_SECRET,
            NEW_DESK_KEY, NEW_DESK_SECRET, STORE_PASSWORD))
        {
            assertThat(everything).as("no trace of a secret").doesNotContain(secret);
        }
        assertThat(binance.orderCount()).as("the order was signed and placed").isEqualTo(1);
        assertThat(binance.ordersOf(NEW_DESK_KEY)).as("the account's two orders, the second on the new key").hasSize(2);
    }

    private static quickfix.fix44.NewOrderSingle inDesk()
    {
        final quickfix.fix44.NewOrderSingle order =
            Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "50000");
        order.set(new quickfix.field.Account("DESK1"));
        return Orders.onVenue(order, "BINANCE");
    }
}
