package io.cryptofix.gateway;

import io.cryptofix.acceptor.SessionEvents;
import io.cryptofix.config.ConfigLoader;
import io.cryptofix.config.GatewayConfig;
import io.cryptofix.venue.rest.Credentials;
import io.cryptofix.venue.rest.CredentialsStore;
import org.agrona.IoUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The admin API of a gateway running in this JVM: a request without a known token (401) or from a
 * role too low (403) changes nothing and is journaled; a request that makes no sense is refused (400)
 * before anything is journaled; the status answers a viewer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest
{
    private static final String VIEWER = "viewer-token-0123456789";
    private static final String OPERATOR = "operator-token-0123456789";
    private static final String RISK_OFFICER = "risk-officer-token-0123456789";
    private static final Map<String, String> ENVIRONMENT =
        Map.of("VIEWER_TOKEN", VIEWER, "DESK_TOKEN", OPERATOR, "CRO_TOKEN", RISK_OFFICER);

    // made here, not by @TempDir: one for the gateway all the tests of the class share
    private Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int fixPort = freePort();
    private final int metricsPort = freePort();
    private GatewayOptions options;
    private Gateway gateway;

    @BeforeAll
    void startGateway() throws Exception
    {
        dataDir = Files.createTempDirectory("cryptofix-admin-api-");
        options = options(fixPort);
        gateway = Gateway.start(config(dataDir, fixPort, metricsPort,
            "  tokens:",
            "    grafana: { role: viewer, tokenEnv: VIEWER_TOKEN }",
            "    desk: { role: operator, tokenEnv: DESK_TOKEN }",
            "    cro: { role: risk-officer, tokenEnv: CRO_TOKEN }"), options, SessionEvents.NONE, ENVIRONMENT::get);
    }

    @AfterAll
    void stopGateway()
    {
        if (gateway != null)
        {
            gateway.close();
        }
        IoUtil.delete(dataDir.toFile(), true);
    }

    @Test
    void aRequestWithoutAKnownTokenOrFromARoleTooLowChangesNothingAndIsJournaled() throws Exception
    {
        final int before = journal().size();
        final String killAll = "{\"scope\": \"global\", \"reason\": \"test\"}";

        assertThat(post("/kill", null, killAll)).isEqualTo(answer(401,
            "missing or unknown token: send the header Authorization: Bearer <token>"));
        assertThat(post("/kill", "not-a-token-of-anyone", killAll).status()).isEqualTo(401);
        assertThat(post("/halt", VIEWER, "{\"scope\": \"venue\", \"name\": \"SIM\", \"reason\": \"test\"}"))
            .isEqualTo(answer(403, "role viewer may not halt (needs operator or above)"));
        assertThat(post("/resume", OPERATOR, killAll))
            .isEqualTo(answer(403, "role operator may not resume (needs risk-officer or above)"));
        assertThat(post("/reload", OPERATOR, "")).isEqualTo(answer(403,
            "role operator may not reload (needs risk-officer or above)"));

        final List<AdminJournalEntry> refused = journal().subList(before, journal().size());
        assertThat(refused).extracting(AdminJournalEntry::who, AdminJournalEntry::action, AdminJournalEntry::outcome)
            .containsExactly(
                tuple("unknown", "kill", "unauthorized"),
                tuple("unknown", "kill", "unauthorized"),
                tuple("grafana", "halt", "forbidden"),
                tuple("desk", "resume", "forbidden"),
                tuple("desk", "reload", "forbidden"));
        assertThat(refused.get(2).name()).as("what was attempted").isEqualTo("SIM");
        assertThat(journal()).noneMatch(AdminJournalEntry::changesState);

        final String metrics = scrape();
        assertThat(metrics).contains(
            "cryptofix_admin_actions_total{action=\"kill\",outcome=\"unauthorized\"} 2",
            "cryptofix_admin_actions_total{action=\"halt\",outcome=\"forbidden\"} 1",
            "cryptofix_trading_state{name=\"global\",scope=\"global\"} 0");
        assertThat(metrics.lines().filter(line -> line.startsWith("cryptofix_trading_state{"))).hasSize(1);
    }

    @Test
    void aRequestThatMakesNoSenseIsRefusedBeforeAnythingIsJournaled() throws Exception
    {
        final int before = journal().size();

        assertThat(post("/halt", OPERATOR, "{\"scope\": \"venue\", \"name\": \"NOPE\", \"reason\": \"test\"}"))
            .isEqualTo(answer(400, "unknown venue 'NOPE' (allowed: SIM)"));
        assertThat(post("/halt", OPERATOR, "{\"scope\": \"session\", \"name\": \"NOPE\", \"reason\": \"test\"}"))
            .isEqualTo(answer(400, "unknown session 'NOPE' (allowed: DEMO, RISK)"));
        assertThat(post("/kill", OPERATOR, "{\"scope\": \"global\"}").status()).isEqualTo(400);
        assertThat(post("/reduce", OPERATOR, "halt everything").json()).startsWith("{\"error\":\"the body is not JSON");
        assertThat(send(HttpRequest.newBuilder(uri("/halt")).GET(), OPERATOR))
            .isEqualTo(answer(405, "/halt takes POST, not GET"));
        assertThat(send(HttpRequest.newBuilder(uri("/shutdown")).GET(), OPERATOR).status()).isEqualTo(404);

        assertThat(journal()).hasSize(before);
    }

    @Test
    void aReloadOfAGatewayStartedWithoutAFileIsAConflictSaidPlainly() throws Exception
    {
        assertThat(post("/reload", RISK_OFFICER, "")).isEqualTo(answer(409,
            "the gateway runs without a configuration file (started without --config): there is nothing to reload"));
    }

    @Test
    void aRiskOfficersReloadTakesTheFilesNewLimitsAsAnEditWouldAndTheStatusShowsThem() throws Exception
    {
        final int ownFixPort = freePort();
        final int ownMetricsPort = freePort();
        final Path ownDir = Files.createTempDirectory("cryptofix-admin-reload-");
        final GatewayConfig config = config(ownDir, ownFixPort, ownMetricsPort);
        try (Gateway own = Gateway.start(config, options(ownFixPort), SessionEvents.NONE, name -> null))
        {
            final Path file = ownDir.resolve("gateway.yaml");
            final String yaml = String.join("\n", "dataDir: " + ownDir, "fix:", "  port: " + ownFixPort, "metrics:",
                "  port: " + ownMetricsPort, "risk:", "  default: { maxOrderQty: 5 }",
                "  sessions: { RISK: { maxOpenOrders: 3 } }", "admin:", "  port: 0", "");
            Files.writeString(file, yaml);
            final ConfigReloader reloader = new ConfigReloader(file, ConfigLoader.load(file), own::reloadTimeouts,
                own::reloadRisk, line -> { });
            try
            {
                own.reloadsFrom(reloader);
                final String token = Files.readString(ownDir.resolve("admin-token")).strip();
                final URI base = URI.create("http://127.0.0.1:" + own.adminPort());
                Files.writeString(file, yaml.replace("maxOrderQty: 5", "maxOrderQty: 7"));

                final Answer reloaded = send(HttpRequest.newBuilder(base.resolve("/reload"))
                    .POST(HttpRequest.BodyPublishers.noBody()), token);
                assertThat(reloaded.status()).as(reloaded.json()).isEqualTo(200);
                // the file's watcher may have taken the edit first: then the reload finds nothing new
                assertThat(reloaded.json()).containsAnyOf("risk limits reloaded from " + file, "nothing changed");
                assertThat(send(HttpRequest.newBuilder(base.resolve("/status")).GET(), token).json())
                    .contains("\"default\":{\"maxOrderQty\":\"7\"}");

                Files.writeString(file, yaml.replace("maxOrderQty: 5", "maxOrderQty: -1"));
                final Answer refused = send(HttpRequest.newBuilder(base.resolve("/reload"))
                    .POST(HttpRequest.BodyPublishers.noBody()), token);
                assertThat(refused.status()).isEqualTo(422);
                assertThat(refused.json()).contains("is invalid, the timeouts and limits in force stay");
                assertThat(AdminJournal.read(ownDir.resolve(AdminJournal.FILE_NAME))).extracting(AdminJournalEntry::outcome)
                    .containsExactly("accepted", "accepted", "failed: the file is invalid");
            }
            finally
            {
                reloader.close();
            }
        }
        finally
        {
            IoUtil.delete(ownDir.toFile(), true);
        }
    }

    @Test
    void theStatusShowsAViewerTheStatesAndTheLimitsInForce() throws Exception
    {
        final Answer status = send(HttpRequest.newBuilder(uri("/status")).GET(), VIEWER);

        assertThat(status.status()).as(status.json()).isEqualTo(200);
        assertThat(status.json())
            .contains("\"global\":{\"state\":\"ACTIVE\",\"reason\":null,\"since\":null}")
            .contains("\"limits\":{\"default\":{\"maxOrderQty\":\"5\"}")
            .contains("\"sessions\":{\"RISK\":{\"maxOpenOrders\":3}}");
    }

    @Test
    void aHaltInTheAdminJournalIsInForceWhenTheGatewayStartsAgain(@TempDir final Path ownDir) throws Exception
    {
        try (AdminJournal journal = AdminJournal.open(ownDir))
        {
            journal.append(new AdminJournalEntry(1_796_000_000_000L, "desk", "operator", "kill", "venue", "SIM",
                "feed stale", AdminJournalEntry.ACCEPTED));
        }
        final int ownFixPort = freePort();
        final int ownMetricsPort = freePort();
        try (Gateway own = Gateway.start(config(ownDir, ownFixPort, ownMetricsPort), options(ownFixPort),
            SessionEvents.NONE, name -> null))
        {
            final String token = Files.readString(ownDir.resolve("admin-token")).strip();
            final Answer status = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + own.adminPort() +
                "/status")).GET(), token);

            assertThat(status.json()).contains(
                "\"venues\":{\"SIM\":{\"state\":\"HALTED\",\"reason\":\"feed stale\",\"since\":\"2026-11-30T00:53:20Z\"}}");
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ownMetricsPort + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("cryptofix_trading_state{name=\"SIM\",scope=\"venue\"} 2");
        }
    }

    @Test
    void withoutConfiguredTokensTheGatewaysOwnTokenFileIsARiskOfficersAndKeptOwnerOnly(@TempDir final Path ownDir)
        throws Exception
    {
        final int ownFixPort = freePort();
        try (Gateway own = Gateway.start(config(ownDir, ownFixPort, freePort()), options(ownFixPort), SessionEvents.NONE,
            name -> null))
        {
            final Path file = ownDir.resolve("admin-token");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            final String token = Files.readString(file).strip();

            final HttpRequest.Builder reload = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + own.adminPort() +
                "/reload")).POST(HttpRequest.BodyPublishers.noBody());
            assertThat(send(reload, token).status()).as("a risk officer may reload").isEqualTo(409);
            assertThat(send(reload, OPERATOR).status()).isEqualTo(401);
            assertThat(AdminJournal.read(ownDir.resolve(AdminJournal.FILE_NAME)))
                .extracting(AdminJournalEntry::who).containsExactly("unknown");
        }
    }

    @Test
    void theCommandLinePrintsTheGatewaysRefusalAndExitsOneOrTwoForBadUsage() throws Exception
    {
        final Path config = Files.writeString(dataDir.resolve("cli.yaml"), String.join("\n",
            "dataDir: " + dataDir, "fix:", "  port: " + fixPort, "admin:", "  port: " + gateway.adminPort(), ""));

        assertThat(cli(VIEWER, "admin", "kill", "--all", "--reason", "test", "--config", config.toString()))
            .isEqualTo("1 gateway: admin: kill refused (HTTP 403): role viewer may not kill (needs operator or above)");
        assertThat(cli(null, "admin", "status", "--config", config.toString()))
            .startsWith("1 gateway: admin: no token: set CRYPTOFIX_ADMIN_TOKEN, or run where the gateway's " +
                dataDir.resolve("admin-token"));
        assertThat(cli(OPERATOR, "admin", "halt", "--venue", "NOPE", "--reason", "test", "--config", config.toString()))
            .isEqualTo("1 gateway: admin: halt refused (HTTP 400): unknown venue 'NOPE' (allowed: SIM)");
        assertThat(cli(OPERATOR, "admin", "halt", "--all", "--config", config.toString()))
            .startsWith("2 gateway: admin: halt needs --reason TEXT");
        assertThat(cli(OPERATOR, "admin", "kill", "--reason", "test", "--config", config.toString()))
            .startsWith("2 gateway: admin: kill needs --session COMPID, --venue ID or --all");
        assertThat(cli(OPERATOR, "admin", "halt", "--all", "--venue", "SIM", "--reason", "x"))
            .startsWith("2 gateway: admin: one of --session, --venue and --all");
        assertThat(cli(OPERATOR, "admin", "shutdown")).startsWith("2 gateway: admin: unknown admin request shutdown");

        final Path nobodyThere = Files.writeString(dataDir.resolve("elsewhere.yaml"), String.join("\n",
            "dataDir: " + dataDir, "fix:", "  port: " + fixPort, "admin:", "  port: " + freePort(), ""));
        assertThat(cli(OPERATOR, "admin", "status", "--config", nobodyThere.toString()))
            .matches("1 gateway: admin: cannot reach the admin API at http://127.0.0.1:\\d+: is the gateway running\\?");
    }

    /**
     * A gateway with a venue over REST that cannot be reached (its keys are read at start all the same,
     * and its worker keeps trying to connect): the BINANCE venue's keys in a credentials file, its account
     * DESK1's in the credentials store, and KRAKEN, whose keys are nowhere, not started.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ReloadCredentials
    {
        private static final String FIRST_KEY = "AK-first-5d01c7";
        private static final String FIRST_SECRET = "SK-first-secret-3e9b44";
        private static final String STORE_PASSWORD = "store-password-0123456789";

        private Path ownDir;
        private Path keysFile;
        private Path store;
        private Gateway own;
        private URI base;

        @BeforeAll
        void startGatewayWithARestVenue() throws Exception
        {
            ownDir = Files.createTempDirectory("cryptofix-admin-credentials-");
            keysFile = ownerOnly(ownDir.resolve("binance.properties"), "apiKey=" + FIRST_KEY + "\nsecretKey=" +
                FIRST_SECRET + "\n");
            final Path passwordFile = ownerOnly(ownDir.resolve("store-password"), STORE_PASSWORD + "\n");
            store = ownDir.resolve("credentials.p12");
            new CredentialsStore(store, STORE_PASSWORD.toCharArray())
                .put("BINANCE/DESK1", new Credentials("AK-desk1-first", "SK-desk1-first", null));
            final int ownFixPort = freePort();
            own = Gateway.start(config(ownDir, ownFixPort, freePort(),
                "  tokens:",
                "    grafana: { role: viewer, tokenEnv: VIEWER_TOKEN }",
                "    desk: { role: operator, tokenEnv: DESK_TOKEN }",
                "credentials: { passwordFile: " + passwordFile + " }",
                "venues:",
                "  SIM: {}",
                "  BINANCE:",
                "    type: binance",
                // nothing listens there: the venue is starting, its keys are read
                "    baseUrl: http://127.0.0.1:" + freePort(),
                "    credentialsFile: " + keysFile,
                "    symbols: [BTC/USDT]",
                "    accounts: { DESK1: {} }",
                "  KRAKEN: { type: kraken, apiKeyEnv: CRYPTOFIX_TEST_NO_SUCH_KEY, " +
                    "secretKeyEnv: CRYPTOFIX_TEST_NO_SUCH_SECRET, symbols: [BTC/USD] }"),
                options(ownFixPort), SessionEvents.NONE, ENVIRONMENT::get);
            base = URI.create("http://127.0.0.1:" + own.adminPort());
        }

        @AfterAll
        void stopGatewayWithARestVenue()
        {
            if (own != null)
            {
                own.close();
            }
            IoUtil.delete(ownDir.toFile(), true);
        }

        @Test
        void anOperatorsReloadReadsTheFileAndTheStoreAgainAndSaysWhichKeysAreNewNeverNamingOne() throws Exception
        {
            assertThat(reload(OPERATOR, "BINANCE")).isEqualTo(new Answer(200, "{\"action\":\"reload-credentials\"," +
                "\"venue\":\"BINANCE\",\"results\":[\"BINANCE: keys unchanged\",\"BINANCE/DESK1: keys unchanged\"]}\n"));

            Files.writeString(keysFile, "apiKey=AK-second-a8e210\nsecretKey=SK-second-secret-c4f7d9\n");
            new CredentialsStore(store, STORE_PASSWORD.toCharArray())
                .put("BINANCE/DESK1", new Credentials("AK-desk1-second", "SK-desk1-second", null));
            final Answer rotated = reload(OPERATOR, "BINANCE");

            assertThat(rotated.status()).as(rotated.json()).isEqualTo(200);
            assertThat(rotated.json()).contains("[\"BINANCE: new keys in use\",\"BINANCE/DESK1: new keys in use\"]");
            final String journal = Files.readString(ownDir.resolve(AdminJournal.FILE_NAME));
            assertThat(journal).contains("\"who\":\"desk\",\"role\":\"operator\",\"action\":\"reload-credentials\"," +
                "\"scope\":\"venue\",\"name\":\"BINANCE\",\"reason\":null,\"outcome\":\"accepted\"");
            assertThat(journal).doesNotContain(FIRST_KEY, FIRST_SECRET, "AK-second", "SK-second", "AK-desk1", "SK-desk1");
            assertThat(AdminJournal.read(ownDir.resolve(AdminJournal.FILE_NAME)))
                .noneMatch(AdminJournalEntry::changesState);
            assertThat(TradingStateRestore.statesToRestore(AdminJournal.read(ownDir.resolve(AdminJournal.FILE_NAME))))
                .isEmpty();
        }

        @Test
        void aRouteWhoseKeysCannotBeReadKeepsItsKeysAndTheAnswerIs422WithEachRoutesLine() throws Exception
        {
            Files.setPosixFilePermissions(keysFile, PosixFilePermissions.fromString("rw-r--r--"));
            try
            {
                final Answer refused = reload(OPERATOR, "BINANCE");

                assertThat(refused.status()).as(refused.json()).isEqualTo(422);
                assertThat(refused.json())
                    .contains("\"error\":\"keys not reloaded for BINANCE; the keys in use stay\"")
                    .contains("\"BINANCE: not reloaded, the keys in use stay: venue BINANCE: credentials file " +
                        keysFile + " may be read or changed by others")
                    .contains("\"BINANCE/DESK1: keys unchanged\"");
                final List<AdminJournalEntry> journaled = AdminJournal.read(ownDir.resolve(AdminJournal.FILE_NAME));
                assertThat(journaled.get(journaled.size() - 1).outcome()).isEqualTo("failed: keys not reloaded for BINANCE");
            }
            finally
            {
                Files.setPosixFilePermissions(keysFile, PosixFilePermissions.fromString("rw-------"));
            }
        }

        @Test
        void anUnknownVenueASimulatedOneOrAViewerIsRefusedAndOnlyTheViewerJournaled() throws Exception
        {
            final int before = AdminJournal.read(ownDir.resolve(AdminJournal.FILE_NAME)).size();

            assertThat(reload(OPERATOR, "NOPE")).isEqualTo(answer(400, "unknown venue 'NOPE' (allowed: BINANCE, KRAKEN, SIM)"));
            assertThat(reload(OPERATOR, "SIM")).isEqualTo(answer(409, "venue SIM is simulated: it has no API keys to reload"));
            assertThat(post(OPERATOR, "{\"scope\": \"venue\", \"name\": \"BINANCE\"}"))
                .isEqualTo(answer(400, "unknown field 'scope' (allowed: venue)"));
            assertThat(post(OPERATOR, "{}")).isEqualTo(answer(400, "venue is required (the venue id, as in ExDestination)"));
            assertThat(reload(VIEWER, "BINANCE"))
                .isEqualTo(answer(403, "role viewer may not reload-credentials (needs operator or above)"));

            final List<AdminJournalEntry> journaled = AdminJournal.read(ownDir.resolve(AdminJournal.FILE_NAME));
            assertThat(journaled.subList(before, journaled.size()))
                .extracting(AdminJournalEntry::who, AdminJournalEntry::action, AdminJournalEntry::name,
                    AdminJournalEntry::outcome)
                .containsExactly(tuple("grafana", "reload-credentials", "BINANCE", "forbidden"));
        }

        @Test
        void aVenueThatDidNotStartHasNoKeysToReplaceAndSaysARestartTakesThem() throws Exception
        {
            assertThat(reload(OPERATOR, "KRAKEN")).isEqualTo(answer(409, "venue KRAKEN has no keys in use to " +
                "replace: it did not start (see unavailableVenues in GET /status); it takes new keys when the " +
                "gateway starts again"));
        }

        @Test
        void theCommandLinePrintsEachRoutesLineAndTheRefusals() throws Exception
        {
            final Path config = Files.writeString(ownDir.resolve("cli.yaml"), String.join("\n",
                "dataDir: " + ownDir, "admin:", "  port: " + own.adminPort(), ""));

            assertThat(cliOutput(OPERATOR, "admin", "reload-credentials", "--venue", "BINANCE", "--config",
                config.toString())).isEqualTo(List.of("0", "BINANCE: keys unchanged", "BINANCE/DESK1: keys unchanged"));
            assertThat(cli(OPERATOR, "admin", "reload-credentials", "--venue", "SIM", "--config", config.toString()))
                .isEqualTo("1 gateway: admin: reload-credentials refused (HTTP 409): venue SIM is simulated: it has " +
                    "no API keys to reload");
            assertThat(cli(OPERATOR, "admin", "reload-credentials", "--all", "--config", config.toString()))
                .startsWith("2 gateway: admin: reload-credentials takes --venue ID, and no other scope or reason");
            assertThat(cli(OPERATOR, "admin", "reload-credentials", "--venue", "BINANCE", "--reason", "rotation"))
                .startsWith("2 gateway: admin: reload-credentials takes --venue ID");
            assertThat(scrape(own)).contains(
                "cryptofix_admin_actions_total{action=\"reload-credentials\",outcome=\"accepted\"}");
        }

        private Answer reload(final String token, final String venue) throws Exception
        {
            return post(token, "{\"venue\": \"" + venue + "\"}");
        }

        private Answer post(final String token, final String body) throws Exception
        {
            return send(HttpRequest.newBuilder(base.resolve("/reload-credentials"))
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
        }
    }

    private static Path ownerOnly(final Path file, final String text) throws IOException
    {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** @return the exit code and the first line of standard error, or of standard output when it succeeded. */
    private static String cli(final String token, final String... args)
    {
        final List<String> printed = cliOutput(token, args);
        return printed.get(0) + " " + (printed.size() > 1 ? printed.get(1) : "");
    }

    /** @return the exit code, then every line of standard error, or of standard output when it succeeded. */
    private static List<String> cliOutput(final String token, final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = AdminCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            name -> AdminCommand.TOKEN_ENV.equals(name) ? token : null);
        final List<String> printed = new java.util.ArrayList<>();
        printed.add(Integer.toString(exit));
        (exit == 0 ? out : err).toString(StandardCharsets.UTF_8).lines().forEach(printed::add);
        return printed;
    }

    private record Answer(int status, String json)
    {
    }

    private static Answer answer(final int status, final String error)
    {
        return new Answer(status, "{\"error\":\"" + error + "\"}\n");
    }

    private Answer post(final String path, final String token, final String body) throws Exception
    {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    private Answer send(final HttpRequest.Builder request, final String token) throws Exception
    {
        // a copy: the same builder may be sent again with another token
        final HttpRequest.Builder withToken = request.copy();
        if (token != null)
        {
            withToken.header("Authorization", "Bearer " + token);
        }
        final HttpResponse<String> response = http.send(withToken.timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private URI uri(final String path)
    {
        return URI.create("http://127.0.0.1:" + gateway.adminPort() + path);
    }

    private List<AdminJournalEntry> journal()
    {
        return AdminJournal.read(dataDir.resolve(AdminJournal.FILE_NAME));
    }

    private String scrape() throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
    }

    private String scrape(final Gateway gateway) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.metricsPort() + "/metrics"))
            .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** @param extraLines  lines after {@code admin:} and its port: admin keys indented, or further sections. */
    private static GatewayConfig config(
        final Path dataDir, final int fixPort, final int metricsPort, final String... extraLines) throws Exception
    {
        return ConfigLoader.parse(String.join("\n",
            "dataDir: " + dataDir,
            "fix:",
            "  port: " + fixPort,
            "metrics:",
            "  port: " + metricsPort,
            "risk:",
            "  default: { maxOrderQty: 5 }",
            "  sessions: { RISK: { maxOpenOrders: 3 } }",
            "admin:",
            "  port: 0",
            String.join("\n", extraLines),
            ""), "admin API test");
    }

    private static GatewayOptions options(final int fixPort)
    {
        return new GatewayOptions(Path.of(System.getProperty("java.io.tmpdir"), "cryptofix-admin-test-" + fixPort),
            GatewayOptions.DEFAULT_TERM_BUFFER_LENGTH, Duration.ofSeconds(60));
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
        catch (final IOException e)
        {
            throw new IllegalStateException(e);
        }
    }
}
