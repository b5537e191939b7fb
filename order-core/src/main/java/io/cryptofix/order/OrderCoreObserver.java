package io.cryptofix.order;

/**
 * What the order core lets operators see beside the events: its follow-ups and the anomalies it
 * refuses. For metrics and logs; nothing here reaches a client or the journal.
 */
public interface OrderCoreObserver
{
    OrderCoreObserver NONE = new OrderCoreObserver()
    {
    };

    /**
     * The gateway's timeout policy ended an order's time: its cancel is on its way to the venue (or
     * the order, held by the gateway, ends at once).
     *
     * @param rule        the rule that set the timeout, e.g. {@code symbol BTC/USDT}, or {@code default}.
     * @param lateMillis  how long after its deadline the timeout fired.
     */
    default void onTimeoutFired(final Order order, final String rule, final long lateMillis, final long timeMillis)
    {
    }

    /**
     * A cancel is sent to the venue again: the venue did not confirm it in time, or (for a cancel of
     * the gateway's own: expiry, timeout, mass cancel, IOC) the venue's request queue was full.
     */
    default void onCancelRetried(final Order order, final long timeMillis)
    {
    }

    /**
     * The gateway asks the order's venue where the order stands: a submit went unanswered, a cancel
     * unconfirmed, or the venue refused a cancel of the gateway's own while the order seemed to work.
     */
    default void onVenueQueried(final Order order, final long timeMillis)
    {
    }

    /**
     * The venue has still not said what became of a request, after the follow-ups; the client is
     * told by a status report with Text, and the gateway keeps following it up.
     *
     * @param cancel        true for a cancel, false for a submit or a check after a restart.
     * @param waitedMillis  since the request was sent.
     */
    default void onVenueRequestUnconfirmed(
        final Order order, final boolean cancel, final long waitedMillis, final long timeMillis)
    {
    }

    /**
     * A new order was refused by a pre-trade limit.
     *
     * @param check   the limit's name in the configuration, e.g. {@code maxOrderQty}.
     * @param session the session's CompID; null when not known.
     */
    default void onRiskRejected(final String check, final String session, final long timeMillis)
    {
    }

    /**
     * A scope's trading state changed: by an operator ({@link OrderCore#tradingState}, {@link OrderCore#kill})
     * or by an automatic trip.
     *
     * @param name       the venue id or session CompID; null for the global scope.
     * @param automatic  true when a trip of the gateway's own set it (price move, reject rate).
     */
    default void onTradingStateChanged(
        final TradingScope scope, final String name, final TradingState state, final String reason,
        final boolean automatic, final long timeMillis)
    {
    }

    /** A venue reported an order in a status its adapter does not know; the client was told it is in doubt. */
    default void onOrderInDoubt(final Order order, final String reason, final long timeMillis)
    {
    }

    /**
     * A venue said the order is filled at a quantity other than the gateway's count: the venue's
     * figure was reported and the order ended.
     */
    default void onVenueQuantityDisagreed(final Order order, final long venueCumQty, final long timeMillis)
    {
    }

    /**
     * Something happened that the order's state does not allow (a second acknowledgement, a fill
     * beyond OrderQty). The order is left as it was; the anomaly needs an operator's eye.
     */
    default void onEventRefused(final Order order, final OrderEventType event, final long timeMillis)
    {
    }

    /**
     * A venue answered about an order key the gateway does not know. Nothing changes; the anomaly
     * needs an operator's eye (above all for a fill).
     */
    default void onUnknownOrder(final long orderKey, final OrderEventType event, final long timeMillis)
    {
    }
}
