package io.cryptofix.order;

import io.cryptofix.config.RiskConfig;
import io.cryptofix.config.TimeoutConfig;
import io.cryptofix.config.TimeoutPolicy;
import io.cryptofix.config.TimeoutRule;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.domain.OrdRejReason;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order state machine's front door: every input the gateway has for orders (client requests,
 * venue answers, prices, time, sessions coming and going) comes in here, on the duty-cycle thread, and
 * goes to the part whose job it is. Every change of an order is an {@link OrderEvent}, emitted to one
 * {@link OrderEventSink}; requests to venues go to the {@link VenueRouter}; what operators should see
 * beside, to the {@link OrderCoreObserver}.
 *
 * <p>Pure logic: no I/O, no clock, no threads. Each input carries its time, so the same inputs always
 * give the same events (replay, recovery, tests).
 *
 * <p>Before anything leaves, an order meets the trading states of the gateway, its venue and its
 * session ({@link TradingStates}) and the risk limits ({@link PreTradeLimits}, {@link PositionLimits});
 * the kill switch ({@link KillSwitch}) halts a scope and cancels its orders; the automatic trips
 * ({@link PriceMoveTrip}, {@link RejectRateTrip}) change states on their own.
 *
 * <p>What a venue lacks natively is emulated: stop triggers ({@link StopTriggers}), Day and GTD expiry
 * and IOC ({@link GatewayCancels}), amend as cancel and new ({@link ClientRequests},
 * {@link VenueAnswers}). A venue request that goes unanswered is followed up ({@link FollowUps}), its
 * status answers read by {@link VenueStatusAnswers}.
 */
public final class OrderCore
{
    private static final TimeoutPolicy NO_TIMEOUTS = new TimeoutPolicy(TimeoutConfig.NONE);

    private final OrderIndex index = new OrderIndex();
    private final FinishedOrders finishedOrders = new FinishedOrders(index);
    private final InstrumentCatalog instruments;
    private final PreTradeLimits limits = new PreTradeLimits();
    private final SessionThrottles throttles = new SessionThrottles();
    private final SessionLimits sessionLimits = new SessionLimits(index);
    private final SessionPositions positions = new SessionPositions();
    private final TradingStates states;
    private final PositionLimits positionLimits;
    private final KillSwitch killSwitch;
    private final PriceMoveTrip priceMoves;
    private final RejectRateTrip rejectRates;
    private final OrderEvents events;
    private final FollowUps followUps;
    private final GatewayCancels gatewayCancels;
    private final StopTriggers triggers;
    private final NewOrderIntake intake;
    private final ClientRequests clientRequests;
    private final VenueAnswers venueAnswers;
    private final VenueStatusAnswers venueStatus;
    private final StatusAnswers statusAnswers;
    private final Reconciliation reconciliation;

    public OrderCore(final InstrumentCatalog instruments, final VenueRouter venues, final OrderEventSink sink)
    {
        this(instruments, venues, sink, OrderCoreObserver.NONE, NO_TIMEOUTS);
    }

    public OrderCore(
        final InstrumentCatalog instruments,
        final VenueRouter venues,
        final OrderEventSink sink,
        final OrderCoreObserver observer)
    {
        this(instruments, venues, sink, observer, NO_TIMEOUTS);
    }

