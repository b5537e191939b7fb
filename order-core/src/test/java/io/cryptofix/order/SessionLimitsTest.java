package io.cryptofix.order;

import io.cryptofix.config.ConfigException;
import io.cryptofix.config.ConfigLoader;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TestCatalog;
import io.cryptofix.order.RecordingSink.NewOrderReject;
import org.junit.jupiter.api.Test;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The controls that look at a session as a whole: the value it has open and sent today, the
 * duplicate-order guard, self-trade prevention and what it may trade. Each refusal names the check
 * and the figures; an order inside every control goes to its venue.
 */
class SessionLimitsTest
{
    private static final long SESSION = 7;
    private static final String VENUE = "SIM";
    private static final String SYMBOL = "BTC/USDT";
    private static final long DAY = 86_400_000L;

    private final InstrumentCatalog catalog = TestCatalog.venue(VENUE).accounts("DESK1", "DESK2")
        .trades(SYMBOL, "0.01", "0.00001", "0.00001")
        .trades("ETH/USDT", "0.01", "0.0001", "0.0001").venue("OTHER", VenueCapabilities.NONE).trades(SYMBOL, "0.01", "0.00001", "0.00001")
        .build();
    private final RecordingVenueRouter venue = new RecordingVenueRouter();
    private final RecordingSink reports = new RecordingSink();
    private final OrderCore core = new OrderCore(catalog, venue, reports, reports);
    private final NewOrderCommand newOrder = new NewOrderCommand();
    private final ReplaceOrderCommand replace = new ReplaceOrderCommand();
    // 10:00 UTC on some day
    private long now = 20_000 * DAY + 10 * 3_600_000L;

    @Test
    void maxOpenNotionalCountsWhatIsStillOpenAndAFillOrEndFreesIt() throws ConfigException
    {
        risk("  default: { maxOpenNotional: 100000 }");
        core.onNewOrder(buy("O1", "1", "60000"), tick());
        final long first = venue.lastSubmitted().orderKey();
        core.onNewOrder(buy("O2", "0.7", "60000"), tick());
        core.onVenueAccepted(first, "V-1", tick());
        core.onVenueFill(first, fixed("0.5"), fixed("60000"), tick());
        core.onNewOrder(buy("O3", "0.7", "60000"), tick());
        core.onNewOrder(buy("O4", "0.5", "60000"), tick());

        assertThat(reports.newOrderRejects()).extracting(NewOrderReject::clOrdId, NewOrderReject::reason,
            NewOrderReject::text).containsExactly(
            tuple("O2", OrdRejReason.ORDER_EXCEEDS_LIMIT,
                "maxOpenNotional 100000 exceeded: open orders 60000 + this order 42000 = 102000"),
            tuple("O4", OrdRejReason.ORDER_EXCEEDS_LIMIT,
                "maxOpenNotional 100000 exceeded: open orders 72000 + this order 30000 = 102000"));
        assertThat(venue.submitted()).as("O1, and O3 once O1 half filled").hasSize(2);
    }

