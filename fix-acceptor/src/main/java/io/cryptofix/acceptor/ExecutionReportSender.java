package io.cryptofix.acceptor;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.order.MassCancelCommand;
import io.cryptofix.order.MassStatusCommand;
import io.cryptofix.order.ExecutionReportListener;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.Order;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderStatusCommand;
import io.cryptofix.translation.ExecutionReportTranslator;
import io.cryptofix.venue.JournalGate;
import org.agrona.concurrent.EpochNanoClock;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.builder.ExecutionReportEncoder;
import uk.co.real_logic.artio.builder.OrderCancelRejectEncoder;
import uk.co.real_logic.artio.session.Session;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.LongPredicate;

/**
 * Turns what the order core reports into FIX messages on the client's session.
 */
final class ExecutionReportSender implements ExecutionReportListener
{
    private static final Logger LOG = System.getLogger(ExecutionReportSender.class.getName());

    private final ExecutionReportTranslator translator;
    private final ClientSessions sessions;
    private final ReportSender sender;
    private final GatewayMetrics metrics;
    private final EpochNanoClock clock;
    private final HeldReports held = new HeldReports();
    private final DurableReports waitingForJournal = new DurableReports();
    private final JournalGate journal;
    private final LongPredicate loggedOn = this::loggedOn;
    private final HeldReports.Outlet outlet = this::trySend;

    ExecutionReportSender(
        final ExecutionReportTranslator translator,
        final ClientSessions sessions,
        final ReportSender sender,
        final GatewayMetrics metrics,
        final EpochNanoClock clock,
        final JournalGate journal)
    {
        this.translator = translator;
        this.sessions = sessions;
        this.sender = sender;
        this.metrics = metrics;
        this.clock = clock;
        this.journal = journal;
    }

    @Override
    public void onExecutionReport(
        final Order order,
        final ExecType execType,
        final String clOrdId,
        final String origClOrdId,
        final long execId,
        final long lastQty,
        final long lastPx,
        final String text,
        final long timeMillis)
    {
        sendOnceJournaled(order, execType,
            translator.executionReport(order, execType, clOrdId, origClOrdId, execId, lastQty, lastPx, text, timeMillis));
    }

    @Override
    public void onExecutionReportResent(
        final Order order,
        final ExecType execType,
        final String clOrdId,
        final String origClOrdId,
        final long execId,
        final long lastQty,
        final long lastPx,
        final String text,
        final long timeMillis)
    {
        sendOnceJournaled(order, execType, translator.resentExecutionReport(
            order, execType, clOrdId, origClOrdId, execId, lastQty, lastPx, text, timeMillis));
    }

    private void sendOnceJournaled(final Order order, final ExecType execType, final ExecutionReportEncoder report)
    {
        final long sessionId = order.sessionId();
        // the event this reports was just journaled: the client hears of it once it survives a crash
        final long journalPosition = journal.appended().getAsLong();
        if (journalPosition > journal.written().getAsLong() || !waitingForJournal.isEmpty())
        {
            waitingForJournal.add(sessionId, report, journalPosition, execType, order.clOrdId(), order.receivedTimeNanos());
            return;
        }
        send(sessionId, report, execType, order.clOrdId(), order.receivedTimeNanos());
    }

    /**
     * Sends, oldest first, the reports whose events the journal has written since.
     *
     * @return how many were passed on.
     */
    int releaseJournaledReports()
    {
        if (waitingForJournal.isEmpty())
        {
            return 0;
        }
        final long durable = journal.written().getAsLong();
        int released = 0;
        DurableReports.Entry entry;
        while ((entry = waitingForJournal.nextDurable(durable)) != null)
        {
            if (entry.cancelRejectWaits)
            {
                sendCancelReject(entry.sessionId, entry.cancelReject, entry.clOrdId);
            }
            else
            {
                send(entry.sessionId, entry.report, entry.execType, entry.clOrdId, entry.receivedTimeNanos);
            }
            waitingForJournal.sent();
            released++;
        }
        if (released == 0)
        {
            // the archive writes within microseconds: give it the core instead of letting the duty
            // cycle back off into a park that would add up to half a millisecond to every report
            Thread.yield();
            return 1;
        }
        return released;
    }

