package io.cryptofix.gateway;

import io.cryptofix.acceptor.SessionEvents;
import io.cryptofix.config.ConfigLoader;
import io.cryptofix.config.GatewayConfig;
import org.agrona.IoUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

    /** @return the exit code and the first line of standard error, or of standard output when it succeeded. */
    private static String cli(final String token, final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = AdminCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            name -> AdminCommand.TOKEN_ENV.equals(name) ? token : null);
        final String printed = (exit == 0 ? out : err).toString(StandardCharsets.UTF_8);
        return exit + " " + printed.lines().findFirst().orElse("");
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

    private static GatewayConfig config(
        final Path dataDir, final int fixPort, final int metricsPort, final String... adminLines) throws Exception
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
            String.join("\n", adminLines),
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
