package io.cryptofix.order;

import io.cryptofix.config.RiskConfig;
import io.cryptofix.config.RiskLimits;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TestCatalog;
import io.cryptofix.order.RecordingSink.NewOrderReject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pre-trade limits on the order path: an order over a limit is refused with OrdRejReason 3 and a
 * Text naming the check, the limit and the order's value; one inside it goes to its venue.
 */
class PreTradeLimitsTest
{
    private static final long SESSION = 7;
    private static final String VENUE = "SIM";
    private static final String SYMBOL = "BTC/USDT";

    private final InstrumentCatalog catalog = TestCatalog.venue(VENUE).trades(SYMBOL, "0.01", "0.00001", "0.00001").build();
    private final RecordingVenueRouter venue = new RecordingVenueRouter();
    private final RecordingSink reports = new RecordingSink();
    private final OrderCore core = new OrderCore(catalog, venue, reports, reports);
    private final NewOrderCommand newOrder = new NewOrderCommand();
    private long now = 1_000_000;

    PreTradeLimitsTest()
    {
        core.riskLimits(new RiskConfig(new RiskLimits(new BigDecimal("1"), new BigDecimal("50000")),
            Map.of("DESK", new RiskLimits(new BigDecimal("5"), new BigDecimal("500000"))), Map.of(), Map.of()));
    }

