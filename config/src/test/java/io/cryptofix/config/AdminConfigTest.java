package io.cryptofix.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.cryptofix.config.ConfigProblems.parse;
import static io.cryptofix.config.ConfigProblems.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code admin} section: its endpoint, its tokens' roles and where their values come from, and
 * the clear refusals of a token that is missing, too short, or in a role nobody has.
 */
class AdminConfigTest
{
    private static final String LONG_ENOUGH = "0123456789abcdef";

    @Test
    void withoutAnAdminSectionTheApiListensOnLoopbackWithTheGatewaysOwnToken() throws ConfigException
    {
        final AdminConfig admin = parse("fix:", "  port: 9880").admin();

        assertThat(admin).isEqualTo(new AdminConfig(true, "127.0.0.1", 9465, Map.of()));
        assertThat(admin).isEqualTo(GatewayConfig.DEFAULT_ADMIN);
    }

    @Test
    void tokensNameTheirRoleAndTheEnvironmentVariableHoldingThem() throws ConfigException
    {
        final AdminConfig admin = parse(
            "admin:",
            "  port: 0",
            "  tokens:",
            "    desk: { role: operator, tokenEnv: DESK_TOKEN }",
            "    cro: { role: risk-officer, tokenEnv: CRO_TOKEN }",
            "    grafana: { role: viewer, tokenEnv: VIEWER_TOKEN }").admin();

        assertThat(admin.port()).isZero();
        assertThat(admin.tokens()).containsOnly(
            Map.entry("desk", new AdminConfig.Token(AdminConfig.Role.OPERATOR, "DESK_TOKEN")),
            Map.entry("cro", new AdminConfig.Token(AdminConfig.Role.RISK_OFFICER, "CRO_TOKEN")),
            Map.entry("grafana", new AdminConfig.Token(AdminConfig.Role.VIEWER, "VIEWER_TOKEN")));
    }

    @Test
    void aTokenInAnUnknownRoleOrWithoutItsVariableIsRefusedNamingWhatIsAllowed()
    {
        assertThat(problemsOf(
            "admin:",
            "  tokens:",
            "    desk: { role: trader, tokenEnv: DESK_TOKEN }",
            "    cro: { role: risk-officer }",
            "    gateway: { role: viewer, tokenEnv: X }",
            "    grafana: { role: viewer, tokenEnv: 1BAD, password: x }")).containsExactly(
            "admin.tokens.desk.role: \"trader\" is not a role (allowed: viewer, operator, risk-officer)",
            "admin.tokens.cro.tokenEnv: missing (required: the environment variable holding the token)",
            "admin.tokens.gateway: is not a token name (allowed: 1-64 letters, digits, '_', '.', '-', other than " +
                "gateway and admin-token)",
            "admin.tokens.grafana.tokenEnv: \"1BAD\" is not an environment variable name (allowed: letters, digits, " +
                "underscore)",
            "admin.tokens.grafana.password: unknown key (allowed: role, tokenEnv)");
    }

    @Test
    void anUnknownKeyOrAPortTakenByTheFixAcceptorOrTheMetricsIsRefused()
    {
        assertThat(problemsOf("admin:", "  port: 9880")).containsExactly(
            "admin.port: 9880 is already fix.port on 127.0.0.1 (allowed: any other port, or a different bindAddress)");
        assertThat(problemsOf("admin:", "  port: 9464")).containsExactly(
            "admin.port: 9464 is already metrics.port on 127.0.0.1 (allowed: any other port, or a different " +
                "bindAddress)");
        assertThat(problemsOf("admin:", "  port: 70000", "  token: x")).containsExactly(
            "admin.port: 70000 is not a TCP port, or 0 for any free one (allowed: 0-65535)",
            "admin.token: unknown key (did you mean \"tokens\"?)");
    }

    @Test
    void eachTokenIsReadFromItsEnvironmentVariable() throws ConfigException
    {
        final AdminConfig admin = parse("admin:", "  tokens:", "    desk: { role: operator, tokenEnv: DESK_TOKEN }")
            .admin();

        assertThat(admin.tokenValues(Map.of("DESK_TOKEN", LONG_ENOUGH)::get)).containsExactly(
            Map.entry("desk", LONG_ENOUGH));
    }

    @Test
    void aTokenMissingFromTheEnvironmentOrTooShortIsAClearProblemThatNeverShowsTheToken() throws ConfigException
    {
        final AdminConfig admin = parse("admin:", "  tokens:",
            "    desk: { role: operator, tokenEnv: DESK_TOKEN }",
            "    cro: { role: risk-officer, tokenEnv: CRO_TOKEN }").admin();

        assertThatThrownBy(() -> admin.tokenValues(Map.of("DESK_TOKEN", "short-secret")::get))
            .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                "admin.tokens.desk.tokenEnv: the token in DESK_TOKEN has 12 characters (allowed: at least 16)",
                "admin.tokens.cro.tokenEnv: environment variable CRO_TOKEN is not set (allowed: a token of at least " +
                    "16 characters in it)"))
            .hasMessageNotContaining("short-secret");
    }

    @Test
    void eachRoleMayDoWhatTheRolesBelowItMay()
    {
        assertThat(AdminConfig.Role.VIEWER.allows(AdminConfig.Role.VIEWER)).isTrue();
        assertThat(AdminConfig.Role.VIEWER.allows(AdminConfig.Role.OPERATOR)).isFalse();
        assertThat(AdminConfig.Role.OPERATOR.allows(AdminConfig.Role.VIEWER)).isTrue();
        assertThat(AdminConfig.Role.OPERATOR.allows(AdminConfig.Role.RISK_OFFICER)).isFalse();
        assertThat(AdminConfig.Role.RISK_OFFICER.allows(AdminConfig.Role.OPERATOR)).isTrue();
    }

    @Test
    void theStartupSummaryNamesTheTokensAndTheirVariablesButNoValue() throws ConfigException
    {
        final GatewayConfig config = parse("admin:", "  tokens:", "    desk: { role: operator, tokenEnv: DESK_TOKEN }");

        assertThat(ConfigLoader.describe(config)).contains(
            "admin API: http://127.0.0.1:9465, tokens: desk (operator, $DESK_TOKEN)");
        assertThat(ConfigLoader.describe(parse("admin:", "  enabled: false"))).contains("admin API: disabled");
    }
}
