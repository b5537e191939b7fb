package io.cryptofix.benchmarks;

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

/** Reports go nowhere: a benchmark of the order core measures the core, not report encoding. */
public final class SilentReports implements ExecutionReportListener
{
    @Override
    public void onExecutionReport(
        final Order order, final ExecType execType, final String clOrdId, final String origClOrdId,
        final long execId, final long lastQty, final long lastPx, final String text, final long timeMillis)
    {
    }

    @Override
    public void onNewOrderRejected(
        final NewOrderCommand command, final long orderKey, final long execId, final OrdRejReason reason,
        final String text, final long timeMillis)
    {
        throw new IllegalStateException("order rejected: " + text);
    }

    @Override
    public void onStatusOfUnknownOrder(final OrderStatusCommand command, final long execId, final long timeMillis)
    {
    }

    @Override
    public void onCancelRejected(
        final long sessionId, final String clOrdId, final String origClOrdId, final boolean replace,
        final Order order, final CxlRejReason reason, final String text, final long timeMillis)
    {
    }

    @Override
    public void onMassCancelReport(
        final MassCancelCommand command, final long reportKey, final boolean accepted, final int affectedOrders,
        final String text, final long timeMillis)
    {
    }

    @Override
    public void onMassStatusReport(
        final MassStatusCommand command, final Order order, final long execId, final int totNumReports,
        final boolean last, final long timeMillis)
    {
    }

    @Override
    public void onIllegalTransition(final Order order, final OrderEvent event, final long timeMillis)
    {
    }

    @Override
    public void onUnknownOrder(final long orderKey, final OrderEvent event, final long timeMillis)
    {
    }
}
