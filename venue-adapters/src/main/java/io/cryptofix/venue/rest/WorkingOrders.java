package io.cryptofix.venue.rest;

import io.cryptofix.domain.Fixed;
import io.cryptofix.order.VenueOrderStatus;
import io.cryptofix.venue.VenueListener;
import io.cryptofix.venue.VenueMetrics;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The orders this run placed at one venue and still follows, and what the gateway has heard of
 * each: the venue's view of an order is reported as the acceptance, fills and end the gateway has
 * not heard yet. Fills are the venue's trades, one fill each with its fee, where the venue lists
 * them; otherwise the difference from what was reported before. When the venue says an order is
 * finished, its word wins. An order the venue no longer has, or whose status cannot be read, is
 * looked up once more by its client order id before the gateway is told.
 */
final class WorkingOrders
{
    // every line of a REST venue goes under RestVenue's logger name, by which logging settings select it
    private static final Logger LOG = System.getLogger(RestVenue.class.getName());
    static final String CANCELED_BY_VENUE = "canceled by the venue";
    static final String CANCELED_BY_REQUEST = "canceled by request";
    private static final long MAX_LOOKUP_BACKOFF_MILLIS = 30_000;

    private final String venueId;
    private final ExchangeClient client;
    private final RequestPacer.Clock clock;
    private final VenueListener listener;
    private final RequestPacer pacer;
    private final VenueMetrics metrics;
    private final VenueHealth health;
    private final long pollIntervalMillis;
    private final VenueFills fills;
    // by order key, in placement order, for polling in turn
    private final Map<Long, Placement> working = new LinkedHashMap<>();

    WorkingOrders(
        final String venueId,
        final ExchangeClient client,
        final RequestPacer.Clock clock,
        final VenueListener listener,
        final RequestPacer pacer,
        final VenueMetrics metrics,
        final VenueHealth health,
        final long pollIntervalMillis)
    {
        this.venueId = venueId;
        this.client = client;
        this.clock = clock;
        this.listener = listener;
        this.pacer = pacer;
        this.metrics = metrics;
        this.health = health;
        this.pollIntervalMillis = pollIntervalMillis;
        this.fills = new VenueFills(venueId, client, clock, listener, metrics, health, pacer);
    }

    /** Follows the placement from now on; a placement of the same order before it is replaced. */
    void follow(final Placement placement)
    {
        working.put(placement.orderKey, placement);
    }

    /** @return the placement of the order followed now, or null. */
    Placement get(final long orderKey)
    {
        return working.get(orderKey);
    }

    /** Stops following the order: the venue has ended it, or never took it. */
    void forget(final long orderKey)
    {
        working.remove(orderKey);
    }

    boolean isEmpty()
    {
        return working.isEmpty();
    }

    /** The placements followed, in the order they are to be polled. */
    Collection<Placement> inPollingOrder()
    {
        return working.values();
    }

    /** Whether the placement is to be asked about now: not while a failed lookup backs off. */
    boolean due(final Placement placement, final long nowMillis)
    {
        return nowMillis >= placement.nextLookupMillis;
    }

    /** Puts a placement still followed last in the polling order. */
    void toBack(final Placement placement)
    {
        if (working.remove(placement.orderKey) != null)
        {
            working.put(placement.orderKey, placement);
        }
    }

    void clear()
    {
        working.clear();
    }

    /**
     * Follows an order still working that this run had not followed (placed before a restart) from
     * what the venue says of it now: its fills so far are told by the status answer, not as fills.
     */
    void takeOver(final Placement placement, final ExchangeOrder found)
    {
        placement.untracked = false;
        placement.venueOrderId = found.venueOrderId();
        placement.executedQty = found.executedQty();
        placement.executedQuote = found.executedQuote();
        placement.fillsFromTotals = true;
        working.put(placement.orderKey, placement);
    }

    /**
     * Asks the venue for the placement and reports what changed. A failure backs the placement off
     * and leaves it to a later try; an acknowledged order the venue has no more is confirmed by its
     * client order id and reported canceled.
     *
     * @return what the venue said, or null when it has no such order or did not answer.
     */
    ExchangeOrder lookUp(final Placement placement)
    {
        final ExchangeOrder found;
        try
        {
            found = client.find(placement.symbol, placement.venueOrderId, placement.clientOrderId);
        }
        catch (final Exception e)
        {
            lookupFailed(placement, client.classify(e));
            return null;
        }
        lookedUp(placement);
        if (found == null)
        {
            return placement.acknowledged ? confirmGone(placement) : null;
        }
        apply(placement, found, CANCELED_BY_VENUE);
        return found;
    }

