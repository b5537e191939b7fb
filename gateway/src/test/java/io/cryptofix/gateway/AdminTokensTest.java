package io.cryptofix.gateway;

import io.cryptofix.config.AdminConfig;
import io.cryptofix.config.AdminConfig.Role;
import io.cryptofix.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who the admin API takes a request from: the holder of a configured token, or of the gateway's own
 * token file when none is configured; and what each role may ask.
 */
class AdminTokensTest
{
    private static final String DESK = "desk-token-0123456789";
    private static final String VIEWER = "viewer-token-0123456789";

    @TempDir
    Path dataDir;

    @Test
    void aConfiguredTokenIsKnownByItsBearerHeaderAndNoOtherIs() throws Exception
    {
        final AdminTokens tokens = AdminTokens.load(admin(), dataDir, Map.of("DESK", DESK, "VIEWER", VIEWER)::get);

        assertThat(tokens.caller("Bearer " + DESK)).isEqualTo(new AdminTokens.Caller("desk", Role.OPERATOR));
        assertThat(tokens.caller("bearer " + VIEWER)).isEqualTo(new AdminTokens.Caller("grafana", Role.VIEWER));
        assertThat(tokens.caller("Bearer " + DESK + "x")).isNull();
        assertThat(tokens.caller("Bearer " + DESK.substring(1))).isNull();
        assertThat(tokens.caller(DESK)).as("without Bearer").isNull();
        assertThat(tokens.caller("Basic " + DESK)).isNull();
        assertThat(tokens.caller(null)).isNull();
        assertThat(dataDir.resolve(AdminTokenFile.FILE_NAME)).as("configured tokens replace the file").doesNotExist();
    }

    @Test
    void aConfiguredTokenMissingFromTheEnvironmentRefusesTheStartSayingWhichVariable() throws Exception
    {
        assertThatThrownBy(() -> AdminTokens.load(admin(), dataDir, Map.of("DESK", "short")::get))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("admin.tokens.desk.tokenEnv: the token in DESK has 5 characters (allowed: at least 16)")
            .hasMessageContaining("admin.tokens.grafana.tokenEnv: environment variable VIEWER is not set");
    }

    @Test
    void withoutConfiguredTokensTheGatewayMakesItsOwnOwnerOnlyRiskOfficerTokenAndKeepsIt() throws Exception
    {
        final AdminConfig none = new AdminConfig(true, "127.0.0.1", 0, Map.of());
        final AdminTokens first = AdminTokens.load(none, dataDir, name -> null);
        final Path file = dataDir.resolve(AdminTokenFile.FILE_NAME);

        final String token = Files.readString(file).strip();
        assertThat(token).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.caller("Bearer " + token)).isEqualTo(new AdminTokens.Caller("admin-token", Role.RISK_OFFICER));

        final AdminTokens again = AdminTokens.load(none, dataDir, name -> null);
        assertThat(Files.readString(file).strip()).as("reused at the next start").isEqualTo(token);
        assertThat(again.caller("Bearer " + token)).isNotNull();
    }

    @Test
    void aTokenFileWithoutAUsableTokenRefusesTheStartRatherThanLetAnyoneIn() throws Exception
    {
        Files.writeString(dataDir.resolve(AdminTokenFile.FILE_NAME), "\n");

        assertThatThrownBy(() -> AdminTokens.load(new AdminConfig(true, "127.0.0.1", 0, Map.of()), dataDir, name -> null))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("holds no token of at least 16 characters: delete it");
    }

    @ParameterizedTest(name = "{0} may {1}: {2}")
    @CsvSource({
        "VIEWER, status, true", "VIEWER, halt, false", "VIEWER, kill, false", "VIEWER, resume, false",
        "OPERATOR, status, true", "OPERATOR, halt, true", "OPERATOR, reduce, true", "OPERATOR, kill, true",
        "OPERATOR, resume, false", "OPERATOR, reload, false",
        "RISK_OFFICER, halt, true", "RISK_OFFICER, kill, true", "RISK_OFFICER, resume, true", "RISK_OFFICER, reload, true",
    })
    void eachRoleMayAskWhatItsPlaceAllows(final Role role, final String action, final boolean allowed)
    {
        assertThat(role.allows(AdminAction.of(action).needs())).isEqualTo(allowed);
    }

    private static AdminConfig admin() throws Exception
    {
        return ConfigLoader.parse(String.join("\n", "admin:", "  tokens:",
            "    desk: { role: operator, tokenEnv: DESK }",
            "    grafana: { role: viewer, tokenEnv: VIEWER }", ""), "test").admin();
    }
}
