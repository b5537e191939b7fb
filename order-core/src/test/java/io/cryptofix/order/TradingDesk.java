package io.cryptofix.order;

import io.cryptofix.config.RiskConfig;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TestCatalog;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.RecordingSink.ExecutionReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.cryptofix.domain.TestCatalog.fixed;

/**
 * An order core for the risk controls' tests: two sessions ({@code DESK}, {@code FUND}), two venues
 * ({@code SIM}, {@code BINANCE}, each trading BTC/USDT and ETH/USDT and holding no stops natively),
 * orders named by ClOrdID and driven through their venue's answers, time that passes only when the
 * test says so, and what operators would see: trading state changes and refusals by check.
 */
final class TradingDesk implements OrderCoreObserver
{
    static final String SIM = "SIM";
    static final String BINANCE = "BINANCE";
    static final String DESK = "DESK";
    static final String FUND = "FUND";
    static final String BTC = "BTC/USDT";
    static final String ETH = "ETH/USDT";
    static final String PRICE = "60000";
    static final long START = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    final RecordingVenueRouter venue = new RecordingVenueRouter();
    final RecordingSink reports = new RecordingSink();
    final OrderCore core;
    private final Map<String, Long> sessionIds = Map.of(DESK, 1L, FUND, 2L);
    private final Map<String, Long> orderKeys = new HashMap<>();
    private final List<String> stateChanges = new ArrayList<>();
    private final List<String> riskRejected = new ArrayList<>();
    private long now = START;

    TradingDesk()
    {
        core = new OrderCore(catalog(), venue, reports, this);
    }

    /** An order core that takes over the orders {@code earlier} journaled, as after a restart. */
    TradingDesk(final TradingDesk earlier)
    {
        this();
        now = earlier.now;
        final OrderReplay replay = new OrderReplay();
        for (final OrderEvent event : earlier.reports.journal())
        {
            replay.onEvent(1, new OrderEvent().copyFrom(event));
        }
        orderKeys.putAll(earlier.orderKeys);
        core.recover(replay, tick());
    }

    static InstrumentCatalog catalog()
    {
        return TestCatalog.venue(SIM).trades(BTC, "0.01", "0.00001", "0.00001").trades(ETH, "0.01", "0.0001", "0.0001")
            .venue(BINANCE, io.cryptofix.config.VenueCapabilities.NONE).trades(BTC, "0.01", "0.00001", "0.00001")
            .trades(ETH, "0.01", "0.0001", "0.0001").build();
    }

    TradingDesk risk(final RiskConfig risk)
    {
        core.riskLimits(risk);
        return this;
    }

    long now()
    {
        return now;
    }

    long tick()
    {
        return ++now;
    }

    /** Lets time pass by {@code millis}, without any deadline firing. */
    TradingDesk advance(final long millis)
    {
        now += millis;
        return this;
    }

    /** A limit order of {@code session} to {@code venueId}, at 60000. */
    TradingDesk send(
        final String session, final String clOrdId, final String venueId, final String symbol, final Side side,
        final String qty)
    {
        final int submittedBefore = venue.submitted().size();
        core.onNewOrder(new NewOrderCommand().set(sessionId(session), clOrdId, symbol, venueId, side, OrdType.LIMIT,
            fixed(qty), fixed(PRICE), 0).conditions(TimeInForce.GOOD_TILL_CANCEL, NewOrderCommand.ABSENT,
            NewOrderCommand.ABSENT, false).clientCompId(session), tick());
        if (venue.submitted().size() > submittedBefore)
        {
            orderKeys.put(clOrdId, venue.lastSubmitted().orderKey());
        }
        return this;
    }

    TradingDesk buy(final String session, final String clOrdId, final String qty)
    {
        return send(session, clOrdId, SIM, BTC, Side.BUY, qty);
    }

    TradingDesk sell(final String session, final String clOrdId, final String qty)
    {
        return send(session, clOrdId, SIM, BTC, Side.SELL, qty);
    }

    /** A buy stop the gateway holds (SIM has no native stops): New at once, nothing at the venue. */
    TradingDesk heldStop(final String session, final String clOrdId, final String qty)
    {
        core.onNewOrder(new NewOrderCommand().set(sessionId(session), clOrdId, BTC, SIM, Side.BUY, OrdType.STOP,
            fixed(qty), NewOrderCommand.ABSENT, 0).conditions(TimeInForce.GOOD_TILL_CANCEL, fixed("90000"),
            NewOrderCommand.ABSENT, false).clientCompId(session), tick());
        final List<ExecutionReport> told = reports.executionReports();
        orderKeys.put(clOrdId, told.get(told.size() - 1).orderKey());
        return this;
    }

