package io.cryptofix.store.postgres;

import io.cryptofix.config.PostgresConfig;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.OrderState;
import io.cryptofix.order.OrderEventType;
import io.cryptofix.store.JournalEvent;
import io.cryptofix.store.OrderEventKind;
import org.agrona.collections.Long2LongHashMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The PostgreSQL system of record: creates its tables by versioned migrations
 * ({@code db/migration}), and writes journal events and FIX messages in batches, each batch in one
 * transaction. Every write is idempotent: rows are keyed by where their event is in the journal (or
 * by a FIX message's natural key) and inserted with {@code ON CONFLICT DO NOTHING}; an order's row
 * is replaced only by a later event; the feed's progress moves only forward and commits with the
 * rows it covers. So writing a batch again, or an older one after a newer, changes nothing.
 *
 * <p>Plain JDBC on one connection, opened when first needed and again after any failure; the
 * migrations run before its first use. For one thread: each feed has a store of its own.
 */
public final class PostgresStore implements AutoCloseable
{
    /** The feed name of the order journal in {@code feed_progress}. */
    public static final String JOURNAL_FEED = "order-journal";
    /** The feed name of the FIX messages in {@code feed_progress}. */
    public static final String FIX_MESSAGES_FEED = "fix-messages";

    // a server that stops answering must not hold a feed (and its close) for ever
    private static final int SOCKET_TIMEOUT_SECONDS = 30;
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final String MIGRATIONS = "classpath:db/migration";
    // off: Flyway's default on PostgreSQL, a transaction-level lock, writes a migration's row in the
    // schema history on a second connection, committed after the migration's own; a gateway killed
    // between the two commits (the feeds migrate at start) left the tables without their row, and
    // every later start failed on them ("relation ... already exists"). With a session-level lock
    // Flyway uses one connection, and each migration commits together with its row.
    private static final String TRANSACTIONAL_LOCK = "flyway.postgresql.transactional.lock";
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static final String INSERT_EVENT =
        "INSERT INTO order_events (journal_id, recording_id, journal_position, kind, exec_type, order_key, " +
        "session_id, cl_ord_id, orig_cl_ord_id, symbol, venue, side, ord_type, time_in_force, post_only, state, " +
        "order_qty, price, stop_px, cum_qty, avg_px, last_qty, last_px, exec_id, venue_order_id, placement, " +
        "expire_time, deadline, created_time, text, event_time, event_time_nanos, cxl_rej_response_to, " +
        "cxl_rej_reason, event_type) " +
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) " +
        "ON CONFLICT (journal_id, recording_id, journal_position) DO NOTHING";
    private static final String INSERT_EXECUTION =
        "INSERT INTO executions (journal_id, recording_id, journal_position, order_key, session_id, cl_ord_id, " +
        "exec_id, symbol, venue, side, last_qty, last_px, cum_qty, avg_px, state, venue_order_id, exec_time, " +
        "exec_time_nanos) " +
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) " +
        "ON CONFLICT (journal_id, recording_id, journal_position) DO NOTHING";
    private static final String UPSERT_ORDER =
        "INSERT INTO orders (journal_id, order_key, session_id, cl_ord_id, symbol, venue, side, ord_type, " +
        "time_in_force, post_only, state, order_qty, price, stop_px, cum_qty, avg_px, venue_order_id, placement, " +
        "expire_time, created_time, last_kind, last_exec_type, updated_time, recording_id, journal_position) " +
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) " +
        "ON CONFLICT (journal_id, order_key) DO UPDATE SET session_id = EXCLUDED.session_id, " +
        "cl_ord_id = EXCLUDED.cl_ord_id, symbol = EXCLUDED.symbol, venue = EXCLUDED.venue, side = EXCLUDED.side, " +
        "ord_type = EXCLUDED.ord_type, time_in_force = EXCLUDED.time_in_force, post_only = EXCLUDED.post_only, " +
        "state = EXCLUDED.state, order_qty = EXCLUDED.order_qty, price = EXCLUDED.price, stop_px = EXCLUDED.stop_px, " +
        "cum_qty = EXCLUDED.cum_qty, avg_px = EXCLUDED.avg_px, venue_order_id = EXCLUDED.venue_order_id, " +
        "placement = EXCLUDED.placement, expire_time = EXCLUDED.expire_time, created_time = EXCLUDED.created_time, " +
        "last_kind = EXCLUDED.last_kind, last_exec_type = EXCLUDED.last_exec_type, " +
        "updated_time = EXCLUDED.updated_time, recording_id = EXCLUDED.recording_id, " +
        "journal_position = EXCLUDED.journal_position " +
        // recordings of one journal are numbered in the order of the runs: a later event has a greater pair
        "WHERE (orders.recording_id, orders.journal_position) < (EXCLUDED.recording_id, EXCLUDED.journal_position)";
    private static final String UPSERT_PROGRESS =
        "INSERT INTO feed_progress (feed, journal_id, recording_id, position, updated_time) " +
        "VALUES (?, ?, ?, ?, now()) " +
        "ON CONFLICT (feed, journal_id, recording_id) DO UPDATE SET position = EXCLUDED.position, " +
        "updated_time = EXCLUDED.updated_time WHERE feed_progress.position < EXCLUDED.position";
    private static final String SELECT_PROGRESS =
        "SELECT recording_id, position FROM feed_progress WHERE feed = ? AND journal_id = ?";
    private static final String INSERT_FIX_MESSAGE =
        "INSERT INTO fix_messages (local_comp_id, remote_comp_id, direction, msg_seq_num, raw_sha256, session_id, " +
        "msg_type, poss_dup, sending_time, recorded_time, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) " +
        "ON CONFLICT (local_comp_id, remote_comp_id, direction, msg_seq_num, raw_sha256) DO NOTHING";

    private static final String SELECT_FIX_MESSAGES =
        "SELECT direction, recorded_time, raw FROM fix_messages WHERE (? IS NULL OR remote_comp_id = ?) " +
        "AND recorded_time BETWEEN ? AND ? ORDER BY recorded_time, direction, msg_seq_num";
    private static final String SELECT_ORDER_EVENTS =
        "SELECT * FROM order_events WHERE cl_ord_id = ANY (?) OR orig_cl_ord_id = ANY (?) " +
        "ORDER BY journal_id, recording_id, journal_position";
    // an open end of the audit window: before and after every message
    private static final long MIN_AUDIT_NANOS = 0;
    private static final long MAX_AUDIT_NANOS = Long.MAX_VALUE;

    // Flyway's INFO lines (every migration step, the connection URL with all its defaults) would fill
    // the gateway's log at each start; its warnings and errors still show. Held so it is not collected.
    private static final java.util.logging.Logger FLYWAY_LOG = warningsOnly("org.flywaydb");

    private final PGSimpleDataSource dataSource;
    private final String schema;
    private final String description;
    private final MessageDigest sha256;
    private Connection connection;
    private boolean migrated;

    /**
     * Nothing is connected yet: the first write (or {@link #migrate()}) connects.
     *
     * @param url       {@code jdbc:postgresql://host:port/database}.
     * @param password  null when the server asks for none.
     * @param schema    where the tables are; created by the migrations if missing.
     */
    public PostgresStore(final String url, final String user, final String password, final String schema)
    {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        this.schema = Objects.requireNonNull(schema, "schema");
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        if (password != null)
        {
            dataSource.setPassword(password);
        }
        dataSource.setCurrentSchema(schema);
        if (dataSource.getSocketTimeout() == 0)
        {
            dataSource.setSocketTimeout(SOCKET_TIMEOUT_SECONDS);
        }
        dataSource.setConnectTimeout(Math.min(dataSource.getConnectTimeout(), CONNECT_TIMEOUT_SECONDS));
        dataSource.setTcpKeepAlive(true);
        dataSource.setApplicationName("cryptofix");
        description = url + " as " + user + ", schema " + schema;
        try
        {
            sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The store a gateway configuration names, its password read from the environment variable named.
     *
     * @throws IllegalArgumentException when that variable is not set.
     */
    public static PostgresStore open(final PostgresConfig config, final Function<String, String> environment)
    {
        final String password = config.passwordEnv() == null ? null : environment.apply(config.passwordEnv());
        if (config.passwordEnv() != null && password == null)
        {
            throw new IllegalArgumentException("store.postgres.passwordEnv: the environment variable " +
                config.passwordEnv() + " is not set");
        }
        return new PostgresStore(config.url(), config.user(), password, config.schema());
    }

    /** Where the store writes, for people: URL, user and schema, never the password. */
    public String describe()
    {
        return description;
    }

    /**
     * Brings the schema to the latest migration; nothing when it is there already. The first use of
     * the store does it too.
     *
     * @throws SQLException when the database cannot be reached or a migration fails.
     */
    public void migrate() throws SQLException
    {
        try
        {
            Flyway.configure(PostgresStore.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .locations(MIGRATIONS)
                .configuration(Map.of(TRANSACTIONAL_LOCK, "false"))
                .load()
                .migrate();
            migrated = true;
        }
        catch (final FlywayException e)
        {
            throw new SQLException("migrating the system of record at " + description + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * How far the order journal has been fed, for each recording of the journal {@code journalId}.
     *
     * @return recording id to position; a recording not fed at all is missing.
     */
    public Long2LongHashMap fedPositions(final long journalId) throws SQLException
    {
        return fedPositions(JOURNAL_FEED, journalId);
    }

    /**
     * How far {@code feed} has come, for each recording of {@code journalId}.
     *
     * @return recording id to position; a recording not fed at all is missing.
     */
    public Long2LongHashMap fedPositions(final String feed, final long journalId) throws SQLException
    {
        final Connection connection = connection();
        try (PreparedStatement select = connection.prepareStatement(SELECT_PROGRESS))
        {
            final Long2LongHashMap positions = new Long2LongHashMap(Long.MIN_VALUE);
            select.setString(1, feed);
            select.setLong(2, journalId);
            try (ResultSet rows = select.executeQuery())
            {
                while (rows.next())
                {
                    positions.put(rows.getLong(1), rows.getLong(2));
                }
            }
            connection.commit();
            return positions;
        }
        catch (final SQLException | RuntimeException e)
        {
            abandon();
            throw e;
        }
    }

    /**
     * Writes a batch of journal events in one transaction: each event, each fill, each order's latest
     * state, and the feed's progress in each recording to the end of its last event here.
     *
     * @param batch  events in journal order.
     * @return the events that were new (not written before).
     */
    public int writeJournalBatch(final List<JournalEntry> batch) throws SQLException
    {
        if (batch.isEmpty())
        {
            return 0;
        }
        final Connection connection = connection();
        try (PreparedStatement events = connection.prepareStatement(INSERT_EVENT);
            PreparedStatement fills = connection.prepareStatement(INSERT_EXECUTION);
            PreparedStatement orders = connection.prepareStatement(UPSERT_ORDER);
            PreparedStatement progress = connection.prepareStatement(UPSERT_PROGRESS))
        {
            // an order's row needs only its latest event of the batch; the same goes for progress
            final Map<OrderRef, JournalEntry> latestOfOrder = new LinkedHashMap<>();
            final Map<RecordingRef, Long> endOfRecording = new LinkedHashMap<>();
            boolean anyFill = false;
            for (final JournalEntry entry : batch)
            {
                bindEvent(events, entry);
                events.addBatch();
                if (isFill(entry.event()))
                {
                    bindExecution(fills, entry);
                    fills.addBatch();
                    anyFill = true;
                }
                latestOfOrder.put(new OrderRef(entry.journalId(), entry.event().orderKey()), entry);
                endOfRecording.merge(new RecordingRef(entry.journalId(), entry.recordingId()), entry.position(), Math::max);
            }
            final int inserted = inserted(events.executeBatch());
            if (anyFill)
            {
                fills.executeBatch();
            }
            for (final JournalEntry entry : latestOfOrder.values())
            {
                bindOrder(orders, entry);
                orders.addBatch();
            }
            orders.executeBatch();
            for (final Map.Entry<RecordingRef, Long> end : endOfRecording.entrySet())
            {
                bindProgress(progress, JOURNAL_FEED, end.getKey().journalId(), end.getKey().recordingId(), end.getValue());
                progress.addBatch();
            }
            progress.executeBatch();
            connection.commit();
            return inserted;
        }
        catch (final SQLException | RuntimeException e)
        {
            abandon();
            throw e;
        }
    }

    /**
     * Writes FIX messages in one transaction; a message written before (same session, direction,
     * MsgSeqNum and bytes) is left as it is.
     *
     * @return the messages that were new.
     */
    public int writeFixMessages(final List<FixMessageRow> rows) throws SQLException
    {
        return writeFixMessages(rows, List.of());
    }

    /**
     * Writes FIX messages and where their feed is up to, in one transaction, so that a feed that
     * resumes from its committed progress neither skips nor repeats a message. Progress only moves
     * forward.
     *
     * @return the messages that were new.
     */
    public int writeFixMessages(final List<FixMessageRow> rows, final List<FeedPosition> fedTo) throws SQLException
    {
        if (rows.isEmpty() && fedTo.isEmpty())
        {
            return 0;
        }
        final Connection connection = connection();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_FIX_MESSAGE);
            PreparedStatement progress = connection.prepareStatement(UPSERT_PROGRESS))
        {
            for (final FixMessageRow row : rows)
            {
                int i = 1;
                insert.setString(i++, row.localCompId());
                insert.setString(i++, row.remoteCompId());
                insert.setString(i++, row.direction().name());
                insert.setInt(i++, row.msgSeqNum());
                insert.setBytes(i++, sha256.digest(row.message()));
                if (row.sessionId() == FixMessageRow.UNKNOWN_SESSION)
                {
                    insert.setNull(i++, Types.BIGINT);
                }
                else
                {
                    insert.setLong(i++, row.sessionId());
                }
                insert.setString(i++, row.msgType());
                insert.setBoolean(i++, row.possDup());
                insert.setObject(
                    i++, row.sendingTime() == null ? null : utc(row.sendingTime()), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setObject(i++, utc(row.recordedTime()), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setString(i, row.rawText());
                insert.addBatch();
            }
            final int inserted = inserted(insert.executeBatch());
            for (final FeedPosition position : fedTo)
            {
                bindProgress(progress, position.feed(), position.journalId(), position.recordingId(), position.position());
                progress.addBatch();
            }
            progress.executeBatch();
            connection.commit();
            return inserted;
        }
        catch (final SQLException | RuntimeException e)
        {
            abandon();
            throw e;
        }
    }

    /** Receives FIX messages read back from the store. */
    @FunctionalInterface
    public interface FixMessageReader
    {
        /**
         * @param received       true for a message from the client, false for one the gateway sent.
         * @param recordedNanos  when the gateway received or sent it, epoch nanoseconds.
         * @param message        the message as on the wire, SOH separated.
         */
        void onMessage(boolean received, long recordedNanos, String message);
    }

    /**
     * Reads FIX messages back for audit, oldest first.
     *
     * @param remoteCompId  only the messages of this client; null for all.
     * @param fromNanos     the earliest recorded time, epoch nanoseconds, inclusive.
     * @param toNanos       the latest, inclusive.
     */
    public void readFixMessages(
        final String remoteCompId, final long fromNanos, final long toNanos, final FixMessageReader reader)
        throws SQLException
    {
        final Connection connection = connection();
        try (PreparedStatement select = connection.prepareStatement(SELECT_FIX_MESSAGES))
        {
            select.setString(1, remoteCompId);
            select.setString(2, remoteCompId);
            select.setObject(3, nanos(Math.max(fromNanos, MIN_AUDIT_NANOS)), Types.TIMESTAMP_WITH_TIMEZONE);
            select.setObject(4, nanos(Math.min(toNanos, MAX_AUDIT_NANOS)), Types.TIMESTAMP_WITH_TIMEZONE);
            try (ResultSet rows = select.executeQuery())
            {
                while (rows.next())
                {
                    final Instant recorded = rows.getObject(2, OffsetDateTime.class).toInstant();
                    reader.onMessage("IN".equals(rows.getString(1)),
                        recorded.getEpochSecond() * NANOS_PER_SECOND + recorded.getNano(), rows.getString(3));
                }
            }
            connection.commit();
        }
        catch (final SQLException | RuntimeException e)
        {
            abandon();
            throw e;
        }
    }

    /**
     * The journal events that name any of these ClOrdIDs (as ClOrdID or OrigClOrdID), in journal order.
     */
    public List<JournalEvent> readOrderEvents(final Collection<String> clOrdIds) throws SQLException
    {
        final Connection connection = connection();
        try (PreparedStatement select = connection.prepareStatement(SELECT_ORDER_EVENTS))
        {
            final java.sql.Array ids = connection.createArrayOf("text", clOrdIds.toArray());
            select.setArray(1, ids);
            select.setArray(2, ids);
            final List<JournalEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery())
            {
                while (rows.next())
                {
                    events.add(journalEvent(rows));
                }
            }
            connection.commit();
            return events;
        }
        catch (final SQLException | RuntimeException e)
        {
            abandon();
            throw e;
        }
    }

    private static JournalEvent journalEvent(final ResultSet row) throws SQLException
    {
        // a refusal keeps its CxlRejResponseTo and CxlRejReason where the journal does: in ExecType and ExecID
        final String cxlRejResponseTo = row.getString("cxl_rej_response_to");
        final String execType = cxlRejResponseTo != null ? cxlRejResponseTo : row.getString("exec_type");
        final String eventType = row.getString("event_type");
        return new JournalEvent(
            eventType == null ? null : OrderEventType.valueOf(eventType),
            OrderEventKind.valueOf(row.getString("kind")),
            execType == null ? (char)0 : execType.charAt(0),
            OrderState.valueOf(row.getString("state")).ordinal(),
            Side.valueOf(row.getString("side")).ordinal(),
            OrdType.valueOf(row.getString("ord_type")).ordinal(),
            TimeInForce.valueOf(row.getString("time_in_force")).ordinal(),
            row.getBoolean("post_only"),
            row.getInt("placement"),
            row.getLong("event_time_nanos"),
            row.getLong("order_key"),
            row.getLong("session_id"),
            cxlRejResponseTo != null ? row.getInt("cxl_rej_reason") : row.getLong("exec_id"),
            fixed(row.getBigDecimal("last_qty")),
            fixed(row.getBigDecimal("last_px")),
            fixed(row.getBigDecimal("order_qty")),
            fixed(row.getBigDecimal("price")),
            fixed(row.getBigDecimal("stop_px")),
            fixed(row.getBigDecimal("cum_qty")),
            fixed(row.getBigDecimal("avg_px")),
            epochMillis(row.getObject("expire_time", OffsetDateTime.class)),
            epochMillis(row.getObject("deadline", OffsetDateTime.class)),
            epochMillis(row.getObject("created_time", OffsetDateTime.class)),
            row.getString("cl_ord_id"),
            row.getString("orig_cl_ord_id"),
            null,
            row.getString("symbol"),
            row.getString("venue"),
            row.getString("venue_order_id"),
            row.getString("text"),
            JournalEvent.Details.NONE);
    }

    private static java.util.logging.Logger warningsOnly(final String name)
    {
        final java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private static long fixed(final BigDecimal value)
    {
        return value == null ? 0 : Fixed.fromBigDecimal(value);
    }

    private static long epochMillis(final OffsetDateTime time)
    {
        return time == null ? 0 : time.toInstant().toEpochMilli();
    }

    @Override
    public void close()
    {
        abandon();
    }

    private Connection connection() throws SQLException
    {
        if (connection == null)
        {
            if (!migrated)
            {
                migrate();
            }
            final Connection opened = dataSource.getConnection();
            opened.setAutoCommit(false);
            connection = opened;
        }
        return connection;
    }

    /** Drops the connection after a failure: the next write starts on a fresh one. */
    private void abandon()
    {
        final Connection failed = connection;
        connection = null;
        if (failed != null)
        {
            try
            {
                if (!failed.getAutoCommit())
                {
                    failed.rollback();
                }
            }
            catch (final SQLException e)
            {
                // the connection is gone: nothing was committed, which is what rolling back is for
            }
            try
            {
                failed.close();
            }
            catch (final SQLException e)
            {
                // already closed by the failure
            }
        }
    }

    private static void bindProgress(
        final PreparedStatement upsert, final String feed, final long journalId, final long recordingId,
        final long position) throws SQLException
    {
        upsert.setString(1, feed);
        upsert.setLong(2, journalId);
        upsert.setLong(3, recordingId);
        upsert.setLong(4, position);
    }

    private static void bindEvent(final PreparedStatement insert, final JournalEntry entry) throws SQLException
    {
        final JournalEvent event = entry.event();
        int i = 1;
        insert.setLong(i++, entry.journalId());
        insert.setLong(i++, entry.recordingId());
        insert.setLong(i++, entry.position());
        insert.setString(i++, event.kind().name());
        insert.setString(i++, event.kind() == OrderEventKind.REPORT ? String.valueOf(event.execType()) : null);
        insert.setLong(i++, event.orderKey());
        insert.setLong(i++, event.sessionId());
        insert.setString(i++, event.clOrdId());
        insert.setString(i++, event.origClOrdId());
        insert.setString(i++, event.symbol());
        insert.setString(i++, event.venueId());
        insert.setString(i++, event.orderSide().name());
        insert.setString(i++, event.orderType().name());
        insert.setString(i++, event.orderTimeInForce().name());
        insert.setBoolean(i++, event.postOnly());
        insert.setString(i++, event.orderState().name());
        insert.setBigDecimal(i++, decimal(event.orderQty()));
        insert.setBigDecimal(i++, decimalOrNull(event.price()));
        insert.setBigDecimal(i++, decimalOrNull(event.stopPx()));
        insert.setBigDecimal(i++, decimal(event.cumQty()));
        insert.setBigDecimal(i++, decimal(event.avgPx()));
        insert.setBigDecimal(i++, decimalOrNull(event.lastQty()));
        insert.setBigDecimal(i++, decimalOrNull(event.lastPx()));
        if (event.kind() == OrderEventKind.REPORT)
        {
            insert.setLong(i++, event.execId());
        }
        else
        {
            insert.setNull(i++, Types.BIGINT);
        }
        insert.setString(i++, event.venueOrderId());
        insert.setInt(i++, event.venueAttempt());
        insert.setObject(i++, millisOrNull(event.expireTimeMillis()), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setObject(i++, millisOrNull(event.deadlineMillis()), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setObject(i++, millis(event.createdMillis()), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setString(i++, event.text());
        insert.setObject(i++, nanos(event.timeNanos()), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setLong(i++, event.timeNanos());
        if (event.cxlRejResponseTo() != 0)
        {
            insert.setString(i++, String.valueOf(event.cxlRejResponseTo()));
            insert.setInt(i++, event.cxlRejReason());
        }
        else
        {
            insert.setNull(i++, Types.CHAR);
            insert.setNull(i++, Types.INTEGER);
        }
        insert.setString(i, event.type() == null ? null : event.type().name());
    }

    private static void bindExecution(final PreparedStatement insert, final JournalEntry entry) throws SQLException
    {
        final JournalEvent event = entry.event();
        int i = 1;
        insert.setLong(i++, entry.journalId());
        insert.setLong(i++, entry.recordingId());
        insert.setLong(i++, entry.position());
        insert.setLong(i++, event.orderKey());
        insert.setLong(i++, event.sessionId());
        insert.setString(i++, event.clOrdId());
        insert.setLong(i++, event.execId());
        insert.setString(i++, event.symbol());
        insert.setString(i++, event.venueId());
        insert.setString(i++, event.orderSide().name());
        insert.setBigDecimal(i++, decimal(event.lastQty()));
        insert.setBigDecimal(i++, decimal(event.lastPx()));
        insert.setBigDecimal(i++, decimal(event.cumQty()));
        insert.setBigDecimal(i++, decimal(event.avgPx()));
        insert.setString(i++, event.orderState().name());
        insert.setString(i++, event.venueOrderId());
        insert.setObject(i++, nanos(event.timeNanos()), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setLong(i, event.timeNanos());
    }

    private static void bindOrder(final PreparedStatement upsert, final JournalEntry entry) throws SQLException
    {
        final JournalEvent event = entry.event();
        int i = 1;
        upsert.setLong(i++, entry.journalId());
        upsert.setLong(i++, event.orderKey());
        upsert.setLong(i++, event.sessionId());
        upsert.setString(i++, clOrdIdOfOrder(event));
        upsert.setString(i++, event.symbol());
        upsert.setString(i++, event.venueId());
        upsert.setString(i++, event.orderSide().name());
        upsert.setString(i++, event.orderType().name());
        upsert.setString(i++, event.orderTimeInForce().name());
        upsert.setBoolean(i++, event.postOnly());
        upsert.setString(i++, event.orderState().name());
        upsert.setBigDecimal(i++, decimal(event.orderQty()));
        upsert.setBigDecimal(i++, decimalOrNull(event.price()));
        upsert.setBigDecimal(i++, decimalOrNull(event.stopPx()));
        upsert.setBigDecimal(i++, decimal(event.cumQty()));
        upsert.setBigDecimal(i++, decimal(event.avgPx()));
        upsert.setString(i++, event.venueOrderId());
        upsert.setInt(i++, event.venueAttempt());
        upsert.setObject(i++, millisOrNull(event.expireTimeMillis()), Types.TIMESTAMP_WITH_TIMEZONE);
        upsert.setObject(i++, millis(event.createdMillis()), Types.TIMESTAMP_WITH_TIMEZONE);
        upsert.setString(i++, event.kind().name());
        upsert.setString(i++, event.kind() == OrderEventKind.REPORT ? String.valueOf(event.execType()) : null);
        upsert.setObject(i++, nanos(event.timeNanos()), Types.TIMESTAMP_WITH_TIMEZONE);
        upsert.setLong(i++, entry.recordingId());
        upsert.setLong(i, entry.position());
    }

    /**
     * The ClOrdID the order is known by after the event: the journal keeps it; for events read back
     * from an older layout, while a cancel or replace is pending, and in a cancel reject, the event's
     * ClOrdID is the request's and OrigClOrdID the order's.
     */
    static String clOrdIdOfOrder(final JournalEvent event)
    {
        if (event.orderClOrdId() != null)
        {
            return event.orderClOrdId();
        }
        if (event.kind() == OrderEventKind.CANCEL_REJECT)
        {
            return event.origClOrdId();
        }
        if (event.kind() == OrderEventKind.REPORT && (event.execType() == ExecType.PENDING_CANCEL.fixValue() ||
            event.execType() == ExecType.PENDING_REPLACE.fixValue()))
        {
            return event.origClOrdId();
        }
        return event.clOrdId();
    }

    static boolean isFill(final JournalEvent event)
    {
        return event.kind() == OrderEventKind.REPORT && event.execType() == ExecType.TRADE.fixValue();
    }

    /** A journal value exactly, scale 8: {@link Fixed} longs are counts of 10^-8. */
    static BigDecimal decimal(final long fixed)
    {
        return BigDecimal.valueOf(fixed, Fixed.SCALE);
    }

    /** The journal writes 0 for a price or quantity an event does not have. */
    private static BigDecimal decimalOrNull(final long fixed)
    {
        return fixed == 0 ? null : decimal(fixed);
    }

    private static OffsetDateTime nanos(final long epochNanos)
    {
        return utc(Instant.ofEpochSecond(
            Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND)));
    }

    private static OffsetDateTime millis(final long epochMillis)
    {
        return utc(Instant.ofEpochMilli(epochMillis));
    }

    private static OffsetDateTime millisOrNull(final long epochMillis)
    {
        return epochMillis == 0 ? null : millis(epochMillis);
    }

    private static OffsetDateTime utc(final Instant instant)
    {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static int inserted(final int[] counts)
    {
        int inserted = 0;
        for (final int count : counts)
        {
            // ON CONFLICT DO NOTHING counts 0 for a row that was there; a driver set to rewrite batches
            // answers only Statement.SUCCESS_NO_INFO (negative), which tells nothing, so counts nothing
            if (count > 0)
            {
                inserted += count;
            }
        }
        return inserted;
    }

    private record OrderRef(long journalId, long orderKey)
    {
    }

    private record RecordingRef(long journalId, long recordingId)
    {
    }
}
