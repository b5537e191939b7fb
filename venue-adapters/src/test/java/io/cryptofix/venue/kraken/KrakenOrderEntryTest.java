package io.cryptofix.venue.kraken;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.VenueError;
import io.cryptofix.venue.rest.VenueTrade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.kraken.KrakenExchange;
import org.knowm.xchange.kraken.dto.trade.KrakenStandardOrder;
import org.knowm.xchange.kraken.dto.trade.KrakenType;
import org.knowm.xchange.kraken.service.KrakenTradeServiceRaw;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the Kraken adapter sends with an order and reads of its trades, from the requests the fake
 * Kraken received: only AddOrder parameters Kraken documents, market volumes in the base currency,
 * and each trade of an order with its own price and fee.
 */
class KrakenOrderEntryTest
{
    private static final String KEY = "kraken-test-key";
    private static final String SECRET = Base64.getEncoder().encodeToString(
        "kraken-test-secret-of-some-length".getBytes(StandardCharsets.US_ASCII));

    private final FakeKraken kraken = FakeKraken.start(KEY, SECRET);
    private final KrakenClient client = new KrakenClient(kraken.baseUrl(), KEY, SECRET, System.currentTimeMillis());

    @AfterEach
    void stop()
    {
        kraken.close();
    }

    @Test
    void aMarketBuyCarriesTheOrderQtyAsBaseCurrencyVolume() throws Exception
    {
        client.connect("KRAKEN", List.of("BTC/USD"));

        final ExchangeOrder placed = client.place(VenueOrder.of(1, "BTC/USD", Side.BUY, OrdType.MARKET, fixed("0.01"), 0),
            client.clientOrderId(1, 0));

        assertThat(kraken.lastAddOrder()).containsEntry("volume", "0.01").containsEntry("ordertype", "market")
            .containsEntry("type", "buy").doesNotContainKey("oflags");
        // Kraken read the volume as bitcoin, its default: 0.01 BTC bought, not 0.01 USD worth
        assertThat(placed.state()).isEqualTo(ExchangeOrder.State.FILLED);
        assertThat(placed.executedQty()).isEqualByComparingTo("0.01");
    }

    @Test
    void aMarketSellCarriesTheOrderQtyAsBaseCurrencyVolume() throws Exception
    {
        client.connect("KRAKEN", List.of("BTC/USD"));

        final ExchangeOrder placed = client.place(VenueOrder.of(1, "BTC/USD", Side.SELL, OrdType.MARKET, fixed("0.02"), 0),
            client.clientOrderId(1, 0));

        assertThat(kraken.lastAddOrder()).containsEntry("volume", "0.02").containsEntry("type", "sell")
            .doesNotContainKey("oflags");
        assertThat(placed.executedQty()).isEqualByComparingTo("0.02");
        assertThat(placed.executedQuote()).isEqualByComparingTo(new BigDecimal("0.02").multiply(new BigDecimal("59999.9")));
    }

    @Test
    void everyAddOrderParameterIsOneKrakenDocuments() throws Exception
    {
        client.connect("KRAKEN", List.of("BTC/USD"));

        client.place(VenueOrder.of(1, "BTC/USD", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000")),
            client.clientOrderId(1, 0));

        assertThat(kraken.lastAddOrder().keySet())
            .containsExactlyInAnyOrder("nonce", "userref", "ordertype", "type", "volume", "pair", "price")
            .allMatch(FakeKrakenOrders.ADD_ORDER_PARAMETERS::contains);
    }

    @Test
    void xchangesOwnAddOrderSendsParametersKrakenDoesNotDocumentAndTheFakeRefusesThem() throws Exception
    {
        final ExchangeSpecification spec = new KrakenExchange().getDefaultExchangeSpecification();
        spec.setSslUri(kraken.baseUrl());
        spec.setApiKey(KEY);
        spec.setSecretKey(SECRET);
        final KrakenTradeServiceRaw trade =
            (KrakenTradeServiceRaw)ExchangeFactory.INSTANCE.createExchange(spec).getTradeService();

        assertThatThrownBy(() -> trade.placeKrakenOrder(KrakenStandardOrder.getLimitOrderBuilder(
            CurrencyPair.BTC_USD, KrakenType.BUY, "50000", new BigDecimal("0.01")).buildOrder()))
            .hasMessageContaining("EGeneral:Invalid arguments");
        assertThat(kraken.lastAddOrder().keySet()).isNotEmpty()
            .anyMatch(name -> !FakeKrakenOrders.ADD_ORDER_PARAMETERS.contains(name));
    }

    @Test
    void anOrderFilledInTwoTradesIsReadAsTwoTradesWithTheirFees() throws Exception
    {
        client.connect("KRAKEN", List.of("BTC/USD"));
        final String userref = client.clientOrderId(1, 0);
        final ExchangeOrder placed = client.place(
            VenueOrder.of(1, "BTC/USD", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50010")), userref);

        kraken.fillInTrades(userref, "0.004@50000", "0.006@50010");
        final List<VenueTrade> trades = client.trades("BTC/USD", client.find("BTC/USD", placed.venueOrderId(), userref));

        // maker fee 0.16 % of each trade's cost, in the quote currency
        assertThat(trades).extracting(VenueTrade::qty, VenueTrade::price, VenueTrade::commission, VenueTrade::commissionAsset)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("0.004"), new BigDecimal("50000"), new BigDecimal("0.3200"), "USD"),
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("0.006"), new BigDecimal("50010"), new BigDecimal("0.4801"), "USD"));
        assertThat(trades).extracting(VenueTrade::tradeId).doesNotHaveDuplicates().allMatch(id -> !id.isEmpty());
    }

    @Test
    void anOrderWithoutTradesHasAnEmptyTradeList() throws Exception
    {
        client.connect("KRAKEN", List.of("BTC/USD"));
        final ExchangeOrder placed = client.place(
            VenueOrder.of(1, "BTC/USD", Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("50000")), client.clientOrderId(1, 0));

        assertThat(client.trades("BTC/USD", placed)).isEmpty();
    }

    @Test
    void anOrderKrakenDoesNotKnowIsNotFoundByItsIdOrItsUserref() throws Exception
    {
        client.connect("KRAKEN", List.of("BTC/USD"));

        assertThat(client.find("BTC/USD", "OXXXXX-XXXXX-XXXXXX", null)).isNull();
        assertThat(client.find("BTC/USD", null, client.clientOrderId(7, 0))).isNull();
        assertThatThrownBy(() -> client.cancel("BTC/USD", "OXXXXX-XXXXX-XXXXXX", null))
            .satisfies(e -> assertThat(client.classify((Exception)e).kind()).isEqualTo(VenueError.Kind.UNKNOWN_ORDER));
    }
}