    TradingDesk accept(final String clOrdId)
    {
        core.onVenueAccepted(key(clOrdId), "V-" + clOrdId, tick());
        return this;
    }

    TradingDesk fill(final String clOrdId, final String qty)
    {
        core.onVenueFill(key(clOrdId), fixed(qty), fixed(PRICE), tick());
        return this;
    }

    TradingDesk canceledByVenue(final String clOrdId)
    {
        core.onVenueCanceled(key(clOrdId), "canceled", tick());
        return this;
    }

    /** A position of {@code session} in BTC, from an order filled whole. */
    TradingDesk holding(final String session, final String clOrdId, final Side side, final String qty)
    {
        send(session, clOrdId, SIM, BTC, side, qty);
        return accept(clOrdId).fill(clOrdId, qty);
    }

    TradingDesk replace(final String session, final String clOrdId, final String origClOrdId, final Side side,
        final String qty)
    {
        core.onReplaceRequest(new ReplaceOrderCommand().set(sessionId(session), clOrdId, origClOrdId, BTC, side,
            OrdType.LIMIT, fixed(qty), fixed(PRICE), NewOrderCommand.ABSENT, null, NewOrderCommand.ABSENT), tick());
        return this;
    }

    TradingDesk cancel(final String session, final String clOrdId, final String origClOrdId)
    {
        core.onCancelRequest(new CancelOrderCommand().set(sessionId(session), clOrdId, origClOrdId), tick());
        return this;
    }

    TradingDesk price(final String venueId, final String bid, final String ask)
    {
        core.onMarketPrice(venueId, BTC, fixed(bid), fixed(ask), now);
        return this;
    }

    TradingDesk state(final TradingScope scope, final String name, final TradingState state, final String reason)
    {
        core.tradingState(scope, name, state, reason, tick());
        return this;
    }

    long key(final String clOrdId)
    {
        final Long key = orderKeys.get(clOrdId);
        if (key == null)
        {
            throw new AssertionError("no order " + clOrdId + " reached the venue or the gateway's hold");
        }
        return key;
    }

    Order order(final String clOrdId)
    {
        return core.order(key(clOrdId));
    }

    /** The Text of the last NewOrderSingle refused. */
    String lastRefusal()
    {
        final List<RecordingSink.NewOrderReject> rejects = reports.newOrderRejects();
        if (rejects.isEmpty())
        {
            throw new AssertionError("no NewOrderSingle was refused");
        }
        return rejects.get(rejects.size() - 1).text();
    }

    /** The last report's Text, for the client's message about {@code clOrdId}. */
    ExecutionReport lastReport(final String clOrdId)
    {
        final List<ExecutionReport> told = reports.executionReports();
        for (int i = told.size() - 1; i >= 0; i--)
        {
            if (clOrdId.equals(told.get(i).clOrdId()))
            {
                return told.get(i);
            }
        }
        throw new AssertionError("no report of " + clOrdId);
    }

    /** What operators saw change, e.g. {@code VENUE SIM HALTED (operator): <reason>}. */
    List<String> stateChanges()
    {
        return List.copyOf(stateChanges);
    }

    /** The check of every refusal operators saw counted, e.g. {@code tradingState DESK}. */
    List<String> riskRejected()
    {
        return List.copyOf(riskRejected);
    }

    @Override
    public void onTradingStateChanged(
        final TradingScope scope, final String name, final TradingState state, final String reason,
        final boolean automatic, final long timeMillis)
    {
        stateChanges.add(scope + (name == null ? "" : " " + name) + " " + state + (automatic ? " (automatic)" :
            " (operator)") + (reason == null ? "" : ": " + reason));
    }

    @Override
    public void onRiskRejected(final String check, final String session, final long timeMillis)
    {
        riskRejected.add(check + " " + session);
    }

    @Override
    public void onEventRefused(final Order order, final OrderEventType event, final long timeMillis)
    {
        reports.onEventRefused(order, event, timeMillis);
    }

    @Override
    public void onUnknownOrder(final long orderKey, final OrderEventType event, final long timeMillis)
    {
        reports.onUnknownOrder(orderKey, event, timeMillis);
    }

    private long sessionId(final String session)
    {
        return sessionIds.get(session);
    }
}
