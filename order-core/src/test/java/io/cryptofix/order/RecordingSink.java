package io.cryptofix.order;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.OrdRejReason;

import java.util.ArrayList;
import java.util.List;

/**
 * The order core's sink and observer in tests: every client message as an immutable snapshot (the core
 * passes a reused event with a live {@link Order}, so the values are copied when it arrives), what
 * operators would see, and a copy of every event the journal would keep. Snapshots are records, so
 * two runs compare with {@code equals}.
 */
final class RecordingSink implements OrderEventSink, OrderCoreObserver
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
        OrderEventType event,
        long timeMillis) implements Report
    {
    }

    private final List<Report> reports = new ArrayList<>();
    private final List<OrderEvent> journal = new ArrayList<>();
    // kept apart from what the client is told: these are the gateway's own observations
    private final List<String> timeoutsFired = new ArrayList<>();
    private int gatewayCancelsRetried;
    private int statusQueries;
    private final List<String> unconfirmed = new ArrayList<>();

    @Override
    public void onEvent(final OrderEvent event)
    {
        if (event.type().journaled() && event.order() != null)
        {
            journal.add(new OrderEvent().copyFrom(event));
        }
        final Order order = event.order();
        switch (event.type().message())
        {
            case EXECUTION_REPORT -> reports.add(executionReport(event, order));
            case CANCEL_REJECT -> reports.add(new CancelReject(event.sessionId(), event.clOrdId(), event.origClOrdId(),
                order == null ? null : order.orderKey(), order == null ? null : order.state(), event.cxlRejReason(),
                event.text(), event.timeMillis(), event.replaceRefused()));
            case MASS_CANCEL_REPORT -> reports.add(new MassCancelReport(event.answer().massCancel().clOrdId(),
                event.orderKey(), event.answer().accepted(), event.answer().affectedOrders(), event.text(),
                event.timeMillis()));
            default ->
            {
                // not a client message
            }
        }
    }

    private static Report executionReport(final OrderEvent event, final Order order)
    {
        switch (event.type())
        {
            case NEW_ORDER_REFUSED:
                return new NewOrderReject(event.sessionId(), event.clOrdId(), event.answer().newOrder().symbol(),
                    event.orderKey(), event.execId(), event.answer().ordRejReason(), event.text(), event.timeMillis());
            case UNKNOWN_ORDER_STATUS:
                return new StatusOfUnknownOrder(event.sessionId(), event.clOrdId(), event.execId(), event.timeMillis());
            case MASS_STATUS_REPORT:
                return new MassStatusReport(event.answer().massStatus().massStatusReqId(), order == null ? null : order.orderKey(),
                    order == null ? null : order.clOrdId(), order == null ? 0 : order.ordStatus(), event.execId(),
                    event.answer().totNumReports(), event.answer().lastReport());
            default:
                return new ExecutionReport(order.orderKey(), event.clOrdId(), event.origClOrdId(), order.state(),
                    event.type().execType(), event.execId(), event.lastQty(), event.lastPx(), order.cumQty(),
                    order.leavesQty(), order.avgPx(), event.text(), event.timeMillis(), order.ordStatus(),
                    order.orderQty(), order.price());
        }
    }

    @Override
    public void onTimeoutFired(final Order order, final String rule, final long lateMillis, final long timeMillis)
    {
        timeoutsFired.add(order.clOrdId() + " by " + rule + " late " + lateMillis + "ms");
    }

    @Override
    public void onCancelRetried(final Order order, final long timeMillis)
    {
        gatewayCancelsRetried++;
    }

    @Override
    public void onVenueQueried(final Order order, final long timeMillis)
    {
        statusQueries++;
    }

    @Override
    public void onVenueRequestUnconfirmed(
        final Order order, final boolean cancel, final long waitedMillis, final long timeMillis)
    {
        unconfirmed.add((cancel ? "cancel " : "submit ") + order.clOrdId() + " after " + waitedMillis + "ms");
    }

    @Override
    public void onEventRefused(final Order order, final OrderEventType event, final long timeMillis)
    {
        reports.add(new IllegalTransition(order.orderKey(), order.state(), order.cumQty(), event, timeMillis));
    }

    @Override
    public void onUnknownOrder(final long orderKey, final OrderEventType event, final long timeMillis)
    {
        reports.add(new UnknownOrder(orderKey, event, timeMillis));
    }

    record UnknownOrder(long orderKey, OrderEventType event, long timeMillis) implements Report
    {
    }

    record StatusOfUnknownOrder(long sessionId, String clOrdId, long execId, long timeMillis) implements Report
    {
    }

    /** Copies of the events the journal would have kept, oldest first. */
    List<OrderEvent> journal()
    {
        return List.copyOf(journal);
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