    private void send(
        final long sessionId,
        final ExecutionReportEncoder report,
        final ExecType execType,
        final String clOrdId,
        final long receivedTimeNanos)
    {
        // behind reports already held for the session, so that the client reads them in order
        final int result = held.has(sessionId) ? ReportSender.NOT_NOW : sender.trySend(sessions.session(sessionId), report);
        if (result != ReportSender.SENT)
        {
            if (result == ReportSender.NOT_NOW)
            {
                hold(sessionId, report, execType, clOrdId);
            }
            else
            {
                metrics.reportUndeliverable();
            }
            return;
        }
        metrics.executionReportSent(execType);
        if (execType == ExecType.NEW || execType == ExecType.REJECTED)
        {
            metrics.firstReportLatency(clock.nanoTime() - receivedTimeNanos);
        }
        if (execType == ExecType.REJECTED)
        {
            metrics.orderRejectedByVenue();
        }
    }

    /**
     * Sends the reports held for sessions that have logged on again.
     *
     * @return how many were sent.
     */
    int deliverHeldReports()
    {
        if (held.held() == 0)
        {
            return 0;
        }
        final int delivered = held.deliver(loggedOn, outlet);
        metrics.reportsHeld(held.held());
        return delivered;
    }

    private boolean loggedOn(final long sessionId)
    {
        final Session session = sessions.session(sessionId);
        return session != null && session.canSendMessage();
    }

    private int trySend(final long sessionId, final Encoder message)
    {
        return sender.trySend(sessions.session(sessionId), message);
    }

    @Override
    public void onNewOrderRejected(
        final NewOrderCommand command,
        final long orderKey,
        final long execId,
        final OrdRejReason reason,
        final String text,
        final long timeMillis)
    {
        final boolean sent = sender.send(sessions.session(command.sessionId()),
            translator.newOrderRejected(command, orderKey, execId, reason, text, timeMillis));
        metrics.orderRejected(reason);
        if (!sent)
        {
            undeliverable(command.sessionId(), ExecType.REJECTED, command.clOrdId());
            return;
        }
        metrics.executionReportSent(ExecType.REJECTED);
        metrics.firstReportLatency(clock.nanoTime() - command.receivedTimeNanos());
    }

    @Override
    public void onStatusOfUnknownOrder(final OrderStatusCommand command, final long execId, final long timeMillis)
    {
        if (sender.send(sessions.session(command.sessionId()),
            translator.statusOfUnknownOrder(command, execId, timeMillis)))
        {
            metrics.executionReportSent(ExecType.ORDER_STATUS);
        }
        else
        {
            undeliverable(command.sessionId(), ExecType.ORDER_STATUS, command.clOrdId());
        }
    }

    @Override
    public void onCancelRejected(
        final long sessionId,
        final String clOrdId,
        final String origClOrdId,
        final boolean replace,
        final Order order,
        final CxlRejReason reason,
        final String text,
        final long timeMillis)
    {
        rejectOnceJournaled(sessionId, clOrdId, order, reason,
            translator.cancelRejected(clOrdId, origClOrdId, replace, order, reason, text, timeMillis));
    }

    @Override
    public void onCancelRejectResent(
        final long sessionId,
        final String clOrdId,
        final String origClOrdId,
        final boolean replace,
        final Order order,
        final CxlRejReason reason,
        final String text,
        final long timeMillis)
    {
        rejectOnceJournaled(sessionId, clOrdId, order, reason,
            translator.resentCancelRejected(clOrdId, origClOrdId, replace, order, reason, text, timeMillis));
    }

    private void rejectOnceJournaled(
        final long sessionId,
        final String clOrdId,
        final Order order,
        final CxlRejReason reason,
        final OrderCancelRejectEncoder reject)
    {
        metrics.cancelRejected(reason);
        // a refusal of a known order is journaled (it ends the pending request): it waits like a report,
        // and never overtakes one
        final long journalPosition = journal.appended().getAsLong();
        if (order != null && journalPosition > journal.written().getAsLong() || !waitingForJournal.isEmpty())
        {
            waitingForJournal.addCancelReject(sessionId, reject, journalPosition, clOrdId);
            return;
        }
        sendCancelReject(sessionId, reject, clOrdId);
    }

