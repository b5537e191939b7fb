package io.cryptofix.venue.kraken;

import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueUnavailableException;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The Kraken venue as the gateway drives it (RestVenue over the real client and the fake Kraken,
 * over HTTP): a start during an outage or maintenance that recovers on its own, and Kraken's clock
 * away from the host's, at start or stepping back later, without a request refused for its nonce.
 */
class KrakenVenueBehaviourTest
{
    private static final String KEY = "kraken-test-key";
    private static final String SECRET = Base64.getEncoder().encodeToString(
        "kraken-test-secret-of-some-length".getBytes(StandardCharsets.US_ASCII));
    private static final String USER_CANCEL = "canceled at Kraken on request (User requested)";

    private final FakeKraken kraken = FakeKraken.start(KEY, SECRET);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private final RestVenue venue = new RestVenue("KRAKEN", new ExchangeVenueConfig(kraken.baseUrl(), "UNUSED_KEY",
        "UNUSED_SECRET", "UNUSED_PASSPHRASE", null, 50, 10, 50, List.of("BTC/USD")),
        new KrakenClient(kraken.baseUrl(), KEY, SECRET, System.currentTimeMillis()), System::currentTimeMillis,
        VenueMetrics.NONE);

    @AfterEach
    void stop()
    {
        venue.close();
        kraken.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EService:Unavailable", "HTTP 503"})
    void aVenueThatCannotStartRefusesOrdersAsStartingAndConnectsOnItsOwnOnceKrakenAnswers(final String outage)
    {
        outage(outage, 1_000);
        final Throwable failure = catchThrowable(venue::connect);
        assertThat(failure).isInstanceOf(VenueUnavailableException.class)
            .hasMessage("venue KRAKEN (Kraken at " + kraken.baseUrl() + ") cannot be used: Kraken answered " + outage);
        venue.start(listener, now());

        venue.submit(limit(1), now());
        assertThat(listener.events()).as("Kraken's words and URL are for the log")
            .containsExactly("REJECTED 1 venue KRAKEN is starting, retry later");
        // the first retry, a second after the start, still finds Kraken away: the venue stays starting
        final int timeReads = kraken.requests("/0/public/Time");
        await().atMost(Duration.ofSeconds(5))
            .until(() -> venue.doWork(now()) >= 0 && kraken.requests("/0/public/Time") > timeReads);
        assertThat(listener.venueStates()).isEmpty();
        outage(outage, 0);

        await().atMost(Duration.ofSeconds(10))
            .until(() -> venue.doWork(now()) >= 0 && !listener.venueStates().isEmpty());
        assertThat(listener.venueStates()).containsExactly("UP 1 connected");
        venue.submit(limit(2), now());
        assertThat(listener.events()).last().isEqualTo("ACCEPTED 2");
        assertThat(kraken.requests("/0/private/AddOrder")).isEqualTo(1);
    }

    @ParameterizedTest(name = "Kraken's clock {0} ms from the host's")
    @ValueSource(longs = {-1_500, 1_500, -60_000, 60_000})
    void withKrakensClockAwayFromTheHostsTheVenueConnectsPlacesAndCancelsOnKrakensTime(final long offset)
    {
        kraken.clockOffset(offset);
        venue.connect();
        venue.start(listener, now());

        final long before = now();
        venue.submit(limit(1), now());
        final long after = now();
        venue.cancel(new VenueCancel(1, "BTC/USD", null), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "CANCELED 1 " + USER_CANCEL);
        assertThat(kraken.refusals("EAPI:Invalid nonce")).isZero();
        // the nonce is Kraken's time as measured at connect: to the half second (Kraken tells whole
        // seconds), and half the round trip
        assertThat(Long.parseLong(kraken.lastAddOrder().get("nonce")))
            .isBetween(before + offset - 1_000, after + offset + 1_000);
    }

    @Test
    void afterKrakensClockStepsBackANonceRefusalMeasuresItAgainAndEveryNextCallStillSucceeds()
    {
        venue.connect();
        venue.start(listener, now());
        venue.submit(limit(1), now());
        final long firstNonce = Long.parseLong(kraken.lastAddOrder().get("nonce"));
        final int timeReads = kraken.requests("/0/public/Time");

        // Kraken's clock goes a minute back, and it refuses the next call's nonce (another program on the key)
        kraken.clockOffset(-60_000);
        kraken.failNext("EAPI:Invalid nonce");
        venue.submit(limit(2), now());

        // measured again and sent once more, above every nonce sent before although the clock went back
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "ACCEPTED 2");
        assertThat(kraken.requests("/0/public/Time")).isEqualTo(timeReads + 1);
        assertThat(kraken.requests("/0/private/AddOrder")).isEqualTo(3);
        assertThat(kraken.ordersWithUserref(kraken.lastUserref())).isEqualTo(1);
        assertThat(Long.parseLong(kraken.lastAddOrder().get("nonce"))).isGreaterThan(firstNonce);

        kraken.trade(kraken.lastUserref(), "0.004", "50000");
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() == 3);
        venue.cancel(new VenueCancel(1, "BTC/USD", null), now());
        venue.cancel(new VenueCancel(2, "BTC/USD", null), now());
        venue.submit(limit(3), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "ACCEPTED 2", "FILL 2 0.004@50000 fee 0.32 USD",
            "CANCELED 1 " + USER_CANCEL, "CANCELED 2 " + USER_CANCEL, "ACCEPTED 3");
        assertThat(kraken.refusals("EAPI:Invalid nonce")).isZero();
        assertThat(listener.venueStates()).isEmpty();
    }

    /** Kraken in maintenance ({@code EService:...}) or behind HTTP errors for the next {@code requests}. */
    private void outage(final String outage, final int requests)
    {
        if (outage.startsWith("HTTP "))
        {
            kraken.serverErrors(requests, Integer.parseInt(outage.substring(5)));
        }
        else
        {
            kraken.serviceErrors(requests, outage);
        }
    }

    private static VenueOrder limit(final long key)
    {
        return VenueOrder.of(key, "BTC/USD", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000"));
    }

    private static long now()
    {
        return System.currentTimeMillis();
    }
}
