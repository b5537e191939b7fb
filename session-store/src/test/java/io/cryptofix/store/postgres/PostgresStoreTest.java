package io.cryptofix.store.postgres;

import io.cryptofix.config.PostgresConfig;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.OrderState;
import io.cryptofix.order.OrderEventType;
import io.cryptofix.store.JournalEvent;
import io.cryptofix.store.OrderEventKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The system of record's tables and writes, on the real PostgreSQL server, each test in a schema of
 * its own.
 */
class PostgresStoreTest
{
    private static final long JOURNAL = 1_767_225_000_000L;
    private static final long RECORDING = 3;
    private static final long T0 = 1_767_225_600_123_456_789L;

    private final TestSchema schema = new TestSchema();

    @AfterEach
    void dropSchema() throws SQLException
    {
        schema.close();
    }

    @Test
    void theMigrationsCreateTheTablesAndRunningThemAgainChangesNothing() throws SQLException
    {
        try (PostgresStore store = schema.store())
        {
            store.migrate();
        }
        final List<List<String>> tables = schema.rows("SELECT table_name FROM information_schema.tables " +
            "WHERE table_schema = '" + schema.name + "' ORDER BY table_name");
        final List<List<String>> applied = schema.rows(
            "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");

        try (PostgresStore again = schema.store())
        {
            again.migrate();
        }

        assertThat(tables).extracting(row -> row.get(0)).containsExactly(
            "executions", "feed_progress", "fix_messages", "flyway_schema_history", "order_events", "orders");
        assertThat(applied).containsExactly(List.of("1", "t"), List.of("2", "t"), List.of("3", "t"), List.of("4", "t"));
        assertThat(schema.rows(
            "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank"))
            .isEqualTo(applied);
    }

