package io.cryptofix.order;

import io.cryptofix.config.RoundingPolicy;
import io.cryptofix.config.TimeoutConfig;
import io.cryptofix.config.TimeoutPolicy;
import io.cryptofix.config.TimeoutRule;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.TestCatalog;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.RecordingSink.CancelReject;
import io.cryptofix.order.RecordingSink.ExecutionReport;
import io.cryptofix.order.RecordingSink.MassCancelReport;
import io.cryptofix.order.RecordingSink.MassStatusReport;
import io.cryptofix.order.RecordingSink.NewOrderReject;
import io.cryptofix.order.RecordingSink.Report;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.cryptofix.domain.TestCatalog.fixed;

/**
 * An order core with three venues that differ only in what they do natively, driven by client and
 * venue events by ClOrdID, and read back as one line per message the client would receive, e.g.
 * {@code ER 5/1 Y<X qty=12 cum=1 leaves=11} (ExecType/OrdStatus ClOrdID<OrigClOrdID) or
 * {@code CXL_REJ G Y<X reason=0 status=2}.
 *
 * <p>Venues: {@code EMU} does nothing natively (the gateway emulates), {@code NATIVE} does
 * everything, {@code ROUNDING} does nothing natively, rounds to its rules and wants a minimum
 * notional of 10. Each trades BTC/USDT with tick 0.01 and lot 0.001.
 */
final class LifecycleHarness
{
    static final String EMU = "EMU";
    static final String NATIVE = "NATIVE";
    static final String ROUNDING = "ROUNDING";
    static final String SYMBOL = "BTC/USDT";
    static final long SESSION = 1;
    static final long START = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    final RecordingVenueRouter venue = new RecordingVenueRouter();
    final RecordingSink reports = new RecordingSink();
    final OrderCore core;
    private final NewOrderCommand newOrder = new NewOrderCommand();
    private final CancelOrderCommand cancel = new CancelOrderCommand();
    private final ReplaceOrderCommand replace = new ReplaceOrderCommand();
    private final MassCancelCommand massCancel = new MassCancelCommand();
    private final MassStatusCommand massStatus = new MassStatusCommand();
    private final Map<String, Long> orderKeys = new HashMap<>();
    private long now = START;

    LifecycleHarness()
    {
        this(List.of());
    }

    /**
     * @param timeoutRules  the gateway's timeout rules; orders come from the session {@code RISK}.
     */
    LifecycleHarness(final List<TimeoutRule> timeoutRules)
    {
        this(null, timeoutRules);
    }

    LifecycleHarness(final Duration defaultTimeout, final List<TimeoutRule> timeoutRules)
    {
        core = new OrderCore(catalog(), venue, reports, reports, new TimeoutPolicy(
            new TimeoutConfig(defaultTimeout, Duration.ofSeconds(10), Duration.ofSeconds(5), timeoutRules, false)));
    }

    long now()
    {
        return now;
    }

    /** Lets {@code millis} pass and the core's deadlines fire. */
    LifecycleHarness advance(final long millis)
    {
        now += millis;
        core.onTime(now);
        return this;
    }

    LifecycleHarness limit(final String clOrdId, final Side side, final String qty, final String price)
    {
        return order(EMU, clOrdId, side, OrdType.LIMIT, qty, price, null, TimeInForce.GOOD_TILL_CANCEL);
    }

    LifecycleHarness order(
        final String venueId,
        final String clOrdId,
        final Side side,
        final OrdType ordType,
        final String qty,
        final String price,
        final String stopPx,
        final TimeInForce timeInForce)
    {
        return send(newOrder(venueId, clOrdId, side, ordType, qty, price, stopPx, timeInForce));
    }

    NewOrderCommand newOrder(
        final String venueId,
        final String clOrdId,
        final Side side,
        final OrdType ordType,
        final String qty,
        final String price,
        final String stopPx,
        final TimeInForce timeInForce)
    {
        return newOrder.set(SESSION, clOrdId, SYMBOL, venueId, side, ordType, fixed(qty), fixedOrAbsent(price), 0)
            .conditions(timeInForce, fixedOrAbsent(stopPx), NewOrderCommand.ABSENT, false)
            .clientCompId("RISK");
    }

