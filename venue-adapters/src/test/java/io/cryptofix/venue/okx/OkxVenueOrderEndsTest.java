package io.cryptofix.venue.okx;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static io.cryptofix.domain.TestCatalog.fixed;
import static io.cryptofix.venue.okx.OkxTestVenues.SYMBOL;
import static io.cryptofix.venue.okx.OkxTestVenues.limit;
import static io.cryptofix.venue.okx.OkxTestVenues.now;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the gateway hears, through the REST venue's polling, of an order OKX trades or ends on its
 * own: each trade one fill with its fee, each end OKX documents with OKX's reason word for word,
 * and a state OKX never documented told once as in doubt, never taken for an end.
 */
class OkxVenueOrderEndsTest
{
    private static final String FIRST = "cfxT1o1p0";
    private static final String IN_DOUBT = "IN_DOUBT 1 in doubt: venue OKX reports status '%s', which the gateway " +
        "does not know; the order may have ended, check it at the venue";

    private final FakeOkx okx = FakeOkx.start(OkxTestVenues.KEY, OkxTestVenues.SECRET, OkxTestVenues.PASSPHRASE);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private RestVenue venue;

    @BeforeEach
    void start()
    {
        venue = OkxTestVenues.venue(okx, OkxTestVenues.client(okx, OkxTestVenues.hostClock(), false), false);
        venue.connect();
        venue.start(listener, now());
    }

    @AfterEach
    void stop()
    {
        venue.close();
        okx.close();
    }

