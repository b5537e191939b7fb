package io.cryptofix.venue.kraken;

import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueClock;
import io.cryptofix.venue.rest.VenueError;
import io.cryptofix.venue.rest.VenueUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kraken's time and nonce, and the venue at start: the server time from {@code /0/public/Time},
 * nonces from the venue clock that keep growing when a measurement moves the clock back, Kraken's
 * nonce refusal as a clock error, and an outage or maintenance at start named in Kraken's words.
 */
class KrakenClockAndStartTest
{
    private static final String KEY = "kraken-test-key";
    private static final String SECRET = Base64.getEncoder().encodeToString(
        "kraken-test-secret-of-some-length".getBytes(StandardCharsets.US_ASCII));
    private static final ExchangeVenueConfig CONFIG = new ExchangeVenueConfig("http://unused", "UNUSED_KEY",
        "UNUSED_SECRET", "UNUSED_PASSPHRASE", null, 50, 10, 50, List.of("BTC/USD"));

    private final FakeKraken kraken = FakeKraken.start(KEY, SECRET);

    @AfterEach
    void stop()
    {
        kraken.close();
    }

    @Test
    void theServerTimeIsKrakensClock() throws Exception
    {
        kraken.clockOffset(-60_000);
        final KrakenClient client = client();

        final long before = System.currentTimeMillis();
        final long server = client.serverTimeMillis();

        // Kraken tells whole seconds: the middle of the second it names
        assertThat(server).isBetween(before - 60_500, System.currentTimeMillis() - 59_500);
        assertThat(server % 1000).isEqualTo(500);
    }

    @Test
    void aMeasurementThatMovesTheClockBackKeepsTheNonceGrowing() throws Exception
    {
        kraken.clockOffset(-1500);
        final VenueClock clock = new VenueClock(System::currentTimeMillis);
        final KrakenClient client = client();
        client.configure(CONFIG, clock);
        client.connect("KRAKEN", List.of("BTC/USD"));
        final long lastNonce = Long.parseLong(placeAndReadNonce(client, 1));

        final long sent = System.currentTimeMillis();
        final long server = client.serverTimeMillis();
        clock.measured(sent, server, System.currentTimeMillis());
        assertThat(clock.offsetMillis()).isLessThanOrEqualTo(-500);
        // the venue clock is now behind the nonces already sent: each nonce still goes above the last
        assertThat(clock.millis()).isLessThan(lastNonce);
        final String nextNonce = placeAndReadNonce(client, 2);

        assertThat(Long.parseLong(nextNonce)).isGreaterThan(lastNonce);
        assertThat(client.find("BTC/USD", null, client.clientOrderId(2, 0)).state()).isEqualTo(ExchangeOrder.State.OPEN);
        assertThat(kraken.refusals("EAPI:Invalid nonce")).isZero();
    }

    @Test
    void aNonceBelowOneKrakenHasSeenIsRefusedAndClassifiedAsAClockError() throws Exception
    {
        // a second client on the same key whose clock is a minute behind: Kraken refuses its nonces
        final VenueClock behind = new VenueClock(() -> System.currentTimeMillis() - 60_000);
        final KrakenClient late = client();
        late.configure(CONFIG, behind);
        late.connect("KRAKEN", List.of("BTC/USD"));
        client().connect("KRAKEN", List.of("BTC/USD"));

        assertThatThrownBy(late::balances).satisfies(e -> {
            final VenueError error = late.classify((Exception)e);
            assertThat(error.kind()).isEqualTo(VenueError.Kind.CLOCK);
            assertThat(error.reason()).contains("EAPI:Invalid nonce");
        });
        assertThat(kraken.refusals("EAPI:Invalid nonce")).isEqualTo(1);
    }

    @Test
    void anOutageAtStartNamesKrakensAnswerAndTheVenueConnectsOnceItEnds()
    {
        kraken.serverErrors(2, 503);
        final KrakenClient client = client();

        assertThatThrownBy(() -> client.connect("KRAKEN", List.of("BTC/USD")))
            .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("Kraken answered HTTP 503");
        assertThatThrownBy(() -> client.connect("KRAKEN", List.of("BTC/USD")))
            .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("Kraken answered HTTP 503");

        assertThat(client.connect("KRAKEN", List.of("BTC/USD"))).hasSize(1);
    }

    @Test
    void maintenanceAtStartNamesKrakensServiceErrorThroughTheRestVenue()
    {
        // the first request of a start reads Kraken's time, the second is the start's own
        kraken.serviceErrors(2, "EService:Unavailable");
        final RestVenue venue = new RestVenue("KRAKEN", CONFIG, client(), System::currentTimeMillis, VenueMetrics.NONE);

        assertThatThrownBy(venue::connect)
            .isInstanceOf(VenueUnavailableException.class).hasMessageContaining("Kraken answered EService:Unavailable");
        assertThat(kraken.requests("/0/public/Time")).isEqualTo(1);

        assertThat(venue.connect()).hasSize(1);
        assertThat(kraken.requests("/0/public/Time")).isEqualTo(2);
    }

    @Test
    void busyOrUnavailableWhileTradingIsAmbiguous() throws Exception
    {
        final KrakenClient client = client();
        client.connect("KRAKEN", List.of("BTC/USD"));
        kraken.serviceErrors(2, "EService:Busy");

        assertThatThrownBy(client::balances).satisfies(e ->
            assertThat(client.classify((Exception)e)).isEqualTo(VenueError.ambiguous("EService:Busy")));
        assertThatThrownBy(client::openOrders).satisfies(e ->
            assertThat(client.classify((Exception)e)).isEqualTo(VenueError.ambiguous("EService:Busy")));
        kraken.serverErrorNext(502);
        assertThatThrownBy(client::balances).satisfies(e ->
            assertThat(client.classify((Exception)e)).isEqualTo(VenueError.ambiguous("HTTP 502 from Kraken")));
    }

    private KrakenClient client()
    {
        return new KrakenClient(kraken.baseUrl(), KEY, SECRET, System.currentTimeMillis());
    }

    private String placeAndReadNonce(final KrakenClient client, final long key) throws Exception
    {
        client.place(VenueOrder.of(key, "BTC/USD", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000")),
            client.clientOrderId(key, 0));
        return kraken.lastAddOrder().get("nonce");
    }
}