    @Test
    void aMigrationAndItsRowInTheSchemaHistoryCommitTogether() throws SQLException
    {
        try (PostgresStore store = schema.store())
        {
            store.migrate();
        }
        // the last migration pending again, and the commit of its history row refused, as a gateway
        // killed at that moment would leave it
        schema.execute("ALTER TABLE order_events DROP COLUMN event_type");
        schema.execute("DELETE FROM flyway_schema_history WHERE version = '4'");
        schema.execute("CREATE FUNCTION " + schema.name + ".refuse_history() RETURNS trigger LANGUAGE plpgsql " +
            "AS $$ BEGIN RAISE EXCEPTION 'the gateway stops here'; END $$");
        schema.execute("CREATE CONSTRAINT TRIGGER refuse_history AFTER INSERT ON flyway_schema_history " +
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION " + schema.name + ".refuse_history()");

        try (PostgresStore store = schema.store())
        {
            assertThatThrownBy(store::migrate).isInstanceOf(SQLException.class);
        }

        // neither the migration nor its row: the next start applies it
        assertThat(schema.rows("SELECT column_name FROM information_schema.columns WHERE table_schema = '" +
            schema.name + "' AND table_name = 'order_events' AND column_name = 'event_type'")).isEmpty();
        schema.execute("DROP TRIGGER refuse_history ON flyway_schema_history");
        try (PostgresStore store = schema.store())
        {
            store.migrate();
        }
        assertThat(schema.rows(
            "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank"))
            .containsExactly(List.of("1", "t"), List.of("2", "t"), List.of("3", "t"), List.of("4", "t"));
    }

    @Test
    void writingTheSameBatchTwiceLeavesTheSameRows() throws SQLException
    {
        final List<JournalEntry> batch = List.of(
            entry(100, venueRequest(OrderEventKind.VENUE_SUBMIT).state(OrderState.PENDING_NEW)),
            entry(200, report(ExecType.NEW).at(T0 + 1)),
            entry(300, report(ExecType.TRADE).state(OrderState.PARTIALLY_FILLED).fill("0.4", "60000.5", "0.4", "60000.5")
                .at(T0 + 2)));
        try (PostgresStore store = schema.store())
        {
            final int first = store.writeJournalBatch(batch);
            final List<List<String>> afterFirst = schema.journalTables();

            final int second = store.writeJournalBatch(batch);

            assertThat(first).isEqualTo(3);
            assertThat(second).isZero();
            assertThat(schema.journalTables()).isEqualTo(afterFirst);
        }
        assertThat(schema.count("order_events")).isEqualTo(3);
        assertThat(schema.count("executions")).isEqualTo(1);
        assertThat(schema.rows("SELECT state, cum_qty FROM orders"))
            .containsExactly(List.of("PARTIALLY_FILLED", "0.40000000"));
        assertThat(schema.rows("SELECT recording_id, position FROM feed_progress"))
            .containsExactly(List.of("3", "300"));
    }

    @Test
    void anOlderBatchWrittenAfterANewerOneNeverTakesAnOrderBack() throws SQLException
    {
        final List<JournalEntry> older = List.of(
            entry(100, report(ExecType.NEW)),
            entry(200, report(ExecType.TRADE).state(OrderState.PARTIALLY_FILLED).fill("0.4", "60000", "0.4", "60000")
                .at(T0 + 1)));
        final List<JournalEntry> newer = List.of(
            entry(300, report(ExecType.TRADE).state(OrderState.FILLED).fill("0.6", "60001", "1", "60000.6").at(T0 + 2)));
        try (PostgresStore store = schema.store())
        {
            store.writeJournalBatch(newer);
            store.writeJournalBatch(older);
            final List<List<String>> outOfOrder = schema.journalTables();
            store.writeJournalBatch(newer);
            store.writeJournalBatch(older);

            assertThat(schema.journalTables()).isEqualTo(outOfOrder);
        }
        assertThat(schema.rows("SELECT state, cum_qty, avg_px, journal_position FROM orders"))
            .containsExactly(List.of("FILLED", "1.00000000", "60000.60000000", "300"));
        assertThat(schema.rows("SELECT position FROM feed_progress")).containsExactly(List.of("300"));
        assertThat(schema.rows("SELECT last_qty, last_px, cum_qty FROM executions ORDER BY journal_position"))
            .containsExactly(
                List.of("0.40000000", "60000.00000000", "0.40000000"),
                List.of("0.60000000", "60001.00000000", "1.00000000"));
    }

    @Test
    void pricesQuantitiesAndTimesAreKeptExactly() throws SQLException
    {
        try (PostgresStore store = schema.store())
        {
            store.writeJournalBatch(List.of(entry(100, report(ExecType.TRADE).state(OrderState.PARTIALLY_FILLED)
                .order("2.5", "60000.12345678").fill("0.00000001", "92233720368.54775807", "0.00000001", "60000"))));
        }

        assertThat(schema.rows("SELECT last_qty, last_px, order_qty, price, stop_px, exec_type, kind, side, " +
            "event_time_nanos, event_time AT TIME ZONE 'UTC' FROM order_events"))
            .containsExactly(Arrays.asList("0.00000001", "92233720368.54775807", "2.50000000", "60000.12345678", null,
                "F", "REPORT", "BUY", String.valueOf(T0), "2026-01-01 00:00:00.123457"));
    }

    @Test
    void aRefusalKeepsWhatWasRefusedAndWhyAndReadsBackAsTheJournalHasIt() throws SQLException
    {
        try (PostgresStore store = schema.store())
        {
            store.writeJournalBatch(List.of(entry(100, report(ExecType.NEW)),
                entry(200, cancelReject(JournalEvent.REPLACE_REJECTED, 3).clOrdId("C1-R", "C1").at(T0 + 1))));

            assertThat(schema.rows("SELECT kind, exec_type, exec_id, cxl_rej_response_to, cxl_rej_reason " +
                "FROM order_events ORDER BY journal_position")).containsExactly(
                Arrays.asList("REPORT", "0", "1", null, null),
                Arrays.asList("CANCEL_REJECT", null, null, "2", "3"));
            assertThat(store.readOrderEvents(List.of("C1-R"))).singleElement().satisfies(event ->
            {
                assertThat(event.cxlRejResponseTo()).isEqualTo(JournalEvent.REPLACE_REJECTED);
                assertThat(event.cxlRejReason()).isEqualTo(3);
            });
        }
    }

    @Test
    void anOrderIsKnownByItsOwnClOrdIdWhileACancelIsPendingAndByTheCancelsOnceCanceled() throws SQLException
    {
        try (PostgresStore store = schema.store())
        {
            store.writeJournalBatch(List.of(
                entry(100, report(ExecType.NEW)),
                entry(200, report(ExecType.PENDING_CANCEL).clOrdId("C1-X", "C1").at(T0 + 1))));
            final List<List<String>> pending = schema.rows("SELECT cl_ord_id, last_exec_type FROM orders");
            store.writeJournalBatch(List.of(
                entry(300, report(ExecType.CANCELED).clOrdId("C1-X", "C1").state(OrderState.CANCELED).at(T0 + 2))));

            assertThat(pending).containsExactly(List.of("C1", "6"));
            assertThat(schema.rows("SELECT cl_ord_id, state, last_exec_type FROM orders"))
                .containsExactly(List.of("C1-X", "CANCELED", "4"));
            assertThat(schema.rows("SELECT cl_ord_id, orig_cl_ord_id FROM order_events ORDER BY journal_position"))
                .containsExactly(Arrays.asList("C1", null), List.of("C1-X", "C1"), List.of("C1-X", "C1"));
        }
    }

    @Test
    void aFixMessageWrittenTwiceStaysOneAndOneSentAgainAfterASequenceResetIsAnother() throws SQLException
    {
        final FixMessageRow order = FixMessageRow.of(FixMessageRow.Direction.IN, 42,
            Instant.parse("2026-11-25T07:33:27.049291Z"),
            fix("8=FIX.4.4|9=120|35=D|34=2|49=RISK|52=20261125-07:33:27.049|56=GATEWAY|11=C1|10=000|"));
        final FixMessageRow afterReset = FixMessageRow.of(FixMessageRow.Direction.IN, 42,
            Instant.parse("2026-11-25T09:00:00.000001Z"),
            fix("8=FIX.4.4|9=120|35=D|34=2|49=RISK|52=20261125-09:00:00.000|56=GATEWAY|11=C9|10=000|"));
        try (PostgresStore store = schema.store())
        {
            assertThat(store.writeFixMessages(List.of(order))).isEqualTo(1);
            assertThat(store.writeFixMessages(List.of(order))).isZero();
            assertThat(store.writeFixMessages(List.of(order, afterReset))).isEqualTo(1);
        }

        assertThat(schema.rows("SELECT local_comp_id, remote_comp_id, direction, msg_seq_num, msg_type, poss_dup, " +
            "session_id, sending_time AT TIME ZONE 'UTC', recorded_time AT TIME ZONE 'UTC', replace(raw, chr(1), '|') " +
            "FROM fix_messages ORDER BY recorded_time"))
            .containsExactly(
                List.of("GATEWAY", "RISK", "IN", "2", "D", "f", "42", "2026-11-25 07:33:27.049", "2026-11-25 07:33:27.049291",
                    "8=FIX.4.4|9=120|35=D|34=2|49=RISK|52=20261125-07:33:27.049|56=GATEWAY|11=C1|10=000|"),
                List.of("GATEWAY", "RISK", "IN", "2", "D", "f", "42", "2026-11-25 09:00:00", "2026-11-25 09:00:00.000001",
                    "8=FIX.4.4|9=120|35=D|34=2|49=RISK|52=20261125-09:00:00.000|56=GATEWAY|11=C9|10=000|"));
        assertThat(schema.rows("SELECT count(*) FROM fix_messages WHERE position(chr(1) in raw) > 0"))
            .as("SOH is kept in the raw message")
            .containsExactly(List.of("2"));
    }

    @Test
    void fixMessagesCommitWithTheirFeedsProgressWhichOnlyMovesForward() throws SQLException
    {
        final String logon = "8=FIX.4.4\u00019=60\u000135=A\u000134=1\u000149=RISK\u000152=20261125-07:33:27\u0001" +
            "56=GATEWAY\u000198=0\u0001108=30\u000110=001\u0001";
        final FixMessageRow received = FixMessageRow.of(
            FixMessageRow.Direction.IN, FixMessageRow.UNKNOWN_SESSION, 1_795_592_007_049_291_699L, logon);
        try (PostgresStore store = schema.store())
        {
            store.writeFixMessages(List.of(received), List.of(
                new FeedPosition(PostgresStore.FIX_MESSAGES_FEED, JOURNAL, 11, 4_096),
                new FeedPosition(PostgresStore.FIX_MESSAGES_FEED, JOURNAL, 12, 512)));
            store.writeFixMessages(List.of(received), List.of(
                new FeedPosition(PostgresStore.FIX_MESSAGES_FEED, JOURNAL, 11, 1_024)));

            assertThat(store.fedPositions(PostgresStore.FIX_MESSAGES_FEED, JOURNAL).get(11)).isEqualTo(4_096);
            assertThat(store.fedPositions(PostgresStore.FIX_MESSAGES_FEED, JOURNAL).get(12)).isEqualTo(512);
            assertThat(store.fedPositions(JOURNAL)).as("the journal feed's progress is its own").isEmpty();
        }
        assertThat(schema.rows("SELECT session_id, remote_comp_id, msg_type, recorded_time AT TIME ZONE 'UTC' " +
            "FROM fix_messages")).containsExactly(Arrays.asList(null, "RISK", "A", "2026-11-25 07:33:27.049292"));
    }

    @Test
    void aMessageWithANulByteTextCannotHoldIsWrittenWithTheNulShownAsAReplacementCharacter() throws SQLException
    {
        // a NUL can only come in a binary data field such as RawData (96); 0xE9 is Latin-1 text
        final FixMessageRow message = FixMessageRow.of(FixMessageRow.Direction.OUT, 42, Instant.EPOCH,
            fix("8=FIX.4.4|35=B|34=5|49=GATEWAY|56=RISK|58=caf\u00e9|95=1|96=\u0000|10=000|"));
        try (PostgresStore store = schema.store())
        {
            assertThat(store.writeFixMessages(List.of(message, message))).isEqualTo(1);
        }

        assertThat(schema.rows("SELECT replace(raw, chr(1), '|'), length(raw_sha256) FROM fix_messages"))
            .containsExactly(List.of("8=FIX.4.4|35=B|34=5|49=GATEWAY|56=RISK|58=caf\u00e9|95=1|96=\ufffd|10=000|", "32"));
    }

    @Test
    void thePasswordComesFromTheVariableNamedAndIsNeverShown() throws SQLException
    {
        final PostgresConfig config = new PostgresConfig(TestSchema.url(TestSchema.HOST_PORT), TestSchema.USER,
            "CRYPTOFIX_PG_PASSWORD", schema.name, 500);

        assertThatThrownBy(() -> PostgresStore.open(config, Map.<String, String>of()::get))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("store.postgres.passwordEnv: the environment variable CRYPTOFIX_PG_PASSWORD is not set");
        final List<String> logged = new ArrayList<>();
        final Handler everyLogLine = new Handler()
        {
            @Override
            public void publish(final LogRecord record)
            {
                logged.add(record.getMessage() + " " + Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush()
            {
            }

            @Override
            public void close()
            {
            }
        };
        final Logger root = Logger.getLogger("");
        root.addHandler(everyLogLine);
        // the gateway keeps Flyway to warnings; here it says all it would, the connection URL included
        final Logger flyway = Logger.getLogger("org.flywaydb");
        final java.util.logging.Level flywayLevel = flyway.getLevel();
        flyway.setLevel(java.util.logging.Level.ALL);
        try (PostgresStore store = PostgresStore.open(config, Map.of("CRYPTOFIX_PG_PASSWORD", "pa55-w0rd")::get))
        {
            store.migrate();

            assertThat(store.describe()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test as postgres, schema " +
                schema.name);
        }
        finally
        {
            root.removeHandler(everyLogLine);
            flyway.setLevel(flywayLevel);
        }
        assertThat(logged).as("the migrations log where they run").isNotEmpty().noneMatch(line -> line.contains("pa55-w0rd"));
    }

    private static byte[] fix(final String text)
    {
        return text.replace('|', '\u0001').getBytes(StandardCharsets.ISO_8859_1);
    }

    private static JournalEntry entry(final long position, final EventBuilder event)
    {
        return new JournalEntry(JOURNAL, RECORDING, position, event.build());
    }

    private static EventBuilder venueRequest(final OrderEventKind kind)
    {
        return new EventBuilder(kind, (char)0);
    }

    private static EventBuilder report(final ExecType execType)
    {
        return new EventBuilder(OrderEventKind.REPORT, execType.fixValue());
    }

    private static EventBuilder cancelReject(final char cxlRejResponseTo, final int cxlRejReason)
    {
        final EventBuilder event = new EventBuilder(OrderEventKind.CANCEL_REJECT, cxlRejResponseTo);
        event.cxlRejReason = cxlRejReason;
        return event;
    }

    /** One event of order 1 (BUY 1 BTC/USDT LIMIT 60000 on SIM, session 7), changed where a test needs. */
    private static final class EventBuilder
    {
        private final OrderEventKind kind;
        private final char execType;
        private OrderState state = OrderState.NEW;
        private String clOrdId = "C1";
        private String origClOrdId;
        private long orderQty = fixed("1");
        private long price = fixed("60000");
        private long cumQty;
        private long avgPx;
        private long lastQty;
        private long lastPx;
        private long timeNanos = T0;
        private int cxlRejReason;

        EventBuilder(final OrderEventKind kind, final char execType)
        {
            this.kind = kind;
            this.execType = execType;
        }

        EventBuilder state(final OrderState state)
        {
            this.state = state;
            return this;
        }

        EventBuilder clOrdId(final String clOrdId, final String origClOrdId)
        {
            this.clOrdId = clOrdId;
            this.origClOrdId = origClOrdId;
            return this;
        }

        EventBuilder order(final String orderQty, final String price)
        {
            this.orderQty = fixed(orderQty);
            this.price = fixed(price);
            return this;
        }

        EventBuilder fill(final String lastQty, final String lastPx, final String cumQty, final String avgPx)
        {
            this.lastQty = fixed(lastQty);
            this.lastPx = fixed(lastPx);
            this.cumQty = fixed(cumQty);
            this.avgPx = fixed(avgPx);
            return this;
        }

        EventBuilder at(final long timeNanos)
        {
            this.timeNanos = timeNanos;
            return this;
        }

        JournalEvent build()
        {
            // a refusal keeps its CxlRejReason where a report keeps its ExecID value, as the journal does
            final long execId = kind == OrderEventKind.REPORT ? timeNanos - T0 + 1 :
                kind == OrderEventKind.CANCEL_REJECT ? cxlRejReason : 0;
            return new JournalEvent(type(), kind, execType, state.ordinal(), Side.BUY.ordinal(), OrdType.LIMIT.ordinal(),
                TimeInForce.GOOD_TILL_CANCEL.ordinal(), false, 0, timeNanos, 1, 7, execId, lastQty, lastPx, orderQty,
                price, 0, cumQty, avgPx, 0, 0, 1_767_225_600_000L, clOrdId, origClOrdId, null, "BTC/USDT", "SIM",
                kind == OrderEventKind.VENUE_SUBMIT ? null : "V-1", null, JournalEvent.Details.NONE);
        }

        /** The order core's name for the event; the system of record keeps it beside kind and ExecType. */
        private OrderEventType type()
        {
            switch (kind)
            {
                case VENUE_SUBMIT: return OrderEventType.SUBMITTED;
                case CANCEL_REJECT: return OrderEventType.CANCEL_REJECTED;
                case REPORT:
                    switch (execType)
                    {
                        case '0': return OrderEventType.NEW;
                        case 'F': return cumQty == orderQty ? OrderEventType.FULL_FILL : OrderEventType.PARTIAL_FILL;
                        case '4': return OrderEventType.CANCELED;
                        case '6': return OrderEventType.PENDING_CANCEL;
                        default: return null;
                    }
                default: return null;
            }
        }
    }
}