    @Test
    void anOrderAboveMaxOrderQtyIsRefusedNamingTheLimitAndOneAtItGoesToItsVenue()
    {
        core.onNewOrder(order("RISK", "O1", OrdType.LIMIT, "1.5", "1000"), tick());
        core.onNewOrder(order("RISK", "O2", OrdType.LIMIT, "1", "1000"), tick());

        assertThat(reports.single(NewOrderReject.class)).satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("O1");
            assertThat(reject.reason()).isEqualTo(OrdRejReason.ORDER_EXCEEDS_LIMIT);
            assertThat(reject.text()).isEqualTo("maxOrderQty 1 BTC exceeded: 1.5 BTC");
        });
        assertThat(venue.submitted()).hasSize(1);
    }

    @Test
    void anOrderWorthMoreThanMaxOrderNotionalAtItsLimitPriceIsRefusedShowingTheSum()
    {
        core.onNewOrder(order("RISK", "O1", OrdType.LIMIT, "0.9", "61000"), tick());
        core.onNewOrder(order("RISK", "O2", OrdType.LIMIT, "0.8", "62500"), tick());

        assertThat(reports.single(NewOrderReject.class).text())
            .isEqualTo("maxOrderNotional 50000 USDT exceeded: 0.9 BTC x 61000 = 54900");
        assertThat(venue.submitted()).as("0.8 x 62500 = 50000, at the limit").hasSize(1);
    }

    @Test
    void aMarketOrderIsValuedAtTheVenuesBestPriceOnItsSideOnceTheGatewayHasOne()
    {
        core.onNewOrder(order("RISK", "O1", OrdType.MARKET, "0.9", null), tick());
        core.onMarketPrice(VENUE, SYMBOL, fixed("59990"), fixed("60010"), tick());
        core.onNewOrder(order("RISK", "O2", OrdType.MARKET, "0.9", null), tick());
        core.onNewOrder(sell("RISK", "O3", "0.8335"), tick());

        assertThat(reports.newOrderRejects()).extracting(NewOrderReject::text).containsExactly(
            "maxOrderNotional 50000 USDT exceeded: 0.9 BTC x 60010 = 54009",
            "maxOrderNotional 50000 USDT exceeded: 0.8335 BTC x 59990 = 50001.665");
        assertThat(venue.submitted()).as("without a price yet, the first goes; the venue values it").hasSize(1);
    }

    @Test
    void aSessionsOwnLimitsReplaceTheDefault()
    {
        core.onNewOrder(order("DESK", "O1", OrdType.LIMIT, "4", "60000"), tick());
        core.onNewOrder(order("DESK", "O2", OrdType.LIMIT, "6", "60000"), tick());

        assertThat(reports.single(NewOrderReject.class).text()).isEqualTo("maxOrderQty 5 BTC exceeded: 6 BTC");
        assertThat(venue.submitted()).hasSize(1);
    }

    @Test
    void aSessionAtMaxOpenOrdersHasItsNextOrderRefusedUntilOneEnds()
    {
        core.riskLimits(new RiskConfig(new RiskLimits(null, null, null, 2), Map.of(), Map.of(), Map.of()));
        core.onNewOrder(order("RISK", "O1", OrdType.LIMIT, "1", "1000"), tick());
        final long first = venue.lastSubmitted().orderKey();
        core.onNewOrder(order("RISK", "O2", OrdType.LIMIT, "1", "1000"), tick());
        core.onNewOrder(order("RISK", "O3", OrdType.LIMIT, "1", "1000"), tick());
        core.onVenueAccepted(first, "V-1", tick());
        core.onVenueFill(first, fixed("1"), fixed("1000"), tick());
        core.onNewOrder(order("RISK", "O4", OrdType.LIMIT, "1", "1000"), tick());

        assertThat(reports.newOrderRejects()).singleElement().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("O3");
            assertThat(reject.reason()).isEqualTo(OrdRejReason.ORDER_EXCEEDS_LIMIT);
            assertThat(reject.text()).isEqualTo("maxOpenOrders 2 reached: the session has 2 orders open");
        });
        assertThat(venue.submitted()).hasSize(3);
    }

    @Test
    void aLimitPriceBeyondTheCollarAroundAMovingBestPriceIsRefused()
    {
        core.riskLimits(new RiskConfig(new RiskLimits(null, null, null, null, new BigDecimal("5")), Map.of(),
            Map.of(), Map.of()));
        core.onNewOrder(order("RISK", "O1", OrdType.LIMIT, "0.1", "90000"), tick());
        core.onMarketPrice(VENUE, SYMBOL, fixed("59990"), fixed("60010"), tick());
        core.onNewOrder(order("RISK", "O2", OrdType.LIMIT, "0.1", "63000"), tick());
        core.onNewOrder(order("RISK", "O3", OrdType.LIMIT, "0.1", "63100"), tick());
        core.onMarketPrice(VENUE, SYMBOL, fixed("61000"), fixed("61010"), tick());
        core.onNewOrder(order("RISK", "O4", OrdType.LIMIT, "0.1", "63100"), tick());
        core.onNewOrder(newOrder.set(SESSION, "O5", SYMBOL, VENUE, Side.SELL, OrdType.LIMIT, fixed("0.1"),
            fixed("57900"), 0).clientCompId("RISK"), tick());

        assertThat(reports.newOrderRejects()).extracting(NewOrderReject::clOrdId, NewOrderReject::text).containsExactly(
            org.assertj.core.groups.Tuple.tuple("O3",
                "priceCollarPercent 5 exceeded: buy limit 63100 is 5.15% above the best ask 60010"),
            org.assertj.core.groups.Tuple.tuple("O5",
                "priceCollarPercent 5 exceeded: sell limit 57900 is 5.08% below the best bid 61000"));
        assertThat(venue.submitted()).as("O1 before any price, O2 and O4 inside the collar").hasSize(3);
    }

    @Test
    void aMarketOrderLargerThanTheBookOffersWithinTheCollarIsRefusedAndOneItHoldsGoes()
    {
        core.riskLimits(new RiskConfig(new RiskLimits(null, null, null, null, new BigDecimal("1")), Map.of(),
            Map.of(), Map.of()));
        // asks: 0.5 at 60000, 0.7 at 60500 (within 1%), 10 at 61000 (1.67% away); bids: 1 at 59990
        core.onMarketDepth(VENUE, SYMBOL, new MarketDepth(levels("59990", "1"),
            levels("60000", "0.5", "60500", "0.7", "61000", "10")), tick());
        core.onNewOrder(order("RISK", "O1", OrdType.MARKET, "1.2", null), tick());
        core.onNewOrder(order("RISK", "O2", OrdType.MARKET, "1.3", null), tick());
        core.onNewOrder(sell("RISK", "O3", "1.5"), tick());

        assertThat(reports.newOrderRejects()).extracting(NewOrderReject::clOrdId, NewOrderReject::reason,
            NewOrderReject::text).containsExactly(
            org.assertj.core.groups.Tuple.tuple("O2", OrdRejReason.ORDER_EXCEEDS_LIMIT, "priceCollarPercent 1 exceeded: " +
                "market buy 1.3 BTC is more than the 1.2 BTC offered within 1% of the best ask 60000"),
            org.assertj.core.groups.Tuple.tuple("O3", OrdRejReason.ORDER_EXCEEDS_LIMIT, "priceCollarPercent 1 exceeded: " +
                "market sell 1.5 BTC is more than the 1 BTC bid within 1% of the best bid 59990"));
        assertThat(venue.submitted()).as("O1: 1.2 is all the book offers within 1%").hasSize(1);
    }

    @Test
    void aMarketOrderGoesWhenEveryLevelTheVenueToldIsWithinTheCollarAndItMayHoldMore()
    {
        core.riskLimits(new RiskConfig(new RiskLimits(null, null, null, null, new BigDecimal("5")), Map.of(),
            Map.of(), Map.of()));
        final String[] asks = new String[2 * MarketDepth.LEVELS];
        for (int level = 0; level < MarketDepth.LEVELS; level++)
        {
            asks[2 * level] = String.valueOf(60000 + level);
            asks[2 * level + 1] = "0.1";
        }
        core.onMarketDepth(VENUE, SYMBOL, new MarketDepth(levels(), levels(asks)), tick());
        core.onNewOrder(order("RISK", "O1", OrdType.MARKET, "5", null), tick());
        core.onNewOrder(sell("RISK", "O2", "0.1"), tick());

        assertThat(venue.submitted()).as("O1: the venue told its first %s levels only", MarketDepth.LEVELS).hasSize(1);
        assertThat(reports.single(NewOrderReject.class).text()).isEqualTo("priceCollarPercent 5 exceeded: market sell " +
            "0.1 BTC is more than the 0 BTC bid (the book is empty on that side)");
    }

    @Test
    void withoutABestPriceTheLastTradeIsTheCollarsReference()
    {
        core.riskLimits(new RiskConfig(new RiskLimits(null, null, null, null, new BigDecimal("5")), Map.of(),
            Map.of(), Map.of()));
        core.onNewOrder(order("RISK", "O1", OrdType.LIMIT, "1", "60000"), tick());
        final long first = venue.lastSubmitted().orderKey();
        core.onVenueAccepted(first, "V-1", tick());
        core.onVenueFill(first, fixed("1"), fixed("60000"), tick());
        core.onNewOrder(order("RISK", "O2", OrdType.LIMIT, "1", "63500"), tick());
        core.onNewOrder(order("RISK", "O3", OrdType.LIMIT, "1", "62900"), tick());

        assertThat(reports.newOrderRejects()).extracting(NewOrderReject::text)
            .containsExactly("priceCollarPercent 5 exceeded: buy limit 63500 is 5.83% above the last trade 60000");
        assertThat(venue.submitted()).hasSize(2);
    }

    @Test
    void theNotionalComparisonIsExactWhereQuantityTimesPriceOverflowsALong()
    {
        // 1,000 BTC x 60,000 in Fixed is 6e25: far beyond a long, compared exactly in 128 bits
        assertThat(PreTradeLimits.exceeds(fixed("1000"), fixed("60000"), fixed("60000000"))).isFalse();
        assertThat(PreTradeLimits.exceeds(fixed("1000.00000001"), fixed("60000"), fixed("60000000"))).isTrue();
        assertThat(PreTradeLimits.exceeds(fixed("0.00000001"), fixed("0.00000001"), 0)).isTrue();
    }

    private NewOrderCommand order(
        final String compId, final String clOrdId, final OrdType ordType, final String qty, final String price)
    {
        return newOrder.set(SESSION, clOrdId, SYMBOL, VENUE, Side.BUY, ordType, fixed(qty),
            price == null ? NewOrderCommand.ABSENT : fixed(price), 0).clientCompId(compId);
    }

    private NewOrderCommand sell(final String compId, final String clOrdId, final String qty)
    {
        return newOrder.set(SESSION, clOrdId, SYMBOL, VENUE, Side.SELL, OrdType.MARKET, fixed(qty),
            NewOrderCommand.ABSENT, 0).clientCompId(compId);
    }

    private static long[] levels(final String... pricesAndQuantities)
    {
        final long[] levels = new long[pricesAndQuantities.length];
        for (int i = 0; i < levels.length; i++)
        {
            levels[i] = fixed(pricesAndQuantities[i]);
        }
        return levels;
    }

    private long tick()
    {
        now += 10;
        return now;
    }
}
