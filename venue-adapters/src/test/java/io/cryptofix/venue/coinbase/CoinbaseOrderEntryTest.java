package io.cryptofix.venue.coinbase;

import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueTrade;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.knowm.xchange.coinbasepro.service.CoinbaseProDigest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.cryptofix.venue.coinbase.CoinbaseTesting.limit;
import static io.cryptofix.venue.coinbase.CoinbaseTesting.market;
import static io.cryptofix.venue.coinbase.CoinbaseTesting.now;
import static org.assertj.core.api.Assertions.assertThat;

/** What the adapter sends Coinbase for an order, and the trades it reads back. */
class CoinbaseOrderEntryTest
{
    private final FakeCoinbase coinbase = FakeCoinbase.start(CoinbaseTesting.KEY, CoinbaseTesting.SECRET,
        CoinbaseTesting.PASSPHRASE);
    private final RecordingVenueListener listener = new RecordingVenueListener();

    @AfterEach
    void stop()
    {
        coinbase.close();
    }

    @Test
    void aMarketBuyAndAMarketSellAreSizedInTheBaseCurrency()
    {
        final RestVenue venue = started(CoinbaseTesting.client(coinbase, false, CoinbaseTesting.hostClock()));

        venue.submit(market(1, Side.BUY, "0.01"), now());
        final var buy = coinbase.lastOrderRequest();
        venue.submit(market(2, Side.SELL, "0.02"), now());
        final var sell = coinbase.lastOrderRequest();

        assertThat(buy.path("size").asText()).isEqualTo("0.01");
        assertThat(buy.hasNonNull("funds")).as("never funds, Coinbase's quote-currency amount").isFalse();
        assertThat(sell.path("size").asText()).isEqualTo("0.02");
        assertThat(sell.hasNonNull("funds")).isFalse();
        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "FILL 1 0.01@60000.01 fee 3.6000006 USD", "ACCEPTED 2", "FILL 2 0.02@59999.99 fee 7.1999988 USD");
    }

    @Test
    void anOrderFilledInTwoTradesHasTwoTradesEachWithItsFeeInTheQuoteCurrency() throws Exception
    {
        final CoinbaseClient client = CoinbaseTesting.client(coinbase, false, CoinbaseTesting.hostClock());
        client.connect("COINBASE", List.of("BTC/USD"));
        final String clientOid = client.clientOrderId(1, 0);
        final ExchangeOrder placed = client.place(limit(1, Side.BUY, "0.01", "50010"), clientOid);

        coinbase.fillInTrades(clientOid, "0.004@50000", "0.006@50010");
        final List<VenueTrade> trades = client.trades("BTC/USD", client.find("BTC/USD", placed.venueOrderId(), clientOid));

        assertThat(trades).hasSize(2);
        assertThat(trades.get(0).tradeId()).isNotEqualTo(trades.get(1).tradeId());
        assertThat(trades).extracting(VenueTrade::qty).usingElementComparator(BigDecimal::compareTo)
            .containsExactly(new BigDecimal("0.004"), new BigDecimal("0.006"));
        assertThat(trades).extracting(VenueTrade::price).usingElementComparator(BigDecimal::compareTo)
            .containsExactly(new BigDecimal("50000"), new BigDecimal("50010"));
        // Coinbase's maker fee, 0.40% of each trade's value
        assertThat(trades).extracting(VenueTrade::commission).usingElementComparator(BigDecimal::compareTo)
            .containsExactly(new BigDecimal("0.8"), new BigDecimal("1.20024"));
        assertThat(trades).extracting(VenueTrade::commissionAsset).containsOnly("USD");
    }

    @Test
    void anOrderWithMoreFillsThanAPageIsReadPageByPageOldestFirst() throws Exception
    {
        final CoinbaseClient client = CoinbaseTesting.client(coinbase, false, CoinbaseTesting.hostClock());
        client.connect("COINBASE", List.of("BTC/USD"));
        final String clientOid = client.clientOrderId(1, 0);
        final ExchangeOrder placed = client.place(limit(1, Side.BUY, "0.01", "50030"), clientOid);
        coinbase.fillInTrades(clientOid, "0.001@50010", "0.002@50020", "0.003@50030");

        final List<VenueTrade> trades = CoinbaseFills.read(client.api(), CoinbaseTesting.KEY,
            CoinbaseProDigest.createInstance(CoinbaseTesting.SECRET), CoinbaseTesting.PASSPHRASE, client::timestamp,
            placed.venueOrderId(), "USD", 2);

        assertThat(trades).extracting(VenueTrade::price).usingElementComparator(BigDecimal::compareTo)
            .containsExactly(new BigDecimal("50010"), new BigDecimal("50020"), new BigDecimal("50030"));
        assertThat(coinbase.requests("GET /fills")).isEqualTo(2);
    }

    @Test
    void anOrderNotYetAcknowledgedHasNoTradesToRead() throws Exception
    {
        final CoinbaseClient client = CoinbaseTesting.client(coinbase, false, CoinbaseTesting.hostClock());
        client.connect("COINBASE", List.of("BTC/USD"));

        assertThat(client.trades("BTC/USD", new ExchangeOrder(null, "c1", ExchangeOrder.State.OPEN, BigDecimal.ZERO,
            BigDecimal.ZERO))).isEmpty();
        assertThat(coinbase.requests("GET /fills")).isZero();
    }

    @Test
    void inTheSandboxConnectPlaceFindTradesAndCancelUseOnlyWhatTheSandboxServes() throws Exception
    {
        coinbase.sandbox();
        final CoinbaseClient client = CoinbaseTesting.client(coinbase, true, CoinbaseTesting.hostClock());
        final RestVenue venue = started(client);

        venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        final String clientOid = coinbase.lastClientOid();
        coinbase.tradeLast("0.004", "50000");
        final ExchangeOrder found = client.find("BTC/USD", null, clientOid);
        final List<VenueTrade> trades = client.trades("BTC/USD", found);
        venue.cancel(new VenueCancel(1, "BTC/USD", null), now());

        assertThat(found.executedQty()).isEqualByComparingTo("0.004");
        assertThat(trades).hasSize(1);
        assertThat(client.balances()).containsKey("USD");
        assertThat(client.marketDepth()).containsKey("BTC/USD");
        assertThat(listener.events()).containsExactly(
            "ACCEPTED 1", "FILL 1 0.004@50000 fee 0.8 USD", "CANCELED 1 canceled by request");
        assertThat(coinbase.sandboxMisses()).isZero();
    }

    private RestVenue started(final CoinbaseClient client)
    {
        final RestVenue venue = CoinbaseTesting.venue(coinbase, client);
        venue.connect();
        venue.start(listener, now());
        return venue;
    }
}
