package io.cryptofix.gateway;

import io.cryptofix.gateway.TradingStateRestore.Restored;
import io.cryptofix.order.TradingScope;
import io.cryptofix.order.TradingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin journal: what is written is read back as it was, a line a crash cut short spoils only
 * itself, and the states to restore at start are those the last standing action of each scope left.
 */
class AdminJournalTest
{
    private static final long T0 = 1_796_000_000_000L;

    @TempDir
    Path dataDir;

    @Test
    void eachEntryIsOneJsonLineReadBackAsItWasWritten()
    {
        final AdminJournalEntry halt = entry(T0, "halt", "venue", "SIM", AdminJournalEntry.ACCEPTED);
        final AdminJournalEntry refused = new AdminJournalEntry(T0 + 1, "unknown", null, "kill", null, null, null,
            AdminJournalEntry.UNAUTHORIZED);
        try (AdminJournal journal = AdminJournal.open(dataDir))
        {
            journal.append(halt);
            journal.append(refused);
        }

        assertThat(AdminJournal.read(dataDir.resolve(AdminJournal.FILE_NAME))).containsExactly(halt, refused);
        assertThat(lines()).containsExactly(
            "{\"time\":\"2026-11-30T00:53:20Z\",\"who\":\"desk\",\"role\":\"operator\",\"action\":\"halt\"," +
                "\"scope\":\"venue\",\"name\":\"SIM\",\"reason\":\"halt venue SIM\",\"outcome\":\"accepted\"}",
            "{\"time\":\"2026-11-30T00:53:20.001Z\",\"who\":\"unknown\",\"role\":null,\"action\":\"kill\"," +
                "\"scope\":null,\"name\":null,\"reason\":null,\"outcome\":\"unauthorized\"}");
    }

    @Test
    void aLineCutShortByACrashIsPassedOverAndTheNextEntryStartsALineOfItsOwn() throws Exception
    {
        final AdminJournalEntry halt = entry(T0, "halt", "global", null, AdminJournalEntry.ACCEPTED);
        try (AdminJournal journal = AdminJournal.open(dataDir))
        {
            journal.append(halt);
        }
        Files.writeString(dataDir.resolve(AdminJournal.FILE_NAME), "{\"time\":\"2026-11-30T01:3", StandardOpenOption.APPEND);

        final AdminJournalEntry resume = entry(T0 + 5, "resume", "global", null, AdminJournalEntry.ACCEPTED);
        try (AdminJournal journal = AdminJournal.open(dataDir))
        {
            journal.append(resume);
            assertThat(journal.read()).containsExactly(halt, resume);
        }
    }

    @Test
    void anAutomaticTripHandedToTheWriterIsOnDiskSoonAfterAndAtTheLatestOnClose()
    {
        final AdminJournalEntry trip = new AdminJournalEntry(T0, "gateway", null, "halt", "venue", "SIM",
            "price moved 12% in 1 s", AdminJournalEntry.TRIPPED);
        try (AdminJournal journal = AdminJournal.open(dataDir))
        {
            journal.appendLater(trip);
            await().atMost(Duration.ofSeconds(10)).until(() -> journal.read().contains(trip));
        }
        assertThat(AdminJournal.read(dataDir.resolve(AdminJournal.FILE_NAME))).containsExactly(trip);
    }

    @Test
    void theStateToRestoreIsTheLastStandingChangeOfEachScopeAndOnlyIfNotActive()
    {
        final List<Restored> restored = TradingStateRestore.statesToRestore(List.of(
            entry(T0, "halt", "global", null, AdminJournalEntry.ACCEPTED),
            entry(T0 + 1, "kill", "venue", "SIM", AdminJournalEntry.ACCEPTED),
            entry(T0 + 2, "reduce", "session", "RISK", AdminJournalEntry.ACCEPTED),
            entry(T0 + 3, "resume", "global", null, AdminJournalEntry.ACCEPTED),
            entry(T0 + 4, "halt", "session", "DEMO", AdminJournalEntry.FORBIDDEN),
            entry(T0 + 5, "halt", "session", "DESK", AdminJournalEntry.UNAUTHORIZED),
            new AdminJournalEntry(T0 + 6, "gateway", null, "halt", "session", "RISK", "reject rate",
                AdminJournalEntry.TRIPPED),
            new AdminJournalEntry(T0 + 7, "cro", "risk-officer", "reload", null, null, null, AdminJournalEntry.ACCEPTED),
            // a venue's keys read again change no state, and their failure undoes none
            entry(T0 + 8, "reload-credentials", "venue", "SIM", AdminJournalEntry.ACCEPTED),
            entry(T0 + 9, "reload-credentials", "venue", "SIM", "failed: keys not reloaded for SIM")));

        assertThat(restored).containsExactly(
            new Restored(TradingScope.VENUE, "SIM", TradingState.HALTED, "kill venue SIM", T0 + 1),
            new Restored(TradingScope.SESSION, "RISK", TradingState.HALTED, "reject rate", T0 + 6));
    }

    @Test
    void anActionTheCoreDidNotCarryOutIsNotRestored()
    {
        final List<Restored> restored = TradingStateRestore.statesToRestore(List.of(
            entry(T0, "reduce", "venue", "SIM", AdminJournalEntry.ACCEPTED),
            entry(T0 + 1, "halt", "venue", "SIM", AdminJournalEntry.ACCEPTED),
            entry(T0 + 2, "halt", "venue", "SIM", "failed: the order core did not do it: trading states"),
            entry(T0 + 3, "kill", "global", null, AdminJournalEntry.ACCEPTED),
            entry(T0 + 4, "kill", "global", null, "failed: too many admin requests are waiting")));

        assertThat(restored).containsExactly(
            new Restored(TradingScope.VENUE, "SIM", TradingState.REDUCING, "reduce venue SIM", T0));
    }

    @Test
    void auditAdminListsTheJournalAsTextOrAsItsJsonLines() throws Exception
    {
        final AdminJournalEntry halt = entry(T0, "halt", "venue", "SIM", AdminJournalEntry.ACCEPTED);
        try (AdminJournal journal = AdminJournal.open(dataDir))
        {
            journal.append(halt);
        }
        final Path config = Files.writeString(dataDir.resolve("gateway.yaml"), "dataDir: " + dataDir + "\n");

        assertThat(audit("audit", "admin", "--config", config.toString()))
            .isEqualTo("2026-11-30T00:53:20Z  desk (operator)  halt venue SIM: accepted  \"halt venue SIM\"\n");
        assertThat(audit("audit", "admin", "--config", config.toString(), "--format", "json"))
            .isEqualTo(halt.toJson() + "\n");
    }

    private static String audit(final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = GatewayMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private List<String> lines() 
    {
        try
        {
            return Files.readAllLines(dataDir.resolve(AdminJournal.FILE_NAME));
        }
        catch (final java.io.IOException e)
        {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static AdminJournalEntry entry(
        final long time, final String action, final String scope, final String name, final String outcome)
    {
        return new AdminJournalEntry(time, "desk", "operator", action, scope, name,
            action + " " + scope + (name == null ? "" : " " + name), outcome);
    }
}
