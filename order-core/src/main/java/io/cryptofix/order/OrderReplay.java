package io.cryptofix.order;

import io.cryptofix.domain.Fixed;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The journal of earlier runs, replayed: each event applied to its order through the same tables the
 * order went through live, so that every order ends as its last event left it (finished orders too:
 * their ClOrdIDs stay taken and their clients can ask for their status). Also what the runs used
 * (order keys, ExecIDs, so this run continues after them) and the client messages of the last run,
 * to send again those it never sent. {@link OrderCore#recover} takes the result over. And every
 * ClOrdID the journal holds for each session, its orders' and their requests', so that a request
 * the gateway received can be told from one it took ({@link #journaled}).
 */
public final class OrderReplay
{
    private final Long2ObjectHashMap<Order> orders = new Long2ObjectHashMap<>();
    private final List<Order> firstSeen = new ArrayList<>();
    private final List<MissedReport> lastRunMessages = new ArrayList<>();
    private final Long2ObjectHashMap<Set<String>> clOrdIds = new Long2ObjectHashMap<>();
    private long lastRun = Long.MIN_VALUE;
    private long events;
    private long refused;
    private long maxOrderKey;
    private long maxExecId;

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
     * Applies one journaled event, filled in by the journal's reader; events come oldest first, run
     * after run. An event told again after a restart ({@link OrderEvent#isResent}) changes no order:
     * the reader points it at a copy of the order as it was told ({@link Order#asTold}).
     *
     * @param run  the run that journaled it: its client messages are kept until a later run's event comes.
     */
    public void onEvent(final long run, final OrderEvent event)
    {
        events++;
        if (run != lastRun)
        {
            lastRun = run;
            lastRunMessages.clear();
        }
        final OrderEventType type = event.type();
        maxOrderKey = Math.max(maxOrderKey, event.orderKey());
        if (type.hasExecId())
        {
            maxExecId = Math.max(maxExecId, event.execId());
        }
        if (event.isResent())
        {
            // told again after a restart, not a change: the reader gives it the order as the client was told it
            if (event.order() != null)
            {
                lastRunMessages.add(MissedReport.of(event));
            }
            return;
        }
        Order order = orders.get(event.orderKey());
        if (type.createsOrder() && order == null)
        {
            order = new Order(event);
            orders.put(order.orderKey(), order);
            firstSeen.add(order);
        }
        if (order == null || !order.apply(event.order(order)))
        {
            // an event its order does not allow: the journal and this gateway's tables disagree
            refused++;
            return;
        }
        noteClOrdIds(order.sessionId(), event);
        if (type.message() != OrderEventType.Message.NONE && type != OrderEventType.ORDER_STATUS)
        {
            lastRunMessages.add(MissedReport.of(event));
        }
    }

    /**
     * The reports and OrderCancelRejects the last run journaled and did not hand to the FIX engine,
     * in journal order.
     */
    public List<MissedReport> missedReports(final SentLastRun sent)
    {
        final List<MissedReport> missed = new ArrayList<>();
        for (final MissedReport report : lastRunMessages)
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

    /**
     * Whether the journal holds this ClOrdID for the session: a NewOrderSingle's, or a cancel's or
     * replace's the gateway took or refused for a known order, whatever the order's ClOrdID is now.
     */
    public boolean journaled(final long sessionId, final String clOrdId)
    {
        final Set<String> session = clOrdIds.get(sessionId);
        return session != null && session.contains(clOrdId);
    }

    private void noteClOrdIds(final long sessionId, final OrderEvent event)
    {
        if (event.clOrdId() == null && event.origClOrdId() == null)
        {
            return;
        }
        Set<String> session = clOrdIds.get(sessionId);
        if (session == null)
        {
            session = new HashSet<>();
            clOrdIds.put(sessionId, session);
        }
        if (event.clOrdId() != null)
        {
            session.add(event.clOrdId());
        }
        if (event.origClOrdId() != null)
        {
            session.add(event.origClOrdId());
        }
    }

    public long eventsRead()
    {
        return events;
    }

    /** Events their order did not allow (a journal this gateway's tables disagree with); each is left out. */
    public long eventsRefused()
    {
        return refused;
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
    public List<Order> orders()
    {
        return firstSeen;
    }

    /** The orders left open, in the order they were first journaled. */
    public List<Order> openOrders()
    {
        final List<Order> open = new ArrayList<>();
        for (final Order order : firstSeen)
        {
            if (!order.state().isTerminal())
            {
                open.add(order);
            }
        }
        return open;
    }

    /** One line naming an open order for operators: how to find it at its venue. */
    public static String describe(final Order order)
    {
        return "ClOrdID " + order.clOrdId() + " (" + order.side() + " " + Fixed.toString(order.orderQty()) + " " +
            order.symbol() + " at " + order.venueId() + ", " + order.state() + ", CumQty " +
            Fixed.toString(order.cumQty()) + (order.venueOrderId() == null ? ", no venue order id yet" :
            ", venue order id " + order.venueOrderId()) + ", placement " + order.venueAttempt() + ")";
    }
}