    public OrderCore(
        final InstrumentCatalog instruments,
        final VenueRouter venues,
        final OrderEventSink sink,
        final OrderCoreObserver observer,
        final TimeoutPolicy timeoutPolicy)
    {
        this.instruments = instruments;
        events = new OrderEvents(sink, observer);
        states = new TradingStates(positions, observer);
        positionLimits = new PositionLimits(positions, observer);
        priceMoves = new PriceMoveTrip(states);
        rejectRates = new RejectRateTrip(states);
        final VenueRequests requests = new VenueRequests(events, venues, observer);
        final OrderEndings endings = new OrderEndings(events, index, instruments);
        followUps = new FollowUps(index, events, requests, observer, timeoutPolicy);
        gatewayCancels = new GatewayCancels(index, events, requests, followUps, endings, observer);
        followUps.deadlines(gatewayCancels);
        triggers = new StopTriggers(instruments, events, requests, followUps);
        intake = new NewOrderIntake(instruments, index, events, requests, followUps, triggers, limits, throttles,
            sessionLimits, gatewayCancels, observer, states, positionLimits);
        clientRequests = new ClientRequests(instruments, index, events, requests, followUps, triggers, endings, limits,
            throttles, sessionLimits, observer, states, positionLimits);
        venueAnswers = new VenueAnswers(instruments, index, events, requests, followUps, gatewayCancels, endings,
            observer);
        venueStatus = new VenueStatusAnswers(venueAnswers, events, requests, followUps, gatewayCancels, endings,
            observer);
        statusAnswers = new StatusAnswers(index, events);
        reconciliation = new Reconciliation(instruments, index, events, requests, followUps, triggers, endings,
            finishedOrders);
        events.onFinished(this::finished);
        killSwitch = new KillSwitch(index, gatewayCancels, states);
        events.onEmitted(this::emitted);
    }

    public void onNewOrder(final NewOrderCommand command, final long nowMillis)
    {
        events.now(nowMillis);
        intake.onNewOrder(command);
    }

    /**
     * Refuses a NewOrderSingle whose problem was found while decoding it (an unsupported OrdType,
     * a Side the gateway does not trade).
     */
    public void rejectNewOrder(
        final NewOrderCommand command, final OrdRejReason reason, final String text, final long nowMillis)
    {
        events.now(nowMillis);
        intake.refuse(command, index.takeOrderKey(), reason, text);
    }

    public void onCancelRequest(final CancelOrderCommand command, final long nowMillis)
    {
        events.now(nowMillis);
        clientRequests.onCancelRequest(command);
    }

    public void onReplaceRequest(final ReplaceOrderCommand command, final long nowMillis)
    {
        events.now(nowMillis);
        clientRequests.onReplaceRequest(command);
    }

    /** Refuses an OrderCancelReplaceRequest whose problem was found while decoding it. */
    public void rejectReplace(final ReplaceOrderCommand command, final String text, final long nowMillis)
    {
        events.now(nowMillis);
        clientRequests.refuseReplace(command, text);
    }

    public void onStatusRequest(final OrderStatusCommand command, final long nowMillis)
    {
        events.now(nowMillis);
        statusAnswers.onStatusRequest(command);
    }

    public void onMassStatusRequest(final MassStatusCommand command, final long nowMillis)
    {
        events.now(nowMillis);
        statusAnswers.onMassStatusRequest(command);
    }

    public void onMassCancelRequest(final MassCancelCommand command, final long nowMillis)
    {
        events.now(nowMillis);
        gatewayCancels.onMassCancel(command);
    }

    /**
     * Lets time pass: deadlines that are due fire (Day and GTD expiry, retries, follow-ups of venue
     * requests, cancel-on-disconnect).
     *
     * @return how many fired.
     */
    public int onTime(final long nowMillis)
    {
        events.now(nowMillis);
        return gatewayCancels.cancelForDisconnectedSessions() + followUps.poll(nowMillis) +
            finishedOrders.evictDue(nowMillis);
    }

    /**
     * How long finished orders stay in memory (their status answered, their ClOrdIDs taken), counted
     * from when each finished, for those already finished too.
     */
    public void finishedOrderRetention(final FinishedOrderRetention retention)
    {
        finishedOrders.retention(retention);
    }

    public FinishedOrderRetention finishedOrderRetention()
    {
        return finishedOrders.retention();
    }

    /**
     * A session with cancel-on-disconnect logged out or dropped: unless it logs on again within
     * {@code graceMillis}, its working orders are canceled then.
     */
    public void onSessionDisconnected(final long sessionId, final long graceMillis, final long nowMillis)
    {
        events.now(nowMillis);
        gatewayCancels.onSessionDisconnected(sessionId, graceMillis);
    }

