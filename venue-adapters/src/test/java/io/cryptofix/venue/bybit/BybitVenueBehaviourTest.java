package io.cryptofix.venue.bybit;

import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.rest.VenueUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.cryptofix.venue.bybit.BybitTestVenue.SYMBOL;
import static io.cryptofix.venue.bybit.BybitTestVenue.limit;
import static io.cryptofix.venue.bybit.BybitTestVenue.now;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The REST venue over the Bybit client against the fake Bybit, over HTTP: a start that fails and is
 * tried again until Bybit answers, signing with Bybit's clock however far it is from the host's, and
 * an order's trades told one fill each with its fee.
 */
class BybitVenueBehaviourTest
{
    private static final String FIRST = "cfx-T1-1-0";
    private static final String TIME = "GET /v5/market/time";
    private static final String CREATE = "POST /v5/order/create";
    private static final String CANCEL = "POST /v5/order/cancel";

    private final FakeBybit bybit = FakeBybit.start(BybitTestVenue.KEY, BybitTestVenue.SECRET);
    private final BybitTestVenue gateway = BybitTestVenue.on(bybit);

    @AfterEach
    void stop()
    {
        bybit.close();
    }

    @Test
    void aVenueThatCannotStartInAnOutageRefusesOrdersAndIsTriedAgainUntilBybitAnswers()
    {
        // the first attempt and the retry a second later each read the time and make one call: four 503s
        bybit.serverErrors(4, 503);
        final String failure = "venue BYBIT (Bybit at " + bybit.baseUrl() + ") cannot be used: " +
            "Bybit answered HTTP 503 (service unavailable: maintenance or overload)";
        assertThatThrownBy(gateway.venue::connect).isInstanceOf(VenueUnavailableException.class).hasMessage(failure);
        final long started = now();
        gateway.venue.start(gateway.listener, started);

        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        assertThat(gateway.venue.doWork(started + 999)).as("no attempt before a second has passed").isZero();
        assertThat(bybit.requests(TIME)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
            .until(() -> gateway.venue.doWork(now()) >= 0 && !gateway.listener.venueStates().isEmpty());

        assertThat(gateway.listener.venueStates()).containsExactly("UP 1 connected");
        assertThat(bybit.requests(TIME)).as("three attempts, each reading Bybit's time first").isEqualTo(3);
        assertThat(now() - started).as("the second retry waits a second more").isGreaterThanOrEqualTo(2_000);
        gateway.venue.submit(limit(2, Side.BUY, "0.01", "50000"), now());
        assertThat(gateway.listener.events()).containsExactly(
            "REJECTED 1 venue BYBIT is starting, retry later", "ACCEPTED 2");
    }

    @Test
    void aVenueThatCannotStartInBybitsOwnServerErrorIsUpOnceBybitAnswers()
    {
        bybit.refuseNext(1, 10016, "Server error.");
        assertThatThrownBy(gateway.venue::connect).isInstanceOf(VenueUnavailableException.class)
            .hasMessageEndingWith("cannot be used: Server error. (10016)");
        gateway.venue.start(gateway.listener, now());

        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        await().atMost(Duration.ofSeconds(10))
            .until(() -> gateway.venue.doWork(now()) >= 0 && !gateway.listener.venueStates().isEmpty());
        gateway.venue.submit(limit(2, Side.BUY, "0.01", "50000"), now());

        assertThat(gateway.listener.venueStates()).containsExactly("UP 1 connected");
        assertThat(gateway.listener.events()).as("Bybit's words and URL are for the log")
            .containsExactly("REJECTED 1 venue BYBIT is starting, retry later", "ACCEPTED 2");
    }

    /**
     * Bybit's clock behind the host's by 1.5 s (a host timestamp more than 1 s ahead is refused), ahead
     * by more than the 5 s receive window, and a minute behind: measured at connect, never refused.
     */
    @ParameterizedTest(name = "Bybit''s clock {0} ms from the host''s")
    @ValueSource(longs = {-1_500, 6_000, -60_000})
    void aVenueWhoseClockIsOffTheHostsPlacesAndCancelsWithoutARefusal(final long offsetMillis)
    {
        bybit.clockOffset(offsetMillis);

        gateway.started();
        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        gateway.venue.cancel(new VenueCancel(1, SYMBOL, null), now());

        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1", "CANCELED 1 canceled by request");
        assertThat(gateway.clockOffsets).singleElement()
            .satisfies(offset -> assertThat(offset).isCloseTo(offsetMillis, within(500L)));
        assertThat(bybit.requests(TIME)).as("measured once, at connect: nothing refused").isEqualTo(1);
        assertThat(bybit.requests(CREATE)).isEqualTo(1);
        assertThat(bybit.requests(CANCEL)).isEqualTo(1);
    }

    @Test
    void whenBybitsClockStepsAfterTheStartARefusedOrderAndCancelAreSentOnceMoreWithTheClockMeasuredAgain()
    {
        gateway.started();
        // Bybit's clock steps 3 s back: the host's timestamps are too far ahead, and refused with 10002
        bybit.clockOffset(-3_000);

        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1");
        assertThat(bybit.requests(CREATE)).as("refused, then placed").isEqualTo(2);
        assertThat(bybit.ordersWithOrderLinkId(FIRST)).isEqualTo(1);

        // and 8 s forward: the venue's timestamps are now older than the 5 s receive window
        bybit.clockOffset(5_000);
        gateway.venue.cancel(new VenueCancel(1, SYMBOL, null), now());

        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1", "CANCELED 1 canceled by request");
        assertThat(bybit.requests(CANCEL)).as("refused, then canceled").isEqualTo(2);
        assertThat(bybit.requests(TIME)).as("at connect and after each refusal").isEqualTo(3);
        assertThat(gateway.clockOffsets).hasSize(3);
        assertThat(gateway.clockOffsets.get(1)).isCloseTo(-3_000L, within(500L));
        assertThat(gateway.clockOffsets.get(2)).isCloseTo(5_000L, within(500L));
    }

    @Test
    void twoTradesBetweenTwoPollsAreTwoFillsEachWithItsFeeAndLaterTradesAreNotToldTwice()
    {
        gateway.started();
        gateway.venue.submit(limit(1, Side.BUY, "0.02", "50000"), now());
        gateway.venue.submit(limit(2, Side.SELL, "0.01", "70000"), now());

        bybit.fillInTrades(FIRST, "0.004@50000", "0.006@49999.5");
        bybit.fillInTrades("cfx-T1-2-0", "0.01@70000");
        gateway.pollUntil(events -> events.size() == 5);
        bybit.fillInTrades(FIRST, "0.01@49999");
        gateway.pollUntil(events -> events.size() == 6);

        assertThat(gateway.listener.events()).containsExactlyInAnyOrder("ACCEPTED 1", "ACCEPTED 2",
            "FILL 1 0.004@50000 fee 0.000004 BTC", "FILL 1 0.006@49999.5 fee 0.000006 BTC",
            "FILL 2 0.01@70000 fee 0.7 USDT", "FILL 1 0.01@49999 fee 0.00001 BTC");
        assertThat(gateway.listener.events().stream().filter(event -> event.startsWith("FILL 1 ")))
            .as("order 1's fills in the order they traded").containsExactly("FILL 1 0.004@50000 fee 0.000004 BTC",
                "FILL 1 0.006@49999.5 fee 0.000006 BTC", "FILL 1 0.01@49999 fee 0.00001 BTC");
    }

    @Test
    void anOrderBybitReportsFilledShortOfItsQuantityEndsFilledAtWhatBybitExecuted()
    {
        gateway.started();
        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

        bybit.fillInTrades(FIRST, "0.004@50000");
        bybit.endOrder(FIRST, "Filled", "UNKNOWN", "EC_NoError");
        gateway.pollUntil(events -> events.size() == 3);

        assertThat(gateway.listener.events()).containsExactly(
            "ACCEPTED 1", "FILL 1 0.004@50000 fee 0.000004 BTC", "STATUS 1 FILLED 0.004@50000");
    }

    /**
     * Bybit answers a placement with its id only, and the adapter looks the order up after it: that
     * look refused (rate limit, timestamp, server error) must neither refuse the order Bybit took
     * nor send it again (a second one would be refused as a duplicate).
     */
    @ParameterizedTest(name = "the look after the placement refused with {0}")
    @ValueSource(ints = {10006, 10002, 10016})
    void anOrderBybitTookIsAcceptedWhenTheLookAfterItIsRefusedAndItsFillsFollow(final int retCode)
    {
        gateway.started();
        bybit.refuseNextLookups(1, retCode, "refused");

        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1");
        bybit.fillInTrades(FIRST, "0.01@50000");
        gateway.pollUntil(events -> events.size() == 2);

        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.01@50000 fee 0.00001 BTC");
        assertThat(bybit.requests(CREATE)).isEqualTo(1);
        assertThat(bybit.ordersWithOrderLinkId(FIRST)).isEqualTo(1);
    }

    @Test
    void aCancelBybitTookIsNotRefusedWhenTheLookAfterItIsRateLimitedAndPollingTellsItsFillsAndEnd()
    {
        gateway.started();
        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        bybit.fillInTrades(FIRST, "0.004@50000");
        bybit.refuseNextLookups(1, 10006, "Too many visits!");

        gateway.venue.cancel(new VenueCancel(1, SYMBOL, null), now());
        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1");
        gateway.pollUntil(events -> events.size() == 3);

        // found canceled by polling: the gateway's own cancel, not one of Bybit's
        assertThat(gateway.listener.events()).containsExactly(
            "ACCEPTED 1", "FILL 1 0.004@50000 fee 0.000004 BTC", "CANCELED 1 canceled by request");
        assertThat(bybit.requests(CANCEL)).isEqualTo(1);
    }
}
