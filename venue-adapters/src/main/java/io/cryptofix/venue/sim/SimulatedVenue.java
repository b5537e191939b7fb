package io.cryptofix.venue.sim;

import io.cryptofix.config.InstrumentConfig;
import io.cryptofix.config.SimulatedVenueConfig;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.config.VenueConfig;
import io.cryptofix.venue.VenueAdapter;
import io.cryptofix.venue.VenueAmend;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.VenueListener;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.VenueQuery;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded default venue: a price-time matching engine per symbol ({@link SymbolMarket}) over a
 * seeded synthetic market, answering after a configurable latency, with the native order features
 * its configuration switches on. It answers status queries from what it remembers of each order
 * ({@link OrderLedger}) and, for tests of the gateway's follow-ups, loses the requests its
 * {@code faults} say. Time comes only from the {@code nowMillis} arguments, so the same
 * seed and the same calls give the same answers. Not thread-safe by design: the venue worker thread
 * is its only caller.
 */
public final class SimulatedVenue implements VenueAdapter
{
    private static final int MAX_CATCH_UP_TICKS = 1000;

    private final String venueId;
    private final VenueConfig config;
    private final SimulatedVenueConfig settings;
    // in configuration order, so that every run walks the symbols the same way
    private final Map<String, SymbolMarket> markets = new LinkedHashMap<>();
    private final ArrayDeque<Request> delayed = new ArrayDeque<>();
    private final VenueSequence sequence = new VenueSequence();
    private VenueListener listener;
    private OrderLedger ledger;
    private int cancelsToLose;
    private long startMillis;
    private long ticksDone;

    public SimulatedVenue(final VenueConfig config)
    {
        this.venueId = config.id();
        this.config = config;
        this.settings = config.simulated();
    }

    @Override
    public boolean outlivesGateway()
    {
        // its orders live in this process: a crash takes them along, so no request waits for the journal
        return false;
    }

    @Override
    public String venueId()
    {
        return venueId;
    }

    @Override
    public VenueCapabilities capabilities()
    {
        return settings.supports();
    }

    @Override
    public void start(final VenueListener listener, final long nowMillis)
    {
        this.ledger = new OrderLedger(listener, settings.faults().loseSubmitAnswers());
        this.listener = ledger;
        this.cancelsToLose = settings.faults().loseCancels();
        this.startMillis = nowMillis;
        for (final InstrumentConfig instrument : config.instruments().values())
        {
            final SymbolMarket market = new SymbolMarket(venueId, instrument, settings, sequence, ledger);
            markets.put(instrument.symbol(), market);
            market.open(nowMillis);
        }
    }

    @Override
    public void submit(final VenueOrder order, final long nowMillis)
    {
        later(new Request(nowMillis + settings.latencyMillis(), order), nowMillis);
    }

    @Override
    public void cancel(final VenueCancel cancel, final long nowMillis)
    {
        if (cancelsToLose > 0)
        {
            // lost on the way: the venue never hears of it
            cancelsToLose--;
            return;
        }
        later(new Request(nowMillis + settings.latencyMillis(), cancel), nowMillis);
    }

    @Override
    public void query(final VenueQuery query, final long nowMillis)
    {
        later(new Request(nowMillis + settings.latencyMillis(), query), nowMillis);
    }

    @Override
    public void amend(final VenueAmend amend, final long nowMillis)
    {
        later(new Request(nowMillis + settings.latencyMillis(), amend), nowMillis);
    }

    @Override
    public int doWork(final long nowMillis)
    {
        int work = 0;
        while (!delayed.isEmpty() && delayed.peekFirst().dueMillis <= nowMillis)
        {
            execute(delayed.pollFirst().request, nowMillis);
            work++;
        }

        final long ticksDue = (nowMillis - startMillis) / settings.marketTickMillis();
        if (ticksDue - ticksDone > MAX_CATCH_UP_TICKS)
        {
            // after a long pause, move on rather than replay every missed tick
            ticksDone = ticksDue - MAX_CATCH_UP_TICKS;
        }
        while (ticksDone < ticksDue)
        {
            ticksDone++;
            for (final SymbolMarket market : markets.values())
            {
                market.tick(nowMillis);
            }
            work++;
        }
        for (final SymbolMarket market : markets.values())
        {
            market.expire(nowMillis);
            market.publishPrices(nowMillis);
        }
        return work;
    }

    @Override
    public void close()
    {
        delayed.clear();
    }

    private void later(final Request request, final long nowMillis)
    {
        if (settings.latencyMillis() == 0)
        {
            execute(request.request, nowMillis);
        }
        else
        {
            delayed.addLast(request);
        }
    }

    private void execute(final Object request, final long nowMillis)
    {
        if (request instanceof VenueOrder order)
        {
            final SymbolMarket market = markets.get(order.symbol());
            if (market == null)
            {
                listener.onOrderRejected(order.orderKey(), "unknown symbol " + order.symbol(), nowMillis);
                return;
            }
            ledger.placing(order);
            market.submit(order, nowMillis);
        }
        else if (request instanceof VenueCancel cancel)
        {
            final SymbolMarket market = markets.get(cancel.symbol());
            if (market == null)
            {
                listener.onCancelRejected(cancel.orderKey(), "unknown order or already closed", nowMillis);
                return;
            }
            market.cancel(cancel.orderKey(), nowMillis);
        }
        else if (request instanceof VenueQuery query)
        {
            ledger.query(query, nowMillis);
        }
        else
        {
            final VenueAmend amend = (VenueAmend)request;
            final SymbolMarket market = markets.get(amend.symbol());
            if (market == null)
            {
                listener.onReplaceRejected(amend.orderKey(), "unknown order or already closed", nowMillis);
                return;
            }
            ledger.amending(amend);
            market.amend(amend, nowMillis);
        }
    }

    /** A request held back by the venue's latency, in arrival order. */
    private record Request(long dueMillis, Object request)
    {
    }
}
