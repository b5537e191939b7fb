package io.cryptofix.gateway;

import io.cryptofix.domain.Fixed;
import io.cryptofix.order.Order;
import io.cryptofix.order.OrderCoreObserver;
import io.cryptofix.order.OrderEventType;
import io.cryptofix.order.TradingScope;
import io.cryptofix.order.TradingState;
import io.cryptofix.translation.ClientText;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * What the order core lets operators see beside what clients hear: its follow-ups of venue requests
 * and the anomalies it refuses, as metrics and WARNING lines. Only off the common path: a plain
 * order's life logs nothing.
 */
final class CoreDiagnostics implements OrderCoreObserver
{
    private static final Logger LOG = System.getLogger(CoreDiagnostics.class.getName());

    // a line per order at most this often, each kind apart: a restart with many open orders, or a venue
    // that stops answering, would otherwise write one for every order
    private static final int LINES_PER_WINDOW = 5;
    private static final long WINDOW_MILLIS = 10_000;

    private final GatewayMetrics metrics;
    private final AdminJournal adminJournal;
    private final LogThrottle cancelsRetried = throttle();
    private final LogThrottle venuesQueried = throttle();
    private final LogThrottle requestsUnconfirmed = throttle();
    private final LogThrottle eventsRefused = throttle();
    private final LogThrottle ordersInDoubt = throttle();
    private final LogThrottle quantitiesDisagreed = throttle();
    private final LogThrottle unknownOrders = throttle();

    /**
     * @param metrics       where its counters go; the WARNING lines go to this class's logger.
     * @param adminJournal  where automatic trips are written, by its writer thread: the duty cycle does no I/O.
     */
    public CoreDiagnostics(final GatewayMetrics metrics, final AdminJournal adminJournal)
    {
        this.metrics = metrics;
        this.adminJournal = adminJournal;
    }

    @Override
    public void onTradingStateChanged(
        final TradingScope scope, final String name, final TradingState state, final String reason,
        final boolean automatic, final long timeMillis)
    {
        metrics.tradingState(scope, name, state);
        if (automatic)
        {
            // an operator's change is journaled before it reaches the core; a trip only now
            adminJournal.appendLater(new AdminJournalEntry(timeMillis, "gateway", null,
                AdminAction.leadingTo(state).word(), ScopeRequest.word(scope), scope == TradingScope.GLOBAL ? null : name,
                reason, AdminJournalEntry.TRIPPED));
            LOG.log(Level.WARNING, "trading {0} for {1}{2}: {3}", state, ScopeRequest.word(scope),
                scope == TradingScope.GLOBAL ? "" : " " + name, reason);
        }
    }

    @Override
    public void onTimeoutFired(final Order order, final String rule, final long lateMillis, final long timeMillis)
    {
        metrics.timeoutFired(rule, lateMillis);
    }

    @Override
    public void onCancelRetried(final Order order, final long timeMillis)
    {
        metrics.cancelRetried();
        if (cancelsRetried.admit(timeMillis))
        {
            LOG.log(Level.WARNING, "cancel of {0} sent to venue {1} again: not confirmed in time, or its queue was " +
                "full{2}", ClientText.escape(order.toString()), order.venueId(), cancelsRetried.suffix());
        }
    }

    @Override
    public void onVenueQueried(final Order order, final long timeMillis)
    {
        metrics.venueStatusQueried();
        if (venuesQueried.admit(timeMillis))
        {
            LOG.log(Level.WARNING, "asking venue {0} where {1} stands: a request of the gateway''s went unanswered " +
                "or was refused{2}", order.venueId(), ClientText.escape(order.toString()), venuesQueried.suffix());
        }
    }

    @Override
    public void onVenueRequestUnconfirmed(
        final Order order, final boolean cancel, final long waitedMillis, final long timeMillis)
    {
        metrics.venueRequestUnconfirmed(cancel);
        if (requestsUnconfirmed.admit(timeMillis))
        {
            LOG.log(Level.WARNING, "{0} of {1} still unconfirmed by venue {2} after {3} ms; the client is told and " +
                "the gateway keeps trying{4}", cancel ? "cancel" : "submit", ClientText.escape(order.toString()),
                order.venueId(), waitedMillis, requestsUnconfirmed.suffix());
        }
    }

    @Override
    public void onEventRefused(final Order order, final OrderEventType event, final long timeMillis)
    {
        metrics.illegalTransition();
        if (eventsRefused.admit(timeMillis))
        {
            LOG.log(Level.WARNING, "{0} not allowed for {1} (venue leg {2}, pending {3}); order left unchanged{4}",
                event, ClientText.escape(order.toString()), order.leg(), order.pending(), eventsRefused.suffix());
        }
    }

    @Override
    public void onRiskRejected(final String check, final String session, final long timeMillis)
    {
        metrics.riskRejected(check, session);
    }

    @Override
    public void onOrderInDoubt(final Order order, final String reason, final long timeMillis)
    {
        if (ordersInDoubt.admit(timeMillis))
        {
            LOG.log(Level.WARNING, "{0} at venue {1}: {2}{3}", ClientText.escape(order.clOrdId()), order.venueId(),
                reason, ordersInDoubt.suffix());
        }
    }

    @Override
    public void onVenueQuantityDisagreed(final Order order, final long venueCumQty, final long timeMillis)
    {
        metrics.venueQuantityDisagreed();
        if (quantitiesDisagreed.admit(timeMillis))
        {
            LOG.log(Level.WARNING, "{0}: venue {1} reports it filled at {2}, the gateway counted {3} of {4}; the " +
                "venue''s figure is reported and the order ended{5}", ClientText.escape(order.clOrdId()),
                order.venueId(), Fixed.toString(venueCumQty), Fixed.toString(order.cumQty()),
                Fixed.toString(order.orderQty()), quantitiesDisagreed.suffix());
        }
    }

    @Override
    public void onUnknownOrder(final long orderKey, final OrderEventType event, final long timeMillis)
    {
        metrics.illegalTransition();
        if (unknownOrders.admit(timeMillis))
        {
            LOG.log(Level.WARNING, "venue answer {0} for unknown order key {1}; nothing changed{2}", event, orderKey,
                unknownOrders.suffix());
        }
    }

    private static LogThrottle throttle()
    {
        return new LogThrottle(LINES_PER_WINDOW, WINDOW_MILLIS);
    }
}
