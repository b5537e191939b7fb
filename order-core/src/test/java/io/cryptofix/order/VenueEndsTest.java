package io.cryptofix.order;

import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TestCatalog;
import io.cryptofix.order.RecordingSink.ExecutionReport;
import io.cryptofix.order.RecordingSink.NewOrderReject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the order core makes of what a venue ends, says it cannot read, or of a venue that is not up:
 * the client hears the venue's word, and orders to a venue not up are refused saying so.
 */
class VenueEndsTest
{
    private static final long SESSION = 7;
    private static final String VENUE = "BINANCE";
    private static final String SYMBOL = "BTC/USDT";

    private final InstrumentCatalog catalog = TestCatalog.venue(VENUE)
        .trades(SYMBOL, "0.01", "0.00001", "0.00001").build();
    private final RecordingVenueRouter venue = new RecordingVenueRouter();
    private final RecordingSink reports = new RecordingSink();
    private final OrderCore core = new OrderCore(catalog, venue, reports, reports);
    private final NewOrderCommand newOrder = new NewOrderCommand();
    private long now = 1_000_000;

    @Test
    void anOrderTheVenueFinishesShortOfTheGatewaysCountEndsCanceledAtTheVenuesFigure()
    {
        final long orderKey = workingLimit("O1", "0.001");
        core.onVenueFill(orderKey, fixed("0.00099999"), fixed("30000"), tick());
        reports.clear();

        core.onVenueStatus(orderKey, VenueOrderStatus.FILLED, "V-1", fixed("0.00099999"), fixed("30000"), tick());

        final ExecutionReport report = reports.single(ExecutionReport.class);
        assertThat(report.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(report.cumQty()).isEqualTo(fixed("0.00099999"));
        assertThat(report.leavesQty()).isZero();
        assertThat(report.text()).isEqualTo("venue BINANCE reports the order filled at 0.00099999; the rest was not traded");
    }

    @Test
    void aFilledStatusOfAnOrderTheFillsEndedAddsNothing()
    {
        final long orderKey = workingLimit("O1", "0.001");
        core.onVenueFill(orderKey, fixed("0.001"), fixed("30000"), tick());
        reports.clear();

        core.onVenueStatus(orderKey, VenueOrderStatus.FILLED, "V-1", fixed("0.001"), fixed("30000"), tick());

        assertThat(reports.all()).isEmpty();
    }

    @Test
    void aVenueExpiryWithAReasonTellsTheVenuesWords()
    {
        final long orderKey = workingLimit("O1", "0.001");
        reports.clear();

        core.onVenueExpired(orderKey, "expired by Kraken at the order's expire time (expired)", tick());

        final ExecutionReport report = reports.single(ExecutionReport.class);
        assertThat(report.execType()).isEqualTo(ExecType.EXPIRED);
        assertThat(report.text()).isEqualTo("expired by Kraken at the order's expire time (expired)");
    }

    @Test
    void aStatusQueryFindingTheOrderEndedByTheVenueTellsTheVenuesReasonOrItsExpiry()
    {
        final long canceled = workingLimit("O1", "0.001");
        final long expired = workingLimit("O2", "0.001");
        reports.clear();

        core.onVenueStatus(canceled, VenueOrderStatus.CANCELED, "V-1", 0, 0,
            "canceled by Binance's self-trade prevention (EXPIRED_IN_MATCH)", tick());
        core.onVenueStatus(expired, VenueOrderStatus.EXPIRED, "V-2", 0, 0, null, tick());

        assertThat(reports.executionReports()).extracting(ExecutionReport::execType, ExecutionReport::text)
            .first().isEqualTo(org.assertj.core.groups.Tuple.tuple(ExecType.CANCELED,
                "canceled by Binance's self-trade prevention (EXPIRED_IN_MATCH)"));
        assertThat(reports.executionReports()).last().extracting(ExecutionReport::execType).isEqualTo(ExecType.EXPIRED);
    }

    @Test
    void anOrderInDoubtIsToldAsAnUnsolicitedStatusAndStaysAsItWas()
    {
        final long orderKey = workingLimit("O1", "0.001");
        reports.clear();

        core.onVenueInDoubt(orderKey, "in doubt: venue BINANCE reports status 'HALTED'", tick());

        final ExecutionReport report = reports.single(ExecutionReport.class);
        assertThat(report.execType()).isEqualTo(ExecType.ORDER_STATUS);
        assertThat(report.ordStatus()).isEqualTo(OrderState.NEW);
        assertThat(report.text()).isEqualTo("in doubt: venue BINANCE reports status 'HALTED'");
        assertThat(core.order(orderKey).state()).isEqualTo(OrderState.NEW);
    }

    @Test
    void ordersToAVenueStartingOrDownAreRefusedSayingSoAndTakenOnceItIsUp()
    {
        catalog.unavailable(VENUE, InstrumentCatalog.Outage.Kind.STARTING, "cannot reach https://api.binance.com: 503");
        core.onNewOrder(limit("O1", "0.001"), tick());
        core.onVenueDown(VENUE, "HTTP 503 from https://api.binance.com", tick());
        core.onNewOrder(limit("O2", "0.001"), tick());

        assertThat(reports.newOrderRejects()).as("the client hears the venue's state, never why")
            .extracting(NewOrderReject::reason, NewOrderReject::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(OrdRejReason.OTHER, "venue BINANCE is starting, retry later"),
                org.assertj.core.groups.Tuple.tuple(OrdRejReason.OTHER, "venue BINANCE is unavailable, retry later"));
        assertThat(catalog.outages()).as("why stays for the operators' status").containsExactly(Map.entry(VENUE,
            new InstrumentCatalog.Outage(InstrumentCatalog.Outage.Kind.DOWN, "HTTP 503 from https://api.binance.com")));
        assertThat(venue.submitted()).isEmpty();

        core.onVenueUp(VENUE, List.of(new Instrument(VENUE, "ETH/USDT", fixed("0.01"), fixed("0.0001"),
            fixed("0.0001"))), tick());
        core.onNewOrder(newOrder.set(SESSION, "O3", "ETH/USDT", VENUE, Side.BUY, OrdType.LIMIT, fixed("0.01"),
            fixed("2000"), 0), tick());

        assertThat(venue.submitted()).as("a symbol loaded by the late start").hasSize(1);
    }

    private long workingLimit(final String clOrdId, final String qty)
    {
        core.onNewOrder(limit(clOrdId, qty), tick());
        final long orderKey = venue.lastSubmitted().orderKey();
        core.onVenueAccepted(orderKey, "V-1", tick());
        return orderKey;
    }

    private NewOrderCommand limit(final String clOrdId, final String qty)
    {
        return newOrder.set(SESSION, clOrdId, SYMBOL, VENUE, Side.BUY, OrdType.LIMIT, fixed(qty), fixed("30000"), 0);
    }

    private long tick()
    {
        now += 10;
        return now;
    }
}
