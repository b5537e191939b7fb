package io.cryptofix.venue.coinbase;

import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueError;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.cryptofix.venue.coinbase.CoinbaseTesting.limit;
import static io.cryptofix.venue.coinbase.CoinbaseTesting.now;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;
import static org.awaitility.Awaitility.await;

/**
 * Orders Coinbase ends on its own, found by the adapter's polling (RestVenue.doWork) and by a cancel
 * that comes too late, at the fake Coinbase.
 */
class CoinbaseVenueEndsTest
{
    private static final String STP_OR_REMAINDER =
        "canceled by Coinbase (done_reason canceled: an IOC or FOK remainder, self-trade prevention or a cancel)";
    private static final String HELD = "in doubt: venue COINBASE reports status 'held', which the gateway does not " +
        "know; the order may have ended, check it at the venue";

    private final FakeCoinbase coinbase = FakeCoinbase.start(CoinbaseTesting.KEY, CoinbaseTesting.SECRET,
        CoinbaseTesting.PASSPHRASE);
    private final CoinbaseClient client = CoinbaseTesting.client(coinbase, false, CoinbaseTesting.hostClock());
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private final RestVenue venue = CoinbaseTesting.venue(coinbase, client);
    private long pollRounds;

    @AfterEach
    void stop()
    {
        venue.close();
        coinbase.close();
    }

