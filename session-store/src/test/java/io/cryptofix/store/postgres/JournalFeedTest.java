package io.cryptofix.store.postgres;

import io.cryptofix.store.JournalArchive;
import io.cryptofix.store.JournalEvent;
import io.cryptofix.store.OrderEventKind;
import io.cryptofix.store.OrderJournal;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * The feed from a real order journal on a real Aeron archive into the real PostgreSQL server,
 * through a relay that can take the database away without stopping the server.
 */
class JournalFeedTest
{
    private static final Duration FLUSH_INTERVAL = Duration.ofMillis(10);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(20);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(100);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final TestSchema schema = new TestSchema();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<LogRecord> feedLog = new CopyOnWriteArrayList<>();
    private final Logger feedLogger = Logger.getLogger(JournalFeed.class.getName());
    private final Handler feedLogCapture = new Handler()
    {
        @Override
        public void publish(final LogRecord record)
        {
            feedLog.add(record);
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
    private JournalArchive archive;

    @BeforeEach
    void launchArchive() throws Exception
    {
        archive = JournalArchive.launch();
        feedLogger.addHandler(feedLogCapture);
    }

    @AfterEach
    void closeEverything() throws SQLException
    {
        // feeds and journals before the archive they read, the schema last
        for (int i = toClose.size() - 1; i >= 0; i--)
        {
            CloseHelper.quietClose(toClose.get(i));
        }
        feedLogger.removeHandler(feedLogCapture);
        CloseHelper.close(archive);
        schema.close();
    }

    @Test
    void everyJournalEventIsWrittenWithTheFillsAsExecutionsAndEachOrdersLatestState() throws SQLException
    {
        final OrderJournal journal = openJournal();
        final JournalArchive.Trading trading = archive.trading(journal);
        final long filled = trading.place("C1", "1", "60000.5");
        trading.fill(filled, "0.4", "60000");
        trading.fill(filled, "0.6", "60001.00000001");
        final long canceled = trading.place("C2", "2", "59000");
        trading.cancel(canceled, "C2-X", "C2");
        final long open = trading.place("C3", "0.5", "59000.25");
        awaitDurable(journal);

        // a small batch size: the journal goes in several transactions
        final JournalFeed feed = startFeed(schema.store(), 4);
        awaitFed(feed, journal);

        final List<JournalEvent> journaled = archive.journaledEvents();
        assertThat(schema.rows("SELECT kind, exec_type, event_type, order_key, cl_ord_id, state, cum_qty FROM order_events " +
            "ORDER BY recording_id, journal_position")).isEqualTo(expectedRows(journaled));
        assertThat(schema.rows("SELECT order_key, cl_ord_id, last_qty, last_px, cum_qty, state FROM executions " +
            "ORDER BY journal_position"))
            .containsExactly(
                List.of(String.valueOf(filled), "C1", "0.40000000", "60000.00000000", "0.40000000", "PARTIALLY_FILLED"),
                List.of(String.valueOf(filled), "C1", "0.60000000", "60001.00000001", "1.00000000", "FILLED"));
        assertThat(schema.rows("SELECT order_key, cl_ord_id, state, cum_qty, avg_px, price FROM orders ORDER BY order_key"))
            .containsExactly(
                List.of(String.valueOf(filled), "C1", "FILLED", "1.00000000", "60000.60000001", "60000.50000000"),
                List.of(String.valueOf(canceled), "C2-X", "CANCELED", "0.00000000", "0.00000000", "59000.00000000"),
                List.of(String.valueOf(open), "C3", "NEW", "0.00000000", "0.00000000", "59000.25000000"));
        assertThat(schema.rows("SELECT recording_id, position FROM feed_progress"))
            .containsExactly(List.of(String.valueOf(journal.recordingId()), String.valueOf(journal.durablePosition())));
        assertThat(feed.eventsWritten()).isEqualTo(journaled.size());
        assertThat(feed.failures()).isZero();
    }

    @Test
    void aSecondFeedOverTheSameJournalAddsNothing() throws SQLException
    {
        final OrderJournal journal = openJournal();
        final JournalArchive.Trading trading = archive.trading(journal);
        trading.fill(trading.place("C1", "1", "60000"), "1", "60000");
        trading.place("C2", "1", "60000");
        awaitDurable(journal);
        final JournalFeed first = startFeed(schema.store(), 500);
        awaitFed(first, journal);
        first.close();
        final List<List<String>> fedOnce = schema.journalTables();

        final JournalFeed second = startFeed(schema.store(), 500);
        await().atMost(PATIENCE).until(second::isCaughtUp);

        assertThat(second.eventsWritten()).isZero();
        assertThat(second.fedPosition(journal.recordingId())).isEqualTo(JournalFeed.NOTHING_FED);
        assertThat(schema.journalTables()).isEqualTo(fedOnce);
    }

    @Test
    void withItsProgressLostTheFeedWritesTheWholeJournalAgainAndNothingChanges() throws SQLException
    {
        final OrderJournal journal = openJournal();
        final JournalArchive.Trading trading = archive.trading(journal);
        final long order = trading.place("C1", "1", "60000");
        trading.fill(order, "0.25", "60000");
        trading.fill(order, "0.75", "59999.5");
        awaitDurable(journal);
        final JournalFeed first = startFeed(schema.store(), 2);
        awaitFed(first, journal);
        first.close();
        final List<List<String>> fedOnce = schema.journalTables();
        schema.execute("DELETE FROM feed_progress");

        final JournalFeed again = startFeed(schema.store(), 2);
        awaitFed(again, journal);

        assertThat(again.eventsWritten()).isZero();
        assertThat(schema.journalTables()).isEqualTo(fedOnce);
    }

    @Test
    void theEventsOfEveryRunAreWrittenRecordingByRecording() throws SQLException
    {
        final long firstRecording;
        final long firstOrder;
        try (OrderJournal firstRun = archive.openJournal())
        {
            final JournalArchive.Trading trading = archive.trading(firstRun);
            firstOrder = trading.place("C1", "1", "60000");
            trading.fill(firstOrder, "0.5", "60000");
            awaitDurable(firstRun);
            firstRecording = firstRun.recordingId();
        }
        // the gateway stopped and started again
        archive.restart();
        final OrderJournal secondRun = openJournal();
        final JournalArchive.Trading trading = archive.trading(secondRun);
        final long secondOrder = trading.place("C2", "1", "61000");
        trading.fill(firstOrder, "0.5", "60000");
        awaitDurable(secondRun);

        final JournalFeed feed = startFeed(schema.store(), 500);
        awaitFed(feed, secondRun);

        final List<JournalEvent> journaled = archive.journaledEvents();
        assertThat(feed.fedPosition(firstRecording)).isPositive();
        assertThat(schema.rows("SELECT kind, exec_type, event_type, order_key, cl_ord_id, state, cum_qty FROM order_events " +
            "ORDER BY recording_id, journal_position")).isEqualTo(expectedRows(journaled));
        assertThat(schema.rows("SELECT order_key, state, cum_qty, recording_id FROM orders ORDER BY order_key"))
            .as("the first run's order, taken over and filled in the second")
            .containsExactly(
                List.of(String.valueOf(firstOrder), "FILLED", "1.00000000", String.valueOf(secondRun.recordingId())),
                List.of(String.valueOf(secondOrder), "NEW", "0.00000000", String.valueOf(secondRun.recordingId())));
        assertThat(schema.count("feed_progress")).isEqualTo(2);
    }

    @Test
    void aFeedStartedWhilePostgresIsDownCatchesUpWhenItIsBackWithNothingLost() throws Exception
    {
        final PostgresRelay relay = PostgresRelay.start();
        toClose.add(relay);
        relay.cutOff();
        final OrderJournal journal = openJournal();
        final JournalArchive.Trading trading = archive.trading(journal);
        final JournalFeed feed = startFeed(schema.store(relay.url()), 500);

        assertThatCode(() ->
        {
            trading.fill(trading.place("C1", "1", "60000"), "1", "60000");
            trading.place("C2", "1", "60000");
        }).doesNotThrowAnyException();
        awaitDurable(journal);
        await().atMost(PATIENCE).until(() -> feed.failures() >= 3);
        trading.place("C3", "1", "60000");
        awaitDurable(journal);

        assertThat(feed.eventsWritten()).isZero();
        assertThat(logged(Level.WARNING)).as("one warning for the outage, not one per attempt").hasSize(1)
            .allMatch(message -> message.contains("cannot feed the order journal into PostgreSQL " + relay.url()));

        relay.restore();
        awaitFed(feed, journal);

        assertThat(schema.rows("SELECT kind, exec_type, event_type, order_key, cl_ord_id, state, cum_qty FROM order_events " +
            "ORDER BY recording_id, journal_position")).isEqualTo(expectedRows(archive.journaledEvents()));
        assertThat(schema.rows("SELECT cl_ord_id, state FROM orders ORDER BY order_key"))
            .containsExactly(List.of("C1", "FILLED"), List.of("C2", "NEW"), List.of("C3", "NEW"));
        assertThat(logged(Level.WARNING)).hasSize(1);
        assertThat(logged(Level.INFO)).filteredOn(message -> message.contains("reachable again")).hasSize(1);
    }

    @Test
    void postgresGoingAwayBetweenBatchesLosesNothingAndWritesNothingTwice() throws Exception
    {
        final PostgresRelay relay = PostgresRelay.start();
        toClose.add(relay);
        final OrderJournal journal = openJournal();
        final JournalArchive.Trading trading = archive.trading(journal);
        final JournalFeed feed = startFeed(schema.store(relay.url()), 500);
        final long first = trading.place("C1", "1", "60000");
        awaitDurable(journal);
        awaitFed(feed, journal);
        final long writtenBefore = feed.eventsWritten();

        relay.cutOff();
        trading.fill(first, "0.3", "60000");
        trading.place("C2", "1", "60000");
        awaitDurable(journal);
        await().atMost(PATIENCE).until(() -> feed.failures() >= 2);
        relay.restore();
        trading.fill(first, "0.7", "60000");
        awaitDurable(journal);
        awaitFed(feed, journal);

        final List<JournalEvent> journaled = archive.journaledEvents();
        assertThat(schema.rows("SELECT kind, exec_type, event_type, order_key, cl_ord_id, state, cum_qty FROM order_events " +
            "ORDER BY recording_id, journal_position")).isEqualTo(expectedRows(journaled));
        assertThat(feed.eventsWritten()).isEqualTo(journaled.size()).isGreaterThan(writtenBefore);
        assertThat(schema.rows("SELECT last_qty FROM executions ORDER BY journal_position"))
            .containsExactly(List.of("0.30000000"), List.of("0.70000000"));
        assertThat(schema.rows("SELECT cl_ord_id, state, cum_qty FROM orders ORDER BY order_key"))
            .containsExactly(List.of("C1", "FILLED", "1.00000000"), List.of("C2", "NEW", "0.00000000"));
    }

    private OrderJournal openJournal()
    {
        final OrderJournal journal = archive.openJournal();
        toClose.add(journal);
        return journal;
    }

    private JournalFeed startFeed(final PostgresStore store, final int batchSize)
    {
        final JournalFeed feed = JournalFeed.start(
            archive.aeronDirName(), store, batchSize, FLUSH_INTERVAL, FIRST_BACKOFF, MAX_BACKOFF);
        toClose.add(feed);
        return feed;
    }

    private static void awaitDurable(final OrderJournal journal)
    {
        final long appended = journal.position();
        await().atMost(PATIENCE).until(() -> journal.durablePosition() >= appended);
    }

    private static void awaitFed(final JournalFeed feed, final OrderJournal journal)
    {
        await().atMost(PATIENCE).until(() -> feed.fedPosition(journal.recordingId()) == journal.durablePosition());
    }

    private List<String> logged(final Level level)
    {
        return feedLog.stream().filter(record -> record.getLevel() == level).map(LogRecord::getMessage).toList();
    }

    private static List<List<String>> expectedRows(final List<JournalEvent> events)
    {
        final List<List<String>> rows = new ArrayList<>();
        for (final JournalEvent event : events)
        {
            rows.add(Arrays.asList(
                event.kind().name(),
                event.kind() == OrderEventKind.REPORT ? String.valueOf(event.execType()) : null,
                event.type().name(),
                String.valueOf(event.orderKey()),
                event.clOrdId(),
                event.orderState().name(),
                PostgresStore.decimal(event.cumQty()).toPlainString()));
        }
        return rows;
    }
}
