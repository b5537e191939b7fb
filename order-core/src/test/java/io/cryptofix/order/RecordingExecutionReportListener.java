package io.cryptofix.order;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.OrdRejReason;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link ExecutionReportListener} that records every callback as an immutable snapshot: the
 * core passes a live {@link Order} and reused command objects, so the values are copied at the
 * moment of the call. Snapshots are records, so two runs compare with {@code equals}.
 */
final class RecordingExecutionReportListener implements ExecutionReportListener
{
    interface Report
    {
    }

    record ExecutionReport(
        long orderKey,
        String clOrdId,
        String origClOrdId,
        OrderState ordStatus,
        ExecType execType,
        long execId,
        long lastQty,
        long lastPx,
        long cumQty,
        long leavesQty,
        long avgPx,
        String text,
        long timeMillis,
        char fixOrdStatus,
        long orderQty,
        long price) implements Report
    {
    }

    record NewOrderReject(
        long sessionId,
        String clOrdId,
        String symbol,
        long orderKey,
        long execId,
        OrdRejReason reason,
        String text,
        long timeMillis) implements Report
    {
    }

    record CancelReject(
        long sessionId,
        String clOrdId,
        String origClOrdId,
        Long orderKey,
        OrderState ordStatus,
        CxlRejReason reason,
        String text,
        long timeMillis,
        boolean replace) implements Report
    {
    }

    record MassCancelReport(
        String clOrdId, long reportKey, boolean accepted, int affectedOrders, String text, long timeMillis) implements Report
    {
    }

    record MassStatusReport(
        String massStatusReqId, Long orderKey, String clOrdId, char fixOrdStatus, long execId, int totNumReports,
        boolean last) implements Report
    {
    }

    record IllegalTransition(
        long orderKey,
        OrderState state,
        long cumQty,
        OrderEvent event,
        long timeMillis) implements Report
    {
    }

    private final List<Report> reports = new ArrayList<>();
    // kept apart from what the client is told: these are the gateway's own observations
    private final List<String> timeoutsFired = new ArrayList<>();
    private int gatewayCancelsRetried;
    private int statusQueries;
    private final List<String> unconfirmed = new ArrayList<>();

    @Override
    public void onTimeoutFired(final Order order, final String rule, final long lateMillis, final long timeMillis)
    {
        timeoutsFired.add(order.clOrdId() + " by " + rule + " late " + lateMillis + "ms");
    }

    @Override
    public void onGatewayCancelRetried(final Order order, final long timeMillis)
    {
        gatewayCancelsRetried++;
    }

    @Override
    public void onVenueStatusQueried(final Order order, final long timeMillis)
    {
        statusQueries++;
    }

    @Override
    public void onVenueRequestUnconfirmed(
        final Order order, final boolean cancel, final long waitedMillis, final long timeMillis)
    {
        unconfirmed.add((cancel ? "cancel " : "submit ") + order.clOrdId() + " after " + waitedMillis + "ms");
    }

    int statusQueries()
    {
        return statusQueries;
    }

    List<String> unconfirmed()
    {
        return List.copyOf(unconfirmed);
    }

    List<String> timeoutsFired()
    {
        return List.copyOf(timeoutsFired);
    }

    int gatewayCancelsRetried()
    {
        return gatewayCancelsRetried;
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
        reports.add(new ExecutionReport(
            order.orderKey(),
            clOrdId,
            origClOrdId,
            order.state(),
            execType,
            execId,
            lastQty,
            lastPx,
            order.cumQty(),
            order.leavesQty(),
            order.avgPx(),
            text,
            timeMillis,
            order.ordStatus(),
            order.orderQty(),
            order.price()));
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
        reports.add(new NewOrderReject(
            command.sessionId(), command.clOrdId(), command.symbol(), orderKey, execId, reason, text, timeMillis));
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
        reports.add(new CancelReject(
            sessionId,
            clOrdId,
            origClOrdId,
            order == null ? null : order.orderKey(),
            order == null ? null : order.state(),
            reason,
            text,
            timeMillis,
            replace));
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
        reports.add(new MassCancelReport(command.clOrdId(), reportKey, accepted, affectedOrders, text, timeMillis));
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
        reports.add(new MassStatusReport(command.massStatusReqId(), order == null ? null : order.orderKey(),
            order == null ? null : order.clOrdId(), order == null ? 0 : order.ordStatus(), execId, totNumReports, last));
    }

    @Override
    public void onIllegalTransition(final Order order, final OrderEvent event, final long timeMillis)
    {
        reports.add(new IllegalTransition(order.orderKey(), order.state(), order.cumQty(), event, timeMillis));
    }

    @Override
    public void onUnknownOrder(final long orderKey, final OrderEvent event, final long timeMillis)
    {
        reports.add(new UnknownOrder(orderKey, event, timeMillis));
    }

    record UnknownOrder(long orderKey, OrderEvent event, long timeMillis) implements Report
    {
    }

    @Override
    public void onStatusOfUnknownOrder(final OrderStatusCommand command, final long execId, final long timeMillis)
    {
        reports.add(new StatusOfUnknownOrder(command.sessionId(), command.clOrdId(), execId, timeMillis));
    }

    record StatusOfUnknownOrder(long sessionId, String clOrdId, long execId, long timeMillis) implements Report
    {
    }

    List<Report> all()
    {
        return List.copyOf(reports);
    }

    void clear()
    {
        reports.clear();
    }

    List<ExecutionReport> executionReports()
    {
        return only(ExecutionReport.class);
    }

    List<NewOrderReject> newOrderRejects()
    {
        return only(NewOrderReject.class);
    }

    List<CancelReject> cancelRejects()
    {
        return only(CancelReject.class);
    }

    List<IllegalTransition> illegalTransitions()
    {
        return only(IllegalTransition.class);
    }

    /** The one report recorded since the last {@link #clear}, which must be of {@code type}. */
    <T extends Report> T single(final Class<T> type)
    {
        if (reports.size() != 1 || !type.isInstance(reports.get(0)))
        {
            throw new AssertionError("expected exactly one " + type.getSimpleName() + " but recorded " + reports);
        }
        return type.cast(reports.get(0));
    }

    /** ExecIDs in the order they were reported, from ExecutionReports and new-order rejects alike. */
    List<Long> execIds()
    {
        final List<Long> execIds = new ArrayList<>();
        for (final Report report : reports)
        {
            if (report instanceof final ExecutionReport executionReport)
            {
                execIds.add(executionReport.execId());
            }
            else if (report instanceof final NewOrderReject reject)
            {
                execIds.add(reject.execId());
            }
        }
        return execIds;
    }

    private <T extends Report> List<T> only(final Class<T> type)
    {
        final List<T> matching = new ArrayList<>();
        for (final Report report : reports)
        {
            if (type.isInstance(report))
            {
                matching.add(type.cast(report));
            }
        }
        return matching;
    }
}
