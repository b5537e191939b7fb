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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A venue reached over its REST API: the gateway's venue SPI on top of an {@link ExchangeClient}.
 * Runs on the venue's worker thread, where blocking HTTP belongs. It records each placement's client
 * order id before the request leaves, so that an order whose answer was lost is found again by it,
 * and never sends an order twice. Fills are found by polling each working order's status, within
 * the venue's rate limits, and reported as the difference from what was reported before; the best
 * bid and ask are polled too, for the stops the gateway holds.
 */
public final class RestVenue implements VenueAdapter
{
    private static final Logger LOG = System.getLogger(RestVenue.class.getName());
    private static final long BALANCES_INTERVAL_MILLIS = 60_000;
    private static final int OPEN_ORDERS_NAMED = 20;
    private static final String ON_ENTRY =
        "canceled by the venue on entry (IOC or FOK not filled, or post-only that would take)";

    private final String venueId;
    private final ExchangeVenueConfig config;
    private final ExchangeClient client;
    private final RequestPacer.Clock clock;
    private final VenueMetrics metrics;
    // working orders by order key, in placement order, for polling in turn
    private final Map<Long, Placement> working = new LinkedHashMap<>();
    private final List<Placement> pollRound = new ArrayList<>();
    private final List<String> batchIds = new ArrayList<>();
    // the best bid and ask last told to the gateway, by symbol
    private final Map<String, long[]> publishedPrices = new LinkedHashMap<>();
    private RequestPacer pacer;
    private VenueListener listener;
    private long nextPollMillis;
    private long nextBalancesMillis;

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
        this.nextPollMillis = nowMillis + config.pollIntervalMillis();
        this.nextBalancesMillis = nowMillis;
    }

    @Override
    public void submit(final VenueOrder order, final long nowMillis)
    {
        final String clientOrderId = client.clientOrderId(order.orderKey(), order.attempt());
        final Placement placement = new Placement(order.orderKey(), order.attempt(), order.symbol(), clientOrderId);
        working.put(order.orderKey(), placement);
        waited(pacer.awaitOrder(clock));
        try
        {
            apply(placement, client.place(order, clientOrderId), ON_ENTRY);
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
                    lookUp(placement);
                    break;
                case RATE_LIMITED:
                    pacer.backOff(clock.millis(), error.backoffMillis());
                    metrics.onRateLimited(venueId);
                    working.remove(order.orderKey());
                    listener.onOrderRejected(order.orderKey(), "rate limited, order not placed: " + error.reason(),
                        clock.millis());
                    break;
                default:
                    working.remove(order.orderKey());
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
            apply(placement, client.cancel(placement.symbol, placement.venueOrderId, placement.clientOrderId),
                "canceled by request");
        }
        catch (final Exception e)
        {
            final VenueError error = client.classify(e);
            switch (error.kind())
            {
                case UNKNOWN_ORDER:
                    // filled or canceled meanwhile: report what it became; a cancel found done is no refusal
                    final ExchangeOrder found = lookUp(placement);
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
            reportFills(placement, found);
        }
        else if (found.state() == ExchangeOrder.State.OPEN)
        {
            // an order still working that this run had not followed (placed before a restart): the
            // status below tells its fills so far, polling tells the rest
            placement.untracked = false;
            placement.venueOrderId = found.venueOrderId();
            placement.executedQty = found.executedQty();
            placement.executedQuote = found.executedQuote();
            working.put(query.orderKey(), placement);
        }
        listener.onOrderStatus(query.orderKey(), status(found.state()), found.venueOrderId(),
            Fixed.fromBigDecimal(found.executedQty()), averagePrice(found.executedQty(), found.executedQuote()),
            clock.millis());
        if (found.state() != ExchangeOrder.State.OPEN)
        {
            working.remove(query.orderKey());
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
        return pollOrders() + pollPrices() + pollBalances(nowMillis);
    }

    /** The account's balances, for operators: at start, then about once a minute. */
    private int pollBalances(final long nowMillis)
    {
        if (nowMillis < nextBalancesMillis || !pacer.tryRequest(clock.millis()))
        {
            return 0;
        }
        nextBalancesMillis = nowMillis + BALANCES_INTERVAL_MILLIS;
        try
        {
            final Map<String, BigDecimal> balances = client.balances();
            for (final Map.Entry<String, BigDecimal> balance : balances.entrySet())
            {
                metrics.onBalance(venueId, balance.getKey(), balance.getValue().doubleValue());
            }
            return balances.size();
        }
        catch (final Exception e)
        {
            LOG.log(Level.WARNING, "venue {0}: balances not read: {1}", venueId, client.classify(e).reason());
            return 0;
        }
    }

    /** The venue's best bid and ask, from which the gateway triggers the stops it holds. */
    private int pollPrices()
    {
        if (!pacer.tryRequest(clock.millis()))
        {
            return 0;
        }
        final Map<String, long[]> prices;
        try
        {
            prices = client.bestBidAndAsk();
        }
        catch (final Exception e)
        {
            LOG.log(Level.WARNING, "venue {0}: prices not read: {1}", venueId, client.classify(e).reason());
            return 0;
        }
        int changed = 0;
        for (final Map.Entry<String, long[]> price : prices.entrySet())
        {
            final long[] last = publishedPrices.get(price.getKey());
            final long[] now = price.getValue();
            if (last == null || last[0] != now[0] || last[1] != now[1])
            {
                publishedPrices.put(price.getKey(), now);
                listener.onMarketPrice(price.getKey(), now[0], now[1], clock.millis());
                changed++;
            }
        }
        return changed;
    }

    private int pollOrders()
    {
        if (working.isEmpty())
        {
            return 0;
        }
        pollRound.clear();
        for (final Placement placement : working.values())
        {
            if (placement.acknowledged)
            {
                pollRound.add(placement);
            }
        }
        final int polled = client.statusBatchSize() > 1 ? pollInBatches(client.statusBatchSize()) : pollOneByOne();
        // the orders not reached this round go first next round
        for (int i = 0; i < polled; i++)
        {
            final Placement placement = pollRound.get(i);
            if (working.remove(placement.orderKey) != null)
            {
                working.put(placement.orderKey, placement);
            }
        }
        return polled;
    }

    private int pollOneByOne()
    {
        int polled = 0;
        for (final Placement placement : pollRound)
        {
            // polling waits for free capacity: orders and cancels never queue behind it
            if (!pacer.tryRequest(clock.millis()))
            {
                break;
            }
            lookUp(placement);
            polled++;
        }
        return polled;
    }

    /** Polls the round's placements {@code batchSize} to a request, in the order of the round. */
    private int pollInBatches(final int batchSize)
    {
        int polled = 0;
        while (polled < pollRound.size() && pacer.tryRequest(clock.millis()))
        {
            final int end = Math.min(pollRound.size(), polled + batchSize);
            final List<Placement> batch = pollRound.subList(polled, end);
            batchIds.clear();
            for (final Placement placement : batch)
            {
                if (placement.venueOrderId != null)
                {
                    batchIds.add(placement.venueOrderId);
                }
            }
            final Map<String, ExchangeOrder> found;
            try
            {
                found = batchIds.isEmpty() ? Map.of() : client.findAll(batchIds);
            }
            catch (final Exception e)
            {
                final VenueError error = client.classify(e);
                LOG.log(Level.WARNING, "venue {0}: polling {1} orders failed: {2}", venueId, batchIds.size(),
                    error.reason());
                if (error.kind() == VenueError.Kind.UNKNOWN_ORDER)
                {
                    // one order the venue does not know spoils the batch: ask about these one by one
                    batchIds.clear();
                    polled = end;
                    pollSingly(batch);
                    continue;
                }
                break;
            }
            for (final Placement placement : batch)
            {
                final ExchangeOrder order = placement.venueOrderId == null ? null : found.get(placement.venueOrderId);
                if (order != null)
                {
                    apply(placement, order, "canceled by the venue");
                }
            }
            polled = end;
        }
        return polled;
    }

    private void pollSingly(final List<Placement> batch)
    {
        for (final Placement placement : new ArrayList<>(batch))
        {
            if (!pacer.tryRequest(clock.millis()))
            {
                return;
            }
            lookUp(placement);
        }
    }

    @Override
    public void close()
    {
        working.clear();
    }

    private void waited(final long millis)
    {
        if (millis > 0)
        {
            metrics.onRateLimitWait(venueId, millis);
        }
    }

    /**
     * Asks the venue for the placement and reports what changed; failures leave it to the next try.
     *
     * @return what the venue said, or null when it has no such order or did not answer.
     */
    private ExchangeOrder lookUp(final Placement placement)
    {
        try
        {
            final ExchangeOrder found = client.find(placement.symbol, placement.venueOrderId, placement.clientOrderId);
            if (found != null)
            {
                apply(placement, found, "canceled by the venue");
            }
            return found;
        }
        catch (final Exception e)
        {
            LOG.log(Level.WARNING, "venue {0}: looking up {1} failed: {2}", venueId, placement.clientOrderId,
                client.classify(e).reason());
            return null;
        }
    }

    /** Reports what the venue's view of the order says that the gateway has not heard yet. */
    private void apply(final Placement placement, final ExchangeOrder order, final String cancelReason)
    {
        final long now = clock.millis();
        if (order.state() == ExchangeOrder.State.REJECTED)
        {
            working.remove(placement.orderKey);
            listener.onOrderRejected(placement.orderKey, "rejected by the venue", now);
            return;
        }
        if (!placement.acknowledged)
        {
            placement.acknowledged = true;
            placement.venueOrderId = order.venueOrderId();
            listener.onOrderAccepted(placement.orderKey, order.venueOrderId(), now);
        }
        reportFills(placement, order);
        if (order.state() == ExchangeOrder.State.FILLED)
        {
            working.remove(placement.orderKey);
        }
        else if (order.state() == ExchangeOrder.State.CANCELED)
        {
            working.remove(placement.orderKey);
            listener.onOrderCanceled(placement.orderKey, cancelReason, now);
        }
        else if (order.state() == ExchangeOrder.State.EXPIRED)
        {
            working.remove(placement.orderKey);
            listener.onOrderExpired(placement.orderKey, now);
        }
    }

    private void reportFills(final Placement placement, final ExchangeOrder order)
    {
        final BigDecimal qty = order.executedQty().subtract(placement.executedQty);
        if (qty.signum() <= 0)
        {
            return;
        }
        final BigDecimal quote = order.executedQuote().subtract(placement.executedQuote);
        placement.executedQty = order.executedQty();
        placement.executedQuote = order.executedQuote();
        listener.onFill(placement.orderKey, Fixed.fromBigDecimal(qty),
            Fixed.fromBigDecimal(quote.divide(qty, Fixed.SCALE, RoundingMode.HALF_EVEN)), clock.millis());
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

    /** One placement of an order at the venue, and what of it has been reported. */
    private static final class Placement
    {
        final long orderKey;
        final int attempt;
        final String symbol;
        final String clientOrderId;
        String venueOrderId;
        boolean acknowledged;
        // a placement asked about after the gateway stopped following it
        boolean untracked;
        BigDecimal executedQty = BigDecimal.ZERO;
        BigDecimal executedQuote = BigDecimal.ZERO;

        Placement(final long orderKey, final int attempt, final String symbol, final String clientOrderId)
        {
            this.orderKey = orderKey;
            this.attempt = attempt;
            this.symbol = symbol;
            this.clientOrderId = clientOrderId;
        }
    }
}
