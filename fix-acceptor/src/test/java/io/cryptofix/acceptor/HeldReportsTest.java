package io.cryptofix.acceptor;

import org.junit.jupiter.api.Test;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.builder.ExecutionReportEncoder;
import uk.co.real_logic.artio.builder.OrderCancelRejectEncoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Held reports come out per session, in order, as they were when held, once their session can take them.
 */
class HeldReportsTest
{
    private final HeldReports held = new HeldReports();
    private final List<String> delivered = new ArrayList<>();
    private final MutableAsciiBuffer buffer = new MutableAsciiBuffer(new byte[8192]);

    @Test
    void reportsComeOutInOrderExactlyAsTheyWereHeld()
    {
        final ExecutionReportEncoder fill = report("C1", "E1", '1', "0.25", "60000.5", "partly filled");
        final ExecutionReportEncoder resent = report("C2", "E2", '0', "0", "0", null);
        resent.header().possResend(true);
        final String fillAsHeld = encoded(fill);
        final String resentAsHeld = encoded(resent);
        final OrderCancelRejectEncoder reject = new OrderCancelRejectEncoder();
        reject.orderID("G-7").clOrdID("C3-X").origClOrdID("C3").ordStatus('0').cxlRejResponseTo('1')
            .cxlRejReason(1).text("unknown order");
        reject.header().possResend(true);
        final String rejectAsHeld = encoded(reject);

        assertThat(held.hold(1, fill)).isTrue();
        assertThat(held.hold(1, resent)).isTrue();
        assertThat(held.hold(1, reject)).isTrue();
        assertThat(fill.header().hasSenderCompID()).as("a session fills its own CompIDs only where none are set")
            .isFalse();
        assertThat(reject.header().hasTargetCompID()).isFalse();
        // the encoders are the translator's and are reused: what was held must not change with them
        fill.reset();
        resent.reset();
        reject.reset();

        assertThat(held.held()).isEqualTo(3);
        assertThat(held.deliver(session -> true, (session, message) -> record(message))).isEqualTo(3);

        assertThat(delivered).containsExactly(fillAsHeld, resentAsHeld, rejectAsHeld);
        assertThat(resentAsHeld).contains("\u000197=Y\u0001");
        assertThat(rejectAsHeld).contains("\u000197=Y\u0001");
        assertThat(fillAsHeld).doesNotContain("\u000197=");
        assertThat(held.held()).isZero();
        assertThat(held.has(1)).isFalse();
    }

    @Test
    void aLargeBacklogGoesOutABatchAPassInOrderAndWaitsWhileTheClientReadsSlowly()
    {
        final int backlog = 3 * HeldReports.DELIVERY_BATCH + 10;
        for (int i = 0; i < backlog; i++)
        {
            assertThat(held.hold(1, report("C" + i, "E" + i, '0', "0", "0", null))).isTrue();
        }
        final boolean[] slow = {false};

        assertThat(held.deliver(session -> !slow[0], (session, message) -> record(message)))
            .isEqualTo(HeldReports.DELIVERY_BATCH);
        slow[0] = true;
        assertThat(held.deliver(session -> !slow[0], (session, message) -> record(message))).isZero();
        slow[0] = false;
        int passes = 1;
        while (held.has(1))
        {
            held.deliver(session -> !slow[0], (session, message) -> record(message));
            passes++;
        }

        assertThat(passes).isEqualTo(4);
        assertThat(delivered).hasSize(backlog);
        for (int i = 0; i < backlog; i++)
        {
            assertThat(delivered.get(i)).contains("\u000111=C" + i + "\u0001");
        }
    }

    @Test
    void aSessionThatCannotTakeMessagesKeepsItsReportsWhileOthersGetTheirs()
    {
        held.hold(1, report("A1", "E1", '0', "0", "0", null));
        held.hold(2, report("B1", "E2", '0', "0", "0", null));

        assertThat(held.deliver(session -> session == 2, (session, message) -> record(message))).isEqualTo(1);

        assertThat(delivered).singleElement().asString().contains("\u000111=B1\u0001");
        assertThat(held.has(1)).isTrue();
        assertThat(held.has(2)).isFalse();
    }

    @Test
    void aReportTheSessionRefusesForNowStaysFirstInLine()
    {
        held.hold(1, report("C1", "E1", '0', "0", "0", null));
        held.hold(1, report("C2", "E2", '0', "0", "0", null));
        final int[] accepted = {1};

        final int first = held.deliver(session -> true,
            (session, message) -> accepted[0]-- > 0 ? record(message) : ReportSender.NOT_NOW);

        assertThat(first).isEqualTo(1);
        assertThat(held.held()).isEqualTo(1);
        assertThat(held.deliver(session -> true, (session, message) -> record(message))).isEqualTo(1);
        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(0)).contains("\u000111=C1\u0001");
        assertThat(delivered.get(1)).contains("\u000111=C2\u0001");
    }

    @Test
    void aFullSessionBufferRefusesMoreAndKeepsWhatItHas()
    {
        final HeldReports small = new HeldReports(4096);
        int kept = 0;
        while (small.hold(1, report("C" + kept, "E" + kept, '0', "0", "0", null)))
        {
            kept++;
        }

        assertThat(kept).isGreaterThan(5);
        assertThat(small.held()).isEqualTo(kept);
        assertThat(small.deliver(session -> true, (session, message) -> record(message))).isEqualTo(kept);
        assertThat(delivered.get(kept - 1)).contains("\u000111=C" + (kept - 1) + "\u0001");
    }

    private int record(final Encoder message)
    {
        delivered.add(encoded(message));
        return ReportSender.SENT;
    }

    // the session fills the header when it sends; here the test does, the same for every message
    private String encoded(final Encoder message)
    {
        message.header().senderCompID("GATEWAY").targetCompID("RISK").msgSeqNum(9)
            .sendingTime("20261206-10:00:00.000".getBytes(StandardCharsets.US_ASCII));
        final long result = message.encode(buffer, 0);
        return buffer.getAscii(Encoder.offset(result), Encoder.length(result));
    }

    private static ExecutionReportEncoder report(
        final String clOrdId, final String execId, final char ordStatus, final String lastQty, final String lastPx,
        final String text)
    {
        final ExecutionReportEncoder report = new ExecutionReportEncoder();
        report.orderID("G-" + clOrdId).execID(execId).clOrdID(clOrdId).execType(ordStatus == '1' ? 'F' : '0')
            .ordStatus(ordStatus).side('1').ordType('2').timeInForce('1')
            .transactTime("20261206-09:59:59.123".getBytes(StandardCharsets.US_ASCII))
            .price(600005, 1);
        report.instrument().symbol("BTC/USDT");
        report.orderQtyData().orderQty(15, 1);
        final BigDecimal qty = new BigDecimal(lastQty);
        final BigDecimal px = new BigDecimal(lastPx);
        report.lastQty(qty.unscaledValue().longValue(), qty.scale()).lastPx(px.unscaledValue().longValue(), px.scale())
            .cumQty(25, 2).leavesQty(125, 2).avgPx(600005, 1);
        if (text != null)
        {
            report.text(text);
        }
        return report;
    }
}
