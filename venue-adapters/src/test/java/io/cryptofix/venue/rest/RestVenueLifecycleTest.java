package io.cryptofix.venue.rest;

import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.VenueState;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestVenueLifecycleTest
{
    private static final long START = 1_000_000;
    private static final long POLL_INTERVAL = 100;

    private final RecordingVenueListener listener = new RecordingVenueListener();
    private final ScriptedClient client = new ScriptedClient(1);
    private long now = START;
    private final RestVenue venue = new RestVenue("V", new ExchangeVenueConfig("http://127.0.0.1:1", "K", "S", "P", null,
        POLL_INTERVAL, 100, 100, List.of("BTC/USDT"), false, 5_000), client, this::now, VenueMetrics.NONE);

    RestVenueLifecycleTest()
    {
        client.hostTime = this::now;
        client.instruments = List.of(new Instrument("V", "BTC/USDT", Fixed.fromDecimal(1, 0), Fixed.fromDecimal(1, 0), 0));
    }

    @Test
    void aVenueThatFailsToStartIsTriedAgainBackingOffUntilItIsUp()
    {
        client.connectFailures = 3;
        assertThatThrownBy(venue::connect).hasMessageContaining("503 Service Unavailable");
        venue.start(listener, now);

        venue.submit(order(1), now);
        assertThat(listener.events()).as("the client hears the state; why is in the log")
            .containsExactly("REJECTED 1 venue V is starting, retry later");
        assertThat(connectAttemptsAfter(999)).as("none before a second").isZero();
        assertThat(connectAttemptsAfter(1)).isEqualTo(1);
        assertThat(connectAttemptsAfter(999)).as("the next wait is longer").isZero();
        assertThat(connectAttemptsAfter(1_001)).isEqualTo(1);
        assertThat(connectAttemptsAfter(2_000)).isEqualTo(1);
        assertThat(venue.state()).isEqualTo(VenueState.UP);
        assertThat(listener.venueStates()).containsExactly("UP 1 connected");

        venue.submit(order(2), now);
        assertThat(listener.events()).endsWith("ACCEPTED 2");
    }

    @Test
    void anOrderRefusedForItsTimestampIsPlacedOnceTheClockIsMeasuredAgain()
    {
        venue.connect();
        venue.start(listener, now);
        client.serverOffsetMillis = -1_500;
        client.placeFailures.add(VenueError.clock("timestamp outside recvWindow (-1021)"));

        venue.submit(order(1), now);

        assertThat(client.calls).containsSubsequence("place c1 at 0", "time", "place c1 at -1500");
        assertThat(listener.events()).containsExactly("ACCEPTED 1");
    }

    @Test
    void theClockIsMeasuredAtStartAndAgainEveryMinute()
    {
        client.serverOffsetMillis = 1_500;
        venue.connect();
        venue.start(listener, now);
        assertThat(client.clock.offsetMillis()).isEqualTo(1_500);

        client.serverOffsetMillis = -200;
        now += ClockSync.INTERVAL_MILLIS - 1;
        venue.doWork(now);
        assertThat(client.clock.offsetMillis()).isEqualTo(1_500);
        now += 1;
        venue.doWork(now);
        assertThat(client.clock.offsetMillis()).isEqualTo(-200);
    }

    @Test
    void aVenueFailingRequestsInARowGoesDownRefusesOrdersAndComesBackWhenItAnswers()
    {
        venue.connect();
        venue.start(listener, now);
        venue.submit(order(1), now);
        for (int i = 0; i < VenueHealth.FAILURES_TO_DOWN; i++)
        {
            client.findFailures.add(VenueError.ambiguous("HTTP 503"));
        }

        while (venue.state() == VenueState.UP && now < START + 60_000)
        {
            now += POLL_INTERVAL;
            venue.doWork(now);
        }
        assertThat(listener.venueStates()).containsExactly("DOWN 0 HTTP 503");
        venue.submit(order(2), now);
        assertThat(listener.events()).endsWith("REJECTED 2 venue V is unavailable, retry later");

        now += 2_000;
        venue.doWork(now);
        assertThat(venue.state()).isEqualTo(VenueState.UP);
        assertThat(listener.venueStates()).containsExactly("DOWN 0 HTTP 503", "UP 0 answering again");
    }

    @Test
    void aCancelOfAnOrderTheVenueEndedReportsTheOrdersTrueEnd()
    {
        venue.connect();
        venue.start(listener, now);
        venue.submit(order(1), now);
        client.byVenueId.put("v1", new ExchangeOrder("v1", "c1", ExchangeOrder.State.CANCELED, BigDecimal.ZERO,
            BigDecimal.ZERO, "EXPIRED_IN_MATCH", "canceled by the venue's self-trade prevention (EXPIRED_IN_MATCH)"));
        client.cancelFailures.add(new VenueError(VenueError.Kind.UNKNOWN_ORDER, "Unknown order sent. (-2011)", 0));

        venue.cancel(new VenueCancel(1, "BTC/USDT", "v1"), now);

        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "CANCELED 1 canceled by the venue's self-trade prevention (EXPIRED_IN_MATCH)");
    }

    @Test
    void aCancelOfAnOrderTheVenueFilledMeanwhileReportsTheFillAndIsRefusedAsTooLate()
    {
        venue.connect();
        venue.start(listener, now);
        venue.submit(order(1), now);
        client.byVenueId.put("v1", ScriptedClient.order("v1", ExchangeOrder.State.FILLED, "1", "100"));
        client.listsTrades = false;
        client.cancelFailures.add(new VenueError(VenueError.Kind.UNKNOWN_ORDER, "Unknown order sent. (-2011)", 0));

        venue.cancel(new VenueCancel(1, "BTC/USDT", "v1"), now);

        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "FILL 1 1@100", "CANCEL_REJECTED 1 order already filled");
    }

    @Test
    void aCancelOfAnOrderTheVenueNoLongerHasEndsItCanceled()
    {
        venue.connect();
        venue.start(listener, now);
        venue.submit(order(1), now);
        client.byVenueId.put("v1", null);
        client.cancelFailures.add(new VenueError(VenueError.Kind.UNKNOWN_ORDER, "Unknown order sent. (-2011)", 0));

        venue.cancel(new VenueCancel(1, "BTC/USDT", "v1"), now);

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "CANCELED 1 venue V no longer has the order");
    }

    @Test
    void aStatusQueryTellsAnEndTheVenueGaveWithItsReasonAndAnExpiryAsAnExpiry()
    {
        venue.connect();
        venue.start(listener, now);
        client.byClientId.put("c1", new ExchangeOrder("v1", "c1", ExchangeOrder.State.CANCELED, BigDecimal.ZERO,
            BigDecimal.ZERO, "mmp_canceled", "canceled by OKX's market maker protection (mmp_canceled)"));
        client.byClientId.put("c2", new ExchangeOrder("v2", "c2", ExchangeOrder.State.EXPIRED, BigDecimal.ZERO,
            BigDecimal.ZERO, "expired", null));

        venue.query(new io.cryptofix.venue.VenueQuery(1, 0, "BTC/USDT", null), now);
        venue.query(new io.cryptofix.venue.VenueQuery(2, 0, "BTC/USDT", null), now);

        assertThat(listener.events()).containsExactly(
            "STATUS 1 CANCELED 0@0 canceled by OKX's market maker protection (mmp_canceled)",
            "STATUS 2 EXPIRED 0@0");
    }

    private int connectAttemptsAfter(final long millis)
    {
        final long before = client.calls.stream().filter("connect"::equals).count();
        now += millis;
        venue.doWork(now);
        return (int)(client.calls.stream().filter("connect"::equals).count() - before);
    }

    private static VenueOrder order(final long orderKey)
    {
        return VenueOrder.of(orderKey, "BTC/USDT", Side.BUY, OrdType.LIMIT, Fixed.fromDecimal(1, 0), Fixed.fromDecimal(100, 0));
    }

    private long now()
    {
        return now;
    }
}
