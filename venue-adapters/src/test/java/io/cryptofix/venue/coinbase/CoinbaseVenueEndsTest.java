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

        assertThat(listener.events()).hasSize(2).last().asString().startsWith("CANCELED 1 ");
        assertThat(found.state()).isEqualTo(ExchangeOrder.State.CANCELED);
        assertThat(found.venueStatus()).isEqualTo("done/canceled");
        assertThat(found.reason()).isEqualTo(
            "canceled by Coinbase (done_reason canceled: an IOC or FOK remainder, self-trade prevention or a cancel)");
    }

    @Test
    void anOrderCoinbaseRejectsAfterTakingItIsReportedRejectedWithItsRejectReason() throws Exception
    {
        final String clientOid = resting(1);

        coinbase.rejectOrder(clientOid, "post only");
        final ExchangeOrder found = client.find("BTC/USD", null, clientOid);
        pollUntilEvents(2);

        assertThat(listener.events()).hasSize(2).last().asString().startsWith("REJECTED 1 ");
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

        assertThat(listener.events()).hasSize(2).last().asString().startsWith("EXPIRED 1");
        assertThat(found.state()).isEqualTo(ExchangeOrder.State.EXPIRED);
        assertThat(found.reason()).startsWith("expired by Coinbase at its expire_time ").endsWith(" (GTT)");
    }

    @Test
    void anOrderFilledInFullIsReportedFilledAndEndsThere() throws Exception
    {
        final String clientOid = resting(1);

        coinbase.fillInTrades(clientOid, "0.01@50000");
        pollUntilEvents(2);

        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.01@50000");
        assertThat(client.find("BTC/USD", null, clientOid).state()).isEqualTo(ExchangeOrder.State.FILLED);
    }

    @Test
    void aStatusWordCoinbaseNeverDocumentedIsUnknownWithTheWordAndPollingCarriesOn() throws Exception
    {
        final String clientOid = resting(1);

        coinbase.statusWord(clientOid, "held");
        final ExchangeOrder found = client.find("BTC/USD", null, clientOid);
        venue.doWork(later());

        assertThat(found.state()).isEqualTo(ExchangeOrder.State.UNKNOWN);
        assertThat(found.venueStatus()).isEqualTo("held");
        assertThat(listener.events()).containsExactly("ACCEPTED 1");
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
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.004@50000", "CANCELED 1 canceled by the venue");
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
