package io.cryptofix.venue.rest;

import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingOrderPollerTest
{
    private static final long START = 1_000_000;

    private final RecordingVenueListener listener = new RecordingVenueListener();
    private long now = START;

    @Test
    void theWorkingOrdersARoundDoesNotReachGoFirstInTheNextRound()
    {
        final ScriptedClient venue = new ScriptedClient(1);
        final WorkingOrders working = working(venue, 1, 2, 3);
        final WorkingOrderPoller poller = new WorkingOrderPoller("V", venue, new RequestPacer(2, 2, now), this::now, working);

        assertThat(poller.poll()).isEqualTo(2);
        now += 1_000;
        assertThat(poller.poll()).isEqualTo(2);

        assertThat(venue.calls).containsExactly("find v1", "find v2", "find v3", "find v1");
    }

    @Test
    void upToTheBatchSizeOfWorkingOrdersShareOneRequest()
    {
        final ScriptedClient venue = new ScriptedClient(2);
        final WorkingOrderPoller poller =
            new WorkingOrderPoller("V", venue, new RequestPacer(10, 10, now), this::now, working(venue, 1, 2, 3));

        assertThat(poller.poll()).isEqualTo(3);

        assertThat(venue.calls).containsExactly("findAll [v1, v2]", "findAll [v3]");
    }

    @Test
    void aBatchTheVenueRefusesForAnUnknownOrderIsAskedAboutOrderByOrder()
    {
        final ScriptedClient venue = new ScriptedClient(50);
        venue.refuseBatches = true;
        final WorkingOrderPoller poller =
            new WorkingOrderPoller("V", venue, new RequestPacer(10, 10, now), this::now, working(venue, 1, 2));

        assertThat(poller.poll()).isEqualTo(2);

        assertThat(venue.calls).containsExactly("findAll [v1, v2]", "find v1", "find v2");
    }

    @Test
    void whatTheVenueSaysOfAPolledOrderIsReportedOnceAndAFilledOrderNoLongerFollowed()
    {
        final ScriptedClient venue = new ScriptedClient(1);
        final WorkingOrders working = working(venue, 1);
        final WorkingOrderPoller poller = new WorkingOrderPoller("V", venue, new RequestPacer(10, 10, now), this::now, working);
        listener.clearEvents();
        venue.byVenueId.put("v1", new ExchangeOrder("v1", "c1", ExchangeOrder.State.FILLED, new BigDecimal("2"),
            new BigDecimal("200")));

        poller.poll();
        poller.poll();

        assertThat(listener.events()).containsExactly("FILL 1 2@100", "STATUS 1 FILLED 2@100");
        assertThat(working.isEmpty()).isTrue();
    }

    private WorkingOrders working(final ScriptedClient venue, final long... orderKeys)
    {
        final WorkingOrders working = new WorkingOrders("V", venue, this::now, listener, new RequestPacer(100, 100, now),
            VenueMetrics.NONE, new VenueHealth("V", VenueMetrics.NONE, this::now), 100);
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
}
