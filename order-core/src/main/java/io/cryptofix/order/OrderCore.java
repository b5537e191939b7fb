package io.cryptofix.order;

import io.cryptofix.config.Durations;
import io.cryptofix.config.TimeoutConfig;
import io.cryptofix.config.TimeoutPolicy;
import io.cryptofix.config.TimeoutRule;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.domain.VenueRules;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The order state machine: owns every order, decides every change, and says what to tell clients
 * and venues. Pure logic: no I/O, no clock, no threads. Each input carries its time, so the same
 * inputs always give the same outputs (replay, recovery). Called only from the duty-cycle thread.
 *
 * <p>What a venue lacks natively is emulated here: stop triggers (from the venue's prices), Day and
 * GTD expiry (a timer, then a cancel), IOC (a cancel once acknowledged) and amend (cancel, then
 * place the order again with the new terms; the client still sees one order).
 *
 * <p>A venue request that goes unanswered is followed up ({@link VenueWatch}): a submit is looked up
 * by its client order id, never sent again; a cancel is sent again, then looked up, and reported to
 * the client as unconfirmed if the venue still says nothing.
 */
public final class OrderCore
{
    private static final long DAY_MILLIS = 86_400_000L;
    // how soon the gateway tries again to cancel when the venue's queue was full or a request is in flight
    private static final long RETRY_MILLIS = 100;
    private static final TimeoutPolicy NO_TIMEOUTS = new TimeoutPolicy(TimeoutConfig.NONE);

    private final InstrumentCatalog instruments;
    private final VenueRouter venues;
    private final ExecutionReportListener reports;
    private final Long2ObjectHashMap<Order> ordersByKey = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<Map<String, Order>> ordersBySessionAndClOrdId = new Long2ObjectHashMap<>();
    private final NewOrderChecks checks = new NewOrderChecks();
    private final TriggerBook triggers = new TriggerBook();
    private final List<Order> selected = new ArrayList<>();
    private final Consumer<Order> onTrigger = this::trigger;
    private final OrderTimers.Handler onTimer = this::onTimer;
    // sessions that disconnected with cancel-on-disconnect: when their working orders are canceled
    private final Long2LongHashMap cancelOnDisconnectAt = new Long2LongHashMap(0);
    private OrderTimers timers;
    private TimeoutPolicy timeoutPolicy;
    // why the latest refusal() refused: read right after it
    private CxlRejReason refusalReason;

    private long nextOrderKey = 1;
    private long nextExecId = 1;
    // the time of the input being handled, for the callbacks of the timer wheel and the trigger book
    private long nowMillis;

    public OrderCore(final InstrumentCatalog instruments, final VenueRouter venues, final ExecutionReportListener reports)
    {
        this(instruments, venues, reports, NO_TIMEOUTS);
    }

    public OrderCore(
        final InstrumentCatalog instruments,
        final VenueRouter venues,
        final ExecutionReportListener reports,
        final TimeoutPolicy timeoutPolicy)
    {
        this.instruments = instruments;
        this.venues = venues;
        this.reports = reports;
        this.timeoutPolicy = timeoutPolicy;
    }

    /**
     * Replaces the timeout policy in one step. Orders accepted from now on get their timeout from it;
     * orders already working keep theirs unless the new policy says {@code reevaluateOnReload}, in
     * which case they get the timeout it gives them, counted from when they were accepted (a deadline
     * already past fires at once).
     */
    public void timeoutPolicy(final TimeoutPolicy timeoutPolicy, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        this.timeoutPolicy = timeoutPolicy;
        if (!timeoutPolicy.config().reevaluateOnReload())
        {
            return;
        }
        for (final Order order : ordersByKey.values())
        {
            if (order.state().isTerminal())
            {
                continue;
            }
            final long before = order.deadlineMillis();
            order.timeout(0, null);
            applyTimeoutPolicy(order, order.clientCompId(), order.createdMillis());
            if (order.deadlineMillis() != before && order.pending() == Order.PendingRequest.NONE &&
                order.venueCancelCause() == VenueCancelCause.NONE && order.deferredCancel() == VenueCancelCause.NONE)
            {
                timers().cancel(order.timerId());
                order.timerId(Order.NO_TIMER);
                scheduleDeadline(order);
            }
        }
    }

    /**
     * Takes over the orders of earlier runs, before any client logs on. A finished order is only
     * remembered: its client can still ask for its status, and its ClOrdID is not taken again. Each
     * open order gets its
     * indexes, its deadline (absolute, so one that passed while the gateway was down fires at once)
     * and, when the gateway holds its trigger, its place in the trigger book. Each order placed at a
     * venue is then reconciled: the venue is asked where it stands by the client order id of its
     * latest placement, and {@link #onVenueStatus} reports what happened meanwhile (fills, a cancel,
     * an order the venue never got or no longer has). Keys and ExecIDs continue after the highest
     * the journal used, so none is reused.
     *
     * @param nextOrderKey  one past the highest order key of earlier runs.
     * @param nextExecId    one past the highest ExecID value of earlier runs.
     * @return how many orders were asked about at their venues.
     */
    public int recover(
        final List<RecoveredOrder> orders, final long nextOrderKey, final long nextExecId, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        this.nextOrderKey = Math.max(this.nextOrderKey, nextOrderKey);
        this.nextExecId = Math.max(this.nextExecId, nextExecId);
        int reconciling = 0;
        for (final RecoveredOrder recovered : orders)
        {
            final Order order = restore(recovered);
            if (order == null || order.state().isTerminal())
            {
                continue;
            }
            if (order.isPlaced())
            {
                reconcile(order);
                reconciling++;
            }
            else if (order.ordType().hasTrigger())
            {
                triggers.hold(order);
            }
        }
        return reconciling;
    }

    /**
     * Sends again, in journal order, the reports and OrderCancelRejects an earlier run journaled but
     * never handed to the FIX engine; before {@link #recover}, so that clients hear them before
     * anything the venues say now. Each goes out as it was (a report with its ExecID value) with the
     * order as it stood then; nothing in the core changes.
     */
    public void resendMissed(final List<MissedReport> missed, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        for (final MissedReport report : missed)
        {
            final RecoveredOrder then = report.order();
            final Order snapshot = new Order(
                then.orderKey(), then.sessionId(), then.clOrdId(), then.symbol(), then.venueId(), then.side(),
                then.ordType(), then.timeInForce(), then.orderQty(), then.price(), then.stopPx(),
                then.expireTimeMillis(), then.postOnly(), then.createdMillis(), 0);
            snapshot.restore(then.origClOrdId(), then.state(), then.cumQty(), then.avgPx(), then.venueOrderId(),
                then.venueAttempt(), then.venueOrderId() != null, null, null, 0);
            if (then.pending() == Order.PendingRequest.CANCEL)
            {
                snapshot.pendingCancel(then.pendingClOrdId());
            }
            else if (then.pending() == Order.PendingRequest.REPLACE)
            {
                snapshot.pendingReplace(then.pendingClOrdId(), then.orderQty(), then.price(), then.stopPx());
            }
            if (report.isCancelReject())
            {
                reports.onCancelRejectResent(then.sessionId(), report.clOrdId(), report.origClOrdId(), report.replace(),
                    snapshot, report.cxlRejReason(), report.text(), nowMillis);
                continue;
            }
            reports.onExecutionReportResent(snapshot, report.execType(), report.clOrdId(), report.origClOrdId(),
                report.execId(), report.lastQty(), report.lastPx(), report.text(), nowMillis);
        }
    }

    private Order restore(final RecoveredOrder recovered)
    {
        final VenueRules venue = instruments.venue(recovered.venueId());
        final Order order = new Order(
            recovered.orderKey(), recovered.sessionId(), recovered.clOrdId(), recovered.symbol(), recovered.venueId(),
            recovered.side(), recovered.ordType(), recovered.timeInForce(), recovered.orderQty(), recovered.price(),
            recovered.stopPx(), recovered.expireTimeMillis(), recovered.postOnly(), recovered.createdMillis(), 0);
        final long deadline = recovered.deadlineMillis();
        final long expireTime = recovered.expireTimeMillis();
        final boolean emulatedTrigger = recovered.ordType().hasTrigger() &&
            (venue == null || !venueHoldsTrigger(venue.supports(), recovered.ordType()));
        final OrdType venueOrdType = emulatedTrigger ? recovered.ordType().triggered() : recovered.ordType();
        final TimeInForce venueTimeInForce = venue == null ? recovered.timeInForce() : venueTimeInForce(order,
            venue.supports());
        // a triggered stop has been told New by the gateway; only a venue id shows the venue answered it
        final boolean acknowledged = recovered.venueOrderId() != null ||
            (recovered.state() != OrderState.PENDING_NEW && !emulatedTrigger);
        order.restore(recovered.origClOrdId(), recovered.state(), recovered.cumQty(), recovered.avgPx(),
            recovered.venueOrderId(), recovered.venueAttempt(), acknowledged, venueOrdType, venueTimeInForce,
            deadline != 0 && (expireTime == 0 || deadline < expireTime) ? deadline : 0);
        final Map<String, Order> sessionOrders = sessionOrders(order.sessionId());
        index(order, sessionOrders);
        if (recovered.pending() == Order.PendingRequest.CANCEL)
        {
            order.pendingCancel(recovered.pendingClOrdId());
            sessionOrders.put(recovered.pendingClOrdId(), order);
        }
        else if (recovered.pending() == Order.PendingRequest.REPLACE)
        {
            // the new terms are not journaled: the replace cannot be finished, only refused
            order.pendingReplace(recovered.pendingClOrdId(), order.orderQty(), order.price(), order.stopPx());
            sessionOrders.put(recovered.pendingClOrdId(), order);
        }
        if (order.state().isTerminal())
        {
            return order;
        }
        if (venue == null)
        {
            // the venue is not configured or did not start: nothing can be checked or traded
            rejectPendingRequest(order, CxlRejReason.OTHER, "venue " + order.venueId() + " is not available");
            order.state(OrderState.CANCELED);
            reports.onExecutionReport(order, ExecType.CANCELED, order.clOrdId(), null, nextExecId++, 0, 0,
                "canceled: the gateway restarted without venue " + order.venueId() + "; check the order there",
                nowMillis);
            return null;
        }
        scheduleDeadline(order);
        return order;
    }

    /** Asks the venue where a recovered order stands; {@link #onVenueStatus} takes the answer. */
    private void reconcile(final Order order)
    {
        // one summary line at start tells operators; unanswered, or the venue's queue full: asked again
        // when the wait runs out
        venues.query(order);
        watch(order, order.isVenueAcknowledged() ? VenueWatch.Kind.RECONCILE : VenueWatch.Kind.SUBMIT);
    }

    public void onNewOrder(final NewOrderCommand command, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final Map<String, Order> sessionOrders = sessionOrders(command.sessionId());
        final Order existing = sessionOrders.get(command.clOrdId());
        if (existing != null)
        {
            if (command.isPossResend())
            {
                // the client is not sure it sent the order: tell it where the order stands, never trade twice
                reports.onExecutionReport(existing, ExecType.ORDER_STATUS, existing.clOrdId(), null, nextExecId++, 0, 0,
                    "PossResend (97): ClOrdID '" + command.clOrdId() + "' already received", nowMillis);
                return;
            }
            rejectNewOrder(command, OrdRejReason.DUPLICATE_ORDER,
                "duplicate ClOrdID (11) '" + command.clOrdId() + "': the session already used it", nowMillis);
            return;
        }

        final String venueId = command.venueId();
        final VenueRules venue = venueId == null ? null : instruments.venue(venueId);
        if (venue == null)
        {
            final String unavailable = venueId == null ? null : instruments.unavailableReason(venueId);
            rejectNewOrder(command, OrdRejReason.OTHER, venueId == null ?
                "ExDestination (100) missing and the session has no default venue" : unavailable != null ?
                "venue " + venueId + " is not available: " + unavailable :
                "unknown ExDestination (100) '" + venueId + "'", nowMillis);
            return;
        }
        final Instrument instrument = instruments.instrument(venueId, command.symbol());
        if (instrument == null)
        {
            rejectNewOrder(command, OrdRejReason.UNKNOWN_SYMBOL,
                "unknown Symbol (55) '" + command.symbol() + "' at venue " + venueId, nowMillis);
            return;
        }

        final TimeInForce timeInForce = command.timeInForce() == null ? TimeInForce.DAY : command.timeInForce();
        if (!checks.check(venue, instrument, command.side(), command.ordType(), timeInForce, command.orderQty(),
            command.price(), command.stopPx(), command.postOnly()))
        {
            rejectNewOrder(command, checks.reason(), checks.problem(), nowMillis);
            return;
        }
        final long expireTimeMillis = expireTime(command, venue, timeInForce, nowMillis);
        if (expireTimeMillis < 0)
        {
            return;
        }

        final Order order = new Order(
            nextOrderKey++,
            command.sessionId(),
            command.clOrdId(),
            command.symbol(),
            venueId,
            command.side(),
            command.ordType(),
            timeInForce,
            checks.orderQty(),
            checks.price(),
            checks.stopPx(),
            expireTimeMillis,
            command.postOnly(),
            nowMillis,
            command.receivedTimeNanos());
        order.acknowledgementText(checks.roundingNote());
        order.clientCompId(command.clientCompId());
        applyTimeoutPolicy(order, command.clientCompId(), nowMillis);

        final boolean emulatedTrigger = order.ordType().hasTrigger() && !venueHoldsTrigger(venue.supports(), order.ordType());
        if (emulatedTrigger)
        {
            // the gateway holds the order: it exists and works from now on, so the client hears New at once
            order.state(OrderState.NEW);
            index(order, sessionOrders);
            reports.onExecutionReport(order, ExecType.NEW, order.clOrdId(), null, nextExecId++, 0, 0,
                heldText(order, order.acknowledgementText()), nowMillis);
            order.acknowledgementText(null);
            scheduleDeadline(order);
            triggers.hold(order);
            triggers.check(order, onTrigger);
            return;
        }

        order.placed(order.ordType(), venueTimeInForce(order, venue.supports()), order.orderQty(), order.price(),
            order.stopPx());
        if (!venues.submit(order))
        {
            order.state(OrderState.REJECTED);
            reports.onNewOrderRejected(command, order.orderKey(), nextExecId++, OrdRejReason.OTHER,
                "venue " + venueId + " is busy: its request queue is full, retry later", nowMillis);
            return;
        }
        index(order, sessionOrders);
        scheduleDeadline(order);
        watch(order, VenueWatch.Kind.SUBMIT);
    }

    /**
     * Refuses a NewOrderSingle whose problem was found while decoding it (an unsupported OrdType,
     * a Side the gateway does not trade).
     */
    public void rejectNewOrder(
        final NewOrderCommand command, final OrdRejReason reason, final String text, final long nowMillis)
    {
        reports.onNewOrderRejected(command, nextOrderKey++, nextExecId++, reason, text, nowMillis);
    }

    /**
     * Refuses an OrderCancelReplaceRequest whose problem was found while decoding it.
     */
    public void rejectReplace(final ReplaceOrderCommand command, final String text, final long nowMillis)
    {
        final Order order = sessionOrders(command.sessionId()).get(command.origClOrdId());
        reports.onCancelRejected(command.sessionId(), command.clOrdId(), command.origClOrdId(), true, order,
            order == null ? CxlRejReason.UNKNOWN_ORDER : CxlRejReason.OTHER, text, nowMillis);
    }

    public void onCancelRequest(final CancelOrderCommand command, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final Order order = sessionOrders(command.sessionId()).get(command.origClOrdId());
        final String refusal = refusal(order, command.sessionId(), command.clOrdId(), command.origClOrdId(), "cancel");
        if (refusal != null)
        {
            rejectCancel(command.sessionId(), command.clOrdId(), command.origClOrdId(), false, order, refusal);
            return;
        }

        if (!order.isPlaced())
        {
            order.pendingCancel(command.clOrdId());
            sessionOrders(order.sessionId()).put(command.clOrdId(), order);
            finishCanceled(order, VenueCancelCause.CLIENT, null);
            return;
        }
        if (!order.isVenueAcknowledged())
        {
            reports.onCancelRejected(command.sessionId(), command.clOrdId(), command.origClOrdId(), false, order,
                CxlRejReason.OTHER, notYetAcknowledged(order, "cancel"), nowMillis);
            return;
        }
        if (!venues.cancel(order))
        {
            reports.onCancelRejected(command.sessionId(), command.clOrdId(), command.origClOrdId(), false, order,
                CxlRejReason.OTHER, busy(order), nowMillis);
            return;
        }

        order.venueCancelCause(VenueCancelCause.CLIENT);
        watch(order, VenueWatch.Kind.CANCEL);
        order.pendingCancel(command.clOrdId());
        // reserve the cancel's ClOrdID at once, so no new order or other request can take it meanwhile
        sessionOrders(command.sessionId()).put(command.clOrdId(), order);
        reports.onExecutionReport(order, ExecType.PENDING_CANCEL, command.clOrdId(), order.clOrdId(), nextExecId++,
            0, 0, null, nowMillis);
    }

    public void onReplaceRequest(final ReplaceOrderCommand command, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final long sessionId = command.sessionId();
        final Order order = sessionOrders(sessionId).get(command.origClOrdId());
        final String refusal = refusal(order, sessionId, command.clOrdId(), command.origClOrdId(), "replace");
        if (refusal != null)
        {
            rejectCancel(sessionId, command.clOrdId(), command.origClOrdId(), true, order, refusal);
            return;
        }
        final String problem = replaceProblem(order, command);
        if (problem != null)
        {
            reports.onCancelRejected(sessionId, command.clOrdId(), command.origClOrdId(), true, order,
                CxlRejReason.OTHER, problem, nowMillis);
            return;
        }
        final long orderQty = checks.orderQty();
        final long price = checks.price();
        final long stopPx = checks.stopPx();

        if (!order.isPlaced())
        {
            // held by the gateway: nothing to ask a venue
            order.pendingReplace(command.clOrdId(), orderQty, price, stopPx);
            sessionOrders(sessionId).put(command.clOrdId(), order);
            order.replaceConfirmed();
            reports.onExecutionReport(order, ExecType.REPLACED, order.clOrdId(), order.origClOrdId(), nextExecId++,
                0, 0, checks.roundingNote(), nowMillis);
            triggers.check(order, onTrigger);
            return;
        }
        if (!order.isVenueAcknowledged())
        {
            reports.onCancelRejected(sessionId, command.clOrdId(), command.origClOrdId(), true, order,
                CxlRejReason.OTHER, notYetAcknowledged(order, "replace"), nowMillis);
            return;
        }

        // a quantity down to CumQty leaves nothing to amend: the remainder is canceled, as in the emulation
        final boolean amend = instruments.venue(order.venueId()).supports().amend() && orderQty > order.cumQty();
        final boolean queued = amend ? venues.amend(order, orderQty, price, stopPx) : venues.cancel(order);
        if (!queued)
        {
            reports.onCancelRejected(sessionId, command.clOrdId(), command.origClOrdId(), true, order,
                CxlRejReason.OTHER, busy(order), nowMillis);
            return;
        }
        if (!amend)
        {
            // emulated: the venue order is canceled, then placed again with the new terms
            order.venueCancelCause(VenueCancelCause.REPLACE);
            watch(order, VenueWatch.Kind.CANCEL);
        }
        order.pendingReplace(command.clOrdId(), orderQty, price, stopPx);
        sessionOrders(sessionId).put(command.clOrdId(), order);
        reports.onExecutionReport(order, ExecType.PENDING_REPLACE, command.clOrdId(), order.clOrdId(), nextExecId++,
            0, 0, null, nowMillis);
    }

    /**
     * Answers an OrderStatusRequest (H) with where the order stands (ExecType I); changes nothing.
     */
    public void onStatusRequest(final OrderStatusCommand command, final long nowMillis)
    {
        final Order order = sessionOrders(command.sessionId()).get(command.clOrdId());
        if (order == null)
        {
            reports.onStatusOfUnknownOrder(command, nextExecId++, nowMillis);
            return;
        }
        reports.onExecutionReport(order, ExecType.ORDER_STATUS, order.clOrdId(), null, nextExecId++, 0, 0, null, nowMillis);
    }

    /**
     * Answers an OrderMassStatusRequest (AF): one status report per working order of the session
     * (of the symbol, when asked by symbol), oldest first, or one report saying there is none.
     */
    public void onMassStatusRequest(final MassStatusCommand command, final long nowMillis)
    {
        selectWorkingOrders(command.sessionId(),
            command.requestType() == MassStatusCommand.BY_SYMBOL ? command.symbol() : null);
        final int total = selected.size();
        if (total == 0)
        {
            reports.onMassStatusReport(command, null, nextExecId++, 0, true, nowMillis);
            return;
        }
        for (int i = 0; i < total; i++)
        {
            reports.onMassStatusReport(command, selected.get(i), nextExecId++, total, i == total - 1, nowMillis);
        }
        selected.clear();
    }

    /**
     * Answers an OrderMassCancelRequest (q): the OrderMassCancelReport first, then each working order
     * of the session (of the symbol, when asked by symbol) is canceled and reported Canceled. Orders
     * that already have a cancel in flight are left to it and not counted.
     */
    public void onMassCancelRequest(final MassCancelCommand command, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        if (command.requestType() != MassCancelCommand.BY_SYMBOL && command.requestType() != MassCancelCommand.ALL)
        {
            reports.onMassCancelReport(command, nextOrderKey++, false, 0,
                "MassCancelRequestType (530) " + command.requestType() + " is not supported (supported: 1 by Symbol, 7 all)",
                nowMillis);
            return;
        }
        if (command.requestType() == MassCancelCommand.BY_SYMBOL && command.symbol() == null)
        {
            reports.onMassCancelReport(command, nextOrderKey++, false, 0,
                "Symbol (55) is required for MassCancelRequestType (530) 1", nowMillis);
            return;
        }
        selectWorkingOrders(command.sessionId(),
            command.requestType() == MassCancelCommand.BY_SYMBOL ? command.symbol() : null);
        selected.removeIf(OrderCore::alreadyBeingCanceled);
        reports.onMassCancelReport(command, nextOrderKey++, true, selected.size(), null, nowMillis);
        for (int i = 0; i < selected.size(); i++)
        {
            cancelByGateway(selected.get(i), VenueCancelCause.MASS_CANCEL);
        }
        selected.clear();
    }

    /**
     * Lets time pass: deadlines that are due fire (Day and GTD expiry, retries of cancels).
     *
     * @return how many deadlines fired.
     */
    public int onTime(final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final int disconnected = cancelOnDisconnectAt.isEmpty() ? 0 : cancelForDisconnectedSessions();
        return timers == null ? disconnected : disconnected + timers.poll(nowMillis, onTimer);
    }

    /**
     * A session with cancel-on-disconnect logged out or dropped: unless it logs on again within
     * {@code graceMillis}, its working orders are canceled then.
     */
    public void onSessionDisconnected(final long sessionId, final long graceMillis, final long nowMillis)
    {
        cancelOnDisconnectAt.put(sessionId, nowMillis + graceMillis);
    }

    /** A session logged on: a cancel-on-disconnect still in its grace period is called off. */
    public void onSessionLoggedOn(final long sessionId)
    {
        cancelOnDisconnectAt.remove(sessionId);
    }

    /**
     * What a venue's answer to a status query found: fills the gateway had not heard of are reported
     * first, then the order goes where the venue says it is.
     *
     * @param cumQty  what the venue says has filled in all.
     * @param avgPx   the venue's average price of those fills; 0 when it does not say.
     */
    public void onVenueStatus(
        final long orderKey,
        final VenueOrderStatus status,
        final String venueOrderId,
        final long cumQty,
        final long avgPx,
        final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final Order order = knownOrder(orderKey, OrderEvent.VENUE_STATUS, nowMillis);
        if (order == null || order.state().isTerminal())
        {
            return;
        }
        final boolean reconciling = order.watching() == VenueWatch.Kind.RECONCILE;
        heard(order, VenueWatch.Kind.RECONCILE);
        if (cumQty > order.cumQty())
        {
            final long missing = cumQty - order.cumQty();
            onVenueFill(orderKey, missing, missedFillPrice(order, cumQty, avgPx, missing), nowMillis);
            if (order.state().isTerminal())
            {
                if (reconciling)
                {
                    // a cancel or replace from before the restart will get no answer from the venue in this run
                    rejectPendingRequest(order, CxlRejReason.TOO_LATE_TO_CANCEL, "the order filled at venue " +
                        order.venueId() + " while the gateway was down");
                }
                return;
            }
        }
        switch (status)
        {
            case OPEN:
                if (order.watching() == VenueWatch.Kind.SUBMIT)
                {
                    onVenueAccepted(orderKey, venueOrderId, nowMillis);
                }
                else if (reconciling)
                {
                    resumeAfterRestart(order, venueOrderId);
                }
                break;
            case CANCELED:
                onVenueCanceled(orderKey, "canceled at venue " + order.venueId() + " (found by a status query)",
                    nowMillis);
                break;
            case REJECTED:
                onVenueRejected(orderKey, "refused (found by a status query)", nowMillis);
                break;
            case UNKNOWN:
                if (order.watching() == VenueWatch.Kind.SUBMIT)
                {
                    onVenueRejected(orderKey, "no answer to the order, and no order with its client order id at the " +
                        "venue: it was not placed", nowMillis);
                }
                else if (order.watching() == VenueWatch.Kind.CANCEL || reconciling)
                {
                    onVenueCanceled(orderKey, "venue " + order.venueId() + " no longer has the order", nowMillis);
                }
                break;
            default:
                // FILLED: the fills above ended the order, or they had all been heard already
                break;
        }
    }

    /**
     * A recovered order the venue still works: a client cancel that was waiting is sent again (the
     * client asked for it and never heard the outcome); a replace is refused, its new terms being
     * lost; a cancel of the gateway's own follows as before.
     */
    private void resumeAfterRestart(final Order order, final String venueOrderId)
    {
        if (order.venueOrderId() == null)
        {
            order.venueOrderId(venueOrderId);
        }
        if (order.pending() == Order.PendingRequest.REPLACE)
        {
            rejectPendingRequest(order, CxlRejReason.OTHER,
                "the gateway restarted before the venue answered the replace; the order is unchanged, send it again");
        }
        else if (order.pending() == Order.PendingRequest.CANCEL)
        {
            if (venues.cancel(order))
            {
                order.venueCancelCause(VenueCancelCause.CLIENT);
                watch(order, VenueWatch.Kind.CANCEL);
                return;
            }
            rejectPendingRequest(order, CxlRejReason.OTHER, busy(order));
        }
        afterAcknowledged(order);
    }

    /**
     * The best bid and ask of a venue symbol: triggers the stops the gateway holds for that venue.
     */
    public void onMarketPrice(
        final String venueId, final String symbol, final long bidPx, final long askPx, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        triggers.onMarketPrice(venueId, symbol, bidPx, askPx, onTrigger);
    }

    public void onVenueAccepted(final long orderKey, final String venueOrderId, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final Order order = knownOrder(orderKey, OrderEvent.VENUE_ACCEPTED, nowMillis);
        if (order == null)
        {
            return;
        }
        heard(order, VenueWatch.Kind.SUBMIT);
        if (order.isReplacementPlaced())
        {
            order.venueOrderId(venueOrderId);
            order.venueAcknowledged();
            completeReplace(order);
            afterAcknowledged(order);
            return;
        }
        if (order.state() == OrderState.REJECTED)
        {
            reports.onIllegalTransition(order, OrderEvent.VENUE_ACCEPTED, nowMillis);
            return;
        }
        if (order.isVenueAcknowledged())
        {
            if (order.venueOrderId() != null)
            {
                reports.onIllegalTransition(order, OrderEvent.VENUE_ACCEPTED, nowMillis);
                return;
            }
            // the acknowledgement overtaken by a fill or cancel: the client has already heard New
            order.venueOrderId(venueOrderId);
            return;
        }
        order.venueOrderId(venueOrderId);
        order.venueAcknowledged();
        if (order.state() == OrderState.PENDING_NEW)
        {
            if (!apply(order, OrderEvent.VENUE_ACCEPTED, nowMillis))
            {
                return;
            }
            reportNew(order);
        }
        // otherwise a triggered stop: the client heard New when the gateway took the order
        afterAcknowledged(order);
    }

    public void onVenueRejected(final long orderKey, final String reason, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final Order order = knownOrder(orderKey, OrderEvent.VENUE_REJECTED, nowMillis);
        if (order == null)
        {
            return;
        }
        heard(order, VenueWatch.Kind.SUBMIT);
        if (order.isReplacementPlaced())
        {
            order.replacementPlaced(false);
            final String text = "venue " + order.venueId() + " rejected the replacement order: " + reason;
            rejectPendingRequest(order, CxlRejReason.OTHER, text);
            order.state(OrderState.CANCELED);
            finish(order);
            reports.onExecutionReport(order, ExecType.CANCELED, order.clOrdId(), null, nextExecId++, 0, 0,
                "canceled: " + text, nowMillis);
            return;
        }
        if (order.state() == OrderState.PENDING_NEW)
        {
            if (apply(order, OrderEvent.VENUE_REJECTED, nowMillis))
            {
                finish(order);
                reports.onExecutionReport(order, ExecType.REJECTED, order.clOrdId(), null, nextExecId++, 0, 0,
                    "rejected by venue " + order.venueId() + ": " + reason, nowMillis);
            }
            return;
        }
        if (order.isPlaced() && !order.isVenueAcknowledged() && !order.state().isTerminal())
        {
            // a triggered stop the venue refused: the order the client knows ends here
            rejectPendingRequest(order, CxlRejReason.TOO_LATE_TO_CANCEL, "the triggered order was rejected by the venue");
            order.state(OrderState.CANCELED);
            finish(order);
            reports.onExecutionReport(order, ExecType.CANCELED, order.clOrdId(), null, nextExecId++, 0, 0,
                "canceled: venue " + order.venueId() + " rejected the triggered order: " + reason, nowMillis);
            return;
        }
        reports.onIllegalTransition(order, OrderEvent.VENUE_REJECTED, nowMillis);
    }

    public void onVenueFill(final long orderKey, final long lastQty, final long lastPx, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final Order order = knownOrder(orderKey, OrderEvent.PARTIAL_FILL, nowMillis);
        if (order == null)
        {
            return;
        }
        heard(order, VenueWatch.Kind.SUBMIT);
        if (order.isReplacementPlaced())
        {
            // the replacement traded before its acknowledgement arrived: it is live, so the replace is done
            order.venueAcknowledged();
            completeReplace(order);
        }
        final long cumQtyAfter = order.cumQty() + lastQty;
        if (lastQty <= 0 || lastPx <= 0 || cumQtyAfter > order.orderQty() || order.state().isTerminal())
        {
            reports.onIllegalTransition(order, OrderEvent.PARTIAL_FILL, nowMillis);
            return;
        }
        if (order.state() == OrderState.PENDING_NEW)
        {
            // a venue may report a trade before its acknowledgement; the client still sees New first
            order.state(OrderState.NEW);
            order.venueAcknowledged();
            reportNew(order);
        }
        else if (!order.isVenueAcknowledged())
        {
            order.venueAcknowledged();
        }
        final OrderEvent event = cumQtyAfter == order.orderQty() ? OrderEvent.FULL_FILL : OrderEvent.PARTIAL_FILL;
        if (apply(order, event, nowMillis))
        {
            order.addFill(lastQty, lastPx);
            if (order.state().isTerminal())
            {
                finish(order);
            }
            reports.onExecutionReport(order, ExecType.TRADE, order.clOrdId(), null, nextExecId++, lastQty, lastPx,
                null, nowMillis);
            if (!order.state().isTerminal())
            {
                afterAcknowledged(order);
            }
        }
    }

    public void onVenueCanceled(final long orderKey, final String reason, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final Order order = knownOrder(orderKey, OrderEvent.VENUE_CANCELED, nowMillis);
        if (order == null)
        {
            return;
        }
        heard(order, VenueWatch.Kind.SUBMIT);
        heard(order, VenueWatch.Kind.CANCEL);
        if (order.state() == OrderState.PENDING_NEW)
        {
            // ended by the venue before any acknowledgement (an IOC or FOK that found nothing):
            // the client still sees New first
            order.state(OrderState.NEW);
            order.venueAcknowledged();
            reportNew(order);
        }
        if (order.state().isTerminal())
        {
            reports.onIllegalTransition(order, OrderEvent.VENUE_CANCELED, nowMillis);
            return;
        }
        final VenueCancelCause cause = order.venueCancelCause();
        order.venueCancelCause(VenueCancelCause.NONE);
        switch (cause)
        {
            case REPLACE:
                placeReplacement(order);
                break;
            case EXPIRY:
                expire(order);
                break;
            case CLIENT:
            case MASS_CANCEL:
            case IMMEDIATE_OR_CANCEL:
            case CANCEL_ON_DISCONNECT:
                finishCanceled(order, cause, null);
                break;
            default:
                // unsolicited: a request of the client's still in flight can no longer succeed
                rejectPendingRequest(order, CxlRejReason.TOO_LATE_TO_CANCEL, "the venue canceled the order: " + reason);
                finishCanceled(order, VenueCancelCause.NONE, reason);
                break;
        }
    }

    public void onVenueCancelRejected(final long orderKey, final String reason, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final Order order = knownOrder(orderKey, OrderEvent.VENUE_CANCELED, nowMillis);
        if (order == null)
        {
            return;
        }
        final VenueCancelCause cause = order.venueCancelCause();
        switch (cause)
        {
            case CLIENT:
            case REPLACE:
                heard(order, VenueWatch.Kind.CANCEL);
                order.venueCancelCause(VenueCancelCause.NONE);
                rejectPendingRequest(order, order.state().isTerminal() ?
                    CxlRejReason.TOO_LATE_TO_CANCEL : CxlRejReason.OTHER,
                    (cause == VenueCancelCause.CLIENT ? "cancel" : "replace") + " rejected by venue " + order.venueId() +
                    ": " + reason);
                afterAcknowledged(order);
                break;
            case EXPIRY:
            case MASS_CANCEL:
            case IMMEDIATE_OR_CANCEL:
            case CANCEL_ON_DISCONNECT:
                if (!order.state().isTerminal())
                {
                    // the order still works as far as the gateway knows: find out where it stands, and
                    // keep the cancel wanted; the watch sends it again if the order is still open
                    venues.query(order);
                    reports.onVenueStatusQueried(order, nowMillis);
                }
                break;
            default:
                order.venueCancelCause(VenueCancelCause.NONE);
                break;
        }
    }

    /**
     * A venue expired a GTD order it holds natively.
     */
    public void onVenueExpired(final long orderKey, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final Order order = knownOrder(orderKey, OrderEvent.EXPIRED, nowMillis);
        if (order == null)
        {
            return;
        }
        heard(order, VenueWatch.Kind.SUBMIT);
        heard(order, VenueWatch.Kind.CANCEL);
        if (order.state().isTerminal())
        {
            reports.onIllegalTransition(order, OrderEvent.EXPIRED, nowMillis);
            return;
        }
        order.venueCancelCause(VenueCancelCause.NONE);
        rejectPendingRequest(order, CxlRejReason.TOO_LATE_TO_CANCEL, "the order expired");
        expire(order);
    }

    /**
     * A venue confirmed an amend: the order has its new terms.
     */
    public void onVenueReplaced(final long orderKey, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final Order order = knownOrder(orderKey, OrderEvent.VENUE_REPLACED, nowMillis);
        if (order == null)
        {
            return;
        }
        if (order.pending() != Order.PendingRequest.REPLACE)
        {
            reports.onIllegalTransition(order, OrderEvent.VENUE_REPLACED, nowMillis);
            return;
        }
        completeReplace(order);
        afterAcknowledged(order);
    }

    public void onVenueReplaceRejected(final long orderKey, final String reason, final long nowMillis)
    {
        this.nowMillis = nowMillis;
        final Order order = knownOrder(orderKey, OrderEvent.VENUE_REPLACED, nowMillis);
        if (order == null || order.pending() != Order.PendingRequest.REPLACE)
        {
            return;
        }
        rejectPendingRequest(order, order.state().isTerminal() ? CxlRejReason.TOO_LATE_TO_CANCEL : CxlRejReason.OTHER,
            "replace rejected by venue " + order.venueId() + ": " + reason);
        afterAcknowledged(order);
    }

    /**
     * @return the order, or null if the gateway has none with that key.
     */
    public Order order(final long orderKey)
    {
        return ordersByKey.get(orderKey);
    }

    public int orderCount()
    {
        return ordersByKey.size();
    }

    /** Orders not yet finished; counts them all, for start-up and tests, not the order path. */
    public int openOrderCount()
    {
        int open = 0;
        for (final Order order : ordersByKey.values())
        {
            if (!order.state().isTerminal())
            {
                open++;
            }
        }
        return open;
    }

    /** Stops the gateway holds for venues without native triggers. */
    public int heldStopCount()
    {
        return triggers.held();
    }

    /** Deadlines and retries waiting on the timer wheel. */
    public int scheduledTimerCount()
    {
        return timers == null ? 0 : timers.scheduled();
    }

    // ---- the venue side of an order

    /**
     * What to do once the venue holds the order (or a replace completed): a cancel that had to wait,
     * or the cancel that emulates IOC.
     */
    private void afterAcknowledged(final Order order)
    {
        if (order.state().isTerminal() || order.pending() != Order.PendingRequest.NONE ||
            order.venueCancelCause() != VenueCancelCause.NONE)
        {
            return;
        }
        final VenueCancelCause deferred = order.deferredCancel();
        if (deferred != VenueCancelCause.NONE)
        {
            order.deferredCancel(VenueCancelCause.NONE);
            cancelByGateway(order, deferred);
        }
        else if (order.timeInForce() == TimeInForce.IMMEDIATE_OR_CANCEL &&
            order.venueTimeInForce() != TimeInForce.IMMEDIATE_OR_CANCEL)
        {
            cancelByGateway(order, VenueCancelCause.IMMEDIATE_OR_CANCEL);
        }
    }

    /**
     * Cancels an order for a reason of the gateway's own (mass cancel, expiry, emulated IOC): at once
     * when the gateway holds it, when possible otherwise.
     */
    private void cancelByGateway(final Order order, final VenueCancelCause cause)
    {
        if (order.state().isTerminal())
        {
            return;
        }
        if (!order.isPlaced())
        {
            if (cause == VenueCancelCause.EXPIRY)
            {
                expire(order);
            }
            else
            {
                finishCanceled(order, cause, null);
            }
            return;
        }
        if (!order.isVenueAcknowledged() || order.pending() != Order.PendingRequest.NONE)
        {
            // nothing to cancel yet, or a request in flight changes the venue order: after it
            order.deferredCancel(cause);
            return;
        }
        if (order.venueCancelCause() != VenueCancelCause.NONE)
        {
            return;
        }
        if (order.venueTimeInForce() == TimeInForce.GOOD_TILL_DATE && cause == VenueCancelCause.EXPIRY &&
            !order.isTimedOut(nowMillis))
        {
            // the venue expires the order itself at its ExpireTime and says so
            return;
        }
        if (!venues.cancel(order))
        {
            retryLater(order, cause);
            return;
        }
        order.venueCancelCause(cause);
        watch(order, VenueWatch.Kind.CANCEL);
    }

    private void retryLater(final Order order, final VenueCancelCause cause)
    {
        reports.onGatewayCancelRetried(order, nowMillis);
        order.deferredCancel(cause);
        timers().cancel(order.timerId());
        order.timerId(timers().schedule(order.orderKey(), nowMillis + RETRY_MILLIS));
    }

    private void onTimer(final long orderKey, final long timerId)
    {
        final Order order = ordersByKey.get(orderKey);
        if (order == null || order.state().isTerminal())
        {
            return;
        }
        if (timerId == order.watchTimerId())
        {
            onWatchFired(order);
        }
        else if (timerId == order.timerId())
        {
            onDeadline(order);
        }
    }

    /** The venue has not answered a request in time: follow it up, one step of {@link VenueWatch}. */
    private void onWatchFired(final Order order)
    {
        order.watchFired();
        final int firing = order.watchFirings();
        final VenueWatch.Kind kind = order.watching();
        if (kind == VenueWatch.Kind.CANCEL && VenueWatch.resendsCancel(firing) && venues.cancel(order))
        {
            reports.onGatewayCancelRetried(order, nowMillis);
        }
        if (VenueWatch.queries(kind, firing) && venues.query(order))
        {
            reports.onVenueStatusQueried(order, nowMillis);
        }
        if (VenueWatch.surfaces(kind, firing))
        {
            surfaceUnresolved(order, kind);
        }
        order.watchTimerId(timers().schedule(order.orderKey(),
            nowMillis + VenueWatch.waitMillis(watchTimeoutMillis(kind), firing)));
    }

    /**
     * The venue still has not said what became of a request: the client hears it (a status report
     * with Text), and operators too (a metric and a WARN line). The gateway keeps following it up.
     */
    private void surfaceUnresolved(final Order order, final VenueWatch.Kind kind)
    {
        final long waitedMillis = nowMillis - order.watchStartMillis();
        final String waited = Durations.format(Duration.ofMillis(waitedMillis - waitedMillis % 1000));
        final String text = kind == VenueWatch.Kind.SUBMIT ?
            "unacknowledged: venue " + order.venueId() + " has not answered the order in " + waited +
            " nor status queries by its client order id; the gateway keeps asking" :
            kind == VenueWatch.Kind.RECONCILE ?
            "unchecked since the gateway restarted: venue " + order.venueId() + " has not answered status queries " +
            "in " + waited + "; fills meanwhile are not known yet; the gateway keeps asking" :
            "cancel not confirmed: venue " + order.venueId() + " has not confirmed the cancel in " + waited +
            ", after sending it again and a status query; the order may still be working; the gateway keeps trying";
        reports.onVenueRequestUnconfirmed(order, kind == VenueWatch.Kind.CANCEL, waitedMillis, nowMillis);
        reports.onExecutionReport(order, ExecType.ORDER_STATUS, order.clOrdId(), null, nextExecId++, 0, 0, text,
            nowMillis);
    }

    private void onDeadline(final Order order)
    {
        order.timerId(Order.NO_TIMER);
        final VenueCancelCause retry = order.deferredCancel();
        if (retry != VenueCancelCause.NONE && order.isVenueAcknowledged() &&
            order.pending() == Order.PendingRequest.NONE)
        {
            order.deferredCancel(VenueCancelCause.NONE);
            cancelByGateway(order, retry);
            return;
        }
        if (order.deadlineMillis() > 0 && order.deadlineMillis() <= nowMillis)
        {
            if (order.pending() != Order.PendingRequest.NONE || order.venueCancelCause() != VenueCancelCause.NONE)
            {
                // a request in flight changes the venue order: expire it once the venue has answered
                order.timerId(timers().schedule(order.orderKey(), nowMillis + RETRY_MILLIS));
                return;
            }
            if (order.isTimedOut(nowMillis))
            {
                final TimeoutRule rule = order.timeoutRule();
                reports.onTimeoutFired(order, rule == null ? "default" : rule.selector().configName() + " " + rule.value(),
                    nowMillis - order.timeoutMillis(), nowMillis);
            }
            cancelByGateway(order, VenueCancelCause.EXPIRY);
        }
    }

    /** Whether the venue itself holds an order of this triggered type; otherwise the gateway does. */
    static boolean venueHoldsTrigger(final VenueCapabilities supports, final OrdType ordType)
    {
        return ordType == OrdType.STOP_LIMIT ? supports.stopLimitOrders() : supports.stopOrders();
    }

    private void trigger(final Order order)
    {
        if (order.state().isTerminal() || order.isPlaced())
        {
            return;
        }
        final VenueCapabilities supports = instruments.venue(order.venueId()).supports();
        final OrdType placedAs = order.ordType().triggered();
        order.placed(placedAs, venueTimeInForce(order, supports), order.leavesQty(),
            placedAs.hasLimitPrice() ? order.price() : 0, 0);
        if (!venues.submit(order))
        {
            // the venue's queue is full: keep holding, the next price tries again
            order.placementFailed(false, false);
            triggers.hold(order);
            return;
        }
        watch(order, VenueWatch.Kind.SUBMIT);
        reports.onExecutionReport(order, ExecType.RESTATED, order.clOrdId(), null, nextExecId++, 0, 0,
            "triggered: StopPx " + Fixed.toString(order.stopPx()) + " reached; placed at venue " + order.venueId() +
            " as a " + (placedAs == OrdType.LIMIT ? "limit" : "market") + " order", nowMillis);
    }

    /** The cancel leg of an emulated replace succeeded: place the order again with its new terms. */
    private void placeReplacement(final Order order)
    {
        final long leaves = order.replaceQty() - order.cumQty();
        if (leaves <= 0)
        {
            // fills overtook the replace: nothing is left to place, and the order is done
            completeReplace(order);
            return;
        }
        final VenueCapabilities supports = instruments.venue(order.venueId()).supports();
        order.placed(order.venueOrdType(), venueTimeInForce(order, supports), leaves,
            order.venueOrdType().hasLimitPrice() ? order.replacePrice() : 0,
            order.venueOrdType().hasTrigger() ? order.replaceStopPx() : 0);
        if (!venues.submit(order))
        {
            order.placementFailed(true, true);
            final String text = "venue " + order.venueId() + " was too busy to take the replacement order";
            rejectPendingRequest(order, CxlRejReason.OTHER, text);
            finishCanceled(order, VenueCancelCause.NONE, "canceled: " + text);
            return;
        }
        order.replacementPlaced(true);
        watch(order, VenueWatch.Kind.SUBMIT);
    }

    private void completeReplace(final Order order)
    {
        order.replacementPlaced(false);
        if (order.replaceQty() < order.cumQty())
        {
            // FIX 4.4: a quantity reduced below what already filled leaves the order filled at CumQty
            order.pendingReplace(order.pendingClOrdId(), order.cumQty(), order.replacePrice(), order.replaceStopPx());
        }
        order.replaceConfirmed();
        if (order.cumQty() == order.orderQty())
        {
            order.state(OrderState.FILLED);
            finish(order);
        }
        else if (order.cumQty() > 0)
        {
            order.state(OrderState.PARTIALLY_FILLED);
        }
        reports.onExecutionReport(order, ExecType.REPLACED, order.clOrdId(), order.origClOrdId(), nextExecId++,
            0, 0, null, nowMillis);
    }

    private void expire(final Order order)
    {
        if (!apply(order, OrderEvent.EXPIRED, nowMillis))
        {
            return;
        }
        finish(order);
        final String text = order.isTimedOut(nowMillis) ? "timeout: " + (order.timeoutRule() != null ?
            order.timeoutRule().describe() :
            "default after " + Durations.format(Duration.ofMillis(order.timeoutMillis() - order.createdMillis()))) :
            order.timeInForce() == TimeInForce.DAY ?
            "expired: Day order reached the " + instruments.venue(order.venueId()).dayCutoffUtc() + " UTC cut-off of " +
            order.venueId() :
            "expired: ExpireTime (126) " + Instant.ofEpochMilli(order.expireTimeMillis()) + " reached";
        reports.onExecutionReport(order, ExecType.EXPIRED, order.clOrdId(), null, nextExecId++, 0, 0, text, nowMillis);
    }

    private void finishCanceled(final Order order, final VenueCancelCause cause, final String venueReason)
    {
        if (!apply(order, OrderEvent.VENUE_CANCELED, nowMillis))
        {
            return;
        }
        finish(order);
        final String text;
        switch (cause)
        {
            case CLIENT:
                order.cancelConfirmed();
                reports.onExecutionReport(order, ExecType.CANCELED, order.clOrdId(), order.origClOrdId(), nextExecId++,
                    0, 0, null, nowMillis);
                return;
            case MASS_CANCEL:
                text = "canceled by OrderMassCancelRequest";
                break;
            case IMMEDIATE_OR_CANCEL:
                text = "IOC: unfilled quantity canceled";
                break;
            case CANCEL_ON_DISCONNECT:
                text = "canceled on disconnect: the session logged out or dropped and did not log on again in time";
                break;
            default:
                text = venueReason;
                break;
        }
        reports.onExecutionReport(order, ExecType.CANCELED, order.clOrdId(), null, nextExecId++, 0, 0, text, nowMillis);
    }

    /** The order is done: it needs no timer, no trigger and no deferred cancel any more. */
    private void finish(final Order order)
    {
        if (timers != null)
        {
            timers.cancel(order.timerId());
        }
        order.timerId(Order.NO_TIMER);
        heard(order, order.watching());
        order.deferredCancel(VenueCancelCause.NONE);
        if (!order.isPlaced())
        {
            triggers.release(order);
        }
    }

    /** Refuses the client's cancel or replace in flight, giving its reserved ClOrdID back. */
    private void rejectPendingRequest(final Order order, final CxlRejReason reason, final String text)
    {
        final Order.PendingRequest pending = order.pending();
        if (pending == Order.PendingRequest.NONE)
        {
            return;
        }
        final String requestClOrdId = order.pendingClOrdId();
        sessionOrders(order.sessionId()).remove(requestClOrdId, order);
        order.clearPending();
        reports.onCancelRejected(order.sessionId(), requestClOrdId, order.clOrdId(),
            pending == Order.PendingRequest.REPLACE, order, reason, text, nowMillis);
    }

    // ---- checks

    /**
     * @return why a cancel or replace of {@code order} cannot even be considered, or null.
     */
    private String refusal(
        final Order order, final long sessionId, final String clOrdId, final String origClOrdId, final String request)
    {
        if (order == null)
        {
            refusalReason = CxlRejReason.UNKNOWN_ORDER;
            return "unknown order: no order with ClOrdID '" + origClOrdId + "' in this session";
        }
        if (order.state().isTerminal())
        {
            refusalReason = CxlRejReason.TOO_LATE_TO_CANCEL;
            return "too late to " + request + ": order is already " + order.state().name().toLowerCase();
        }
        if (order.pending() != Order.PendingRequest.NONE)
        {
            refusalReason = CxlRejReason.ALREADY_PENDING_CANCEL;
            return "order already has a " + (order.pending() == Order.PendingRequest.CANCEL ? "cancel" : "replace") +
                " pending (ClOrdID '" + order.pendingClOrdId() + "')";
        }
        if (order.venueCancelCause() != VenueCancelCause.NONE)
        {
            refusalReason = CxlRejReason.ALREADY_PENDING_CANCEL;
            return "the gateway is already canceling the order (" + describe(order.venueCancelCause()) + ")";
        }
        if (sessionOrders(sessionId).containsKey(clOrdId))
        {
            refusalReason = CxlRejReason.DUPLICATE_CLORDID;
            return "duplicate ClOrdID (11) '" + clOrdId + "': the session already used it";
        }
        return null;
    }

    private void rejectCancel(
        final long sessionId, final String clOrdId, final String origClOrdId, final boolean replace, final Order order,
        final String text)
    {
        reports.onCancelRejected(sessionId, clOrdId, origClOrdId, replace, order, refusalReason, text, nowMillis);
    }

    /**
     * @return what is wrong with the replace's terms, or null; when null the checked terms are in {@link #checks}.
     */
    private String replaceProblem(final Order order, final ReplaceOrderCommand command)
    {
        if (!order.symbol().equals(command.symbol()) || order.side() != command.side())
        {
            return "Symbol (55) and Side (54) cannot change: they must be the order's (" + order.symbol() + ", " +
                (order.side() == Side.BUY ? "1" : "2") + "); cancel and send a new order instead";
        }
        if (order.ordType() != command.ordType())
        {
            return "OrdType (40) cannot change: it must be the order's " + NewOrderChecks.describe(order.ordType());
        }
        if (command.timeInForce() != null && command.timeInForce() != order.timeInForce())
        {
            return "TimeInForce (59) cannot change: it must be the order's " + order.timeInForce().fixValue() +
                " or left out";
        }
        if (command.expireTimeMillis() != NewOrderCommand.ABSENT &&
            (order.timeInForce() != TimeInForce.GOOD_TILL_DATE || command.expireTimeMillis() != order.expireTimeMillis()))
        {
            return "ExpireTime (126) cannot change: send the order's own or leave it out";
        }
        final VenueRules venue = instruments.venue(order.venueId());
        final Instrument instrument = instruments.instrument(order.venueId(), order.symbol());
        if (!checks.check(venue, instrument, order.side(), order.ordType(), order.timeInForce(), command.orderQty(),
            command.price(), command.stopPx(), order.postOnly()))
        {
            return checks.problem();
        }
        if (checks.orderQty() < order.cumQty())
        {
            return "OrderQty (38) " + Fixed.toString(checks.orderQty()) + " is below CumQty (14) " +
                Fixed.toString(order.cumQty()) + ": it cannot be less than what has already filled";
        }
        return null;
    }

    /**
     * @return the order's expiry in epoch milliseconds, 0 for none, or -1 after rejecting the order.
     */
    private long expireTime(
        final NewOrderCommand command, final VenueRules venue, final TimeInForce timeInForce, final long nowMillis)
    {
        final long expireTime = command.expireTimeMillis();
        if (timeInForce == TimeInForce.GOOD_TILL_DATE)
        {
            if (expireTime == NewOrderCommand.ABSENT)
            {
                rejectNewOrder(command, OrdRejReason.OTHER, "ExpireTime (126) is required for TimeInForce (59) 6 (GTD)",
                    nowMillis);
                return -1;
            }
            if (expireTime <= nowMillis)
            {
                rejectNewOrder(command, OrdRejReason.TOO_LATE_TO_ENTER,
                    "ExpireTime (126) " + Instant.ofEpochMilli(expireTime) + " has already passed", nowMillis);
                return -1;
            }
            return expireTime;
        }
        if (expireTime != NewOrderCommand.ABSENT)
        {
            rejectNewOrder(command, OrdRejReason.OTHER, "ExpireTime (126) applies only to TimeInForce (59) 6 (GTD)",
                nowMillis);
            return -1;
        }
        return timeInForce == TimeInForce.DAY ? nextCutoff(nowMillis, venue) : 0;
    }

    static long nextCutoff(final long nowMillis, final VenueRules venue)
    {
        final long startOfDay = nowMillis - Math.floorMod(nowMillis, DAY_MILLIS);
        final long cutoff = startOfDay + venue.dayCutoffUtc().toSecondOfDay() * 1000L;
        return cutoff > nowMillis ? cutoff : cutoff + DAY_MILLIS;
    }

    // ---- helpers

    private static TimeInForce venueTimeInForce(final Order order, final VenueCapabilities supports)
    {
        switch (order.timeInForce())
        {
            case IMMEDIATE_OR_CANCEL:
                return supports.immediateOrCancel() ? TimeInForce.IMMEDIATE_OR_CANCEL : TimeInForce.GOOD_TILL_CANCEL;
            case FILL_OR_KILL:
                return TimeInForce.FILL_OR_KILL;
            case GOOD_TILL_DATE:
                return supports.goodTillDate() ? TimeInForce.GOOD_TILL_DATE : TimeInForce.GOOD_TILL_CANCEL;
            default:
                // Day is the gateway's own cut-off; GTC as it is
                return TimeInForce.GOOD_TILL_CANCEL;
        }
    }

    /** Starts waiting for the venue's answer to a request just sent. */
    private void watch(final Order order, final VenueWatch.Kind kind)
    {
        heard(order, order.watching());
        order.watch(kind, nowMillis);
        order.watchTimerId(timers().schedule(order.orderKey(), nowMillis + watchTimeoutMillis(kind)));
    }

    /** The venue answered what the order was waiting for, if it was waiting for {@code kind}. */
    private void heard(final Order order, final VenueWatch.Kind kind)
    {
        if (kind == VenueWatch.Kind.NONE || order.watching() != kind)
        {
            return;
        }
        if (timers != null)
        {
            timers.cancel(order.watchTimerId());
        }
        order.watch(VenueWatch.Kind.NONE, 0);
    }

    private long watchTimeoutMillis(final VenueWatch.Kind kind)
    {
        final TimeoutConfig config = timeoutPolicy.config();
        return (kind == VenueWatch.Kind.CANCEL ? config.unconfirmedCancel() : config.unacknowledgedSubmit()).toMillis();
    }

    /** The price of fills a status query found and the gateway had not heard of: what makes the venue's average. */
    private static long missedFillPrice(final Order order, final long venueCumQty, final long venueAvgPx, final long missing)
    {
        if (venueAvgPx <= 0)
        {
            return order.price() > 0 ? order.price() : order.avgPx();
        }
        final double missingNotional = (double)venueCumQty * venueAvgPx - (double)order.cumQty() * order.avgPx();
        final long price = Math.round(missingNotional / missing);
        return price > 0 ? price : venueAvgPx;
    }

    private int cancelForDisconnectedSessions()
    {
        int due = 0;
        final Long2LongHashMap.EntryIterator sessions = cancelOnDisconnectAt.entrySet().iterator();
        while (sessions.hasNext())
        {
            sessions.next();
            if (sessions.getLongValue() > nowMillis)
            {
                continue;
            }
            final long sessionId = sessions.getLongKey();
            sessions.remove();
            selectWorkingOrders(sessionId, null);
            selected.removeIf(OrderCore::alreadyBeingCanceled);
            for (int i = 0; i < selected.size(); i++)
            {
                cancelByGateway(selected.get(i), VenueCancelCause.CANCEL_ON_DISCONNECT);
            }
            due += selected.size();
            selected.clear();
        }
        return due;
    }

    private void scheduleDeadline(final Order order)
    {
        if (order.deadlineMillis() > 0)
        {
            order.timerId(timers().schedule(order.orderKey(), order.deadlineMillis()));
        }
    }

    private void applyTimeoutPolicy(final Order order, final String clientCompId, final long nowMillis)
    {
        final TimeoutRule rule = timeoutPolicy.ruleFor(clientCompId == null ? "" : clientCompId, order.venueId(),
            order.symbol(), order.ordType().fixValue(), order.timeInForce().fixValue());
        final Duration after = rule != null ? rule.after() : timeoutPolicy.config().defaultAfter();
        if (after != null)
        {
            order.timeout(nowMillis + after.toMillis(), rule);
        }
    }

    private OrderTimers timers()
    {
        if (timers == null)
        {
            timers = new OrderTimers(nowMillis);
        }
        return timers;
    }

    private void reportNew(final Order order)
    {
        reports.onExecutionReport(order, ExecType.NEW, order.clOrdId(), null, nextExecId++, 0, 0,
            order.acknowledgementText(), nowMillis);
        order.acknowledgementText(null);
    }

    private void index(final Order order, final Map<String, Order> sessionOrders)
    {
        ordersByKey.put(order.orderKey(), order);
        sessionOrders.put(order.clOrdId(), order);
    }

    private void selectWorkingOrders(final long sessionId, final String symbol)
    {
        selected.clear();
        for (final Order order : ordersByKey.values())
        {
            if (order.sessionId() == sessionId && !order.state().isTerminal() &&
                (symbol == null || symbol.equals(order.symbol())))
            {
                selected.add(order);
            }
        }
        selected.sort(Comparator.comparingLong(Order::orderKey));
    }

    private Order knownOrder(final long orderKey, final OrderEvent event, final long nowMillis)
    {
        final Order order = ordersByKey.get(orderKey);
        if (order == null)
        {
            reports.onUnknownOrder(orderKey, event, nowMillis);
        }
        return order;
    }

    private boolean apply(final Order order, final OrderEvent event, final long nowMillis)
    {
        final OrderState next = OrderState.next(order.state(), event);
        if (next == null)
        {
            reports.onIllegalTransition(order, event, nowMillis);
            return false;
        }
        order.state(next);
        return true;
    }

    private Map<String, Order> sessionOrders(final long sessionId)
    {
        Map<String, Order> orders = ordersBySessionAndClOrdId.get(sessionId);
        if (orders == null)
        {
            orders = new HashMap<>();
            ordersBySessionAndClOrdId.put(sessionId, orders);
        }
        return orders;
    }

    private static String heldText(final Order order, final String roundingNote)
    {
        final String held = "held by the gateway until " + (order.side() == Side.BUY ? "the ask" : "the bid") +
            " reaches StopPx " + Fixed.toString(order.stopPx());
        return roundingNote == null ? held : held + "; " + roundingNote;
    }

    private static boolean alreadyBeingCanceled(final Order order)
    {
        final VenueCancelCause cause = order.venueCancelCause();
        // a replace in flight is not a cancel: the order is canceled once the replace is done
        return order.pending() == Order.PendingRequest.CANCEL || order.deferredCancel() != VenueCancelCause.NONE ||
            cause != VenueCancelCause.NONE && cause != VenueCancelCause.REPLACE;
    }

    private static String notYetAcknowledged(final Order order, final String request)
    {
        return "order not yet acknowledged by venue " + order.venueId() + ": retry the " + request;
    }

    private static String busy(final Order order)
    {
        return "venue " + order.venueId() + " is busy: its request queue is full, retry later";
    }

    private static String describe(final VenueCancelCause cause)
    {
        switch (cause)
        {
            case EXPIRY: return "the order expired";
            case MASS_CANCEL: return "mass cancel";
            case IMMEDIATE_OR_CANCEL: return "IOC remainder";
            case CANCEL_ON_DISCONNECT: return "cancel on disconnect";
            default: return "replace";
        }
    }
}
