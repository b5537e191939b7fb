package io.cryptofix.order;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;

/**
 * An ExecutionReport or OrderCancelReject an earlier run journaled but never handed to the FIX
 * engine (the gateway stopped first, or held it for a client that was logged out):
 * {@link OrderCore#resendMissed} sends it again, as it was.
 *
 * @param order         the order as it stood right after the message, and the client request then waiting.
 * @param execType      ExecType (150) of a report; null for an OrderCancelReject.
 * @param clOrdId       ClOrdID (11): of the report, or of the refused request.
 * @param execId        the ExecID (17) value a report had.
 * @param cxlRejReason  CxlRejReason (102) of an OrderCancelReject; null for a report.
 * @param replace       for an OrderCancelReject, whether a cancel/replace was refused (CxlRejResponseTo 2).
 */
public record MissedReport(
    RecoveredOrder order,
    ExecType execType,
    String clOrdId,
    String origClOrdId,
    long execId,
    long lastQty,
    long lastPx,
    String text,
    CxlRejReason cxlRejReason,
    boolean replace)
{
    public static MissedReport executionReport(
        final RecoveredOrder order,
        final ExecType execType,
        final String clOrdId,
        final String origClOrdId,
        final long execId,
        final long lastQty,
        final long lastPx,
        final String text)
    {
        return new MissedReport(order, execType, clOrdId, origClOrdId, execId, lastQty, lastPx, text, null, false);
    }

    public static MissedReport cancelReject(
        final RecoveredOrder order,
        final String clOrdId,
        final String origClOrdId,
        final boolean replace,
        final CxlRejReason reason,
        final String text)
    {
        return new MissedReport(order, null, clOrdId, origClOrdId, 0, 0, 0, text, reason, replace);
    }

    public boolean isCancelReject()
    {
        return cxlRejReason != null;
    }
}