    LifecycleHarness send(final NewOrderCommand command)
    {
        final int submittedBefore = venue.submitted().size();
        final int reportsBefore = reports.all().size();
        final String clOrdId = command.clOrdId();
        core.onNewOrder(command, ++now);
        if (orderKeys.containsKey(clOrdId))
        {
            return this;
        }
        if (venue.submitted().size() > submittedBefore)
        {
            orderKeys.put(clOrdId, venue.lastSubmitted().orderKey());
        }
        else if (reports.all().size() > reportsBefore &&
            reports.all().get(reportsBefore) instanceof ExecutionReport report && report.clOrdId().equals(clOrdId))
        {
            // held by the gateway (an emulated stop): reported New without going to the venue
            orderKeys.put(clOrdId, report.orderKey());
        }
        return this;
    }

    LifecycleHarness accept(final String clOrdId)
    {
        core.onVenueAccepted(key(clOrdId), "V-" + key(clOrdId) + "-" + now, ++now);
        return this;
    }

    LifecycleHarness reject(final String clOrdId, final String reason)
    {
        core.onVenueRejected(key(clOrdId), reason, ++now);
        return this;
    }

    LifecycleHarness fill(final String clOrdId, final String qty, final String price)
    {
        core.onVenueFill(key(clOrdId), fixed(qty), fixed(price), ++now);
        return this;
    }

    LifecycleHarness venueCanceled(final String clOrdId, final String reason)
    {
        core.onVenueCanceled(key(clOrdId), reason, ++now);
        return this;
    }

    LifecycleHarness venueCancelRejected(final String clOrdId, final String reason)
    {
        core.onVenueCancelRejected(key(clOrdId), reason, ++now);
        return this;
    }

    LifecycleHarness venueReplaced(final String clOrdId)
    {
        core.onVenueReplaced(key(clOrdId), ++now);
        return this;
    }

    LifecycleHarness venueReplaceRejected(final String clOrdId, final String reason)
    {
        core.onVenueReplaceRejected(key(clOrdId), reason, ++now);
        return this;
    }

    LifecycleHarness venueExpired(final String clOrdId)
    {
        core.onVenueExpired(key(clOrdId), ++now);
        return this;
    }

    LifecycleHarness venueStatus(
        final String clOrdId, final VenueOrderStatus status, final String cumQty, final String avgPx)
    {
        core.onVenueStatus(key(clOrdId), status, "V-" + key(clOrdId), fixed(cumQty), fixed(avgPx), ++now);
        return this;
    }

    /** The session logs out; with a grace period its working orders are canceled when it runs out. */
    LifecycleHarness disconnect(final long graceMillis)
    {
        core.onSessionDisconnected(SESSION, graceMillis, ++now);
        return this;
    }

    LifecycleHarness logon()
    {
        core.onSessionLoggedOn(SESSION);
        return this;
    }

    LifecycleHarness cancel(final String clOrdId, final String origClOrdId)
    {
        core.onCancelRequest(cancel.set(SESSION, clOrdId, origClOrdId), ++now);
        return this;
    }

    LifecycleHarness replace(final String clOrdId, final String origClOrdId, final String qty, final String price)
    {
        final Order order = orderNamed(origClOrdId);
        return replace(clOrdId, origClOrdId, order == null ? Side.BUY : order.side(),
            order == null ? OrdType.LIMIT : order.ordType(), qty, price, null);
    }

    LifecycleHarness replace(
        final String clOrdId,
        final String origClOrdId,
        final Side side,
        final OrdType ordType,
        final String qty,
        final String price,
        final String stopPx)
    {
        core.onReplaceRequest(replace.set(SESSION, clOrdId, origClOrdId, SYMBOL, side, ordType, fixed(qty),
            fixedOrAbsent(price), fixedOrAbsent(stopPx), null, NewOrderCommand.ABSENT), ++now);
        return this;
    }