    /** Reports what the venue's view of the order says that the gateway has not heard yet. */
    void apply(final Placement placement, final ExchangeOrder order, final String cancelReason)
    {
        final long now = clock.millis();
        if (order.state() == ExchangeOrder.State.REJECTED)
        {
            working.remove(placement.orderKey);
            listener.onOrderRejected(placement.orderKey, order.reason() != null ? order.reason() :
                "rejected by the venue" + (order.venueStatus() == null ? "" : " (" + order.venueStatus() + ")"), now);
            return;
        }
        if (!placement.acknowledged)
        {
            placement.acknowledged = true;
            placement.venueOrderId = order.venueOrderId();
            listener.onOrderAccepted(placement.orderKey, order.venueOrderId(), now);
        }
        if (!reportFills(placement, order))
        {
            // the trades could not be read: the order's end waits for them, at the next poll
            return;
        }
        switch (order.state())
        {
            case FILLED ->
            {
                working.remove(placement.orderKey);
                if (placement.quantity == null || placement.quantity.compareTo(order.executedQty()) != 0)
                {
                    // the venue's word ends the order even where its quantity and the gateway's disagree
                    listener.onOrderStatus(placement.orderKey, VenueOrderStatus.FILLED, placement.venueOrderId,
                        Fixed.fromBigDecimal(order.executedQty()), averagePrice(order), now);
                }
            }
            case CANCELED ->
            {
                working.remove(placement.orderKey);
                listener.onOrderCanceled(placement.orderKey, order.reason() != null ? order.reason() :
                    placement.cancelRequested ? CANCELED_BY_REQUEST : cancelReason, now);
            }
            case EXPIRED ->
            {
                working.remove(placement.orderKey);
                if (order.reason() == null)
                {
                    // a GTD order at its ExpireTime: the gateway's own words say when
                    listener.onOrderExpired(placement.orderKey, now);
                }
                else
                {
                    listener.onOrderExpired(placement.orderKey, order.reason(), now);
                }
            }
            case UNKNOWN -> inDoubt(placement, order);
            default -> placement.doubtfulStatus = null;
        }
    }

    /**
     * Reports the fills the venue shows beyond those reported before (see {@link VenueFills}).
     *
     * @return false when the trades could not be read and the order still works: nothing was reported.
     */
    boolean reportFills(final Placement placement, final ExchangeOrder order)
    {
        return fills.report(placement, order);
    }

    /**
     * The venue answered with a status this adapter cannot read: asks once more by the client order
     * id, and only when that confirms it tells the gateway the order is in doubt, once per status.
     */
    private void inDoubt(final Placement placement, final ExchangeOrder order)
    {
        if (order.venueStatus() != null && order.venueStatus().equals(placement.doubtfulStatus))
        {
            return;
        }
        final ExchangeOrder again;
        try
        {
            waited(pacer.awaitRequest(clock));
            again = client.find(placement.symbol, null, placement.clientOrderId);
        }
        catch (final Exception e)
        {
            lookupFailed(placement, client.classify(e));
            return;
        }
        if (again == null)
        {
            confirmGone(placement);
            return;
        }
        if (again.state() != ExchangeOrder.State.UNKNOWN)
        {
            apply(placement, again, CANCELED_BY_VENUE);
            return;
        }
        placement.doubtfulStatus = again.venueStatus();
        metrics.onUnknownStatus(venueId);
        LOG.log(Level.WARNING, "venue {0}: order {1} is in status ''{2}'', which this gateway does not know; it is " +
            "followed on, and its client told it is in doubt", venueId, placement.clientOrderId, again.venueStatus());
        listener.onOrderInDoubt(placement.orderKey, "in doubt: venue " + venueId + " reports status '" +
            again.venueStatus() + "', which the gateway does not know; the order may have ended, check it at the venue",
            clock.millis());
    }

    /**
     * An acknowledged order the venue answered "no such order" for: asked once more by its client
     * order id, and if the venue has none by that either, ended as canceled, as at a restart.
     *
     * @return what the second lookup found, or null.
     */
    private ExchangeOrder confirmGone(final Placement placement)
    {
        final ExchangeOrder again;
        try
        {
            waited(pacer.awaitRequest(clock));
            again = client.find(placement.symbol, null, placement.clientOrderId);
        }
        catch (final Exception e)
        {
            lookupFailed(placement, client.classify(e));
            return null;
        }
        if (again != null)
        {
            apply(placement, again, CANCELED_BY_VENUE);
            return again;
        }
        LOG.log(Level.WARNING, "venue {0}: no longer has order {1} ({2}); reported canceled", venueId,
            placement.clientOrderId, placement.venueOrderId);
        working.remove(placement.orderKey);
        listener.onOrderCanceled(placement.orderKey, "venue " + venueId + " no longer has the order", clock.millis());
        return null;
    }

    void lookedUp(final Placement placement)
    {
        placement.lookupFailures = 0;
        placement.nextLookupMillis = 0;
        health.answered();
    }

    /** A lookup failed: the placement waits longer each time before it is asked about again. */
    void lookupFailed(final Placement placement, final VenueError error)
    {
        health.failed(error);
        metrics.onLookupFailed(venueId);
        placement.lookupFailures++;
        final long backoff = Math.min(MAX_LOOKUP_BACKOFF_MILLIS,
            Math.max(pollIntervalMillis, 100) << Math.min(placement.lookupFailures - 1, 16));
        placement.nextLookupMillis = clock.millis() + backoff;
        if (error.kind() == VenueError.Kind.RATE_LIMITED)
        {
            pacer.backOff(clock.millis(), error.backoffMillis());
            metrics.onRateLimited(venueId);
        }
        // the first failure and every tenth: a venue that stays away must not flood the log
        if (placement.lookupFailures % 10 == 1)
        {
            LOG.log(Level.WARNING, "venue {0}: looking up {1} failed ({2} in a row): {3}; next try in {4} ms", venueId,
                placement.clientOrderId, placement.lookupFailures, error.reason(), backoff);
        }
    }

    private void waited(final long millis)
    {
        if (millis > 0)
        {
            metrics.onRateLimitWait(venueId, millis);
        }
    }

    static long averagePrice(final ExchangeOrder order)
    {
        return order.executedQty().signum() == 0 ? 0 :
            Fixed.fromBigDecimal(order.executedQuote().divide(order.executedQty(), Fixed.SCALE, RoundingMode.HALF_EVEN));
    }
}