    @Test
    void twoTradesFoundInOnePollAreTwoFillsEachWithItsOwnPriceAndFee()
    {
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        okx.fillInTrades(FIRST, "0.004@50000", "0.006@49990");

        pollUntilEvents(3);

        // a maker buy pays 0.08% of the bitcoin it receives; the order is ended by its last fill
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.004@50000 fee 0.0000032 BTC",
            "FILL 1 0.006@49990 fee 0.0000048 BTC");
    }

    @Test
    void tradesOfASellFoundOverSeveralPollsAreEachToldOnceWithTheFeeInUsdt()
    {
        venue.submit(limit(1, Side.SELL, "0.01", "70000"), now());
        okx.fillInTrades(FIRST, "0.004@70000");
        pollUntilEvents(2);
        okx.fillInTrades(FIRST, "0.006@70010");
        pollUntilEvents(3);

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.004@70000 fee 0.224 USDT",
            "FILL 1 0.006@70010 fee 0.336048 USDT");
    }

    @ParameterizedTest(name = "cancelSource {0}")
    @CsvSource(delimiter = '|', value = {
        "0|Canceled by system|canceled by OKX's system (cancelSource 0: Canceled by system)",
        "15|Price beyond the limit|canceled by OKX: price beyond its price limit (cancelSource 15: Price beyond the limit)",
        "20|Cancel all after triggered|canceled by OKX's cancel-all-after timer (cancelSource 20: Cancel all after triggered)",
        "32|Self trade prevention|canceled by OKX's self-trade prevention (cancelSource 32: Self trade prevention)",
        "34|Insufficient margin|canceled by OKX: order could not settle for want of margin " +
            "(cancelSource 34: Insufficient margin)",
        "99|A reason of a new kind|canceled by OKX (cancelSource 99: A reason of a new kind)"})
    void aPartlyFilledOrderOkxCanceledOnItsOwnIsItsFillThenCanceledWithOkxsReason(
        final String cancelSource, final String okxWords, final String reason)
    {
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        okx.fillInTrades(FIRST, "0.004@50000");
        okx.endOrder(FIRST, "canceled", cancelSource, okxWords);

        pollUntilEvents(3);

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.004@50000 fee 0.0000032 BTC",
            "CANCELED 1 " + reason);
    }

    @Test
    void marketMakerProtectionIsCanceledWithOkxsReason()
    {
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        okx.endOrder(FIRST, "mmp_canceled");

        pollUntilEvents(2);

        assertThat(listener.events()).containsExactly("ACCEPTED 1",
            "CANCELED 1 canceled by OKX's market maker protection (mmp_canceled)");
    }

    @Test
    void aFillOrKillOrderNotFilledIsCanceledByOkxOnEntryWithItsReason()
    {
        venue.submit(new VenueOrder(1, 0, SYMBOL, Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000"), 0,
            TimeInForce.FILL_OR_KILL, 0, false), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "CANCELED 1 canceled by OKX: fill-or-kill order " +
            "not filled in full (cancelSource 13: FOK order not filled in full)");
    }

    @Test
    void aStopWhoseTriggerOkxCouldNotActOnIsRejectedWithOkxsCode()
    {
        venue.submit(stop(1, "61000", 0), now());
        okx.endAlgoOrder(FIRST, "order_failed", "51008");

        pollUntilEvents(2);

        assertThat(listener.events()).containsExactly("ACCEPTED 1",
            "REJECTED 1 OKX could not place the order on its trigger (order_failed, 51008)");
    }

    @Test
    void theOrderATriggeredStopPlacedIsCanceledByOkxWithItsReason()
    {
        venue.submit(stop(1, "60500", 50_000), now());
        okx.market("60500", "60500.5");
        okx.endLastOrder("canceled", "32", "Self trade prevention");

        pollUntilEvents(2);

        assertThat(listener.events()).containsExactly("ACCEPTED 1",
            "CANCELED 1 canceled by OKX's self-trade prevention (cancelSource 32: Self trade prevention)");
    }

    @Test
    void aTriggeredStopsTradeIsAFillWithItsTakerFee()
    {
        venue.submit(stop(1, "61000", 0), now());
        okx.market("61000", "61000.2");

        pollUntilEvents(2);

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.01@61000.2 fee 0.00001 BTC");
    }

    @Test
    void aStateOkxNeverDocumentedIsToldOnceAsInDoubtAndTheOrderFollowedOnToItsEnd()
    {
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        okx.endOrder(FIRST, "frozen_by_risk_control");

        pollUntilEvents(2);
        pollForMoreLookups(5);
        assertThat(listener.events()).containsExactly("ACCEPTED 1", IN_DOUBT.formatted("frozen_by_risk_control"));

        okx.endOrder(FIRST, "canceled", "0", "Canceled by system");
        pollUntilEvents(3);
        assertThat(listener.events()).last()
            .isEqualTo("CANCELED 1 canceled by OKX's system (cancelSource 0: Canceled by system)");
    }

    @Test
    void anAlgoStateOkxNeverDocumentedIsToldOnceAsInDoubt()
    {
        venue.submit(stop(1, "61000", 0), now());
        okx.endAlgoOrder(FIRST, "suspended", "");

        pollUntilEvents(2);
        final int before = okx.requests("GET /api/v5/trade/order-algo");
        await().atMost(Duration.ofSeconds(10))
            .until(() -> venue.doWork(now()) >= 0 && okx.requests("GET /api/v5/trade/order-algo") >= before + 5);

        assertThat(listener.events()).containsExactly("ACCEPTED 1", IN_DOUBT.formatted("suspended"));
    }

    /** A buy stop (a market order on its trigger), or a stop-limit with a limit price. */
    private static VenueOrder stop(final long key, final String trigger, final long limitPrice)
    {
        return new VenueOrder(key, 0, SYMBOL, Side.BUY, limitPrice == 0 ? OrdType.STOP : OrdType.STOP_LIMIT,
            fixed("0.01"), limitPrice == 0 ? 0 : fixed(Long.toString(limitPrice)), fixed(trigger),
            TimeInForce.GOOD_TILL_CANCEL, 0, false);
    }

    private void pollUntilEvents(final int count)
    {
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(now()) >= 0 && listener.events().size() >= count);
    }

    /** Polls on until OKX has been asked about the order {@code lookups} more times. */
    private void pollForMoreLookups(final int lookups)
    {
        final int before = okx.requests("GET /api/v5/trade/order");
        await().atMost(Duration.ofSeconds(10))
            .until(() -> venue.doWork(now()) >= 0 && okx.requests("GET /api/v5/trade/order") >= before + lookups);
    }
}
