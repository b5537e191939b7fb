package io.cryptofix.order;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;

/**
 * OrderCancelRequest and OrderCancelReplaceRequest in: refused on arrival when they cannot be
 * considered, done at once for an order the gateway holds, otherwise sent to the venue (a replace as
 * an amend where the venue amends, else as cancel and new) and reported pending until it answers.
 */
final class ClientRequests
{
    /** Why a cancel or replace is refused on arrival. */
    private record Refusal(CxlRejReason reason, String text)
    {
    }

    private final InstrumentCatalog instruments;
    private final OrderIndex index;
    private final OrderEvents events;
    private final VenueRequests requests;
    private final FollowUps followUps;
    private final StopTriggers triggers;
    private final OrderEndings endings;
    private final NewOrderChecks checks = new NewOrderChecks();

    private final PreTradeLimits limits;
    private final SessionThrottles throttles;
    private final SessionLimits sessionLimits;
    private final OrderCoreObserver observer;
    private final TradingStates states;
    private final PositionLimits positionLimits;

    ClientRequests(
        final InstrumentCatalog instruments,
        final OrderIndex index,
        final OrderEvents events,
        final VenueRequests requests,
        final FollowUps followUps,
        final StopTriggers triggers,
        final OrderEndings endings,
        final PreTradeLimits limits,
        final SessionThrottles throttles,
        final SessionLimits sessionLimits,
        final OrderCoreObserver observer,
        final TradingStates states,
        final PositionLimits positionLimits)
    {
        this.sessionLimits = sessionLimits;
        this.states = states;
        this.positionLimits = positionLimits;
        this.limits = limits;
        this.throttles = throttles;
        this.observer = observer;
        this.instruments = instruments;
        this.index = index;
        this.events = events;
        this.requests = requests;
        this.followUps = followUps;
        this.triggers = triggers;
        this.endings = endings;
    }

    void onCancelRequest(final CancelOrderCommand command)
    {
        final long sessionId = command.sessionId();
        final Order order = index.byClOrdId(sessionId, command.origClOrdId());
        final String throttled = throttled(sessionId, order);
        if (throttled != null)
        {
            endings.refuse(sessionId, command.clOrdId(), command.origClOrdId(), false, order, CxlRejReason.OTHER,
                throttled);
            return;
        }
        final Refusal refusal = refusal(order, sessionId, command.clOrdId(), command.origClOrdId(), "cancel");
        if (refusal != null)
        {
            endings.refuse(sessionId, command.clOrdId(), command.origClOrdId(), false, order, refusal.reason(),
                refusal.text());
            return;
        }
        if (!order.isPlaced())
        {
            endings.canceledAtOnce(order, command.clOrdId());
            return;
        }
        final String notNow = !order.isVenueAcknowledged() ? ReportTexts.notYetAcknowledged(order, "cancel") :
            !requests.cancel(order, VenueCancelCause.CLIENT) ? ReportTexts.busy(order) : null;
        if (notNow != null)
        {
            endings.refuse(sessionId, command.clOrdId(), command.origClOrdId(), false, order, CxlRejReason.OTHER, notNow);
            return;
        }
        followUps.watch(order, VenueWatch.Kind.CANCEL);
        // the cancel's ClOrdID is taken at once, so no new order or other request can take it meanwhile
        index.reserve(order, command.clOrdId());
        events.begin(OrderEventType.PENDING_CANCEL, order).clOrdIds(command.clOrdId(), order.clOrdId());
        events.emit();
    }

    void onReplaceRequest(final ReplaceOrderCommand command)
    {
        final long sessionId = command.sessionId();
        final Order order = index.byClOrdId(sessionId, command.origClOrdId());
        final String throttled = throttled(sessionId, order);
        if (throttled != null)
        {
            endings.refuse(sessionId, command.clOrdId(), command.origClOrdId(), true, order, CxlRejReason.OTHER,
                throttled);
            return;
        }
        final String notTrading = order == null ? null : states.replaceRefusal(order, command.orderQty(), events.now());
        if (notTrading != null)
        {
            endings.refuse(sessionId, command.clOrdId(), command.origClOrdId(), true, order, CxlRejReason.OTHER,
                notTrading);
            return;
        }
        final Refusal refusal = refusal(order, sessionId, command.clOrdId(), command.origClOrdId(), "replace");
        if (refusal != null)
        {
            endings.refuse(sessionId, command.clOrdId(), command.origClOrdId(), true, order, refusal.reason(),
                refusal.text());
            return;
        }
        final String unchangeable = unchangeableTerm(order, command);
        final NewOrderChecks.Verdict terms = unchangeable != null ? null : checks.check(
            instruments.venue(order.venueId()), instruments.instrument(order.venueId(), order.symbol()), order.side(),
            order.ordType(), order.timeInForce(), command.orderQty(), command.price(), command.stopPx(), order.postOnly());
        final String problem = unchangeable != null ? unchangeable : !terms.accepted() ? terms.problem() :
            terms.orderQty() < order.cumQty() ? "OrderQty (38) " + Fixed.toString(terms.orderQty()) +
            " is below CumQty (14) " + Fixed.toString(order.cumQty()) + ": it cannot be less than what has already filled" :
            overLimit(order, terms);
        if (problem != null)
        {
            endings.refuse(sessionId, command.clOrdId(), command.origClOrdId(), true, order, CxlRejReason.OTHER, problem);
            return;
        }
        final String overPosition = positionLimits.replaceRefusal(order, terms.orderQty(), events.now());
        if (overPosition != null)
        {
            endings.refuse(sessionId, command.clOrdId(), command.origClOrdId(), true, order, CxlRejReason.OTHER,
                overPosition);
            return;
        }
        if (!order.isPlaced())
        {
            // held by the gateway: nothing to ask a venue
            index.reserve(order, command.clOrdId());
            events.begin(OrderEventType.REPLACED, order).clOrdIds(command.clOrdId(), order.clOrdId())
                .quantities(terms.orderQty(), terms.price(), terms.stopPx()).text(terms.roundingNote());
            events.emit();
            triggers.check(order);
            return;
        }
        // a quantity down to CumQty leaves nothing to amend: the remainder is canceled, as in the emulation
        final boolean amend = instruments.venue(order.venueId()).supports().amend() && terms.orderQty() > order.cumQty();
        final long orderQty = terms.orderQty();
        final long price = terms.price();
        final long stopPx = terms.stopPx();
        final String notNow = !order.isVenueAcknowledged() ? ReportTexts.notYetAcknowledged(order, "replace") :
            !(amend ? requests.amend(order, orderQty, price, stopPx) : requests.cancel(order, VenueCancelCause.REPLACE)) ?
            ReportTexts.busy(order) : null;
        if (notNow != null)
        {
            endings.refuse(sessionId, command.clOrdId(), command.origClOrdId(), true, order, CxlRejReason.OTHER, notNow);
            return;
        }
        if (!amend)
        {
            // emulated: the venue order is canceled, then placed again with the new terms
            followUps.watch(order, VenueWatch.Kind.CANCEL);
        }
        index.reserve(order, command.clOrdId());
        events.begin(OrderEventType.PENDING_REPLACE, order).clOrdIds(command.clOrdId(), order.clOrdId())
            .quantities(orderQty, price, stopPx);
        events.emit();
    }

