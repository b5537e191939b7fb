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

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A venue reached over its REST API: the gateway's venue SPI on top of an {@link ExchangeClient}.
 * Runs on the venue's worker thread, where blocking HTTP belongs. Answers the gateway's requests
 * (submit, cancel, status query) and classifies the venue's errors. It records each placement's
 * client order id before the request leaves, so that an order whose answer was lost is found again
 * by it, and never sends an order twice. Between requests it polls, within the venue's rate limits:
 * the working orders first ({@link WorkingOrderPoller}, fills reported as the difference from what
 * was reported before by {@link WorkingOrders}), then the best bid and ask for the stops the
 * gateway holds ({@link BestPricePoller}) and the balances ({@link BalancePoller}).
 */
public final class RestVenue implements VenueAdapter
{
    private static final Logger LOG = System.getLogger(RestVenue.class.getName());
    private static final int OPEN_ORDERS_NAMED = 20;
    private static final String ON_ENTRY =
        "canceled by the venue on entry (IOC or FOK not filled, or post-only that would take)";

    private final String venueId;
    private final ExchangeVenueConfig config;
    private final ExchangeClient client;
    private final RequestPacer.Clock clock;
    private final VenueMetrics metrics;
    private RequestPacer pacer;
    private VenueListener listener;
    private WorkingOrders working;
    private WorkingOrderPoller orderPoller;
    private BestPricePoller pricePoller;
    private BalancePoller balancePoller;
    private long nextPollMillis;

