package io.cryptofix.venue.rest;

import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.order.VenueOrderStatus;
import io.cryptofix.venue.VenueAdapter;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.VenueListener;
import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.VenueQuery;
import io.cryptofix.venue.VenueState;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * A venue reached over its REST API: the gateway's venue SPI on top of an {@link ExchangeClient}.
 * Runs on the venue's worker thread, where blocking HTTP belongs. Answers the gateway's requests
 * (submit, cancel, status query) and classifies the venue's errors. It records each placement's
 * client order id before the request leaves, so that an order whose answer was lost is found again
 * by it, and never sends an order twice. Between requests it polls, within the venue's rate limits:
 * the working orders first ({@link WorkingOrderPoller}, fills reported as the difference from what
 * was reported before by {@link WorkingOrders}), then the book near the touch for the stops the
 * gateway holds and its price collar ({@link MarketDepthPoller}) and the balances ({@link BalancePoller}). A venue that
 * cannot be reached at start is tried again, backing off, until it can ({@link VenueConnection}); its health
 * ({@link VenueHealth}) follows every request, and its clock ({@link ClockSync}) is kept in step so
 * that signed requests carry the venue's time.
 */
public final class RestVenue implements VenueAdapter
{
    private static final Logger LOG = System.getLogger(RestVenue.class.getName());
    private static final String ON_ENTRY =
        "canceled by the venue on entry (IOC or FOK not filled, or post-only that would take)";

    private final String venueId;
    private final ExchangeVenueConfig config;
    private final ExchangeClient client;
    private final RequestPacer.Clock clock;
    private final VenueMetrics metrics;
    private final ClockSync clockSync;
    private final VenueHealth health;
    private final VenueConnection connection;
    private final VenueKeys keys;
    private RequestPacer pacer;
    private VenueListener listener;
    private WorkingOrders working;
    private WorkingOrderPoller orderPoller;
    private MarketDepthPoller pricePoller;
    private BalancePoller balancePoller;
    private long nextPollMillis;
    private boolean readsMarket = true;

    public RestVenue(
        final String venueId,
        final ExchangeVenueConfig config,
        final ExchangeClient client,
        final RequestPacer.Clock clock,
        final VenueMetrics metrics)
    {
        this(venueId, config, client, clock, metrics, null);
    }

    /**
     * @param keys  the keys the client signs with, read again by {@link #reloadKeys()}; null when they
     *              cannot change (tests).
     */
    public RestVenue(
        final String venueId,
        final ExchangeVenueConfig config,
        final ExchangeClient client,
        final RequestPacer.Clock clock,
        final VenueMetrics metrics,
        final VenueKeys keys)
    {
        this.metrics = metrics;
        this.keys = keys;
        this.venueId = venueId;
        this.config = config;
        this.client = client;
        this.clock = clock;
        final VenueClock venueClock = new VenueClock(clock);
        this.clockSync = new ClockSync(venueId, client, venueClock, clock, metrics);
        this.health = new VenueHealth(venueId, metrics, clock);
        this.connection = new VenueConnection(venueId, config, client, clockSync, health, clock);
        client.configure(config, venueClock);
    }

    /**
     * An account's adapter beside the venue's own: it leaves the venue's book to the venue's adapter,
     * so the book is read once whatever the number of accounts. Call before it starts.
     */
    public RestVenue withoutMarketData()
    {
        readsMarket = false;
        return this;
    }

    @Override
    public String venueId()
    {
        return venueId;
    }

    /**
     * Reads the venue's keys again from where its configuration keeps them; requests already signed go
     * out as they are, the next ones are signed with the new keys. Safe from any thread.
     *
     * @return true when the keys changed.
     * @throws VenueUnavailableException when they cannot be read (the keys in use stay), or cannot change.
     */
    public boolean reloadKeys()
    {
        if (keys == null)
        {
            throw new VenueUnavailableException("venue " + venueId + ": its keys were given in code and cannot be reloaded");
        }
        return keys.reload();
    }

    @Override
    public VenueCapabilities capabilities()
    {
        return client.capabilities();
    }

    /**
     * @throws VenueUnavailableException when the venue cannot be used now; {@link #doWork} tries
     *     again, backing off, once the worker has started.
     */
    @Override
    public List<Instrument> connect()
    {
        return connection.connect();
    }

    @Override
    public boolean retriesConnect()
    {
        return true;
    }

    /** @return where the venue stands now. */
    public VenueState state()
    {
        return health.state();
    }

