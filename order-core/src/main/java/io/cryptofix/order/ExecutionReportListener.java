package io.cryptofix.order;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.OrdRejReason;

/**
 * What {@link OrderCore} tells clients. The FIX side turns these into ExecutionReport (8),
 * OrderCancelReject (9) and OrderMassCancelReport (r) messages; tests record them.
 */
public interface ExecutionReportListener
{
    /**
     * An order changed, or a client asked where it stands. {@code order} already holds the new state,
     * CumQty and AvgPx.
     *
     * @param clOrdId      ClOrdID (11) to report: the order's, or the pending request's.
     * @param origClOrdId  OrigClOrdID (41) to report, or null for none.
     * @param execId       unique number of this report; ExecID (17) is derived from it.
     * @param lastQty      quantity of this fill, 0 unless {@code execType} is TRADE.
     * @param lastPx       price of this fill, 0 unless {@code execType} is TRADE.
     * @param text         Text (58) for the client, or null.
     */
    void onExecutionReport(
        Order order,
        ExecType execType,
        String clOrdId,
        String origClOrdId,
        long execId,
        long lastQty,
        long lastPx,
        String text,
        long timeMillis);

    /**
     * A report an earlier run journaled but did not send, sent again after a restart as it was: the
     * client may have had it (PossResend); its ExecID value is the one it had.
     */
    default void onExecutionReportResent(
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
        onExecutionReport(order, execType, clOrdId, origClOrdId, execId, lastQty, lastPx, text, timeMillis);
    }

    /**
     * A NewOrderSingle was refused before any order existed (bad symbol, quantity, venue...).
     *
     * @param orderKey  key reserved for the refused order, so the report still has a unique OrderID.
     */
    void onNewOrderRejected(
        NewOrderCommand command, long orderKey, long execId, OrdRejReason reason, String text, long timeMillis);

    /**
     * An OrderStatusRequest named no order of the session.
     */
    void onStatusOfUnknownOrder(OrderStatusCommand command, long execId, long timeMillis);

    /**
     * An OrderCancelRequest or OrderCancelReplaceRequest was refused.
     *
     * @param clOrdId      ClOrdID (11) of the refused request.
     * @param origClOrdId  OrigClOrdID (41) of the refused request.
     * @param replace      true for a cancel/replace (CxlRejResponseTo 2), false for a cancel (1).
     * @param order        the order it referred to, or null if there is none.
     */
    void onCancelRejected(
        long sessionId,
        String clOrdId,
        String origClOrdId,
        boolean replace,
        Order order,
        CxlRejReason reason,
        String text,
        long timeMillis);

    /**
     * A refusal an earlier run journaled but did not send, sent again after a restart as it was: the
     * client may have had it (PossResend).
     */
    default void onCancelRejectResent(
        final long sessionId,
        final String clOrdId,
        final String origClOrdId,
        final boolean replace,
        final Order order,
        final CxlRejReason reason,
        final String text,
        final long timeMillis)
    {
        onCancelRejected(sessionId, clOrdId, origClOrdId, replace, order, reason, text, timeMillis);
    }

    /**
     * The answer to an OrderMassCancelRequest, sent before the Canceled report of each order.
     *
     * @param reportKey       key for the report's OrderID (37), unique like an order's.
     * @param accepted        false when the request was refused (then {@code text} says why).
     * @param affectedOrders  TotalAffectedOrders (533).
     */
    void onMassCancelReport(
        MassCancelCommand command, long reportKey, boolean accepted, int affectedOrders, String text, long timeMillis);

    /**
     * One report of the answer to an OrderMassStatusRequest.
     *
     * @param order          the order, or null when no order matched (then one report says so).
     * @param totNumReports  TotNumReports (911).
     * @param last           LastRptRequested (912).
     */
    void onMassStatusReport(
        MassStatusCommand command, Order order, long execId, int totNumReports, boolean last, long timeMillis);

    /**
     * The gateway's timeout policy ended an order's time: its cancel is on its way to the venue (or
     * the order, held by the gateway, ends at once).
     *
     * @param rule         the rule that set the timeout, e.g. {@code symbol BTC/USDT}, or {@code default}.
     * @param lateMillis   how long after its deadline the timeout fired.
     */
    default void onTimeoutFired(final Order order, final String rule, final long lateMillis, final long timeMillis)
    {
    }

    /**
     * A cancel is sent to the venue again: the venue did not confirm it in time, or (for a cancel of
     * the gateway's own: expiry, timeout, mass cancel, IOC) the venue's request queue was full.
     */
    default void onGatewayCancelRetried(final Order order, final long timeMillis)
    {
    }

    /**
     * The gateway asks the order's venue where the order stands: a submit went unanswered, a cancel
     * unconfirmed, or the venue refused a cancel of the gateway's own while the order seemed to work.
     */
    default void onVenueStatusQueried(final Order order, final long timeMillis)
    {
    }

    /**
     * The venue has still not said what became of a request, after the follow-ups; the client is
     * told by a status report with Text, and the gateway keeps following it up.
     *
     * @param cancel         true for a cancel, false for a submit.
     * @param waitedMillis   since the request was sent.
     */
    default void onVenueRequestUnconfirmed(
        final Order order, final boolean cancel, final long waitedMillis, final long timeMillis)
    {
    }

    /**
     * A venue reported something the order's state does not allow (a fill on a cancelled order, a
     * second acknowledgement). The order is left as it was; the anomaly needs an operator's eye.
     */
    void onIllegalTransition(Order order, OrderEvent event, long timeMillis);

    /**
     * A venue reported an event for an order key the gateway does not know. Nothing changes; the
     * anomaly needs an operator's eye (above all for a fill).
     */
    void onUnknownOrder(long orderKey, OrderEvent event, long timeMillis);
}
