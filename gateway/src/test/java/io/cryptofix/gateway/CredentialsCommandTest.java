package io.cryptofix.gateway;

import io.cryptofix.venue.rest.Credentials;
import io.cryptofix.venue.rest.CredentialsStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gateway credentials set|list|remove} against a real store in a temporary data directory: keys
 * go in on standard input and never come out in what is printed.
 */
class CredentialsCommandTest
{
    private static final String PASSWORD = "store-password-0123456789";
    private static final String API_KEY = "AK-binance-4f1c9e";
    private static final String SECRET = "SK-binance-very-secret-77d2a0";
    private static final UnaryOperator<String> ENVIRONMENT =
        Map.of("CRYPTOFIX_CREDENTIALS_PASSWORD", PASSWORD)::get;

    @TempDir
    Path dataDir;

    private Path config;
    private Path store;

    private record Run(int exit, String out, String err)
    {
        String printed()
        {
            return out + err;
        }
    }

    @BeforeEach
    void configure() throws Exception
    {
        config = Files.writeString(dataDir.resolve("gateway.yaml"), String.join("\n",
            "dataDir: " + dataDir,
            "venues:",
            "  SIM: { type: simulated }",
            "  BINANCE:",
            "    type: binance",
            "    symbols: [BTC/USDT]",
            "    accounts: { DESK1: {} }",
            "  COINBASE: { type: coinbase, symbols: [BTC/USD] }",
            ""));
        store = dataDir.resolve("credentials.p12");
    }

