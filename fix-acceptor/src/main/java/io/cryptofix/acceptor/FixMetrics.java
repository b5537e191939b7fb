package io.cryptofix.acceptor;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.OrdRejReason;

/**
 * What the FIX side counts: messages in and out, refusals, sessions, reports waiting or lost, and how
 * long a NewOrderSingle waits for its first report. Called on the duty cycle: an implementation must
 * count without allocating or looking anything up.
 */
public interface FixMetrics
{
    void orderReceived();

    void cancelRequestReceived();

    void replaceRequestReceived();

    void executionReportSent(ExecType execType);

    /** A NewOrderSingle refused before any order existed. */
    void orderRejected(OrdRejReason reason);

    /** A venue refused an order (ExecType 8 on an order that existed). */
    void orderRejectedByVenue();

    void cancelRejected(CxlRejReason reason);

    void sessionRejectSent();

    void businessMessageRejectSent();

    /** A report that could not be delivered and will not be. */
    void reportUndeliverable();

    void sessionLoggedOn();

    void sessionLoggedOut();

    /** How many reports wait for their sessions to log on again. */
    void reportsHeld(int held);

    /** From the NewOrderSingle's arrival to its first ExecutionReport sent. */
    void firstReportLatency(long nanos);
}
