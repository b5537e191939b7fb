package io.cryptofix.venue.binance;

import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.rest.VenueTrade;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What Binance trades: market orders in the base currency as FIX's OrderQty means, each trade of an
 * order with its own price and fee from {@code myTrades}, and the best prices of the traded symbols only.
 */
class BinanceFillsTest
{
    private static final String KEY = "test-api-key";
    private static final String SECRET = "test-secret-key";

    private final FakeBinance binance = FakeBinance.start(KEY, SECRET);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private final BinanceClient client = new BinanceClient(binance.baseUrl(), KEY, SECRET, "T1");

    @AfterEach
    void stop()
    {
        binance.close();
    }

    @Test
    void aMarketBuyAsksForItsQuantityInBitcoinNotInUsdt()
    {
        final RestVenue venue = startedVenue();

        venue.submit(VenueOrder.of(1, "BTC/USDT", Side.BUY, OrdType.MARKET, fixed("0.01"), 0), now());

        assertThat(binance.lastRequest("POST /api/v3/order")).containsEntry("quantity", "0.01")
            .doesNotContainKey("quoteOrderQty").containsEntry("type", "MARKET").containsEntry("side", "BUY");
        assertThat(binance.orders()).singleElement().extracting(FakeBinance.FakeOrder::origQty)
            .isEqualTo(new BigDecimal("0.01"));
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.01@60000.01 fee 0.00001 BTC");
    }

    @Test
    void aMarketSellAsksForItsQuantityInBitcoinNotInUsdt()
    {
        final RestVenue venue = startedVenue();

        venue.submit(VenueOrder.of(1, "BTC/USDT", Side.SELL, OrdType.MARKET, fixed("0.02"), 0), now());

        assertThat(binance.lastRequest("POST /api/v3/order")).containsEntry("quantity", "0.02")
            .doesNotContainKey("quoteOrderQty").containsEntry("side", "SELL");
        assertThat(binance.orders()).singleElement().extracting(FakeBinance.FakeOrder::origQty)
            .isEqualTo(new BigDecimal("0.02"));
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.02@59999.99 fee 1.1999998 USDT");
    }

    @Test
    void twoTradesOfOneOrderAreTwoVenueTradesEachWithItsPriceAndBinancesFee() throws Exception
    {
        client.connect("BINANCE", List.of("BTC/USDT"));
        final ExchangeOrder buy = client.place(
            VenueOrder.of(1, "BTC/USDT", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000")), "cfx-T1-1-0");
        final ExchangeOrder sell = client.place(
            VenueOrder.of(2, "BTC/USDT", Side.SELL, OrdType.LIMIT, fixed("0.01"), fixed("70000")), "cfx-T1-2-0");
        binance.fillInTrades("cfx-T1-1-0", "0.004@50000", "0.006@49990");
        binance.fillInTrades("cfx-T1-2-0", "0.01@70000");

        final List<VenueTrade> bought = client.trades("BTC/USDT", buy);
        final List<VenueTrade> sold = client.trades("BTC/USDT", sell);

        assertThat(bought).extracting(VenueTrade::qty, VenueTrade::price, VenueTrade::commission, VenueTrade::commissionAsset)
            .containsExactly(
                tuple(new BigDecimal("0.004"), new BigDecimal("50000"),
                    new BigDecimal("0.000004"), "BTC"),
                tuple(new BigDecimal("0.006"), new BigDecimal("49990"),
                    new BigDecimal("0.000006"), "BTC"));
        assertThat(bought).extracting(VenueTrade::tradeId).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(sold).singleElement().extracting(VenueTrade::commission, VenueTrade::commissionAsset)
            .containsExactly(new BigDecimal("0.7"), "USDT");
        assertThat(binance.lastRequest("GET /api/v3/myTrades")).containsEntry("symbol", "BTCUSDT")
            .containsEntry("orderId", sell.venueOrderId());
    }

    @Test
    void anOrderWithoutTradesHasNone() throws Exception
    {
        client.connect("BINANCE", List.of("BTC/USDT"));
        final ExchangeOrder resting = client.place(
            VenueOrder.of(1, "BTC/USDT", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000")), "cfx-T1-1-0");
        binance.fillInTrades(client.place(VenueOrder.of(2, "BTC/USDT", Side.BUY, OrdType.LIMIT, fixed("0.01"),
            fixed("50000")), "cfx-T1-2-0").clientOrderId(), "0.01@50000");

        assertThat(client.trades("BTC/USDT", resting)).isEmpty();
    }

    private RestVenue startedVenue()
    {
        final RestVenue venue = new RestVenue("BINANCE", new ExchangeVenueConfig(binance.baseUrl(), "K", "S", "P", null, 50,
            10, 50, List.of("BTC/USDT")), client, System::currentTimeMillis, VenueMetrics.NONE);
        venue.connect();
        venue.start(listener, now());
        return venue;
    }

    private static long now()
    {
        return System.currentTimeMillis();
    }
}
