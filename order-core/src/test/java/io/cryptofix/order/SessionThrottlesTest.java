package io.cryptofix.order;

import io.cryptofix.config.RiskConfig;
import io.cryptofix.config.RiskLimits;
import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TestCatalog;
import io.cryptofix.order.RecordingSink.CancelReject;
import io.cryptofix.order.RecordingSink.NewOrderReject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each session's pace (ordersPerSecond): a second's worth of requests at once, then as many as the
 * rate refills; over it new orders are rejected and cancels and replaces refused, saying throttled.
 * And a replace's new terms meet the order limits as a new order's do.
 */
class SessionThrottlesTest
{
    private static final long RISK_SESSION = 7;
    private static final long DESK_SESSION = 8;
    private static final String VENUE = "SIM";
    private static final String SYMBOL = "BTC/USDT";
    private static final String THROTTLED =
        "throttled: more than 2 orders, cancels and replaces per second from this session (ordersPerSecond); " +
        "send it again later";

    private final InstrumentCatalog catalog = TestCatalog.venue(VENUE).trades(SYMBOL, "0.01", "0.00001", "0.00001").build();
    private final RecordingVenueRouter venue = new RecordingVenueRouter();
    private final RecordingSink reports = new RecordingSink();
    private final OrderCore core = new OrderCore(catalog, venue, reports, reports);
    private final NewOrderCommand newOrder = new NewOrderCommand();
    private final CancelOrderCommand cancel = new CancelOrderCommand();
    private final ReplaceOrderCommand replace = new ReplaceOrderCommand();
    private long now = 1_000_000;

    SessionThrottlesTest()
    {
        core.riskLimits(new RiskConfig(new RiskLimits(new BigDecimal("1"), null, 2),
            Map.of("DESK", new RiskLimits(null, null, 1000)), Map.of(), Map.of()));
    }

    @Test
    void aSessionMaySendASecondsWorthAtOnceThenAsFastAsItsRateRefills()
    {
        order(RISK_SESSION, "RISK", "O1");
        order(RISK_SESSION, "RISK", "O2");
        order(RISK_SESSION, "RISK", "O3");
        now += 499;
        order(RISK_SESSION, "RISK", "O4");
        now += 1;
        order(RISK_SESSION, "RISK", "O5");

        assertThat(reports.newOrderRejects()).extracting(NewOrderReject::clOrdId, NewOrderReject::reason,
            NewOrderReject::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("O3", OrdRejReason.OTHER, THROTTLED),
                org.assertj.core.groups.Tuple.tuple("O4", OrdRejReason.OTHER, THROTTLED));
        assertThat(venue.submitted()).extracting(RecordingVenueRouter.Placement::orderKey).hasSize(3);
    }

    @Test
    void eachSessionHasItsOwnBucketAndItsOwnRate()
    {
        for (int i = 0; i < 10; i++)
        {
            order(DESK_SESSION, "DESK", "D" + i);
        }
        order(RISK_SESSION, "RISK", "R1");

        assertThat(reports.newOrderRejects()).isEmpty();
        assertThat(venue.submitted()).hasSize(11);
    }

    @Test
    void cancelsAndReplacesTakeFromTheSameBucketAndAreRefusedSayingThrottled()
    {
        order(RISK_SESSION, "RISK", "O1");
        core.onVenueAccepted(venue.lastSubmitted().orderKey(), "V-1", now);
        core.onCancelRequest(cancel.set(RISK_SESSION, "C1", "O1"), now);
        core.onReplaceRequest(replace.set(RISK_SESSION, "R1", "O1", SYMBOL, Side.BUY, OrdType.LIMIT, fixed("0.5"),
            fixed("1000"), NewOrderCommand.ABSENT, null, NewOrderCommand.ABSENT), now);

        assertThat(reports.cancelRejects()).extracting(CancelReject::clOrdId, CancelReject::reason, CancelReject::text)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("R1", CxlRejReason.OTHER, THROTTLED));
    }

    @Test
    void aReplaceAboveMaxOrderQtyIsRefusedAsANewOrderWouldBe()
    {
        order(DESK_SESSION, "DESK", "O1");
        core.onVenueAccepted(venue.lastSubmitted().orderKey(), "V-1", now);
        core.onReplaceRequest(replace.set(DESK_SESSION, "R1", "O1", SYMBOL, Side.BUY, OrdType.LIMIT, fixed("2"),
            fixed("1000"), NewOrderCommand.ABSENT, null, NewOrderCommand.ABSENT), now);

        assertThat(reports.cancelRejects()).singleElement().extracting(CancelReject::text)
            .isEqualTo("maxOrderQty 1 BTC exceeded: 2 BTC");
    }

    private void order(final long sessionId, final String compId, final String clOrdId)
    {
        core.onNewOrder(newOrder.set(sessionId, clOrdId, SYMBOL, VENUE, Side.BUY, OrdType.LIMIT, fixed("0.5"),
            fixed("1000"), 0).clientCompId(compId), now);
    }
}
