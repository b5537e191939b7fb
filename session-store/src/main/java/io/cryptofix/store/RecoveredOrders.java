package io.cryptofix.store;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.Fixed;
import io.cryptofix.order.MissedReport;
import io.cryptofix.order.Order;
import io.cryptofix.order.RecoveredOrder;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.IdleStrategy;

import java.util.ArrayList;
import java.util.List;

/**
 * What the journal of earlier runs leaves for this one: every order as its last event left it, with
 * the ClOrdID it is known by and the client's cancel or replace that was still waiting for the
 * venue, those that had not ended (filled, canceled, rejected, expired) to be taken over; and the
 * highest order key and ExecID used, so that this run continues after them.
 */
public final class RecoveredOrders
{
    private final Long2ObjectHashMap<Folded> orders = new Long2ObjectHashMap<>();
    private final List<Folded> firstSeen = new ArrayList<>();
    // the reports of the last run, each with the order as it stood then: those never sent are sent again
    private final List<MissedReport> lastRunReports = new ArrayList<>();
    private long lastRecordingId = -1;
    private long events;
    private long maxOrderKey;
    private long maxExecId;

    /** Reads the whole journal in the archive of the media driver at {@code aeronDirName}. */
    public static RecoveredOrders read(final String aeronDirName, final IdleStrategy idle)
    {
        final RecoveredOrders recovered = new RecoveredOrders();
        recovered.events = OrderJournal.replay(aeronDirName, idle, recovered::onEvent);
        return recovered;
    }

    /** Folds one event into the order it belongs to; events come oldest first, run after run. */
    void onEvent(final long recordingId, final JournalEvent event)
    {
        if (recordingId != lastRecordingId)
        {
            lastRecordingId = recordingId;
            lastRunReports.clear();
        }
        maxOrderKey = Math.max(maxOrderKey, event.orderKey());
        if (event.kind() == OrderEventKind.REPORT)
        {
            maxExecId = Math.max(maxExecId, event.execId());
        }
        Folded order = orders.get(event.orderKey());
        if (order == null)
        {
            order = new Folded();
            orders.put(event.orderKey(), order);
            firstSeen.add(order);
        }
        order.apply(event);
        if (event.kind() == OrderEventKind.REPORT && event.execType() != ExecType.ORDER_STATUS.fixValue())
        {
            // status answers and notices are not kept: a client asks again, a notice is repeated
            lastRunReports.add(MissedReport.executionReport(order.toRecoveredOrder(), execType(event.execType()),
                event.clOrdId(), event.origClOrdId(), event.execId(), event.lastQty(), event.lastPx(), event.text()));
        }
        else if (event.kind() == OrderEventKind.CANCEL_REJECT && event.cxlRejResponseTo() != 0)
        {
            lastRunReports.add(MissedReport.cancelReject(order.toRecoveredOrder(), event.clOrdId(),
                event.origClOrdId(), event.cxlRejResponseTo() == JournalEvent.REPLACE_REJECTED,
                cxlRejReason(event.cxlRejReason()), event.text()));
        }
    }

    /** What the last run handed to the FIX engine. */
    public interface SentLastRun
    {
        /** Whether the last run sent the ExecutionReport with this ExecID value. */
        boolean report(long execId);

        /**
         * Whether the last run sent an OrderCancelReject of this order to a request with this
         * ClOrdID; each answer of yes counts one sent, so that a second refusal of the same request
         * is still found missing when only one went out.
         */
        boolean cancelReject(long orderKey, String requestClOrdId);
    }

    /**
     * The reports and OrderCancelRejects the last run journaled and did not hand to the FIX engine,
     * in journal order.
     */
    public List<MissedReport> missedReports(final SentLastRun sent)
    {
        final List<MissedReport> missed = new ArrayList<>();
        for (final MissedReport report : lastRunReports)
        {
            final boolean wasSent = report.isCancelReject() ?
                sent.cancelReject(report.order().orderKey(), report.clOrdId()) : sent.report(report.execId());
            if (!wasSent)
            {
                missed.add(report);
            }
        }
        return missed;
    }

    private static CxlRejReason cxlRejReason(final int fixValue)
    {
        for (final CxlRejReason reason : CxlRejReason.values())
        {
            if (reason.fixValue() == fixValue)
            {
                return reason;
            }
        }
        return CxlRejReason.OTHER;
    }