    @Test
    void aReplaceIsRefusedWhenItsNewValueTakesTheSessionOverMaxOpenNotional() throws ConfigException
    {
        risk("  default: { maxOpenNotional: 100000 }");
        core.onNewOrder(buy("O1", "1", "60000"), tick());
        core.onVenueAccepted(venue.lastSubmitted().orderKey(), "V-1", tick());
        core.onNewOrder(buy("O2", "0.5", "60000"), tick());
        core.onReplaceRequest(replace.set(SESSION, "O1b", "O1", SYMBOL, Side.BUY, OrdType.LIMIT, fixed("1.2"),
            fixed("60000"), NewOrderCommand.ABSENT, null, NewOrderCommand.ABSENT), tick());
        core.onReplaceRequest(replace.set(SESSION, "O1c", "O1", SYMBOL, Side.BUY, OrdType.LIMIT, fixed("1.1"),
            fixed("60000"), NewOrderCommand.ABSENT, null, NewOrderCommand.ABSENT), tick());

        assertThat(reports.cancelRejects()).singleElement().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("O1b");
            assertThat(reject.reason()).isEqualTo(CxlRejReason.OTHER);
            assertThat(reject.text()).isEqualTo(
                "maxOpenNotional 100000 exceeded: open orders 30000 + this order as replaced 72000 = 102000");
        });
    }

    @Test
    void maxDailyNotionalCountsTheOrdersSentSinceMidnightUtcAndStartsAgainTheNextDay() throws ConfigException
    {
        risk("  default: { maxDailyNotional: 100000 }");
        core.onNewOrder(buy("O1", "1", "60000"), tick());
        core.onVenueAccepted(venue.lastSubmitted().orderKey(), "V-1", tick());
        core.onVenueFill(venue.lastSubmitted().orderKey(), fixed("1"), fixed("60000"), tick());
        core.onNewOrder(buy("O2", "0.7", "60000"), tick());
        now += DAY;
        core.onNewOrder(buy("O3", "0.7", "60000"), tick());

        assertThat(reports.newOrderRejects()).extracting(NewOrderReject::clOrdId, NewOrderReject::text).containsExactly(
            tuple("O2", "maxDailyNotional 100000 exceeded: sent today 60000 + this order 42000 = 102000"));
        core.onNewOrder(buy("O4", "1", "60000"), tick());

        assertThat(reports.newOrderRejects()).extracting(NewOrderReject::clOrdId, NewOrderReject::text).containsExactly(
            tuple("O2", "maxDailyNotional 100000 exceeded: sent today 60000 + this order 42000 = 102000"),
            tuple("O4", "maxDailyNotional 100000 exceeded: sent today 42000 + this order 60000 = 102000"));
        assertThat(venue.submitted()).hasSize(2);
    }

    @Test
    void theDuplicateGuardRefusesTheSameTermsWithinItsWindowOnly() throws ConfigException
    {
        core.onNewOrder(buy("O1", "1", "60000"), tick());
        core.onNewOrder(buy("O2", "1", "60000"), tick());
        assertThat(reports.newOrderRejects()).as("off by default").isEmpty();

        risk("  sessions: { RISK: { duplicateOrderWindow: 2s } }");
        core.onNewOrder(buy("O3", "1", "60000"), tick());
        core.onNewOrder(buy("O4", "1", "60000"), tick());
        core.onNewOrder(buy("O5", "1", "60001"), tick());
        now += 2_000;
        core.onNewOrder(buy("O6", "1", "60000"), tick());
        core.onNewOrder(buy("O7", "1", "60000").clientCompId("DEMO"), tick());
        core.onNewOrder(buy("O8", "1", "60000").clientCompId("DEMO"), tick());

        assertThat(reports.newOrderRejects()).singleElement().satisfies(reject ->
        {
            assertThat(reject.clOrdId()).isEqualTo("O4");
            assertThat(reject.reason()).isEqualTo(OrdRejReason.DUPLICATE_ORDER);
            assertThat(reject.text()).isEqualTo("duplicate order (duplicateOrderWindow 2s): same side, symbol, " +
                "quantity 1 and price 60000 as ClOrdID (11) 'O3' sent 10 ms ago");
        });
        assertThat(venue.submitted()).as("a session without a window is not guarded").hasSize(7);
    }

    @Test
    void selfTradePreventionRefusesAnOrderThatWouldMeetTheSessionsOwnRestingOrder() throws ConfigException
    {
        risk("  default: { selfTradePrevention: refuse }");
        core.onNewOrder(order("S1", Side.SELL, VENUE, SYMBOL, "1", "60000"), tick());
        core.onVenueAccepted(venue.lastSubmitted().orderKey(), "V-1", tick());
        core.onNewOrder(buy("B1", "1", "59999"), tick());
        core.onNewOrder(buy("B2", "1", "60000"), tick());
        core.onNewOrder(order("B3", Side.BUY, "OTHER", SYMBOL, "1", "60000"), tick());

        assertThat(reports.newOrderRejects()).extracting(NewOrderReject::clOrdId, NewOrderReject::text).containsExactly(
            tuple("B2", "selfTradePrevention: this buy at 60000 would trade against the session's own sell " +
                "ClOrdID (11) 'S1' resting at 60000 at venue SIM"));
        assertThat(venue.submitted()).as("S1, B1 below it, B3 at another venue").hasSize(3);
    }

    @Test
    void selfTradePreventionCancelRestingCancelsTheRestingOrderBeforeTheNewOneGoes() throws ConfigException
    {
        risk("  default: { selfTradePrevention: cancelResting }");
        core.onNewOrder(order("S1", Side.SELL, VENUE, SYMBOL, "1", "60000"), tick());
        final long resting = venue.lastSubmitted().orderKey();
        core.onVenueAccepted(resting, "V-1", tick());
        core.onNewOrder(buy("B1", "1", "60100"), tick());
        core.onVenueCanceled(resting, null, tick());

        assertThat(reports.newOrderRejects()).isEmpty();
        assertThat(reports.journal()).extracting(OrderEvent::type).containsSubsequence(
            OrderEventType.VENUE_CANCEL, OrderEventType.SUBMITTED);
        assertThat(venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(resting);
        assertThat(reports.executionReports()).filteredOn(report -> "S1".equals(report.clOrdId()))
            .last().satisfies(canceled ->
            {
                assertThat(canceled.ordStatus()).isEqualTo(OrderState.CANCELED);
                assertThat(canceled.text()).startsWith("selfTradePrevention: canceled");
            });
    }

    @Test
    void entitlementsRefuseAVenueASymbolOrAnAccountTheSessionMayNotUse() throws ConfigException
    {
        risk("  sessions: { RISK: { venues: [SIM], symbols: [\"BTC/*\"], accounts: [DESK1] } }");
        core.onNewOrder(order("O1", Side.BUY, "OTHER", SYMBOL, "1", "60000"), tick());
        core.onNewOrder(order("O2", Side.BUY, VENUE, "ETH/USDT", "1", "3000"), tick());
        core.onNewOrder(buy("O3", "1", "60000").account("DESK2"), tick());
        core.onNewOrder(buy("O4", "1", "60000").account("DESK1"), tick());
        core.onNewOrder(buy("O5", "1", "60000"), tick());

        assertThat(reports.newOrderRejects()).extracting(NewOrderReject::clOrdId, NewOrderReject::text).containsExactly(
            tuple("O1", "session RISK may not trade at venue OTHER (its venues: SIM)"),
            tuple("O2", "session RISK may not trade ETH/USDT (its symbols: BTC/*)"),
            tuple("O3", "Account (1) 'DESK2' is not one of session RISK's accounts (DESK1)"));
        assertThat(venue.submitted()).hasSize(2);
    }

    private void risk(final String... lines) throws ConfigException
    {
        core.riskLimits(ConfigLoader.parse("risk:\n" + String.join("\n", lines) + "\n", "test").risk());
    }

    private NewOrderCommand buy(final String clOrdId, final String qty, final String price)
    {
        return order(clOrdId, Side.BUY, VENUE, SYMBOL, qty, price);
    }

    private NewOrderCommand order(
        final String clOrdId, final Side side, final String venueId, final String symbol, final String qty,
        final String price)
    {
        return newOrder.set(SESSION, clOrdId, symbol, venueId, side, OrdType.LIMIT, fixed(qty), fixed(price), 0)
            .clientCompId("RISK");
    }

    private long tick()
    {
        now += 10;
        return now;
    }
}
