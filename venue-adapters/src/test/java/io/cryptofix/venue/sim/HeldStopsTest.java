package io.cryptofix.venue.sim;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.venue.VenueOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeldStopsTest
{
    private final List<String> traded = new ArrayList<>();
    private final HeldStops stops = new HeldStops((stop, nowMillis) -> traded.add(stop.orderKey() + "@" + nowMillis));
    private final OrderBook book = new OrderBook();

    @Test
    void stopsTheMarketMeetsTriggerOldestFirstAndAreNoLongerHeld()
    {
        stops.hold(buyStop(7, 100));
        stops.hold(buyStop(3, 100));
        stops.hold(buyStop(5, 120));
        book.rest(new RestingOrder(1, RestingOrder.SYNTHETIC, Side.SELL, 100, 10));

        stops.triggerWhereMet(book, 42);

        assertThat(traded).containsExactly("3@42", "7@42");
        assertThat(stops.held(3)).isNull();
        assertThat(stops.held(7)).isNull();
        assertThat(stops.held(5)).isNotNull();
    }

    @Test
    void aStopTheMarketHasNotReachedStaysHeldUntilReleased()
    {
        stops.hold(buyStop(1, 120));
        book.rest(new RestingOrder(1, RestingOrder.SYNTHETIC, Side.SELL, 100, 10));

        stops.triggerWhereMet(book, 42);

        assertThat(traded).isEmpty();
        assertThat(stops.release(1)).isNotNull();
        assertThat(stops.release(1)).isNull();
    }

    @Test
    void aTriggeredStopThatMovesTheBookTriggersTheNextInAnotherPass()
    {
        final HeldStops cascading = new HeldStops((stop, nowMillis) ->
        {
            traded.add(stop.orderKey() + "@" + nowMillis);
            // the stop takes the best ask, so the next level becomes the best
            book.match(Side.BUY, 0, 10, (resting, qty, price) -> { });
        });
        cascading.hold(buyStop(1, 100));
        cascading.hold(buyStop(2, 110));
        book.rest(new RestingOrder(1, RestingOrder.SYNTHETIC, Side.SELL, 100, 10));
        book.rest(new RestingOrder(2, RestingOrder.SYNTHETIC, Side.SELL, 110, 10));

        cascading.triggerWhereMet(book, 42);

        assertThat(traded).containsExactly("1@42", "2@42");
    }

    private static VenueOrder buyStop(final long orderKey, final long stopPx)
    {
        return new VenueOrder(orderKey, 0, "BTC/USD", Side.BUY, OrdType.STOP, 10, 0, stopPx,
            TimeInForce.GOOD_TILL_CANCEL, 0, false);
    }
}
