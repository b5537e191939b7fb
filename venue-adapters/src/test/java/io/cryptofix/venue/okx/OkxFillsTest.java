package io.cryptofix.venue.okx;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueTrade;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;
import static io.cryptofix.venue.okx.OkxTestVenues.SYMBOL;
import static io.cryptofix.venue.okx.OkxTestVenues.client;
import static io.cryptofix.venue.okx.OkxTestVenues.hostClock;
import static io.cryptofix.venue.okx.OkxTestVenues.limit;
import static io.cryptofix.venue.okx.OkxTestVenues.now;
import static io.cryptofix.venue.okx.OkxTestVenues.venue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order's trades from OKX's fills, one each with its price and fee: OKX writes a fee charged as a
 * negative amount, in the currency the order receives; the gateway's commission is positive.
 */
class OkxFillsTest
{
    private final FakeOkx okx = FakeOkx.start(OkxTestVenues.KEY, OkxTestVenues.SECRET, OkxTestVenues.PASSPHRASE);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private OkxClient client;
    private RestVenue venue;

    @BeforeEach
    void start()
    {
        client = client(okx, hostClock(), false);
        venue = venue(okx, client, false);
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
    void anOrderFilledInTwoTradesHasTwoTradesOldestFirstWithTheirFeesAsCommissions() throws Exception
    {
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        okx.fillInTrades("cfxT1o1p0", "0.004@50000", "0.006@49990");

        final List<VenueTrade> trades = client.trades(SYMBOL, client.find(SYMBOL, null, "cfxT1o1p0"));

        // a maker buy pays 0.08% of the bitcoin it receives
        assertThat(trades).extracting(VenueTrade::qty, VenueTrade::price, VenueTrade::commission, VenueTrade::commissionAsset)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("0.004"), new BigDecimal("50000"),
                    new BigDecimal("0.0000032"), "BTC"),
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("0.006"), new BigDecimal("49990"),
                    new BigDecimal("0.0000048"), "BTC"));
        assertThat(trades).extracting(VenueTrade::tradeId).doesNotHaveDuplicates().doesNotContain("");
    }

    @Test
    void aSellPaysItsFeeInTheQuoteCurrency() throws Exception
    {
        venue.submit(limit(1, Side.SELL, "0.01", "70000"), now());
        okx.fillInTrades("cfxT1o1p0", "0.01@70000");

        final List<VenueTrade> trades = client.trades(SYMBOL, client.find(SYMBOL, null, "cfxT1o1p0"));

        assertThat(trades).extracting(VenueTrade::commission, VenueTrade::commissionAsset)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(new BigDecimal("0.56"), "USDT"));
    }

    @Test
    void anOrderOfMoreTradesThanOkxAnswersInOnePageHasThemAllOldestFirst() throws Exception
    {
        venue.submit(limit(1, Side.BUY, "1.01", "50000"), now());
        final String[] trades = new String[101];
        for (int i = 0; i < trades.length; i++)
        {
            trades[i] = "0.01@" + (50000 - i);
        }
        okx.fillInTrades("cfxT1o1p0", trades);

        final List<VenueTrade> found = client.trades(SYMBOL, client.find(SYMBOL, null, "cfxT1o1p0"));

        assertThat(found).hasSize(101);
        assertThat(found.get(0).price()).isEqualByComparingTo("50000");
        assertThat(found.get(100).price()).isEqualByComparingTo("49900");
        assertThat(found).extracting(VenueTrade::tradeId).doesNotHaveDuplicates();
    }

    @Test
    void anOrderNotYetTradedHasNoTrades() throws Exception
    {
        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

        assertThat(client.trades(SYMBOL, client.find(SYMBOL, null, "cfxT1o1p0"))).isEmpty();
    }

    @Test
    void aTriggeredStopsTradesAreThoseOfTheOrderItPlaced() throws Exception
    {
        venue.submit(new VenueOrder(1, 0, SYMBOL, Side.BUY, OrdType.STOP, fixed("0.01"), 0, fixed("61000"),
            TimeInForce.GOOD_TILL_CANCEL, 0, false), now());
        okx.market("61000", "61000.2");

        final ExchangeOrder stop = client.find(SYMBOL, null, "cfxT1o1p0");
        final List<VenueTrade> trades = client.trades(SYMBOL, stop);

        assertThat(stop.state()).isEqualTo(ExchangeOrder.State.FILLED);
        // a taker buy pays 0.1% of the bitcoin it receives
        assertThat(trades).extracting(VenueTrade::qty, VenueTrade::price, VenueTrade::commission)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(new BigDecimal("0.01"), new BigDecimal("61000.2"),
                new BigDecimal("0.00001")));
    }
}
