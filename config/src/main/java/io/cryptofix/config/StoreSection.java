package io.cryptofix.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The {@code store} section: the PostgreSQL system of record, or {@code none} (the default) for the
 * journal alone. A {@code postgres} map given in the file takes its left-out keys from the defaults
 * here, not from the built-in file, which has no database to take them from.
 */
final class StoreSection
{
    static final List<String> KEYS = List.of("postgres");
    static final List<String> POSTGRES_KEYS = List.of("url", "user", "passwordEnv", "schema", "batchSize");
    static final String NONE = "none";
    static final String DEFAULT_USER = "cryptofix";
    static final String DEFAULT_SCHEMA = "public";
    static final long DEFAULT_BATCH_SIZE = 500;

    private static final String URL_PREFIX = "jdbc:postgresql://";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    // an unquoted PostgreSQL identifier, so the schema needs no quoting in SQL or in docs
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern USER = Pattern.compile("\\S{1,63}");
    private static final TextRule URL = new TextRule(
        "a PostgreSQL JDBC URL", text -> text.startsWith(URL_PREFIX) && text.length() > URL_PREFIX.length(),
        "jdbc:postgresql://host:port/database, e.g. jdbc:postgresql://127.0.0.1:5432/cryptofix");
    private static final TextRule ENV = new TextRule(
        "an environment variable name", text -> ENV_NAME.matcher(text).matches(), "letters, digits, underscore");
    private static final TextRule SCHEMA_NAME = new TextRule(
        "a schema name", text -> SCHEMA.matcher(text).matches(),
        "lowercase letters, digits and underscore, not starting with a digit, at most 63");
    private static final TextRule USER_NAME = new TextRule(
        "a database user name", text -> USER.matcher(text).matches(), "1-63 characters without spaces");

    private StoreSection()
    {
    }

    static StoreConfig read(final YamlMap store, final StoreConfig fallback)
    {
        store.allowOnly(KEYS);
        final Node postgres = store.value("postgres");
        if (postgres == null)
        {
            if (fallback == null)
            {
                store.missing("postgres", "none, or a map of PostgreSQL settings");
                return StoreConfig.JOURNAL_ONLY;
            }
            return fallback;
        }
        if (postgres instanceof ScalarNode scalar && NONE.equals(scalar.getValue()))
        {
            return StoreConfig.JOURNAL_ONLY;
        }
        final YamlMap settings = store.map("postgres", "none, or a map of PostgreSQL settings (url, user, ...)");
        if (!settings.isMap())
        {
            return StoreConfig.JOURNAL_ONLY;
        }
        return new StoreConfig(postgres(settings));
    }

    private static PostgresConfig postgres(final YamlMap postgres)
    {
        postgres.allowOnly(POSTGRES_KEYS);
        final String url = postgres.text("url", null, "a PostgreSQL JDBC URL, jdbc:postgresql://host:port/database", URL);
        if (url != null && url.toLowerCase(Locale.ROOT).contains("password="))
        {
            // the file is not the place for secrets, and the URL is shown at start
            postgres.problem("url", "must not carry a password (allowed: name the environment variable holding it " +
                "in passwordEnv)");
        }
        final String user = postgres.text("user", DEFAULT_USER, "a database user name", USER_NAME);
        final String passwordEnv = postgres.text("passwordEnv", "", "an environment variable name", ENV);
        final String schema = postgres.text("schema", DEFAULT_SCHEMA, "a schema name", SCHEMA_NAME);
        final Long batchSize = postgres.integer("batchSize", DEFAULT_BATCH_SIZE, 1, 10_000, null);
        return new PostgresConfig(
            url,
            user,
            passwordEnv == null || passwordEnv.isEmpty() ? null : passwordEnv,
            schema,
            batchSize == null ? 0 : batchSize.intValue());
    }
}
