package io.cryptofix.venue.rest;

import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.cryptofix.venue.rest.ScriptedClient.order;
import static org.assertj.core.api.Assertions.assertThat;

class WorkingOrdersTest
{
    private static final long START = 1_000_000;
    private static final long POLL_INTERVAL = 100;

    private final RecordingVenueListener listener = new RecordingVenueListener();
    private final ScriptedClient venue = new ScriptedClient(1);
    private final AtomicInteger lookupsFailed = new AtomicInteger();
    private final AtomicInteger unknownStatuses = new AtomicInteger();
    private final VenueMetrics metrics = new VenueMetrics()
    {
        @Override
        public void onRateLimitWait(final String venueId, final long waitedMillis)
        {
        }

        @Override
        public void onRateLimited(final String venueId)
        {
        }

        @Override
        public void onLookupFailed(final String venueId)
        {
            lookupsFailed.incrementAndGet();
        }

        @Override
        public void onUnknownStatus(final String venueId)
        {
            unknownStatuses.incrementAndGet();
        }
    };
    private long now = START;
    private final WorkingOrders working = new WorkingOrders("V", venue, this::now, listener,
        new RequestPacer(100, 100, START), metrics, new VenueHealth("V", metrics, this::now), POLL_INTERVAL);
    private final Placement placement = acknowledged(1);

    @Test
    void anOrderTheVenueEndedIsReportedWithTheVenuesReason()
    {
        final Placement second = acknowledged(2);
        final Placement third = acknowledged(3);
        venue.byVenueId.put("v1", ended("v1", ExchangeOrder.State.CANCELED,
            "canceled by Binance's self-trade prevention (EXPIRED_IN_MATCH)"));
        venue.byVenueId.put("v2", ended("v2", ExchangeOrder.State.EXPIRED, "expired at Kraken at its expire time"));
        venue.byVenueId.put("v3", ended("v3", ExchangeOrder.State.REJECTED, null));

        working.lookUp(placement);
        working.lookUp(second);
        working.lookUp(third);

        assertThat(listener.events()).containsExactly(
            "CANCELED 1 canceled by Binance's self-trade prevention (EXPIRED_IN_MATCH)",
            "EXPIRED 2 expired at Kraken at its expire time",
            "REJECTED 3 rejected by the venue (WORD)");
        assertThat(working.isEmpty()).isTrue();
    }

    @Test
    void anOrderTheVenueNoLongerHasIsLookedUpByItsClientOrderIdAndThenCanceled()
    {
        venue.byVenueId.put("v1", null);

        assertThat(working.lookUp(placement)).isNull();

        assertThat(venue.calls).containsExactly("find v1", "find client c1");
        assertThat(listener.events()).containsExactly("CANCELED 1 venue V no longer has the order");
        assertThat(working.isEmpty()).isTrue();
    }

    @Test
    void anOrderFoundByItsClientOrderIdAfterAllIsReportedAsFound()
    {
        venue.byVenueId.put("v1", null);
        venue.byClientId.put("c1", order("v1", ExchangeOrder.State.FILLED, "1", "100"));
        venue.listsTrades = false;

        working.lookUp(placement);

        assertThat(listener.events()).containsExactly("FILL 1 1@100", "STATUS 1 FILLED 1@100");
    }

    @Test
    void aStatusTheAdapterDoesNotKnowIsConfirmedAndThenToldInDoubtOnce()
    {
        final ExchangeOrder halted = new ExchangeOrder("v1", "c1", ExchangeOrder.State.UNKNOWN, BigDecimal.ZERO,
            BigDecimal.ZERO, "MARKET_HALT", null);
        venue.byVenueId.put("v1", halted);
        venue.byClientId.put("c1", halted);

        working.lookUp(placement);
        working.lookUp(placement);

        assertThat(venue.calls).containsExactly("find v1", "find client c1", "find v1");
        assertThat(listener.events()).containsExactly("IN_DOUBT 1 in doubt: venue V reports status 'MARKET_HALT', " +
            "which the gateway does not know; the order may have ended, check it at the venue");
        assertThat(unknownStatuses).hasValue(1);
        assertThat(working.get(1)).as("still followed").isNotNull();
    }