    @Test
    void anOrderCoinbaseCancelsOnItsOwnIsReportedCanceledWithCoinbasesWord() throws Exception
    {
        final String clientOid = resting(1);

        coinbase.endOrder(clientOid, "canceled");
        final ExchangeOrder found = client.find("BTC/USD", null, clientOid);
        pollUntilEvents(2);

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "CANCELED 1 " + STP_OR_REMAINDER);
        assertThat(found.state()).isEqualTo(ExchangeOrder.State.CANCELED);
        assertThat(found.venueStatus()).isEqualTo("done/canceled");
        assertThat(found.reason()).isEqualTo(STP_OR_REMAINDER);
    }

    @Test
    void anOrderCoinbaseRejectsAfterTakingItIsReportedRejectedWithItsRejectReason() throws Exception
    {
        final String clientOid = resting(1);

        coinbase.rejectOrder(clientOid, "post only");
        final ExchangeOrder found = client.find("BTC/USD", null, clientOid);
        pollUntilEvents(2);

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "REJECTED 1 rejected by Coinbase: post only");
        assertThat(found.state()).isEqualTo(ExchangeOrder.State.REJECTED);
        assertThat(found.reason()).isEqualTo("rejected by Coinbase: post only");
    }

    @Test
    void aGoodTillTimeOrderEndedAtItsExpireTimeIsReportedExpired() throws Exception
    {
        final String clientOid = resting(1);

        coinbase.expireOrder(clientOid);
        final ExchangeOrder found = client.find("BTC/USD", null, clientOid);
        pollUntilEvents(2);

        assertThat(found.state()).isEqualTo(ExchangeOrder.State.EXPIRED);
        assertThat(found.reason()).matches("expired by Coinbase at its expire_time \\S+Z \\(GTT\\)");
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "EXPIRED 1 " + found.reason());
    }

    @Test
    void anOrderFilledInFullIsReportedFilledAndEndsThere() throws Exception
    {
        final String clientOid = resting(1);

        coinbase.fillInTrades(clientOid, "0.01@50000");
        pollUntilEvents(2);

        // the quantity filled is the quantity placed: the fill ends the order, no status is added
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.01@50000 fee 2 USD");
        assertThat(client.find("BTC/USD", null, clientOid).state()).isEqualTo(ExchangeOrder.State.FILLED);
    }

    @Test
    void anOrderCoinbaseEndsWithPartOfItUnfilledIsReportedCanceledWithWhatWasLeft() throws Exception
    {
        final String clientOid = resting(1);

        coinbase.fillInTrades(clientOid, "0.004@50000");
        coinbase.endOrder(clientOid, "filled");
        pollUntilEvents(3);

        assertThat(client.find("BTC/USD", null, clientOid).venueStatus()).isEqualTo("done/filled");
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.004@50000 fee 0.8 USD",
            "CANCELED 1 ended by Coinbase with 0.006 unfilled (done_reason filled, the rest of a market order)");
    }

    @Test
    void anOrderDoneAsRejectedWithoutAReasonIsReportedRejectedByCoinbase() throws Exception
    {
        final String clientOid = resting(1);

        coinbase.endOrder(clientOid, "rejected");
        pollUntilEvents(2);

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "REJECTED 1 rejected by Coinbase");
    }

    @Test
    void aStatusWordCoinbaseNeverDocumentedPutsTheOrderInDoubtOnceAndPollingCarriesOnToItsEnd() throws Exception
    {
        final String clientOid = resting(1);

        coinbase.statusWord(clientOid, "held");
        final ExchangeOrder found = client.find("BTC/USD", null, clientOid);
        pollUntilEvents(2);
        final int lookups = coinbase.requests("GET /orders/{id}");
        venue.doWork(later());
        venue.doWork(later());
        venue.doWork(later());
        assertThat(coinbase.requests("GET /orders/{id}")).as("still polled").isGreaterThanOrEqualTo(lookups + 3);
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "IN_DOUBT 1 " + HELD);

        coinbase.endOrder(clientOid, "canceled");
        pollUntilEvents(3);

        assertThat(found.state()).isEqualTo(ExchangeOrder.State.UNKNOWN);
        assertThat(found.venueStatus()).isEqualTo("held");
        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "IN_DOUBT 1 " + HELD, "CANCELED 1 " + STP_OR_REMAINDER);
    }

    @Test
    void aCancelOfAnOrderCoinbaseHasFilledReportsTheFillThenRefusesTheCancelAsTooLate()
    {
        final String clientOid = resting(1);
        coinbase.fillInTrades(clientOid, "0.01@50000");

        venue.cancel(new VenueCancel(1, "BTC/USD", null), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.01@50000 fee 2 USD",
            "CANCEL_REJECTED 1 order already filled");
        assertThat(coinbase.requests("DELETE /orders/{id}")).isEqualTo(1);
    }

    @Test
    void aCancelOfAnOrderCoinbaseHasCanceledAndPurgedReportsItGoneNotACancelReject()
    {
        final String clientOid = resting(1);
        coinbase.endOrder(clientOid, "canceled");
        coinbase.purge(clientOid);

        venue.cancel(new VenueCancel(1, "BTC/USD", null), now());

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "CANCELED 1 venue COINBASE no longer has the order");
    }

    @Test
    void aCancelOfAnOrderCoinbaseHasEndedReportsItsTrueEndNotACancelReject() throws Exception
    {
        final String clientOid = resting(1);
        coinbase.tradeLast("0.004", "50000");
        coinbase.endOrder(clientOid, "canceled");

        final Exception tooLate = catchException(() -> client.cancel("BTC/USD", null, clientOid));
        venue.cancel(new VenueCancel(1, "BTC/USD", null), now());

        assertThat(client.classify(tooLate)).isEqualTo(
            new VenueError(VenueError.Kind.UNKNOWN_ORDER, "Order already done (HTTP 400)", 0));
        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "FILL 1 0.004@50000 fee 0.8 USD", "CANCELED 1 " + STP_OR_REMAINDER);
    }

    @Test
    void aCanceledOrderCoinbaseHasPurgedIsNotFoundAndItsCancelSaysUnknownOrder() throws Exception
    {
        final String clientOid = resting(1);
        coinbase.endOrder(clientOid, "canceled");
        coinbase.purge(clientOid);

        final Exception gone = catchException(() -> client.cancel("BTC/USD", null, clientOid));

        assertThat(client.classify(gone).kind()).isEqualTo(VenueError.Kind.UNKNOWN_ORDER);
        assertThat(client.classify(gone).reason()).isEqualTo("NotFound (HTTP 404)");
        assertThat(client.find("BTC/USD", null, clientOid)).isNull();
    }

    private String resting(final long key)
    {
        venue.connect();
        venue.start(listener, now());
        venue.submit(limit(key, Side.BUY, "0.01", "50000"), now());
        assertThat(listener.events()).containsExactly("ACCEPTED " + key);
        return coinbase.lastClientOid();
    }

    private void pollUntilEvents(final int count)
    {
        await().atMost(Duration.ofSeconds(10)).until(() -> venue.doWork(later()) >= 0 &&
            listener.events().size() >= count);
    }

    /** A time past the next poll's, each call later than the one before. */
    private long later()
    {
        pollRounds++;
        return now() + pollRounds * 60_000L;
    }
}
