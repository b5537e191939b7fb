package io.cryptofix.order;

import io.cryptofix.domain.CxlRejReason;

/**
 * An ExecutionReport or OrderCancelReject an earlier run journaled: if that run never handed it to
 * the FIX engine (it stopped first, or held it for a client that was logged out), it is sent again,
 * as it was ({@link OrderCore#resendMissed}).
 *
 * @param order         a copy of the order as it stood right after the message, and the client request then waiting.
 * @param type          what the message told.
 * @param clOrdId       ClOrdID (11): of the report, or of the refused request.
 * @param execId        the ExecID (17) value a report had.
 * @param cxlRejReason  CxlRejReason (102) of an OrderCancelReject; null for a report.
 * @param replace       for an OrderCancelReject, whether a cancel/replace was refused (CxlRejResponseTo 2).
 * @param cancelCause   for a Canceled report, what the gateway canceled the order for (a kill says so).
 */
public record MissedReport(
    Order order,
    OrderEventType type,
    String clOrdId,
    String origClOrdId,
    long execId,
    long lastQty,
    long lastPx,
    String text,
    CxlRejReason cxlRejReason,
    boolean replace,
    VenueCancelCause cancelCause)
{
    /** The client message of a replayed event, with a copy of its order as the event left it. */
    static MissedReport of(final OrderEvent event)
    {
        return new MissedReport(OrderTransitions.copy(event.order()), event.type(), event.clOrdId(), event.origClOrdId(),
            event.execId(), event.lastQty(), event.lastPx(), event.text(), event.cxlRejReason(), event.replaceRefused(),
            event.cancelCause());
    }

    public boolean isCancelReject()
    {
        return type.message() == OrderEventType.Message.CANCEL_REJECT;
    }
}
