package io.cryptofix.venue.rest;

import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Instrument;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingOrderPollerTest
{
    private static final long START = 1_000_000;

    private final RecordingVenueListener listener = new RecordingVenueListener();
    private long now = START;

    @Test
    void theWorkingOrdersARoundDoesNotReachGoFirstInTheNextRound()
    {
        final QueryLog venue = new QueryLog(1);
        final WorkingOrders working = working(venue, 1, 2, 3);
        final WorkingOrderPoller poller = new WorkingOrderPoller("V", venue, new RequestPacer(2, 2, now), this::now, working);

        assertThat(poller.poll()).isEqualTo(2);
        now += 1_000;
        assertThat(poller.poll()).isEqualTo(2);

        assertThat(venue.queries).containsExactly("find v1", "find v2", "find v3", "find v1");
    }

    @Test
    void upToTheBatchSizeOfWorkingOrdersShareOneRequest()
    {
        final QueryLog venue = new QueryLog(2);
        final WorkingOrderPoller poller =
            new WorkingOrderPoller("V", venue, new RequestPacer(10, 10, now), this::now, working(venue, 1, 2, 3));

        assertThat(poller.poll()).isEqualTo(3);

        assertThat(venue.queries).containsExactly("findAll [v1, v2]", "findAll [v3]");
    }

    @Test
    void aBatchTheVenueRefusesForAnUnknownOrderIsAskedAboutOrderByOrder()
    {
        final QueryLog venue = new QueryLog(50);
        venue.refuseBatches = true;
        final WorkingOrderPoller poller =
            new WorkingOrderPoller("V", venue, new RequestPacer(10, 10, now), this::now, working(venue, 1, 2));

        assertThat(poller.poll()).isEqualTo(2);

        assertThat(venue.queries).containsExactly("findAll [v1, v2]", "find v1", "find v2");
    }

    @Test
    void whatTheVenueSaysOfAPolledOrderIsReportedOnceAndAFilledOrderNoLongerFollowed()
    {
        final QueryLog venue = new QueryLog(1);
        final WorkingOrders working = working(venue, 1);
        final WorkingOrderPoller poller = new WorkingOrderPoller("V", venue, new RequestPacer(10, 10, now), this::now, working);
        listener.clearEvents();
        venue.answers.put("v1", new ExchangeOrder("v1", "c1", ExchangeOrder.State.FILLED, new BigDecimal("2"),
            new BigDecimal("200")));

        poller.poll();
        poller.poll();

        assertThat(listener.events()).containsExactly("FILL 1 2@100");
        assertThat(working.isEmpty()).isTrue();
    }

    private WorkingOrders working(final QueryLog venue, final long... orderKeys)
    {
        final WorkingOrders working = new WorkingOrders("V", venue, this::now, listener);
        for (final long orderKey : orderKeys)
        {
            final Placement placement = new Placement(orderKey, 0, "BTC/USD", "c" + orderKey);
            working.follow(placement);
            working.apply(placement, open(orderKey), "canceled");
        }
        return working;
    }

    private static ExchangeOrder open(final long orderKey)
    {
        return new ExchangeOrder("v" + orderKey, "c" + orderKey, ExchangeOrder.State.OPEN, BigDecimal.ZERO,
            BigDecimal.ZERO);
    }

    private long now()
    {
        return now;
    }

    /** A venue that answers status queries, and writes down each one it was asked. */
    private static final class QueryLog implements ExchangeClient
    {
        final int batchSize;
        final List<String> queries = new ArrayList<>();
        final Map<String, ExchangeOrder> answers = new HashMap<>();
        boolean refuseBatches;

        QueryLog(final int batchSize)
        {
            this.batchSize = batchSize;
        }

        @Override
        public int statusBatchSize()
        {
            return batchSize;
        }

        @Override
        public ExchangeOrder find(final String symbol, final String venueOrderId, final String clientOrderId)
        {
            queries.add("find " + venueOrderId);
            return answer(venueOrderId);
        }

        @Override
        public Map<String, ExchangeOrder> findAll(final List<String> venueOrderIds)
        {
            queries.add("findAll " + venueOrderIds);
            if (refuseBatches)
            {
                throw new IllegalStateException("unknown order");
            }
            final Map<String, ExchangeOrder> found = new HashMap<>();
            for (final String venueOrderId : venueOrderIds)
            {
                found.put(venueOrderId, answer(venueOrderId));
            }
            return found;
        }

        private ExchangeOrder answer(final String venueOrderId)
        {
            return answers.getOrDefault(venueOrderId, new ExchangeOrder(venueOrderId, null, ExchangeOrder.State.OPEN,
                BigDecimal.ZERO, BigDecimal.ZERO));
        }

        @Override
        public VenueError classify(final Exception failure)
        {
            return new VenueError(VenueError.Kind.UNKNOWN_ORDER, failure.getMessage(), 0);
        }

        @Override
        public List<Instrument> connect(final String venueId, final List<String> symbols)
        {
            throw new UnsupportedOperationException();
        }

        @Override
        public VenueCapabilities capabilities()
        {
            throw new UnsupportedOperationException();
        }

        @Override
        public String clientOrderId(final long orderKey, final int attempt)
        {
            return "c" + orderKey;
        }

        @Override
        public ExchangeOrder place(final VenueOrder order, final String clientOrderId)
        {
            throw new UnsupportedOperationException();
        }

        @Override
        public ExchangeOrder cancel(final String symbol, final String venueOrderId, final String clientOrderId)
        {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ExchangeOrder> openOrders()
        {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, long[]> bestBidAndAsk()
        {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, BigDecimal> balances()
        {
            throw new UnsupportedOperationException();
        }
    }
}