    /** A session logged on: a cancel-on-disconnect still in its grace period is called off. */
    public void onSessionLoggedOn(final long sessionId)
    {
        gatewayCancels.onSessionLoggedOn(sessionId);
    }

    /** The best bid and ask of a venue symbol: triggers the stops the gateway holds for that venue. */
    public void onMarketPrice(
        final String venueId, final String symbol, final long bidPx, final long askPx, final long nowMillis)
    {
        events.now(nowMillis);
        limits.onMarketPrice(venueId, symbol, bidPx, askPx);
        priceMoves.onMarketPrice(venueId, symbol, bidPx, askPx, nowMillis);
        triggers.onMarketPrice(venueId, symbol, bidPx, askPx);
    }

    /**
     * The venue's book near the touch: its best prices as {@link #onMarketPrice}, and the depth that
     * a market order is held to by the price collar.
     */
    public void onMarketDepth(final String venueId, final String symbol, final MarketDepth depth, final long nowMillis)
    {
        onMarketPrice(venueId, symbol, depth.bidPx(), depth.askPx(), nowMillis);
        limits.onMarketDepth(venueId, symbol, depth);
    }

    public void onVenueAccepted(final long orderKey, final String venueOrderId, final long nowMillis)
    {
        events.now(nowMillis);
        venueAnswers.onAccepted(orderKey, venueOrderId);
    }

    public void onVenueRejected(final long orderKey, final String reason, final long nowMillis)
    {
        events.now(nowMillis);
        venueAnswers.onRejected(orderKey, reason);
    }

    public void onVenueFill(final long orderKey, final long lastQty, final long lastPx, final long nowMillis)
    {
        events.now(nowMillis);
        venueAnswers.onFill(orderKey, lastQty, lastPx);
    }

    public void onVenueCanceled(final long orderKey, final String reason, final long nowMillis)
    {
        events.now(nowMillis);
        venueAnswers.onCanceled(orderKey, reason);
    }

    public void onVenueCancelRejected(final long orderKey, final String reason, final long nowMillis)
    {
        events.now(nowMillis);
        venueAnswers.onCancelRefused(orderKey, reason);
    }

    /** A venue expired a GTD order it holds natively. */
    public void onVenueExpired(final long orderKey, final long nowMillis)
    {
        events.now(nowMillis);
        venueAnswers.onExpired(orderKey);
    }

    /** A venue ended an order on its own at an expiry of its own; {@code reason} is its words for the Text. */
    public void onVenueExpired(final long orderKey, final String reason, final long nowMillis)
    {
        events.now(nowMillis);
        venueAnswers.onExpired(orderKey, reason);
    }

    /** A venue reported the order in a status its adapter cannot read, confirmed by a second lookup. */
    public void onVenueInDoubt(final long orderKey, final String reason, final long nowMillis)
    {
        events.now(nowMillis);
        venueAnswers.onInDoubt(orderKey, reason);
    }

    /**
     * The pre-trade limits from now on, for new orders, and the automatic trips (what they saw so far
     * is forgotten); orders already accepted keep going.
     */
    public void riskLimits(final RiskConfig risk)
    {
        limits.config(risk);
        throttles.config(risk);
        sessionLimits.config(risk);
        positionLimits.config(risk);
        priceMoves.config(risk.trips().priceMove());
        rejectRates.config(risk.trips().rejectRate());
    }

    /**
     * Puts a scope in a trading state, from the next request on; orders already working keep working
     * (a kill cancels them: {@link #kill}). Reported to {@link OrderCoreObserver#onTradingStateChanged}.
     *
     * @param name    the venue id or the session's CompID; ignored for {@link TradingScope#GLOBAL}.
     * @param reason  the operator's words, kept for the status and the refusals' Text.
     */
    public void tradingState(
        final TradingScope scope, final String name, final TradingState state, final String reason,
        final long nowMillis)
    {
        events.now(nowMillis);
        states.set(scope, name, state, reason, false, nowMillis);
    }

