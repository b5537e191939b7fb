package io.cryptofix.store;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.order.ExecutionReportListener;
import io.cryptofix.order.MassCancelCommand;
import io.cryptofix.order.MassStatusCommand;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.Order;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderStatusCommand;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Journals every ExecutionReport that changes or tells an order's state before passing it on to be
 * sent, so that the journal holds each order as its client last heard of it.
 */
public final class JournalingReports implements ExecutionReportListener
{
    private final OrderJournal journal;
    private final ExecutionReportListener next;
    private final EpochNanoClock clock;

    public JournalingReports(final OrderJournal journal, final ExecutionReportListener next, final EpochNanoClock clock)
    {
        this.journal = journal;
        this.next = next;
        this.clock = clock;
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
        journal.appendReport(order, execType, clOrdId, origClOrdId, execId, lastQty, lastPx, text, clock.nanoTime());
        next.onExecutionReport(order, execType, clOrdId, origClOrdId, execId, lastQty, lastPx, text, timeMillis);
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
        // journaled again, so that a crash before it is sent leaves it for the next start too
        journal.appendReport(order, execType, clOrdId, origClOrdId, execId, lastQty, lastPx, text, clock.nanoTime());
        next.onExecutionReportResent(order, execType, clOrdId, origClOrdId, execId, lastQty, lastPx, text, timeMillis);
    }

    @Override
    public void onNewOrderRejected(
        final NewOrderCommand command, final long orderKey, final long execId, final OrdRejReason reason,
        final String text, final long timeMillis)
    {
        next.onNewOrderRejected(command, orderKey, execId, reason, text, timeMillis);
    }

    @Override
    public void onStatusOfUnknownOrder(final OrderStatusCommand command, final long execId, final long timeMillis)
    {
        next.onStatusOfUnknownOrder(command, execId, timeMillis);
    }

    @Override
    public void onCancelRejected(
        final long sessionId, final String clOrdId, final String origClOrdId, final boolean replace, final Order order,
        final CxlRejReason reason, final String text, final long timeMillis)
    {
        if (order != null)
        {
            journal.appendCancelReject(order, clOrdId, replace, reason, text, clock.nanoTime());
        }
        next.onCancelRejected(sessionId, clOrdId, origClOrdId, replace, order, reason, text, timeMillis);
    }

    @Override
    public void onCancelRejectResent(
        final long sessionId, final String clOrdId, final String origClOrdId, final boolean replace, final Order order,
        final CxlRejReason reason, final String text, final long timeMillis)
    {
        // journaled again in this run: a crash before it goes out leaves it to the next start
        journal.appendCancelReject(order, clOrdId, replace, reason, text, clock.nanoTime());
        next.onCancelRejectResent(sessionId, clOrdId, origClOrdId, replace, order, reason, text, timeMillis);
    }

    @Override
    public void onMassCancelReport(
        final MassCancelCommand command, final long reportKey, final boolean accepted, final int affectedOrders,
        final String text, final long timeMillis)
    {
        next.onMassCancelReport(command, reportKey, accepted, affectedOrders, text, timeMillis);
    }

    @Override
    public void onMassStatusReport(
        final MassStatusCommand command, final Order order, final long execId, final int totNumReports,
        final boolean last, final long timeMillis)
    {
        next.onMassStatusReport(command, order, execId, totNumReports, last, timeMillis);
    }

    @Override
    public void onTimeoutFired(final Order order, final String rule, final long lateMillis, final long timeMillis)
    {
        next.onTimeoutFired(order, rule, lateMillis, timeMillis);
    }

    @Override
    public void onGatewayCancelRetried(final Order order, final long timeMillis)
    {
        next.onGatewayCancelRetried(order, timeMillis);
    }

    @Override
    public void onVenueStatusQueried(final Order order, final long timeMillis)
    {
        next.onVenueStatusQueried(order, timeMillis);
    }

    @Override
    public void onVenueRequestUnconfirmed(
        final Order order, final boolean cancel, final long waitedMillis, final long timeMillis)
    {
        next.onVenueRequestUnconfirmed(order, cancel, waitedMillis, timeMillis);
    }

    @Override
    public void onIllegalTransition(final Order order, final OrderEvent event, final long timeMillis)
    {
        next.onIllegalTransition(order, event, timeMillis);
    }

    @Override
    public void onUnknownOrder(final long orderKey, final OrderEvent event, final long timeMillis)
    {
        next.onUnknownOrder(orderKey, event, timeMillis);
    }
}
