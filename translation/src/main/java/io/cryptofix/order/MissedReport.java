package io.cryptofix.order;

import io.cryptofix.domain.ExecType;

/**
 * An ExecutionReport an earlier run journaled but never handed to the FIX engine (the gateway
 * stopped first, or held it for a client that was logged out): {@link OrderCore#resendMissed}
 * sends it again, as it was.
 *
 * @param order        the order as it stood right after the report, and the client request then waiting.
 * @param execId       the ExecID (17) value the report had.
 */
public record MissedReport(
    RecoveredOrder order,
    ExecType execType,
    String clOrdId,
    String origClOrdId,
    long execId,
    long lastQty,
    long lastPx,
    String text)
{
}
