package io.cryptofix.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.cryptofix.config.ConfigProblems.parse;
import static io.cryptofix.config.ConfigProblems.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code metrics} section's protection: the bearer token a scrape must send, named by the
 * environment variable holding it, and whether venue balances are published; and the clear refusals
 * of a bad variable name, a token missing from the environment or too short.
 */
class MetricsConfigTest
{
    private static final String LONG_ENOUGH = "0123456789abcdef";

    @Test
    void withoutTheKeysNoTokenIsAskedForAndNoBalanceIsPublished() throws ConfigException
    {
        final MetricsConfig metrics = parse("metrics:", "  port: 9470").metrics();

        assertThat(metrics.tokenEnv()).isNull();
        assertThat(metrics.publishBalances()).isFalse();
        assertThat(metrics.tokenValue(Map.<String, String>of()::get)).as("no token, nothing read").isNull();
    }

    @Test
    void theTokenIsNamedByItsVariableAndBalancesArePublishedWhenAskedFor() throws ConfigException
    {
        final MetricsConfig metrics = parse(
            "metrics:",
            "  tokenEnv: CRYPTOFIX_METRICS_TOKEN",
            "  publishBalances: true").metrics();

        assertThat(metrics).isEqualTo(new MetricsConfig(true, "127.0.0.1", 9464, "CRYPTOFIX_METRICS_TOKEN", true));
    }

    @Test
    void noneAsksForNoToken() throws ConfigException
    {
        assertThat(parse("metrics:", "  tokenEnv: none").metrics().tokenEnv()).isNull();
    }

    @Test
    void aBadVariableNameOrABalancesFlagThatIsNoBooleanIsRefusedNamingWhatIsAllowed()
    {
        assertThat(problemsOf(
            "metrics:",
            "  tokenEnv: 1BAD",
            "  publishBalances: yes",
            "  token: s3cret")).containsExactly(
                "metrics.tokenEnv: \"1BAD\" is not an environment variable name (allowed: letters, digits, " +
                    "underscore; or none for no token)",
                "metrics.publishBalances: \"yes\" is not a boolean (allowed: true, false)",
                "metrics.token: unknown key (allowed: enabled, bindAddress, port, tokenEnv, publishBalances)");
    }

    @Test
    void theTokenIsReadFromItsEnvironmentVariable() throws ConfigException
    {
        final MetricsConfig metrics = parse("metrics:", "  tokenEnv: METRICS_TOKEN").metrics();

        assertThat(metrics.tokenValue(Map.of("METRICS_TOKEN", " " + LONG_ENOUGH + "\n")::get)).isEqualTo(LONG_ENOUGH);
    }

    @Test
    void aTokenMissingFromTheEnvironmentIsAClearProblem() throws ConfigException
    {
        final MetricsConfig metrics = parse("metrics:", "  tokenEnv: METRICS_TOKEN").metrics();

        assertThatThrownBy(() -> metrics.tokenValue(Map.<String, String>of()::get))
            .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                "metrics.tokenEnv: environment variable METRICS_TOKEN is not set (allowed: a token of at least 16 " +
                    "characters in it)"));
    }

    @Test
    void aTokenTooShortIsAClearProblemThatNeverShowsTheToken() throws ConfigException
    {
        final MetricsConfig metrics = parse("metrics:", "  tokenEnv: METRICS_TOKEN").metrics();

        assertThatThrownBy(() -> metrics.tokenValue(Map.of("METRICS_TOKEN", "short-secret")::get))
            .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                "metrics.tokenEnv: the token in METRICS_TOKEN has 12 characters (allowed: at least 16)"))
            .hasMessageNotContaining("short-secret");
    }
}