    @Test
    void keysSetOnStandardInputAreStoredAndListedWithoutAnyOfTheirText()
    {
        final Run set = run("apiKey=" + API_KEY + "\nsecretKey=" + SECRET + "\n", ENVIRONMENT, "set", "--venue", "BINANCE");
        final Run setAccount = run("apiKey = AK-desk1\nsecretKey = SK-desk1-secret\npassphrase = PP-desk1\n", ENVIRONMENT,
            "set", "--venue", "BINANCE", "--account", "DESK1");
        final Run list = run("", ENVIRONMENT, "list");

        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).startsWith("BINANCE: keys stored in " + store + System.lineSeparator());
        assertThat(setAccount.exit()).as(setAccount.err()).isZero();
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out().lines()).hasSize(2);
        assertThat(list.out().lines().toList().get(0))
            .matches("BINANCE        apiKey secretKey  set \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(list.out().lines().toList().get(1)).startsWith("BINANCE/DESK1  apiKey secretKey passphrase  set ");
        for (final Run run : new Run[] {set, setAccount, list})
        {
            assertThat(run.printed()).doesNotContain(API_KEY, SECRET, "AK-desk1", "SK-desk1", "PP-desk1", PASSWORD);
        }
        assertThat(new CredentialsStore(store, PASSWORD.toCharArray()).read("BINANCE"))
            .isEqualTo(new Credentials(API_KEY, SECRET, null));
        assertThat(new CredentialsStore(store, PASSWORD.toCharArray()).read("BINANCE/DESK1"))
            .isEqualTo(new Credentials("AK-desk1", "SK-desk1-secret", "PP-desk1"));
    }

    @Test
    void aWrongPasswordIsRefusedSayingSoAndChangesNothing() throws Exception
    {
        assertThat(run("apiKey=" + API_KEY + "\nsecretKey=" + SECRET + "\n", ENVIRONMENT, "set", "--venue", "BINANCE")
            .exit()).isZero();
        final byte[] before = Files.readAllBytes(store);
        final UnaryOperator<String> wrong = Map.of("CRYPTOFIX_CREDENTIALS_PASSWORD", "not-the-password")::get;

        final Run set = run("apiKey=other\nsecretKey=other-secret\n", wrong, "set", "--venue", "BINANCE");
        final Run list = run("", wrong, "list");

        assertThat(set.exit()).isEqualTo(GatewayMain.FAILED);
        assertThat(set.err()).isEqualTo("gateway credentials: venue BINANCE: credentials store " + store +
            " cannot be read: wrong password, or the file was changed without it" + System.lineSeparator());
        assertThat(list.exit()).isEqualTo(GatewayMain.FAILED);
        assertThat(list.err()).contains("wrong password").doesNotContain("not-the-password");
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }

    @Test
    void withoutAPasswordItExitsTwoNamingTheVariableOrTheFile() throws Exception
    {
        final Run set = run("apiKey=a\nsecretKey=b\n", name -> null, "set", "--venue", "BINANCE");

        assertThat(set.exit()).isEqualTo(GatewayMain.BAD_INPUT);
        assertThat(set.err()).isEqualTo("gateway credentials: no password for the credentials store " + store +
            ": environment variable CRYPTOFIX_CREDENTIALS_PASSWORD is not set" + System.lineSeparator());
        assertThat(store).doesNotExist();

        final Path passwordFile = dataDir.resolve("store-password");
        Files.writeString(passwordFile, "");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(config, Files.readString(config) + "credentials: { passwordFile: " + passwordFile + " }\n");
        assertThat(run("apiKey=a\nsecretKey=b\n", ENVIRONMENT, "set", "--venue", "BINANCE").err())
            .contains("credentials.passwordFile " + passwordFile + " is empty");

        Files.writeString(passwordFile, PASSWORD + "\n");
        assertThat(run("apiKey=a\nsecretKey=b\n", name -> null, "set", "--venue", "BINANCE").exit()).isZero();
        assertThat(new CredentialsStore(store, PASSWORD.toCharArray()).read("BINANCE").apiKey()).isEqualTo("a");
    }

    @Test
    void inputWithoutBothKeysOrWithALineOfAnotherKindIsRefusedWithoutEchoingIt()
    {
        final Run noSecret = run("apiKey=" + API_KEY + "\n", ENVIRONMENT, "set", "--venue", "BINANCE");
        final Run bareSecret = run("apiKey=" + API_KEY + "\n" + SECRET + "\n", ENVIRONMENT, "set", "--venue", "BINANCE");
        final Run noPassphrase = run("apiKey=" + API_KEY + "\nsecretKey=" + SECRET + "\n", ENVIRONMENT,
            "set", "--venue", "COINBASE");

        assertThat(noSecret.exit()).isEqualTo(GatewayMain.BAD_INPUT);
        assertThat(noSecret.err()).startsWith("gateway credentials: BINANCE: standard input needs apiKey=... and " +
            "secretKey=... (missing: secretKey)");
        assertThat(bareSecret.exit()).isEqualTo(GatewayMain.BAD_INPUT);
        assertThat(bareSecret.err()).contains("a line other than apiKey=..., secretKey=... or passphrase=...");
        assertThat(noPassphrase.exit()).isEqualTo(GatewayMain.BAD_INPUT);
        assertThat(noPassphrase.err()).contains("COINBASE: a coinbase venue signs with a passphrase too");
        for (final Run run : new Run[] {noSecret, bareSecret, noPassphrase})
        {
            assertThat(run.printed()).doesNotContain(API_KEY, SECRET);
        }
        assertThat(store).doesNotExist();
    }

    @Test
    void keysAreSetOnlyForAConfiguredVenueOverRestOrOneOfItsAccounts()
    {
        assertThat(run("apiKey=a\nsecretKey=b\n", ENVIRONMENT, "set", "--venue", "SIM").err())
            .startsWith("gateway credentials: 'SIM' is not a configured venue with API keys (configured: BINANCE, " +
                "COINBASE)");
        assertThat(run("apiKey=a\nsecretKey=b\n", ENVIRONMENT, "set", "--venue", "KRAKEN").exit())
            .isEqualTo(GatewayMain.BAD_INPUT);
        assertThat(run("apiKey=a\nsecretKey=b\n", ENVIRONMENT, "set", "--venue", "BINANCE", "--account", "HEDGE").err())
            .startsWith("gateway credentials: 'HEDGE' is not an account of venue BINANCE in the configuration " +
                "(its accounts: DESK1)");
        assertThat(run("", ENVIRONMENT, "set", "--account", "DESK1").err())
            .startsWith("gateway credentials: set needs --venue ID");
        assertThat(run("", ENVIRONMENT, "list", "--venue", "BINANCE").exit()).isEqualTo(GatewayMain.BAD_INPUT);
        assertThat(run("", ENVIRONMENT, "rotate").err()).startsWith("gateway credentials: unknown request rotate");
        assertThat(store).doesNotExist();
    }

    @Test
    void removedKeysAreGoneFromTheStoreAndTheListAndASecondRemoveFails()
    {
        run("apiKey=" + API_KEY + "\nsecretKey=" + SECRET + "\n", ENVIRONMENT, "set", "--venue", "BINANCE");
        run("apiKey=AK-desk1\nsecretKey=SK-desk1\n", ENVIRONMENT, "set", "--venue", "BINANCE", "--account", "DESK1");

        final Run remove = run("", ENVIRONMENT, "remove", "--venue", "BINANCE");

        assertThat(remove.exit()).as(remove.err()).isZero();
        assertThat(remove.out()).startsWith("BINANCE: keys removed from " + store);
        assertThat(new CredentialsStore(store, PASSWORD.toCharArray()).read("BINANCE")).isNull();
        assertThat(run("", ENVIRONMENT, "list").out()).startsWith("BINANCE/DESK1 ").doesNotContain("BINANCE ");
        final Run again = run("", ENVIRONMENT, "remove", "--venue", "BINANCE");
        assertThat(again.exit()).isEqualTo(GatewayMain.FAILED);
        assertThat(again.err()).contains(store + " holds no keys for BINANCE");
    }

    @Test
    void theCommandLineDispatchesToIt()
    {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = GatewayMain.run(new String[] {"credentials"}, new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(GatewayMain.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("gateway credentials: set, list or remove?")
            .contains("usage: gateway credentials set --venue ID");
    }

    private Run run(final String input, final UnaryOperator<String> environment, final String... request)
    {
        final String[] args = new String[request.length + 3];
        args[0] = "credentials";
        System.arraycopy(request, 0, args, 1, request.length);
        args[args.length - 2] = "--config";
        args[args.length - 1] = config.toString();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = CredentialsCommand.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            environment);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
