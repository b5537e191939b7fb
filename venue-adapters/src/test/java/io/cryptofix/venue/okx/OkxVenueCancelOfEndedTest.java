package io.cryptofix.venue.okx;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.cryptofix.domain.TestCatalog.fixed;
import static io.cryptofix.venue.okx.OkxTestVenues.SYMBOL;
import static io.cryptofix.venue.okx.OkxTestVenues.limit;
import static io.cryptofix.venue.okx.OkxTestVenues.now;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cancel of an order OKX has already ended, before polling found it: OKX refuses it (51400), and
 * the gateway hears the order's true end, its fills and OKX's reason, never a refused cancel.
 */
class OkxVenueCancelOfEndedTest
{
    private static final String FIRST = "cfxT1o1p0";

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
    void aCancelOfAnOrderFilledMeanwhileIsItsFillsWithTheirFees()
    {
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        okx.fillInTrades(FIRST, "0.004@50000", "0.006@49990");

        venue.cancel(new VenueCancel(1, SYMBOL, null), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.004@50000 fee 0.0000032 BTC",
            "FILL 1 0.006@49990 fee 0.0000048 BTC", "CANCEL_REJECTED 1 order already filled");
        assertThat(okx.requests("POST /api/v5/trade/cancel-order")).isEqualTo(1);
    }

    @Test
    void aCancelOfAnOrderOkxCanceledAfterAFillIsTheFillThenOkxsReason()
    {
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        okx.fillInTrades(FIRST, "0.004@50000");
        okx.endOrder(FIRST, "canceled", "20", "Cancel all after triggered");

        venue.cancel(new VenueCancel(1, SYMBOL, null), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.004@50000 fee 0.0000032 BTC",
            "CANCELED 1 canceled by OKX's cancel-all-after timer (cancelSource 20: Cancel all after triggered)");
    }

    @Test
    void aCancelOfAnOrderEndedByMarketMakerProtectionIsCanceledWithThatReason()
    {
        venue.submit(limit(1, Side.SELL, "0.01", "70000"), now());
        okx.endOrder(FIRST, "mmp_canceled");

        venue.cancel(new VenueCancel(1, SYMBOL, null), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1",
            "CANCELED 1 canceled by OKX's market maker protection (mmp_canceled)");
    }

    @Test
    void aCancelOfAStopWhoseTriggerOkxCouldNotActOnIsItsRejection()
    {
        venue.submit(stop("61000", 0), now());
        okx.endAlgoOrder(FIRST, "order_failed", "51008");

        venue.cancel(new VenueCancel(1, SYMBOL, null), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1",
            "REJECTED 1 OKX could not place the order on its trigger (order_failed, 51008)");
        assertThat(okx.requests("POST /api/v5/trade/cancel-algos")).isEqualTo(1);
    }

    @Test
    void aCancelOfATriggeredStopWhoseOrderFilledIsItsFill()
    {
        venue.submit(stop("61000", 0), now());
        okx.market("61000", "61000.2");

        venue.cancel(new VenueCancel(1, SYMBOL, null), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.01@61000.2 fee 0.00001 BTC",
            "CANCEL_REJECTED 1 order already filled");
    }

    @Test
    void aCancelOfATriggeredStopWhoseOrderOkxCanceledIsOkxsReason()
    {
        venue.submit(stop("60500", 50_000), now());
        okx.market("60500", "60500.5");
        okx.endLastOrder("canceled", "32", "Self trade prevention");

        venue.cancel(new VenueCancel(1, SYMBOL, null), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1",
            "CANCELED 1 canceled by OKX's self-trade prevention (cancelSource 32: Self trade prevention)");
    }

    private static VenueOrder stop(final String trigger, final long limitPrice)
    {
        return new VenueOrder(1, 0, SYMBOL, Side.BUY, limitPrice == 0 ? OrdType.STOP : OrdType.STOP_LIMIT,
            fixed("0.01"), limitPrice == 0 ? 0 : fixed(Long.toString(limitPrice)), fixed(trigger),
            TimeInForce.GOOD_TILL_CANCEL, 0, false);
    }
}
