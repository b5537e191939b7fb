package io.cryptofix.config;

import static io.cryptofix.config.ConfigProblems.parse;
import static io.cryptofix.config.ConfigProblems.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The {@code store} section: no database by default, a PostgreSQL system of record when configured.
 */
class StoreConfigTest
{
    @Test
    void byDefaultTheGatewayRunsOnTheJournalAlone()
    {
        assertThat(Defaults.config().store()).isEqualTo(StoreConfig.JOURNAL_ONLY);
        assertThat(Defaults.config().store().postgres()).isNull();
    }

    @Test
    void postgresNoneMeansTheJournalAlone() throws ConfigException
    {
        assertThat(parse("store:", "  postgres: none").store()).isEqualTo(StoreConfig.JOURNAL_ONLY);
        assertThat(parse("store: {}").store()).isEqualTo(StoreConfig.JOURNAL_ONLY);
    }

    @Test
    void aPostgresSystemOfRecordIsReadIntoExactlyTheRecordItDescribes() throws ConfigException
    {
        final GatewayConfig config = parse(
            "store:",
            "  postgres:",
            "    url: jdbc:postgresql://db.internal:6432/cryptofix?sslmode=require",
            "    user: gateway_1",
            "    passwordEnv: CRYPTOFIX_PG_PASSWORD",
            "    schema: gateway_1",
            "    batchSize: 2000");

        assertThat(config.store().postgres()).isEqualTo(new PostgresConfig(
            "jdbc:postgresql://db.internal:6432/cryptofix?sslmode=require", "gateway_1", "CRYPTOFIX_PG_PASSWORD",
            "gateway_1", 2000));
    }

    @Test
    void postgresKeysLeftOutTakeTheirDefaults() throws ConfigException
    {
        final GatewayConfig config = parse("store: { postgres: { url: \"jdbc:postgresql://127.0.0.1:5432/cryptofix\" } }");

        assertThat(config.store().postgres()).isEqualTo(
            new PostgresConfig("jdbc:postgresql://127.0.0.1:5432/cryptofix", "cryptofix", null, "public", 500));
    }

    @Test
    void theRestOfTheFileIsUnchangedByTheStoreSection() throws ConfigException
    {
        final GatewayConfig config = parse("store: { postgres: { url: \"jdbc:postgresql://127.0.0.1/cryptofix\" } }");

        assertThat(config.withTimeouts(config.timeouts())).isEqualTo(config);
        assertThat(new GatewayConfig(config.dataDir(), config.fix(), config.metrics(), config.performance(),
            config.venues(), config.timeouts())).isEqualTo(Defaults.config());
    }

    @Test
    void aUrlThatIsNotAPostgresJdbcUrlIsRejected()
    {
        assertThat(problemsOf("store:", "  postgres:", "    url: postgres://127.0.0.1:5432/cryptofix"))
            .containsExactly("store.postgres.url: \"postgres://127.0.0.1:5432/cryptofix\" is not a PostgreSQL JDBC URL " +
                "(allowed: jdbc:postgresql://host:port/database, e.g. jdbc:postgresql://127.0.0.1:5432/cryptofix)");
    }

    @Test
    void aPostgresMapWithoutAUrlIsRejected()
    {
        assertThat(problemsOf("store:", "  postgres:", "    user: cryptofix"))
            .containsExactly("store.postgres.url: missing (required: a PostgreSQL JDBC URL, " +
                "jdbc:postgresql://host:port/database)");
    }

    @Test
    void aPasswordInTheUrlIsRejectedWithoutBeingRepeated()
    {
        final String secret = "s3cr3t-value";
        assertThat(problemsOf("store:", "  postgres:", "    url: jdbc:postgresql://127.0.0.1/cryptofix?password=" + secret))
            .containsExactly("store.postgres.url: must not carry a password (allowed: name the environment variable " +
                "holding it in passwordEnv)")
            .noneMatch(problem -> problem.contains(secret));
    }

    @Test
    void passwordEnvMustBeAnEnvironmentVariableName()
    {
        assertThat(problemsOf("store: { postgres: { url: \"jdbc:postgresql://h/db\", passwordEnv: \"PG PASSWORD\" } }"))
            .containsExactly("store.postgres.passwordEnv: \"PG PASSWORD\" is not an environment variable name " +
                "(allowed: letters, digits, underscore)");
    }

    @Test
    void aBatchSizeOutsideItsRangeIsRejected()
    {
        assertThat(problemsOf("store: { postgres: { url: \"jdbc:postgresql://h/db\", batchSize: 0 } }"))
            .containsExactly("store.postgres.batchSize: 0 is out of range (allowed: 1-10000)");
    }

    @Test
    void aSchemaNeedingQuotesIsRejected()
    {
        assertThat(problemsOf("store: { postgres: { url: \"jdbc:postgresql://h/db\", schema: Gateway-1 } }"))
            .containsExactly("store.postgres.schema: \"Gateway-1\" is not a schema name (allowed: lowercase letters, " +
                "digits and underscore, not starting with a digit, at most 63)");
    }

    @Test
    void postgresMustBeNoneOrAMap()
    {
        assertThat(problemsOf("store:", "  postgres: off"))
            .containsExactly("store.postgres: expected none, or a map of PostgreSQL settings (url, user, ...), found \"off\"");
        assertThat(problemsOf("store:", "  postgres: [jdbc]"))
            .containsExactly("store.postgres: expected none, or a map of PostgreSQL settings (url, user, ...), found a list");
    }

    @Test
    void anUnknownPostgresKeyCloseToAKnownOneSuggestsIt()
    {
        assertThat(problemsOf("store: { postgres: { url: \"jdbc:postgresql://h/db\", passwordenv: PGPASS } }"))
            .containsExactly("store.postgres.passwordenv: unknown key (did you mean \"passwordEnv\"?)");
        assertThat(problemsOf("store: { postgre: none }"))
            .containsExactly("store.postgre: unknown key (did you mean \"postgres\"?)");
    }
}
