package io.cryptofix.venue.kraken;

import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the gateway hears of a Kraken order through the venue's polling (RestVenue over the real
 * client and the fake Kraken, over HTTP): each trade as one fill with its fee, a status Kraken does
 * not document as one in-doubt notice, and a cancel of an order Kraken has already ended as that end.
 */
class KrakenVenueFillsAndEndsTest
{
    private static final String KEY = "kraken-test-key";
    private static final String SECRET = Base64.getEncoder().encodeToString(
        "kraken-test-secret-of-some-length".getBytes(StandardCharsets.US_ASCII));
    private static final String IN_DOUBT = "IN_DOUBT 1 in doubt: venue KRAKEN reports status 'suspended', which the " +
        "gateway does not know; the order may have ended, check it at the venue";

    private final FakeKraken kraken = FakeKraken.start(KEY, SECRET);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private final RestVenue venue = new RestVenue("KRAKEN", new ExchangeVenueConfig(kraken.baseUrl(), "UNUSED_KEY",
        "UNUSED_SECRET", "UNUSED_PASSPHRASE", null, 50, 10, 50, List.of("BTC/USD")),
        new KrakenClient(kraken.baseUrl(), KEY, SECRET, System.currentTimeMillis()), System::currentTimeMillis,
        VenueMetrics.NONE);

    @BeforeEach
    void connect()
    {
        venue.connect();
        venue.start(listener, now());
    }

    @AfterEach
    void stop()
    {
        venue.close();
        kraken.close();
    }

    @Test
    void twoTradesBetweenTwoPollsAreTwoFillsEachWithItsPriceAndFee()
    {
        venue.submit(limit(1, "50010"), now());

        kraken.fillInTrades(kraken.lastUserref(), "0.004@50000", "0.006@50010");
        awaitEvents(3);

        // maker fee 0.16 % of each trade's cost; filled as placed, so no status beside the fills
        assertThat(listener.events()).containsExactly("ACCEPTED 1",
            "FILL 1 0.004@50000 fee 0.32 USD", "FILL 1 0.006@50010 fee 0.4801 USD");
    }

    @Test
    void tradesAlreadyToldAreNeverToldAgainAndTheLastOnesFinishTheOrder()
    {
        venue.submit(limit(1, "50010"), now());
        kraken.fillInTrades(kraken.lastUserref(), "0.002@50010", "0.003@50000");
        awaitEvents(3);
        awaitPolls(3);
        assertThat(listener.events()).hasSize(3);

        kraken.trade(kraken.lastUserref(), "0.005", "50010");
        awaitEvents(4);

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.002@50010 fee 0.16 USD",
            "FILL 1 0.003@50000 fee 0.24 USD", "FILL 1 0.005@50010 fee 0.4001 USD");
    }

    @Test
    void aStatusKrakenDoesNotDocumentIsOneInDoubtNoticeAndTheOrderIsFollowedOnToItsEnd()
    {
        venue.submit(limit(1, "50000"), now());
        kraken.trade(kraken.lastUserref(), "0.004", "50000");
        kraken.endOrder(kraken.lastUserref(), "suspended", null);
        awaitEvents(3);
        awaitPolls(3);

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.004@50000 fee 0.32 USD", IN_DOUBT);

        kraken.endOrder(kraken.lastUserref(), "canceled", "Cannot trade with self");
        awaitEvents(4);
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.004@50000 fee 0.32 USD", IN_DOUBT,
            "CANCELED 1 canceled by Kraken's self-trade prevention (Cannot trade with self)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "filled        | FILL 1 0.01@50000 fee 0.8 USD; CANCEL_REJECTED 1 order already filled",
        "self-trade    | CANCELED 1 canceled by Kraken's self-trade prevention (Cannot trade with self)",
        "funds         | CANCELED 1 canceled by Kraken for insufficient funds (Insufficient funds)",
        "closed        | FILL 1 0.004@50000 fee 0.32 USD; CANCELED 1 closed by Kraken with 0.004 of 0.01 executed",
        "expired       | EXPIRED 1 expired by Kraken at the order's expire time (expired)",
        "gone          | CANCELED 1 venue KRAKEN no longer has the order",
        "not-yet-polled | FILL 1 0.004@50000 fee 0.32 USD; CANCELED 1 canceled at Kraken on request (User requested)"})
    void aCancelOfAnOrderKrakenHasAlreadyEndedTellsItsTrueEndAndIsRefusedOnlyWhenFilled(final String end, final String events)
    {
        venue.submit(limit(1, "50000"), now());
        final String userref = kraken.lastUserref();
        switch (end)
        {
            case "filled" -> kraken.trade(userref, "0.01", "50000");
            case "self-trade" -> kraken.endOrder(userref, "canceled", "Cannot trade with self");
            case "funds" -> kraken.endOrder(userref, "canceled", "Insufficient funds");
            case "closed" ->
            {
                kraken.trade(userref, "0.004", "50000");
                kraken.endOrder(userref, "closed", null);
            }
            case "expired" -> kraken.endOrder(userref, "expired", null);
            case "gone" -> kraken.forgetOrder(userref);
            // still open at Kraken, a trade the venue has not polled yet: the cancel goes through, and tells the trade
            default -> kraken.trade(userref, "0.004", "50000");
        }

        venue.cancel(new VenueCancel(1, "BTC/USD", null), now());

        final String[] expected = ("ACCEPTED 1; " + events).split("; ");
        assertThat(listener.events()).containsExactly(expected);
    }

    private void awaitEvents(final int count)
    {
        await().atMost(Duration.ofSeconds(10))
            .until(() -> venue.doWork(now()) >= 0 && listener.events().size() >= count);
    }

    /** Lets the venue poll its working orders {@code rounds} more times. */
    private void awaitPolls(final int rounds)
    {
        final int before = kraken.requests("/0/private/QueryOrders");
        await().atMost(Duration.ofSeconds(10))
            .until(() -> venue.doWork(now()) >= 0 && kraken.requests("/0/private/QueryOrders") >= before + rounds);
    }

    private static VenueOrder limit(final long key, final String price)
    {
        return VenueOrder.of(key, "BTC/USD", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed(price));
    }

    private static long now()
    {
        return System.currentTimeMillis();
    }
}