    public RestVenue(
        final String venueId,
        final ExchangeVenueConfig config,
        final ExchangeClient client,
        final RequestPacer.Clock clock,
        final VenueMetrics metrics)
    {
        this.metrics = metrics;
        this.venueId = venueId;
        this.config = config;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public String venueId()
    {
        return venueId;
    }

    @Override
    public VenueCapabilities capabilities()
    {
        return client.capabilities();
    }

    @Override
    public List<Instrument> connect()
    {
        final List<Instrument> instruments = client.connect(venueId, config.symbols());
        reportOpenOrders();
        return instruments;
    }

    /**
     * Tells operators what the account has open at the venue as the gateway starts: orders this run
     * did not place are not followed by it.
     */
    private void reportOpenOrders()
    {
        final List<ExchangeOrder> open;
        try
        {
            open = client.openOrders();
        }
        catch (final Exception e)
        {
            LOG.log(Level.WARNING, "venue {0}: open orders not listed at start: {1}", venueId, client.classify(e).reason());
            return;
        }
        if (open.isEmpty())
        {
            LOG.log(Level.INFO, "venue {0}: no open orders at start", venueId);
            return;
        }
        final List<String> ids = new ArrayList<>();
        for (final ExchangeOrder order : open.subList(0, Math.min(open.size(), OPEN_ORDERS_NAMED)))
        {
            ids.add(order.venueOrderId() + (order.clientOrderId() == null || order.clientOrderId().isEmpty() ? "" :
                " (" + order.clientOrderId() + ")"));
        }
        LOG.log(Level.WARNING, "venue {0}: {1} open orders at start, not placed by this run of the gateway and not " +
            "followed by it: {2}{3}", venueId, open.size(), String.join(", ", ids),
            open.size() > OPEN_ORDERS_NAMED ? ", ..." : "");
    }

    @Override
    public void start(final VenueListener listener, final long nowMillis)
    {
        this.listener = listener;
        this.pacer = new RequestPacer(config.requestsPerSecond(), config.ordersPerSecond(), nowMillis);
        this.working = new WorkingOrders(venueId, client, clock, listener);
        this.orderPoller = new WorkingOrderPoller(venueId, client, pacer, clock, working);
        this.pricePoller = new BestPricePoller(venueId, client, pacer, clock, listener);
        this.balancePoller = new BalancePoller(venueId, client, pacer, clock, metrics, nowMillis);
        this.nextPollMillis = nowMillis + config.pollIntervalMillis();
    }

    @Override
    public void submit(final VenueOrder order, final long nowMillis)
    {
        final String clientOrderId = client.clientOrderId(order.orderKey(), order.attempt());
        final Placement placement = new Placement(order.orderKey(), order.attempt(), order.symbol(), clientOrderId);
        working.follow(placement);
        waited(pacer.awaitOrder(clock));
        try
        {
            working.apply(placement, client.place(order, clientOrderId), ON_ENTRY);
        }
        catch (final Exception e)
        {
            final VenueError error = client.classify(e);
            switch (error.kind())
            {
                case AMBIGUOUS:
                    // the order may be at the venue: look, and if that fails too, the gateway asks again
                    LOG.log(Level.WARNING, "venue {0}: no clear answer to order {1} ({2}); looking it up",
                        venueId, clientOrderId, error.reason());
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
    }

    @Override
    public void cancel(final VenueCancel cancel, final long nowMillis)
    {
        final Placement placement = working.get(cancel.orderKey());
        if (placement == null)
        {
            listener.onCancelRejected(cancel.orderKey(), "order not open at venue " + venueId, nowMillis);
            return;
        }
        waited(pacer.awaitRequest(clock));
        try
        {
            working.apply(placement, client.cancel(placement.symbol, placement.venueOrderId, placement.clientOrderId),
                "canceled by request");
        }
        catch (final Exception e)
        {
            final VenueError error = client.classify(e);
            switch (error.kind())
            {
                case UNKNOWN_ORDER:
                    // filled or canceled meanwhile: report what it became; a cancel found done is no refusal
                    final ExchangeOrder found = working.lookUp(placement);
                    if (found == null ||
                        found.state() != ExchangeOrder.State.CANCELED && found.state() != ExchangeOrder.State.EXPIRED)
                    {
                        listener.onCancelRejected(cancel.orderKey(),
                            found != null && found.state() == ExchangeOrder.State.FILLED ? "order already filled" :
                            error.reason(), clock.millis());
                    }
                    break;
                case AMBIGUOUS:
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
    }

    @Override
    public void query(final VenueQuery query, final long nowMillis)
    {
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
        }
        catch (final Exception e)
        {
            // no answer: the gateway asks again later
            LOG.log(Level.WARNING, "venue {0}: status query of {1} failed: {2}", venueId, placement.clientOrderId,
                client.classify(e).reason());
            return;
        }
        if (found == null)
        {
            listener.onOrderStatus(query.orderKey(), VenueOrderStatus.UNKNOWN, null, 0, 0, clock.millis());
            return;
        }
        if (!placement.untracked)
        {
            // fills not yet told go out as fills first, so that the status below adds none
            working.reportFills(placement, found);
        }
        else if (found.state() == ExchangeOrder.State.OPEN)
        {
            // an order still working that this run had not followed (placed before a restart): the
            // status below tells its fills so far, polling tells the rest
            working.takeOver(placement, found);
        }
        listener.onOrderStatus(query.orderKey(), status(found.state()), found.venueOrderId(),
            Fixed.fromBigDecimal(found.executedQty()), averagePrice(found.executedQty(), found.executedQuote()),
            clock.millis());
        if (found.state() != ExchangeOrder.State.OPEN)
        {
            working.forget(query.orderKey());
        }
    }

    @Override
    public int doWork(final long nowMillis)
    {
        if (nowMillis < nextPollMillis)
        {
            return 0;
        }
        nextPollMillis = nowMillis + config.pollIntervalMillis();
        // orders first: prices and balances take only what the request budget has left
        return orderPoller.poll() + pricePoller.poll() + balancePoller.poll(nowMillis);
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

    private static long averagePrice(final BigDecimal qty, final BigDecimal quote)
    {
        return qty.signum() == 0 ? 0 : Fixed.fromBigDecimal(quote.divide(qty, Fixed.SCALE, RoundingMode.HALF_EVEN));
    }

    private static VenueOrderStatus status(final ExchangeOrder.State state)
    {
        switch (state)
        {
            case OPEN: return VenueOrderStatus.OPEN;
            case FILLED: return VenueOrderStatus.FILLED;
            case CANCELED:
            case EXPIRED: return VenueOrderStatus.CANCELED;
            default: return VenueOrderStatus.REJECTED;
        }
    }
}
