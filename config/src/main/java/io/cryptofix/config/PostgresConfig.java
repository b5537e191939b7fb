package io.cryptofix.config;

/**
 * The PostgreSQL system of record: orders, executions, order events and FIX messages, copied from the
 * order journal in the background. The password never appears here: it is read at start from the
 * environment variable named.
 *
 * @param url          a PostgreSQL JDBC URL, {@code jdbc:postgresql://host:port/database}, without a password.
 * @param user         the database user.
 * @param passwordEnv  the environment variable holding the user's password; null when the server asks
 *                     for none (trust or peer authentication).
 * @param schema       the schema the tables are created in and written to.
 * @param batchSize    journal events written in one transaction at most.
 */
public record PostgresConfig(String url, String user, String passwordEnv, String schema, int batchSize)
{
}
