package io.cryptofix.acceptor;

import io.cryptofix.domain.ExecType;
import org.junit.jupiter.api.Test;
import uk.co.real_logic.artio.builder.ExecutionReportEncoder;
import uk.co.real_logic.artio.builder.OrderCancelRejectEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports wait for the journal in order, each released once the journal has written its event, and
 * the entries they wait in are reused.
 */
class DurableReportsTest
{
    private final DurableReports reports = new DurableReports();

    @Test
    void reportsAreReleasedOldestFirstOnceTheJournalHasReachedThem()
    {
        reports.add(1, report("C1"), 100, ExecType.NEW, "C1", 0);
        reports.add(1, report("C2"), 200, ExecType.NEW, "C2", 0);

        assertThat(reports.nextDurable(99)).isNull();
        final DurableReports.Entry first = reports.nextDurable(150);
        assertThat(first.clOrdId).isEqualTo("C1");
        assertThat(first.report.toString()).contains("C1");
        reports.sent();
        assertThat(reports.nextDurable(150)).as("C2's event is not written yet").isNull();
        assertThat(reports.nextDurable(200).clOrdId).isEqualTo("C2");
        reports.sent();
        assertThat(reports.isEmpty()).isTrue();
    }

    @Test
    void anEntryIsReusedForALaterReportWithThatReportsContent()
    {
        reports.add(7, report("C1"), 10, ExecType.NEW, "C1", 0);
        final DurableReports.Entry entry = reports.nextDurable(10);
        reports.sent();

        reports.add(8, report("C9"), 20, ExecType.TRADE, "C9", 0);

        final DurableReports.Entry reused = reports.nextDurable(20);
        assertThat(reused).isSameAs(entry);
        assertThat(reused.sessionId).isEqualTo(8);
        assertThat(reused.execType).isEqualTo(ExecType.TRADE);
        assertThat(reused.report.toString()).contains("C9").doesNotContain("C1");
    }

    @Test
    void aCancelRejectWaitsInLineBehindTheReportBeforeIt()
    {
        reports.add(1, report("C1"), 100, ExecType.TRADE, "C1", 0);
        final OrderCancelRejectEncoder reject = new OrderCancelRejectEncoder();
        reject.clOrdID("C1-X").origClOrdID("C1");
        reports.addCancelReject(1, reject, 120, "C1-X");

        assertThat(reports.nextDurable(120).cancelRejectWaits).as("the fill first").isFalse();
        reports.sent();
        final DurableReports.Entry next = reports.nextDurable(120);
        assertThat(next.cancelRejectWaits).isTrue();
        assertThat(next.cancelReject.toString()).contains("C1-X");
        reports.sent();

        reports.add(1, report("C2"), 130, ExecType.NEW, "C2", 0);
        assertThat(reports.nextDurable(130).cancelRejectWaits).as("a reused entry holds a report again").isFalse();
    }

    @Test
    void aReportSentAgainAfterARestartKeepsItsPossResendWhileItWaits()
    {
        final ExecutionReportEncoder resent = report("C1");
        resent.header().possResend(true);
        reports.add(1, resent, 10, ExecType.NEW, "C1", 0);

        assertThat(reports.nextDurable(10).report.header().possResend()).isTrue();
        reports.sent();
        reports.add(1, report("C2"), 20, ExecType.NEW, "C2", 0);
        assertThat(reports.nextDurable(20).report.header().hasPossResend()).isFalse();
        reports.sent();

        final OrderCancelRejectEncoder reject = new OrderCancelRejectEncoder();
        reject.clOrdID("C2-X").origClOrdID("C2");
        reject.header().possResend(true);
        reports.addCancelReject(1, reject, 30, "C2-X");
        assertThat(reports.nextDurable(30).cancelReject.header().possResend()).as("a refusal sent again").isTrue();
    }

    private static ExecutionReportEncoder report(final String clOrdId)
    {
        final ExecutionReportEncoder report = new ExecutionReportEncoder();
        report.clOrdID(clOrdId);
        return report;
    }
}