    /**
     * The kill switch: the scope goes HALTED and every working order in it is canceled at its venue,
     * each Canceled report with ExecRestatementReason (378) 99 and Text {@code kill switch: <reason>}.
     *
     * @return how many orders are being canceled.
     */
    public int kill(final TradingScope scope, final String name, final String reason, final long nowMillis)
    {
        events.now(nowMillis);
        return killSwitch.kill(scope, name, reason, nowMillis);
    }

    /** A copy of the trading states and each session's use of its limits, for operators. */
    public RiskStatus riskStatus()
    {
        final Map<String, RiskStatus.SessionUsage> usage = new TreeMap<>();
        for (final Map.Entry<String, SessionPositions.SessionBook> session : positions.sessions().entrySet())
        {
            final Map<String, BigDecimal> held = new TreeMap<>();
            for (final SessionPositions.AssetPosition position : session.getValue().byAsset().values())
            {
                held.put(position.asset(), Fixed.toBigDecimal(position.position()));
            }
            usage.put(session.getKey(), new RiskStatus.SessionUsage(session.getValue().openOrders(),
                sessionLimits.exposure.openNotional(session.getKey()),
                sessionLimits.exposure.dailyNotional(session.getKey(), events.now()), Collections.unmodifiableMap(held)));
        }
        return new RiskStatus(states.globalStatus(), Collections.unmodifiableMap(states.status(TradingScope.VENUE)),
            Collections.unmodifiableMap(states.status(TradingScope.SESSION)), Collections.unmodifiableMap(usage));
    }

    /**
     * A venue that was starting or down takes orders again: its instruments (loaded by a start that
     * came late; empty otherwise) join the catalog.
     */
    public void onVenueUp(final String venueId, final List<Instrument> loaded, final long nowMillis)
    {
        events.now(nowMillis);
        for (final Instrument instrument : loaded)
        {
            instruments.add(instrument);
        }
        instruments.available(venueId);
    }

    /**
     * A venue stopped answering: new orders for it are refused as "unavailable, retry later" until it is
     * up again; the {@code reason} is kept for the operators' status, never told to clients.
     */
    public void onVenueDown(final String venueId, final String reason, final long nowMillis)
    {
        events.now(nowMillis);
        instruments.unavailable(venueId, InstrumentCatalog.Outage.Kind.DOWN, reason);
    }

    /** A venue confirmed an amend: the order has its new terms. */
    public void onVenueReplaced(final long orderKey, final long nowMillis)
    {
        events.now(nowMillis);
        venueAnswers.onReplaced(orderKey);
    }

    public void onVenueReplaceRejected(final long orderKey, final String reason, final long nowMillis)
    {
        events.now(nowMillis);
        venueAnswers.onReplaceRefused(orderKey, reason);
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
        onVenueStatus(orderKey, status, venueOrderId, cumQty, avgPx, null, nowMillis);
    }

    /**
     * @param reason  for an order the venue ended: the venue's words for the client's Text; null when
     *                it gave none.
     */
    public void onVenueStatus(
        final long orderKey,
        final VenueOrderStatus status,
        final String venueOrderId,
        final long cumQty,
        final long avgPx,
        final String reason,
        final long nowMillis)
    {
        events.now(nowMillis);
        venueStatus.onStatus(orderKey, status, venueOrderId, cumQty, avgPx, reason);
    }

    /**
     * Takes over the orders of earlier runs, replayed from the journal, before any client logs on.
     * A finished order is only remembered: its client can still ask for its status, and its ClOrdID
     * is not taken again. Each open order placed at a venue is asked about there; what the venue
     * answers is reported to its client. Keys and ExecIDs continue after the highest the journal used.
     *
     * @return how many orders were asked about at their venues.
     */
    public int recover(final OrderReplay replay, final long nowMillis)
    {
        events.now(nowMillis);
        // before the orders are taken over: what that does to them moves the positions and values from there
        positions.rebuild(replay.orders());
        for (final Order order : replay.orders())
        {
            sessionLimits.recovered(order, nowMillis);
        }
        return reconciliation.recover(replay);
    }