    /** @return the Text of a refusal for the session's pace, or null when the request may go. */
    private String throttled(final long sessionId, final Order order)
    {
        final String compId = order == null ? null : order.clientCompId();
        final String throttled = throttles.take(sessionId, compId, events.now());
        if (throttled != null)
        {
            observer.onRiskRejected(SessionThrottles.CHECK, compId, events.now());
        }
        return throttled;
    }

    /**
     * The new terms of a replace against the pre-trade limits, as a new order's; its value against the
     * session's open and daily value, counting what the order holds already.
     */
    private String overLimit(final Order order, final NewOrderChecks.Verdict terms)
    {
        final long unitPrice = terms.price() > 0 ? terms.price() : terms.stopPx();
        String refusal = limits.refusal(order.clientCompId(), order.venueId(), order.symbol(), order.side(),
            terms.orderQty(), unitPrice, order.ordType() == OrdType.LIMIT);
        String check = limits.failedCheck();
        if (refusal == null && unitPrice > 0)
        {
            refusal = sessionLimits.exposure.refusal(order.clientCompId(),
                Fixed.times(terms.orderQty() - order.cumQty(), unitPrice), sessionLimits.exposure.openValue(order), true,
                events.now());
            check = sessionLimits.exposure.failedCheck();
        }
        if (refusal != null)
        {
            observer.onRiskRejected(check, order.clientCompId(), events.now());
        }
        return refusal;
    }

    /** Refuses an OrderCancelReplaceRequest whose problem was found while decoding it. */
    void refuseReplace(final ReplaceOrderCommand command, final String text)
    {
        final Order order = index.byClOrdId(command.sessionId(), command.origClOrdId());
        endings.refuse(command.sessionId(), command.clOrdId(), command.origClOrdId(), true, order,
            order == null ? CxlRejReason.UNKNOWN_ORDER : CxlRejReason.OTHER, text);
    }

    /**
     * @return why a cancel or replace of {@code order} cannot even be considered, or null.
     */
    private Refusal refusal(
        final Order order, final long sessionId, final String clOrdId, final String origClOrdId, final String request)
    {
        if (order == null)
        {
            return new Refusal(CxlRejReason.UNKNOWN_ORDER,
                "unknown order: no order with ClOrdID '" + origClOrdId + "' in this session, or it finished and is " +
                    "no longer held");
        }
        if (order.state().isTerminal())
        {
            return new Refusal(CxlRejReason.TOO_LATE_TO_CANCEL,
                "too late to " + request + ": order is already " + order.state().name().toLowerCase());
        }
        if (order.pending() != PendingRequest.NONE)
        {
            return new Refusal(CxlRejReason.ALREADY_PENDING_CANCEL, "order already has a " +
                (order.pending() == PendingRequest.CANCEL ? "cancel" : "replace") + " pending (ClOrdID '" +
                order.pendingClOrdId() + "')");
        }
        if (order.cancelCause() != VenueCancelCause.NONE)
        {
            return new Refusal(CxlRejReason.ALREADY_PENDING_CANCEL, ReportTexts.alreadyCanceling(order.cancelCause()));
        }
        if (index.isTaken(sessionId, clOrdId))
        {
            return new Refusal(CxlRejReason.DUPLICATE_CLORDID,
                "duplicate ClOrdID (11) '" + clOrdId + "': the session already used it");
        }
        return null;
    }

    /** @return what the replace asks to change that cannot change, or null. */
    private static String unchangeableTerm(final Order order, final ReplaceOrderCommand command)
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
        return null;
    }
}