    LifecycleHarness price(final String venueId, final String bid, final String ask)
    {
        core.onMarketPrice(venueId, SYMBOL, fixed(bid), fixed(ask), ++now);
        return this;
    }

    LifecycleHarness massCancel(final String clOrdId, final char requestType, final String symbol)
    {
        core.onMassCancelRequest(massCancel.set(SESSION, clOrdId, requestType, symbol), ++now);
        return this;
    }

    LifecycleHarness massStatus(final String requestId, final int requestType, final String symbol)
    {
        core.onMassStatusRequest(massStatus.set(SESSION, requestId, requestType, symbol), ++now);
        return this;
    }

    /** Forgets what the client has been told so far. */
    LifecycleHarness clear()
    {
        reports.clear();
        return this;
    }

    /** What the client was told, one line per message, oldest first. */
    List<String> told()
    {
        final List<String> lines = new ArrayList<>();
        for (final Report report : reports.all())
        {
            lines.add(describe(report));
        }
        return lines;
    }

    Order order(final String clOrdId)
    {
        return core.order(key(clOrdId));
    }

    long key(final String clOrdId)
    {
        final Long key = orderKeys.get(clOrdId);
        if (key == null)
        {
            throw new AssertionError("no order was created for ClOrdID " + clOrdId);
        }
        return key;
    }

    private Order orderNamed(final String clOrdId)
    {
        final Long key = orderKeys.get(clOrdId);
        return key == null ? null : core.order(key);
    }

    static String describe(final Report report)
    {
        if (report instanceof ExecutionReport er)
        {
            return "ER " + er.execType().fixValue() + "/" + er.fixOrdStatus() + " " + er.clOrdId() +
                (er.origClOrdId() == null ? "" : "<" + er.origClOrdId()) +
                " qty=" + Fixed.toString(er.orderQty()) + " cum=" + Fixed.toString(er.cumQty()) +
                " leaves=" + Fixed.toString(er.leavesQty()) +
                (er.lastQty() == 0 ? "" : " last=" + Fixed.toString(er.lastQty()) + "@" + Fixed.toString(er.lastPx()));
        }
        if (report instanceof CancelReject reject)
        {
            return "CXL_REJ " + (reject.replace() ? "G" : "F") + " " + reject.clOrdId() + "<" + reject.origClOrdId() +
                " reason=" + reject.reason().fixValue() +
                " status=" + (reject.ordStatus() == null ? "-" : String.valueOf(reject.ordStatus().ordStatus()));
        }
        if (report instanceof NewOrderReject reject)
        {
            return "REJECT " + reject.clOrdId() + " reason=" + reject.reason().fixValue();
        }
        if (report instanceof MassCancelReport mass)
        {
            return "MASS_CANCEL " + mass.clOrdId() + (mass.accepted() ? " affected=" + mass.affectedOrders() : " refused");
        }
        if (report instanceof MassStatusReport status)
        {
            return "MASS_STATUS " + status.massStatusReqId() + " " + (status.clOrdId() == null ? "none" :
                status.clOrdId() + " status=" + status.fixOrdStatus()) + " of " + status.totNumReports() +
                (status.last() ? " last" : "");
        }
        return report.toString();
    }

    private static long fixedOrAbsent(final String decimal)
    {
        return decimal == null ? NewOrderCommand.ABSENT : fixed(decimal);
    }

    private static InstrumentCatalog catalog()
    {
        return TestCatalog.venue(EMU).trades(SYMBOL, "0.01", "0.001", "0.001")
            .venue(NATIVE, VenueCapabilities.ALL).dayCutoff(LocalTime.of(22, 0)).trades(SYMBOL, "0.01", "0.001", "0.001")
            .venue(ROUNDING, VenueCapabilities.NONE).rounding(RoundingPolicy.ROUND)
            .trades(SYMBOL, "0.01", "0.001", "0.001", "10")
            .build();
    }
}