    private void sendCancelReject(final long sessionId, final OrderCancelRejectEncoder reject, final String clOrdId)
    {
        final int result = held.has(sessionId) ? ReportSender.NOT_NOW : sender.trySend(sessions.session(sessionId), reject);
        if (result == ReportSender.NOT_NOW && held.hold(sessionId, reject))
        {
            metrics.reportsHeld(held.held());
        }
        else if (result != ReportSender.SENT)
        {
            LOG.log(Level.WARNING, "OrderCancelReject for ClOrdID {0} of session {1} could not be delivered",
                clOrdId, sessionId);
            metrics.reportUndeliverable();
        }
    }

    @Override
    public void onMassCancelReport(
        final MassCancelCommand command,
        final long reportKey,
        final boolean accepted,
        final int affectedOrders,
        final String text,
        final long timeMillis)
    {
        if (!sender.send(sessions.session(command.sessionId()),
            translator.massCancelReport(command, reportKey, accepted, affectedOrders, text, timeMillis)))
        {
            LOG.log(Level.WARNING, "OrderMassCancelReport for ClOrdID {0} of session {1} could not be delivered",
                command.clOrdId(), command.sessionId());
            metrics.reportUndeliverable();
        }
    }

    @Override
    public void onMassStatusReport(
        final MassStatusCommand command,
        final Order order,
        final long execId,
        final int totNumReports,
        final boolean last,
        final long timeMillis)
    {
        if (sender.send(sessions.session(command.sessionId()),
            translator.massStatusReport(command, order, execId, totNumReports, last, timeMillis)))
        {
            metrics.executionReportSent(ExecType.ORDER_STATUS);
        }
        else
        {
            undeliverable(command.sessionId(), ExecType.ORDER_STATUS, order == null ? null : order.clOrdId());
        }
    }

    @Override
    public void onTimeoutFired(final Order order, final String rule, final long lateMillis, final long timeMillis)
    {
        metrics.timeoutFired(rule, lateMillis);
    }

    @Override
    public void onGatewayCancelRetried(final Order order, final long timeMillis)
    {
        metrics.cancelRetried();
        LOG.log(Level.WARNING, "cancel of {0} sent to venue {1} again: not confirmed in time, or its queue was full",
            order, order.venueId());
    }

    @Override
    public void onVenueStatusQueried(final Order order, final long timeMillis)
    {
        metrics.venueStatusQueried();
        LOG.log(Level.WARNING, "asking venue {0} where {1} stands: a request of the gateway''s went unanswered or " +
            "was refused", order.venueId(), order);
    }

    @Override
    public void onVenueRequestUnconfirmed(
        final Order order, final boolean cancel, final long waitedMillis, final long timeMillis)
    {
        metrics.venueRequestUnconfirmed(cancel);
        LOG.log(Level.WARNING, "{0} of {1} still unconfirmed by venue {2} after {3} ms; the client is told and the " +
            "gateway keeps trying", cancel ? "cancel" : "submit", order, order.venueId(), waitedMillis);
    }

    @Override
    public void onIllegalTransition(final Order order, final OrderEvent event, final long timeMillis)
    {
        metrics.illegalTransition();
        LOG.log(Level.WARNING, "venue event {0} not allowed for {1}; order left unchanged", event, order);
    }

    @Override
    public void onUnknownOrder(final long orderKey, final OrderEvent event, final long timeMillis)
    {
        metrics.illegalTransition();
        LOG.log(Level.WARNING, "venue event {0} for unknown order key {1}; nothing changed", event, orderKey);
    }

    private void hold(final long sessionId, final ExecutionReportEncoder report, final ExecType execType, final String clOrdId)
    {
        if (held.hold(sessionId, report))
        {
            metrics.reportsHeld(held.held());
            return;
        }
        metrics.reportUndeliverable();
        LOG.log(Level.WARNING, "ExecutionReport {0} for ClOrdID {1} dropped: session {2} already has {3} MiB of " +
            "reports waiting for it to log on, as much as it may, or the report could not be encoded",
            execType, clOrdId, sessionId, HeldReports.MAX_BYTES_PER_SESSION >> 20);
    }

    private void undeliverable(final long sessionId, final ExecType execType, final String clOrdId)
    {
        metrics.reportUndeliverable();
        LOG.log(Level.WARNING, "ExecutionReport {0} for ClOrdID {1} could not be delivered: session {2} is offline",
            execType, clOrdId, sessionId);
    }
}
