package io.cryptofix.store.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A schema of its own for one test in the build machines' PostgreSQL (127.0.0.1:5432, database
 * {@code test}, trust authentication), dropped with everything in it when the test ends.
 */
final class TestSchema implements AutoCloseable
{
    static final String HOST_PORT = "127.0.0.1:5432";
    static final String DATABASE = "test";
    static final String USER = "postgres";

    final String name = "sor_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
        .toLowerCase(Locale.ROOT);

    static String url(final String hostPort)
    {
        return "jdbc:postgresql://" + hostPort + "/" + DATABASE;
    }

    /** A store writing into this schema, on the real server. */
    PostgresStore store()
    {
        return store(url(HOST_PORT));
    }

    PostgresStore store(final String url)
    {
        return new PostgresStore(url, USER, null, name);
    }

    long count(final String table) throws SQLException
    {
        return Long.parseLong(rows("SELECT count(*) FROM " + table).get(0).get(0));
    }

    /** Every row of a query, each column as PostgreSQL's text for it. */
    List<List<String>> rows(final String sql) throws SQLException
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery(sql))
        {
            final List<List<String>> rows = new ArrayList<>();
            final int columns = result.getMetaData().getColumnCount();
            while (result.next())
            {
                final List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++)
                {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The whole content of the tables the journal feeds, in key order. */
    List<List<String>> journalTables() throws SQLException
    {
        final List<List<String>> all = new ArrayList<>();
        all.addAll(rows("SELECT * FROM order_events ORDER BY journal_id, recording_id, journal_position"));
        all.addAll(rows("SELECT * FROM executions ORDER BY journal_id, recording_id, journal_position"));
        all.addAll(rows("SELECT * FROM orders ORDER BY journal_id, order_key"));
        all.addAll(rows("SELECT feed, journal_id, recording_id, position FROM feed_progress " +
            "ORDER BY feed, journal_id, recording_id"));
        return all;
    }

    void execute(final String sql) throws SQLException
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement())
        {
            statement.execute(sql);
        }
    }

    private Connection connect() throws SQLException
    {
        return DriverManager.getConnection(url(HOST_PORT) + "?currentSchema=" + name, USER, "");
    }

    @Override
    public void close() throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(url(HOST_PORT), USER, "");
            Statement statement = connection.createStatement())
        {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