    @Override
    public void start(final VenueListener listener, final long nowMillis)
    {
        this.listener = listener;
        this.pacer = new RequestPacer(config.requestsPerSecond(), config.ordersPerSecond(), nowMillis);
        this.working = new WorkingOrders(venueId, client, clock, listener, pacer, metrics, health,
            config.pollIntervalMillis());
        this.orderPoller = new WorkingOrderPoller(venueId, client, pacer, clock, working);
        this.pricePoller = new MarketDepthPoller(venueId, client, pacer, clock, listener, config.symbols().size());
        this.balancePoller = new BalancePoller(venueId, client, pacer, clock, metrics, nowMillis);
        this.nextPollMillis = nowMillis + config.pollIntervalMillis();
        health.tell(listener);
        connection.workerStarted(nowMillis);
    }

    @Override
    public void submit(final VenueOrder order, final long nowMillis)
    {
        if (!connection.isConnected() || !health.isUp())
        {
            listener.onOrderRejected(order.orderKey(), connection.notUp(), nowMillis);
            return;
        }
        final String clientOrderId = client.clientOrderId(order.orderKey(), order.attempt());
        final Placement placement = new Placement(order.orderKey(), order.attempt(), order.symbol(), clientOrderId);
        placement.quantity = Fixed.toBigDecimal(order.quantity());
        working.follow(placement);
        for (int attempt = 0; ; attempt++)
        {
            waited(pacer.awaitOrder(clock));
            try
            {
                final ExchangeOrder placed = client.place(order, clientOrderId);
                health.answered();
                working.apply(placement, placed, ON_ENTRY);
                return;
            }
            catch (final Exception e)
            {
                final VenueError error = client.classify(e);
                health.failed(error);
                if (sendAgainAfter(error, attempt))
                {
                    continue;
                }
                refused(order, placement, error);
                return;
            }
        }
    }

    /**
     * A request refused for its timestamp did nothing at the venue: it goes once more, after the
     * venue's clock is measured again.
     */
    private boolean sendAgainAfter(final VenueError error, final int attempt)
    {
        if (error.kind() == VenueError.Kind.CLOCK && attempt == 0 && clockSync.measure())
        {
            health.clockMeasured();
            return true;
        }
        return false;
    }

    private void refused(final VenueOrder order, final Placement placement, final VenueError error)
    {
        switch (error.kind())
        {
            case AMBIGUOUS:
                // the order may be at the venue: look, and if that fails too, the gateway asks again
                LOG.log(Level.WARNING, "venue {0}: no clear answer to order {1} ({2}); looking it up",
                    venueId, placement.clientOrderId, error.reason());
                waited(pacer.awaitRequest(clock));
                working.lookUp(placement);
                break;
            case RATE_LIMITED:
                pacer.backOff(clock.millis(), error.backoffMillis());
                metrics.onRateLimited(venueId);
                working.forget(order.orderKey());
                listener.onOrderRejected(order.orderKey(), "rate limited, order not placed: " + error.reason(),
                    clock.millis());
                break;
            default:
                working.forget(order.orderKey());
                listener.onOrderRejected(order.orderKey(), error.reason(), clock.millis());
                break;
        }
    }

    @Override
    public void cancel(final VenueCancel cancel, final long nowMillis)
    {
        final Placement placement = working == null ? null : working.get(cancel.orderKey());
        if (placement == null)
        {
            listener.onCancelRejected(cancel.orderKey(), "order not open at venue " + venueId, nowMillis);
            return;
        }
        placement.cancelRequested = true;
        for (int attempt = 0; ; attempt++)
        {
            waited(pacer.awaitRequest(clock));
            try
            {
                final ExchangeOrder canceled =
                    client.cancel(placement.symbol, placement.venueOrderId, placement.clientOrderId);
                health.answered();
                working.apply(placement, canceled, WorkingOrders.CANCELED_BY_REQUEST);
                return;
            }
            catch (final Exception e)
            {
                final VenueError error = client.classify(e);
                health.failed(error);
                if (sendAgainAfter(error, attempt))
                {
                    continue;
                }
                cancelFailed(cancel, placement, error);
                return;
            }
        }
    }