    /**
     * Sends again, in journal order, the reports and OrderCancelRejects an earlier run journaled but
     * never handed to the FIX engine; before {@link #recover}, so that clients hear them before
     * anything the venues say now. Each goes out as it was (a report with its ExecID value) with the
     * order as it stood then; nothing in the core changes.
     */
    public void resendMissed(final List<MissedReport> missed, final long nowMillis)
    {
        events.now(nowMillis);
        reconciliation.resendMissed(missed);
    }

    /**
     * Replaces the timeout policy in one step. Orders accepted from now on get their timeout from it;
     * orders already working keep theirs unless the new policy says {@code reevaluateOnReload}, in
     * which case they get the timeout it gives them, counted from when they were accepted (a deadline
     * already past fires at once).
     */
    public void timeoutPolicy(final TimeoutPolicy timeoutPolicy, final long nowMillis)
    {
        events.now(nowMillis);
        followUps.timeoutPolicy(timeoutPolicy);
        if (!timeoutPolicy.config().reevaluateOnReload())
        {
            return;
        }
        for (final Order order : index.all())
        {
            if (order.state().isTerminal())
            {
                continue;
            }
            final TimeoutRule rule = timeoutPolicy.ruleFor(order.clientCompId() == null ? "" : order.clientCompId(),
                order.venueId(), order.symbol(), order.ordType().fixValue(), order.timeInForce().fixValue());
            final Duration after = rule != null ? rule.after() : timeoutPolicy.config().defaultAfter();
            final long timeoutMillis = after == null ? 0 : order.createdMillis() + after.toMillis();
            if (timeoutMillis == order.timeoutMillis() && rule == order.timeoutRule())
            {
                continue;
            }
            final long before = order.deadlineMillis();
            events.begin(OrderEventType.TIMEOUT_CHANGED, order).timeout(timeoutMillis, rule);
            events.emit();
            if (order.deadlineMillis() != before && order.pending() == PendingRequest.NONE &&
                order.cancelCause() == VenueCancelCause.NONE &&
                order.followUp.deferredCancel == VenueCancelCause.NONE)
            {
                followUps.scheduleDeadline(order);
            }
        }
    }

    /** @return the order, or null if the gateway has none with that key. */
    public Order order(final long orderKey)
    {
        return index.byKey(orderKey);
    }

    public int orderCount()
    {
        return index.size();
    }

    /** Orders not yet finished. */
    public int openOrderCount()
    {
        return index.workingCount();
    }

    /** Stops the gateway holds for venues without native triggers. */
    public int heldStopCount()
    {
        return triggers.held();
    }

    /** Each session's positions and open quantities, as the order path weighs them. */
    SessionPositions positions()
    {
        return positions;
    }

    /** Deadlines and retries waiting on the timer wheel. */
    public int scheduledTimerCount()
    {
        return followUps.scheduled();
    }

    /**
     * What follows from each event beside the orders: the positions, the session's values, the reject
     * rate, the last trade price.
     */
    private void emitted(final OrderEvent event, final long leavesBefore)
    {
        positions.applied(event, leavesBefore);
        if (event.type() == OrderEventType.PARTIAL_FILL || event.type() == OrderEventType.FULL_FILL)
        {
            limits.onTrade(event.order().venueId(), event.order().symbol(), event.lastPx());
        }
        if (event.order() != null && !event.type().isAnswer())
        {
            sessionLimits.changed(event.order(), event.timeMillis());
        }
        rejectRates.emitted(event);
    }

    /** The order is done: it needs no timer, no trigger and no deferred cancel any more. */
    private void finished(final Order order)
    {
        followUps.finished(order);
        order.followUp.deferredCancel = VenueCancelCause.NONE;
        if (order.venueAttempt() < 0)
        {
            // never placed: the gateway held it
            triggers.release(order);
        }
        index.finished(order);
        finishedOrders.finished(order);
    }
}