    private static ExecType execType(final char fixValue)
    {
        for (final ExecType execType : ExecType.values())
        {
            if (execType.fixValue() == fixValue)
            {
                return execType;
            }
        }
        throw new IllegalStateException("journal event of unknown ExecType " + fixValue);
    }

    public long eventsRead()
    {
        return events;
    }

    /** One past the highest order key earlier runs used. */
    public long nextOrderKey()
    {
        return maxOrderKey + 1;
    }

    /** One past the highest ExecID value earlier runs journaled. */
    public long nextExecId()
    {
        return maxExecId + 1;
    }

    /** Every order of earlier runs, finished or not, in the order they were first journaled. */
    public List<RecoveredOrder> orders()
    {
        final List<RecoveredOrder> all = new ArrayList<>(firstSeen.size());
        for (final Folded order : firstSeen)
        {
            all.add(order.toRecoveredOrder());
        }
        return all;
    }

    /** The orders left open, in the order they were first journaled. */
    public List<RecoveredOrder> openOrders()
    {
        final List<RecoveredOrder> open = new ArrayList<>();
        for (final Folded order : firstSeen)
        {
            if (!order.last.orderState().isTerminal())
            {
                open.add(order.toRecoveredOrder());
            }
        }
        return open;
    }

    /** One line naming an open order for operators: how to find it at its venue. */
    public static String describe(final RecoveredOrder order)
    {
        return "ClOrdID " + order.clOrdId() + " (" + order.side() + " " + Fixed.toString(order.orderQty()) + " " +
            order.symbol() + " at " + order.venueId() + ", " + order.state() + ", CumQty " +
            Fixed.toString(order.cumQty()) + (order.venueOrderId() == null ? ", no venue order id yet" :
            ", venue order id " + order.venueOrderId()) + ", placement " + order.venueAttempt() + ")";
    }

    /** One order as the events so far leave it. */
    private static final class Folded
    {
        JournalEvent last;
        String clOrdId;
        String origClOrdId;
        Order.PendingRequest pending = Order.PendingRequest.NONE;
        String pendingClOrdId;

        void apply(final JournalEvent event)
        {
            last = event;
            if (event.kind() == OrderEventKind.CANCEL_REJECT)
            {
                // the event is the OrderCancelReject: ClOrdID of the request, OrigClOrdID of the order
                clOrdId = event.origClOrdId();
                if (event.clOrdId() != null && event.clOrdId().equals(pendingClOrdId))
                {
                    clearPending();
                }
                return;
            }
            if (event.kind() != OrderEventKind.REPORT)
            {
                // a venue request carries the order's own ClOrdID
                clOrdId = event.clOrdId();
                return;
            }
            if (event.execType() == ExecType.PENDING_CANCEL.fixValue() ||
                event.execType() == ExecType.PENDING_REPLACE.fixValue())
            {
                clOrdId = event.origClOrdId();
                pending = event.execType() == ExecType.PENDING_CANCEL.fixValue() ?
                    Order.PendingRequest.CANCEL : Order.PendingRequest.REPLACE;
                pendingClOrdId = event.clOrdId();
                return;
            }
            if (event.execType() == ExecType.REPLACED.fixValue() || event.execType() == ExecType.CANCELED.fixValue())
            {
                clearPending();
                if (event.origClOrdId() != null)
                {
                    origClOrdId = event.origClOrdId();
                }
            }
            clOrdId = event.clOrdId();
        }

        private void clearPending()
        {
            pending = Order.PendingRequest.NONE;
            pendingClOrdId = null;
        }

        RecoveredOrder toRecoveredOrder()
        {
            return new RecoveredOrder(last.orderKey(), last.sessionId(), clOrdId, origClOrdId, pending, pendingClOrdId,
                last.symbol(), last.venueId(), last.orderSide(), last.orderType(), last.orderTimeInForce(),
                last.postOnly(), last.orderQty(), last.price(), last.stopPx(), last.expireTimeMillis(),
                last.deadlineMillis(), last.createdMillis(), last.orderState(), last.cumQty(), last.avgPx(),
                last.venueOrderId(), last.venueAttempt());
        }
    }
}