    private void cancelFailed(final VenueCancel cancel, final Placement placement, final VenueError error)
    {
        switch (error.kind())
        {
            case UNKNOWN_ORDER:
                // ended meanwhile (filled, canceled or expired by the venue, or gone): the lookup reports
                // its true end; the cancel is refused when the order filled (too late) or still works
                waited(pacer.awaitRequest(clock));
                final ExchangeOrder found = working.lookUp(placement);
                if (found != null && found.state() == ExchangeOrder.State.FILLED)
                {
                    listener.onCancelRejected(cancel.orderKey(), "order already filled", clock.millis());
                }
                else if (found != null && !found.isTerminal())
                {
                    listener.onCancelRejected(cancel.orderKey(), error.reason(), clock.millis());
                }
                else if (found == null && working.get(cancel.orderKey()) != null)
                {
                    // not confirmed gone (the lookup failed): the gateway follows the cancel up
                    LOG.log(Level.WARNING, "venue {0}: cancel of {1} refused as unknown ({2}), and the order not " +
                        "found again yet", venueId, placement.clientOrderId, error.reason());
                }
                break;
            case AMBIGUOUS:
            case CLOCK:
                // the gateway follows the unconfirmed cancel up: sends it again, then asks
                LOG.log(Level.WARNING, "venue {0}: no clear answer to the cancel of {1} ({2})",
                    venueId, placement.clientOrderId, error.reason());
                break;
            case RATE_LIMITED:
                pacer.backOff(clock.millis(), error.backoffMillis());
                metrics.onRateLimited(venueId);
                listener.onCancelRejected(cancel.orderKey(), "rate limited: " + error.reason(), clock.millis());
                break;
            default:
                listener.onCancelRejected(cancel.orderKey(), error.reason(), clock.millis());
                break;
        }
    }

    @Override
    public void query(final VenueQuery query, final long nowMillis)
    {
        if (!connection.isConnected())
        {
            // the gateway asks again on its own schedule; the venue cannot answer before it has started
            return;
        }
        Placement placement = working.get(query.orderKey());
        if (placement == null || placement.attempt != query.attempt())
        {
            placement = new Placement(query.orderKey(), query.attempt(), query.symbol(),
                client.clientOrderId(query.orderKey(), query.attempt()));
            placement.venueOrderId = query.venueOrderId();
            placement.acknowledged = true;
            placement.untracked = true;
        }
        waited(pacer.awaitRequest(clock));
        final ExchangeOrder found;
        try
        {
            found = client.find(placement.symbol, placement.venueOrderId, placement.clientOrderId);
            health.answered();
        }
        catch (final Exception e)
        {
            // no answer: the gateway asks again later
            final VenueError error = client.classify(e);
            health.failed(error);
            LOG.log(Level.WARNING, "venue {0}: status query of {1} failed: {2}", venueId, placement.clientOrderId,
                error.reason());
            return;
        }
        if (found == null)
        {
            listener.onOrderStatus(query.orderKey(), VenueOrderStatus.UNKNOWN, null, 0, 0, clock.millis());
            return;
        }
        if (!placement.untracked)
        {
            // fills not yet told go out as fills first, so that the status below adds none; while the
            // venue's trades cannot be read, no answer: the status would tell their quantity, and
            // polling again later, and the gateway asks again
            if (!working.reportFills(placement, found))
            {
                return;
            }
        }
        else if (!found.isTerminal())
        {
            // an order still working that this run had not followed (placed before a restart): the
            // status below tells its fills so far, polling tells the rest
            working.takeOver(placement, found);
        }
        listener.onOrderStatus(query.orderKey(), status(found.state()), found.venueOrderId(),
            Fixed.fromBigDecimal(found.executedQty()), WorkingOrders.averagePrice(found), found.reason(), clock.millis());
        if (found.isTerminal())
        {
            working.forget(query.orderKey());
        }
    }

    @Override
    public int doWork(final long nowMillis)
    {
        int work = connection.doWork(nowMillis, pacer);
        if (!connection.isConnected())
        {
            return work;
        }
        if (work == 0 && (health.clockSuspect() || clockSync.due(nowMillis)) && pacer.tryRequest(nowMillis))
        {
            if (clockSync.measure())
            {
                health.clockMeasured();
            }
            work++;
        }
        if (nowMillis < nextPollMillis)
        {
            return work;
        }
        nextPollMillis = nowMillis + config.pollIntervalMillis();
        // orders first: prices and balances take only what the request budget has left
        return work + orderPoller.poll() + (readsMarket ? pricePoller.poll() : 0) + balancePoller.poll(nowMillis);
    }

    @Override
    public void close()
    {
        // null when closed without having started
        if (working != null)
        {
            working.clear();
        }
    }

    private void waited(final long millis)
    {
        if (millis > 0)
        {
            metrics.onRateLimitWait(venueId, millis);
        }
    }

    private static VenueOrderStatus status(final ExchangeOrder.State state)
    {
        switch (state)
        {
            case OPEN:
            case UNKNOWN: return VenueOrderStatus.OPEN;
            case FILLED: return VenueOrderStatus.FILLED;
            case CANCELED: return VenueOrderStatus.CANCELED;
            case EXPIRED: return VenueOrderStatus.EXPIRED;
            default: return VenueOrderStatus.REJECTED;
        }
    }
}
