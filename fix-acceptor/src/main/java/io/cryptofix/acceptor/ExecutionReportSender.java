package io.cryptofix.acceptor;

import io.cryptofix.domain.ExecType;
import io.cryptofix.order.MassCancelCommand;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.Order;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderEventSink;
import io.cryptofix.order.OrderEventType;
import io.cryptofix.translation.ClientText;
import io.cryptofix.translation.ExecutionReportTranslator;
import org.agrona.concurrent.EpochNanoClock;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.builder.ExecutionReportEncoder;
import uk.co.real_logic.artio.builder.OrderCancelRejectEncoder;
import uk.co.real_logic.artio.session.Session;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * The FIX side of the order core's events: each one a client hears of becomes its FIX message on the
 * client's session. A message about a journaled event waits until the journal has written it, and
 * none overtakes one that waits; a client logged out has its messages held until it logs on again.
 */
public final class ExecutionReportSender implements OrderEventSink
{
    private static final Logger LOG = System.getLogger(ExecutionReportSender.class.getName());

    private final ExecutionReportTranslator translator;
    private final ClientSessions sessions;
    private final ReportSender sender;
    private final FixMetrics metrics;
    private final EpochNanoClock clock;
    private final HeldReports held = new HeldReports();
    private final DurableReports waitingForJournal = new DurableReports();
    private final LongSupplier journalAppended;
    private final LongSupplier journalWritten;
    private final LongPredicate loggedOn = this::loggedOn;
    private final HeldReports.Outlet outlet = this::trySend;

    /**
     * @param translator  encodes the events; its run ids make the OrderIDs and ExecIDs.
     * @param sessions    the sessions logged on, shared with the library's session handlers.
     * @param clock       the engine's clock, which stamped each order's receipt: the first report's latency.
     * @param journalAppended  how far the order journal is appended (read on the duty cycle).
     * @param journalWritten   how far the archive has written it: a report of a journaled event is
     *                         sent once the journal has written that event.
     */
    public ExecutionReportSender(
        final ExecutionReportTranslator translator,
        final ClientSessions sessions,
        final FixMetrics metrics,
        final EpochNanoClock clock,
        final LongSupplier journalAppended,
        final LongSupplier journalWritten)
    {
        this.translator = translator;
        this.sessions = sessions;
        this.sender = new ReportSender();
        this.metrics = metrics;
        this.clock = clock;
        this.journalAppended = journalAppended;
        this.journalWritten = journalWritten;
    }

    @Override
    public void onEvent(final OrderEvent event)
    {
        switch (event.type())
        {
            case NEW_ORDER_REFUSED -> newOrderRefused(event);
            case UNKNOWN_ORDER_STATUS, MASS_STATUS_REPORT -> answer(event);
            case MASS_CANCEL_REPORT -> massCancelReport(event);
            default ->
            {
                if (event.type().message() == OrderEventType.Message.EXECUTION_REPORT)
                {
                    sendOnceJournaled(event.order(), event.type().execType(), translator.executionReport(event));
                }
                else if (event.type().message() == OrderEventType.Message.CANCEL_REJECT)
                {
                    rejectOnceJournaled(event);
                }
            }
        }
    }

    private void sendOnceJournaled(final Order order, final ExecType execType, final ExecutionReportEncoder report)
    {
        final long sessionId = order.sessionId();
        // the event this reports was just journaled: the client hears of it once it survives a crash
        final long journalPosition = journalAppended.getAsLong();
        if (journalPosition > journalWritten.getAsLong() || !waitingForJournal.isEmpty())
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
    public int releaseJournaledReports()
    {
        if (waitingForJournal.isEmpty())
        {
            return 0;
        }
        final long durable = journalWritten.getAsLong();
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
    public int deliverHeldReports()
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
        // a backlog to a client that reads slowly waits, rather than filling the engine's buffer until
        // the engine drops the client as a slow consumer
        return session != null && session.canSendMessage() && !sessions.isSlow(sessionId);
    }

    private int trySend(final long sessionId, final Encoder message)
    {
        return sender.trySend(sessions.session(sessionId), message);
    }

    private void newOrderRefused(final OrderEvent event)
    {
        final NewOrderCommand command = event.answer().newOrder();
        final boolean sent = sender.send(sessions.session(command.sessionId()), translator.executionReport(event));
        metrics.orderRejected(event.answer().ordRejReason());
        if (!sent)
        {
            undeliverable(command.sessionId(), ExecType.REJECTED, command.clOrdId());
            return;
        }
        metrics.executionReportSent(ExecType.REJECTED);
        metrics.firstReportLatency(clock.nanoTime() - command.receivedTimeNanos());
    }

    /** A status answer about no order, or one of a mass status request: it changes nothing and waits for nothing. */
    private void answer(final OrderEvent event)
    {
        if (sender.send(sessions.session(event.sessionId()), translator.executionReport(event)))
        {
            metrics.executionReportSent(ExecType.ORDER_STATUS);
        }
        else
        {
            undeliverable(event.sessionId(), ExecType.ORDER_STATUS, event.clOrdId());
        }
    }

    private void rejectOnceJournaled(final OrderEvent event)
    {
        final long sessionId = event.sessionId();
        final OrderCancelRejectEncoder reject = translator.cancelReject(event);
        metrics.cancelRejected(event.cxlRejReason());
        // a refusal of a known order is journaled: it waits like a report, and never overtakes one
        final long journalPosition = journalAppended.getAsLong();
        if (event.order() != null && journalPosition > journalWritten.getAsLong() || !waitingForJournal.isEmpty())
        {
            waitingForJournal.addCancelReject(sessionId, reject, journalPosition, event.clOrdId());
            return;
        }
        sendCancelReject(sessionId, reject, event.clOrdId());
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
                ClientText.escape(clOrdId), sessionId);
            metrics.reportUndeliverable();
        }
    }

    private void massCancelReport(final OrderEvent event)
    {
        final MassCancelCommand command = event.answer().massCancel();
        if (!sender.send(sessions.session(command.sessionId()), translator.massCancelReport(event)))
        {
            LOG.log(Level.WARNING, "OrderMassCancelReport for ClOrdID {0} of session {1} could not be delivered",
                ClientText.escape(command.clOrdId()), command.sessionId());
            metrics.reportUndeliverable();
        }
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
            execType, ClientText.escape(clOrdId), sessionId, HeldReports.MAX_BYTES_PER_SESSION >> 20);
    }

    private void undeliverable(final long sessionId, final ExecType execType, final String clOrdId)
    {
        metrics.reportUndeliverable();
        LOG.log(Level.WARNING, "ExecutionReport {0} for ClOrdID {1} could not be delivered: session {2} is offline",
            execType, ClientText.escape(clOrdId), sessionId);
    }
}
