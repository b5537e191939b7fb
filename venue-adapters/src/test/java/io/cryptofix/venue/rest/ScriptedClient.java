package io.cryptofix.venue.rest;

import io.cryptofix.domain.MarketDepth;
import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Instrument;
import io.cryptofix.venue.VenueOrder;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link ExchangeClient} whose answers a test writes down beforehand, for the REST layer's own
 * logic (what is reported when, backing off, starting late); it writes down each call it gets.
 * The venue adapters themselves are tested against the fake exchanges, which are real HTTP servers.
 */
final class ScriptedClient implements ExchangeClient
{
    final int batchSize;
    final List<String> calls = new ArrayList<>();
    // by venue order id, and by client order id for lookups without one
    final Map<String, ExchangeOrder> byVenueId = new HashMap<>();
    final Map<String, ExchangeOrder> byClientId = new HashMap<>();
    final Map<String, List<VenueTrade>> trades = new HashMap<>();
    final Deque<VenueError> findFailures = new ArrayDeque<>();
    final Deque<VenueError> placeFailures = new ArrayDeque<>();
    final Deque<VenueError> cancelFailures = new ArrayDeque<>();
    boolean refuseBatches;
    boolean listsTrades = true;
    int connectFailures;
    long serverOffsetMillis;
    java.util.function.LongSupplier hostTime = System::currentTimeMillis;
    VenueClock clock;
    List<Instrument> instruments = List.of();
    Map<String, BigDecimal> balances = Map.of();
    int balanceReads;

    ScriptedClient(final int batchSize)
    {
        this.batchSize = batchSize;
    }

    /** A failure the client raises, carrying what it means. */
    static final class Failure extends RuntimeException
    {
        final VenueError error;

        Failure(final VenueError error)
        {
            super(error.reason(), null, false, false);
            this.error = error;
        }
    }

    static ExchangeOrder order(final String venueOrderId, final ExchangeOrder.State state, final String qty, final String quote)
    {
        return new ExchangeOrder(venueOrderId, "c" + venueOrderId.substring(1), state, new BigDecimal(qty),
            new BigDecimal(quote));
    }

    @Override
    public void configure(final ExchangeVenueConfig config, final VenueClock clock)
    {
        this.clock = clock;
    }

    @Override
    public long serverTimeMillis()
    {
        calls.add("time");
        return hostTime.getAsLong() + serverOffsetMillis;
    }

    @Override
    public int statusBatchSize()
    {
        return batchSize;
    }

    @Override
    public ExchangeOrder find(final String symbol, final String venueOrderId, final String clientOrderId)
    {
        calls.add("find " + (venueOrderId != null ? venueOrderId : "client " + clientOrderId));
        final VenueError failure = findFailures.poll();
        if (failure != null)
        {
            throw new Failure(failure);
        }
        return venueOrderId != null ? byVenueId.getOrDefault(venueOrderId, open(venueOrderId)) :
            byClientId.get(clientOrderId);
    }

    @Override
    public Map<String, ExchangeOrder> findAll(final List<String> venueOrderIds)
    {
        calls.add("findAll " + venueOrderIds);
        if (refuseBatches)
        {
            throw new Failure(new VenueError(VenueError.Kind.UNKNOWN_ORDER, "unknown order", 0));
        }
        final Map<String, ExchangeOrder> found = new HashMap<>();
        for (final String venueOrderId : venueOrderIds)
        {
            found.put(venueOrderId, byVenueId.getOrDefault(venueOrderId, open(venueOrderId)));
        }
        return found;
    }

    @Override
    public List<VenueTrade> trades(final String symbol, final ExchangeOrder order)
    {
        calls.add("trades " + order.venueOrderId());
        return listsTrades ? trades.getOrDefault(order.venueOrderId(), List.of()) : null;
    }

    private static ExchangeOrder open(final String venueOrderId)
    {
        return new ExchangeOrder(venueOrderId, null, ExchangeOrder.State.OPEN, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Override
    public VenueError classify(final Exception failure)
    {
        return failure instanceof Failure scripted ? scripted.error : VenueError.ambiguous(failure.toString());
    }

    @Override
    public List<Instrument> connect(final String venueId, final List<String> symbols)
    {
        calls.add("connect");
        if (connectFailures > 0)
        {
            connectFailures--;
            throw new VenueUnavailableException("venue " + venueId + " cannot be used: 503 Service Unavailable");
        }
        return instruments;
    }

    @Override
    public VenueCapabilities capabilities()
    {
        return VenueCapabilities.NONE;
    }

    @Override
    public String clientOrderId(final long orderKey, final int attempt)
    {
        return "c" + orderKey;
    }

    @Override
    public ExchangeOrder place(final VenueOrder order, final String clientOrderId)
    {
        calls.add("place " + clientOrderId + " at " + (clock == null ? 0 : clock.offsetMillis()));
        final VenueError failure = placeFailures.poll();
        if (failure != null)
        {
            throw new Failure(failure);
        }
        return open("v" + order.orderKey());
    }

    @Override
    public ExchangeOrder cancel(final String symbol, final String venueOrderId, final String clientOrderId)
    {
        calls.add("cancel " + venueOrderId);
        final VenueError failure = cancelFailures.poll();
        if (failure != null)
        {
            throw new Failure(failure);
        }
        final ExchangeOrder order = byVenueId.getOrDefault(venueOrderId, open(venueOrderId));
        return new ExchangeOrder(venueOrderId, clientOrderId, ExchangeOrder.State.CANCELED, order.executedQty(),
            order.executedQuote());
    }

    @Override
    public List<ExchangeOrder> openOrders()
    {
        calls.add("openOrders");
        return List.of();
    }

    @Override
    public Map<String, MarketDepth> marketDepth()
    {
        return Map.of();
    }

    @Override
    public Map<String, BigDecimal> balances()
    {
        balanceReads++;
        return balances;
    }
}