    @Test
    void aStatusTheSecondLookupReadsIsReportedInsteadOfADoubt()
    {
        venue.byVenueId.put("v1", new ExchangeOrder("v1", "c1", ExchangeOrder.State.UNKNOWN, BigDecimal.ZERO,
            BigDecimal.ZERO, "GLITCH", null));
        venue.byClientId.put("c1", ended("v1", ExchangeOrder.State.CANCELED, null));

        working.lookUp(placement);

        assertThat(listener.events()).containsExactly("CANCELED 1 canceled by the venue");
    }

    @Test
    void aFailedLookupBacksOffLongerEachTimeAndIsCounted()
    {
        venue.findFailures.add(VenueError.ambiguous("HTTP 503"));
        venue.findFailures.add(VenueError.ambiguous("HTTP 503"));

        working.lookUp(placement);
        assertThat(working.due(placement, now + POLL_INTERVAL - 1)).isFalse();
        assertThat(working.due(placement, now + POLL_INTERVAL)).isTrue();
        working.lookUp(placement);
        assertThat(working.due(placement, now + 2 * POLL_INTERVAL - 1)).isFalse();
        assertThat(working.due(placement, now + 2 * POLL_INTERVAL)).isTrue();
        working.lookUp(placement);

        assertThat(working.due(placement, now)).as("an answer ends the back-off").isTrue();
        assertThat(lookupsFailed).hasValue(2);
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void eachTradeIsOneFillWithItsFeeAndNoTradeIsToldTwice()
    {
        venue.byVenueId.put("v1", order("v1", ExchangeOrder.State.OPEN, "2", "201"));
        venue.trades.put("v1", List.of(trade("t1", "1", "100"), trade("t2", "1", "101")));

        working.lookUp(placement);
        working.lookUp(placement);
        venue.byVenueId.put("v1", order("v1", ExchangeOrder.State.FILLED, "3", "303"));
        venue.trades.put("v1", List.of(trade("t1", "1", "100"), trade("t2", "1", "101"), trade("t3", "1", "102")));
        working.lookUp(placement);

        assertThat(listener.events()).containsExactly(
            "FILL 1 1@100 fee 0.1 USDT",
            "FILL 1 1@101 fee 0.101 USDT",
            "FILL 1 1@102 fee 0.102 USDT",
            "STATUS 1 FILLED 3@101");
    }

    @Test
    void aFinishedOrderWhoseTradesLagIsToldFromItsTotals()
    {
        venue.byVenueId.put("v1", order("v1", ExchangeOrder.State.FILLED, "2", "201"));
        venue.trades.put("v1", List.of(trade("t1", "1", "100")));

        working.lookUp(placement);

        assertThat(listener.events()).containsExactly(
            "FILL 1 1@100 fee 0.1 USDT", "FILL 1 1@101", "STATUS 1 FILLED 2@100.5");
    }

    private Placement acknowledged(final long orderKey)
    {
        final Placement placed = new Placement(orderKey, 0, "BTC/USDT", "c" + orderKey);
        placed.venueOrderId = "v" + orderKey;
        placed.acknowledged = true;
        working.follow(placed);
        return placed;
    }

    private static ExchangeOrder ended(final String venueOrderId, final ExchangeOrder.State state, final String reason)
    {
        return new ExchangeOrder(venueOrderId, "c" + venueOrderId.substring(1), state, BigDecimal.ZERO, BigDecimal.ZERO,
            "WORD", reason);
    }

    private static VenueTrade trade(final String id, final String qty, final String price)
    {
        return new VenueTrade(id, new BigDecimal(qty), new BigDecimal(price),
            new BigDecimal(price).movePointLeft(3), "USDT");
    }

    private long now()
    {
        return now;
    }
}
