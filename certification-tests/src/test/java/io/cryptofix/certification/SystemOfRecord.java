package io.cryptofix.certification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The PostgreSQL system of record a test gateway feeds: a schema of its own in the local server's
 * `test` database, created for the test and dropped after it, and the queries the tests check it with.
 */
final class SystemOfRecord
{
    // PostgreSQL's "undefined table"
    private static final String NO_SUCH_TABLE = "42P01";

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    private final String schema;

    private SystemOfRecord(final String schema)
    {
        this.schema = schema;
    }

    static SystemOfRecord createSchema() throws SQLException
    {
        final SystemOfRecord store = new SystemOfRecord("cert_" + Long.toString(System.nanoTime(), 36));
        try (Connection connection = DriverManager.getConnection(URL, USER, null);
            Statement statement = connection.createStatement())
        {
            statement.execute("CREATE SCHEMA " + store.schema);
        }
        return store;
    }

    /** The gateway configuration's section for this store. */
    String configYaml()
    {
        return String.join("\n",
            "store:",
            "  postgres:",
            "    url: " + URL,
            "    user: " + USER,
            "    schema: " + schema,
            "");
    }

    /** Rows of order_events from the journal recordings named. */
    long eventsOf(final Collection<Long> recordingIds) throws SQLException
    {
        try (Connection connection = connect();
            PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM order_events WHERE recording_id = ANY (?)"))
        {
            count.setArray(1, connection.createArrayOf("bigint", recordingIds.toArray()));
            try (ResultSet rows = count.executeQuery())
            {
                rows.next();
                return rows.getLong(1);
            }
        }
        catch (final SQLException e)
        {
            // not created yet: the feed migrates the schema on its first write
            if (NO_SUCH_TABLE.equals(e.getSQLState()))
            {
                return 0;
            }
            throw e;
        }
    }

    /** Each recording's events in journal order, as "kind execType orderKey state cumQty". */
    Map<Long, List<String>> events(final Collection<Long> recordingIds) throws SQLException
    {
        final Map<Long, List<String>> events = new TreeMap<>();
        try (Connection connection = connect();
            PreparedStatement select = connection.prepareStatement(
                "SELECT recording_id, kind, COALESCE(exec_type, cxl_rej_response_to) AS exec_type, order_key, state, " +
                "cum_qty FROM order_events " +
                "WHERE recording_id = ANY (?) ORDER BY recording_id, journal_position"))
        {
            select.setArray(1, connection.createArrayOf("bigint", recordingIds.toArray()));
            try (ResultSet rows = select.executeQuery())
            {
                while (rows.next())
                {
                    final String execType = rows.getString("exec_type");
                    events.computeIfAbsent(rows.getLong("recording_id"), id -> new ArrayList<>()).add(
                        rows.getString("kind") + " " + (execType == null ? "-" : execType) + " " +
                        rows.getLong("order_key") + " " + rows.getString("state") + " " +
                        rows.getBigDecimal("cum_qty").stripTrailingZeros().toPlainString());
                }
            }
        }
        return events;
    }

    /** OrdStatus (39) of the orders row known by this ClOrdID, from its state; '?' while there is none. */
    char ordStatus(final String clOrdId) throws SQLException
    {
        try (Connection connection = connect();
            PreparedStatement select = connection.prepareStatement("SELECT state FROM orders WHERE cl_ord_id = ?"))
        {
            select.setString(1, clOrdId);
            try (ResultSet rows = select.executeQuery())
            {
                if (!rows.next())
                {
                    return '?';
                }
                return switch (rows.getString(1))
                {
                    case "PENDING_NEW" -> 'A';
                    case "NEW" -> '0';
                    case "PARTIALLY_FILLED" -> '1';
                    case "FILLED" -> '2';
                    case "CANCELED" -> '4';
                    case "REJECTED" -> '8';
                    case "EXPIRED" -> 'C';
                    default -> '?';
                };
            }
        }
        catch (final SQLException e)
        {
            // not created yet: the feed migrates the schema on its first write
            if (NO_SUCH_TABLE.equals(e.getSQLState()))
            {
                return '?';
            }
            throw e;
        }
    }

    /** FIX messages of a direction and type that carry this field, e.g. {@code 11=C1}. */
    long fixMessages(final String direction, final String msgType, final String field) throws SQLException
    {
        try (Connection connection = connect();
            PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM fix_messages WHERE direction = ? AND msg_type = ? AND raw LIKE ?"))
        {
            count.setString(1, direction);
            count.setString(2, msgType);
            count.setString(3, "%\u0001" + field + "\u0001%");
            try (ResultSet rows = count.executeQuery())
            {
                rows.next();
                return rows.getLong(1);
            }
        }
        catch (final SQLException e)
        {
            if (NO_SUCH_TABLE.equals(e.getSQLState()))
            {
                return 0;
            }
            throw e;
        }
    }

    void dropSchema() throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(URL, USER, null);
            Statement statement = connection.createStatement())
        {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private Connection connect() throws SQLException
    {
        final Connection connection = DriverManager.getConnection(URL, USER, null);
        connection.setSchema(schema);
        return connection;
    }
}
