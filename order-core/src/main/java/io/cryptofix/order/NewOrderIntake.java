package io.cryptofix.order;

import io.cryptofix.config.SelfTradePrevention;
import io.cryptofix.config.TimeoutPolicy;
import io.cryptofix.config.TimeoutRule;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.domain.VenueRules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * NewOrderSingle in: the checks an order must pass to exist, then the order, either placed at its
 * venue (the client hears New when the venue answers) or held by the gateway (a stop the venue cannot
 * hold: New at once). A refusal tells the client why in the rule's own words.
 */
final class NewOrderIntake
{
    private static final long DAY_MILLIS = 86_400_000L;

    private final InstrumentCatalog instruments;
    private final OrderIndex index;
    private final OrderEvents events;
    private final VenueRequests requests;
    private final FollowUps followUps;
    private final StopTriggers triggers;
    private final NewOrderChecks checks = new NewOrderChecks();
    private final PreTradeLimits limits;
    private final SessionThrottles throttles;
    private final SessionLimits sessionLimits;
    private final GatewayCancels gatewayCancels;
    private final OrderCoreObserver observer;
    private final TradingStates states;
    private final PositionLimits positionLimits;

    NewOrderIntake(
        final InstrumentCatalog instruments,
        final OrderIndex index,
        final OrderEvents events,
        final VenueRequests requests,
        final FollowUps followUps,
        final StopTriggers triggers,
        final PreTradeLimits limits,
        final SessionThrottles throttles,
        final SessionLimits sessionLimits,
        final GatewayCancels gatewayCancels,
        final OrderCoreObserver observer,
        final TradingStates states,
        final PositionLimits positionLimits)
    {
        this.sessionLimits = sessionLimits;
        this.gatewayCancels = gatewayCancels;
        this.states = states;
        this.positionLimits = positionLimits;
        this.throttles = throttles;
        this.limits = limits;
        this.observer = observer;
        this.instruments = instruments;
        this.index = index;
        this.events = events;
        this.requests = requests;
        this.followUps = followUps;
        this.triggers = triggers;
    }

    void onNewOrder(final NewOrderCommand command)
    {
        final String throttled = throttles.take(command.sessionId(), command.clientCompId(), events.now());
        if (throttled != null)
        {
            observer.onRiskRejected(SessionThrottles.CHECK, command.clientCompId(), events.now());
            refuse(command, index.takeOrderKey(), OrdRejReason.OTHER, throttled);
            return;
        }
        final String notTrading = states.newOrderRefusal(command, events.now());
        if (notTrading != null)
        {
            refuse(command, index.takeOrderKey(), OrdRejReason.OTHER, notTrading);
            return;
        }
        final Order existing = index.byClOrdId(command.sessionId(), command.clOrdId());
        if (existing != null)
        {
            if (command.isPossResend())
            {
                // the client is not sure it sent the order: tell it where the order stands, never trade twice
                events.begin(OrderEventType.ORDER_STATUS, existing)
                    .text("PossResend (97): ClOrdID '" + command.clOrdId() + "' already received");
                events.emit();
                return;
            }
            refuse(command, index.takeOrderKey(), OrdRejReason.DUPLICATE_ORDER,
                "duplicate ClOrdID (11) '" + command.clOrdId() + "': the session already used it");
            return;
        }
        final String venueId = command.venueId();
        final VenueRules venue = venueId == null ? null : instruments.venue(venueId);
        // a venue starting, down, or left out at start: its rules may be known, its orders are refused;
        // the client hears which of the three, why is for the operators (it may name files or URLs)
        final InstrumentCatalog.Outage outage = venueId == null ? null : instruments.outage(venueId);
        if (venue == null || outage != null)
        {
            refuse(command, index.takeOrderKey(), OrdRejReason.OTHER, venueId == null ?
                "ExDestination (100) missing and the session has no default venue" : outage != null ?
                "venue " + venueId + " is " + outage.clientText() :
                "unknown ExDestination (100) '" + venueId + "'");
            return;
        }
        final Instrument instrument = instruments.instrument(venueId, command.symbol());
        if (instrument == null)
        {
            refuse(command, index.takeOrderKey(), OrdRejReason.UNKNOWN_SYMBOL,
                "unknown Symbol (55) '" + command.symbol() + "' at venue " + venueId);
            return;
        }
        final String notEntitled = sessionLimits.entitlements.refusal(command.clientCompId(), venueId, command.symbol(),
            command.account());
        if (notEntitled != null)
        {
            observer.onRiskRejected(SessionEntitlements.CHECK, command.clientCompId(), events.now());
            refuse(command, index.takeOrderKey(), OrdRejReason.OTHER, notEntitled);
            return;
        }
        if (command.account() != null)
        {
            if (!venue.accounts().contains(command.account()))
            {
                refuse(command, index.takeOrderKey(), OrdRejReason.UNKNOWN_ACCOUNT, unknownAccount(command.account(), venue));
                return;
            }
            final InstrumentCatalog.Outage accountOutage = instruments.outage(venueId, command.account());
            if (accountOutage != null)
            {
                refuse(command, index.takeOrderKey(), OrdRejReason.OTHER,
                    "account " + command.account() + " at venue " + venueId + " is " + accountOutage.clientText());
                return;
            }
        }
        final TimeInForce timeInForce = command.timeInForce() == null ? TimeInForce.DAY : command.timeInForce();
        final NewOrderChecks.Verdict terms = checks.check(venue, instrument, command.side(), command.ordType(),
            timeInForce, command.orderQty(), command.price(), command.stopPx(), command.postOnly());
        if (!terms.accepted())
        {
            refuse(command, index.takeOrderKey(), terms.reason(), terms.problem());
            return;
        }
        String overLimit = limits.refusal(command.clientCompId(), venueId, command.symbol(), command.side(),
            terms.orderQty(), terms.price() > 0 ? terms.price() : terms.stopPx(), command.ordType() == OrdType.LIMIT);
        String check = limits.failedCheck();
        if (overLimit == null)
        {
            overLimit = limits.openOrdersRefusal(command.clientCompId(), index.workingCount(command.sessionId()));
            check = limits.failedCheck();
        }
        final long unitPrice = terms.price() > 0 ? terms.price() : terms.stopPx() > 0 ? terms.stopPx() :
            limits.reference(venueId, command.symbol(), command.side());
        if (overLimit == null)
        {
            overLimit = sessionLimits.exposure.refusal(command.clientCompId(),
                Fixed.times(terms.orderQty(), unitPrice), 0, false, events.now());
            check = sessionLimits.exposure.failedCheck();
        }
        if (overLimit != null)
        {
            observer.onRiskRejected(check, command.clientCompId(), events.now());
            refuse(command, index.takeOrderKey(), OrdRejReason.ORDER_EXCEEDS_LIMIT, overLimit);
            return;
        }
        final String overPosition = positionLimits.newOrderRefusal(command.clientCompId(), command.symbol(),
            command.side(), terms.orderQty(), events.now());
        if (overPosition != null)
        {
            refuse(command, index.takeOrderKey(), OrdRejReason.ORDER_EXCEEDS_LIMIT, overPosition);
            return;
        }
        final String duplicate = sessionLimits.duplicates.refusal(command.sessionId(), command.clientCompId(),
            command.side(), command.symbol(), terms.orderQty(), terms.price(), events.now());
        if (duplicate != null)
        {
            observer.onRiskRejected(DuplicateOrderGuard.CHECK, command.clientCompId(), events.now());
            refuse(command, index.takeOrderKey(), OrdRejReason.DUPLICATE_ORDER, duplicate);
            return;
        }
        if (!preventSelfTrade(command, venueId, terms.price()))
        {
            return;
        }
        final long expireTimeMillis = expireTime(command, venue, timeInForce);
        if (expireTimeMillis < 0)
        {
            return;
        }
        final boolean heldByGateway = command.ordType().hasTrigger() &&
            !VenueTerms.venueHoldsTrigger(venue.supports(), command.ordType());
        final OrderEvent created = events.begin(heldByGateway ? OrderEventType.HELD : OrderEventType.SUBMITTED, null)
            .newOrder(index.takeOrderKey(), command.sessionId())
            .clOrdIds(command.clOrdId(), null)
            .quantities(terms.orderQty(), terms.price(), terms.stopPx());
        created.terms().set(command.symbol(), venueId, command.side(), command.ordType(), timeInForce,
            command.postOnly(), expireTimeMillis, command.receivedTimeNanos()).clientCompId(command.clientCompId())
            .account(command.account());
        timeout(created, command.clientCompId(), venueId);
        final Order order = new Order(created);
        created.order(order);
        if (heldByGateway)
        {
            // the gateway holds the order: it exists and works from now on, so the client hears New at once
            created.text(ReportTexts.held(order, terms.roundingNote()));
            events.emit();
            index.add(order);
            sessionLimits.accepted(order, unitPrice, events.now());
            followUps.scheduleDeadline(order);
            triggers.hold(order);
            return;
        }
        created.placement(0, command.ordType(), VenueTerms.venueTimeInForce(timeInForce, venue.supports()),
            terms.orderQty(), terms.price(), terms.stopPx()).text(terms.roundingNote());
        if (!requests.submitNew(created))
        {
            refuse(command, order.orderKey(), OrdRejReason.OTHER,
                "venue " + venueId + " is busy: its request queue is full, retry later");
            return;
        }
        events.emit();
        index.add(order);
        sessionLimits.accepted(order, unitPrice, events.now());
        followUps.scheduleDeadline(order);
        followUps.watch(order, VenueWatch.Kind.SUBMIT);
    }

    /**
     * Self-trade prevention: an order that would trade against the session's own resting order is
     * refused, or those resting orders are canceled first (their cancels reach the venue's queue before
     * the new order), as the session's configuration says.
     *
     * @return false when the order was refused.
     */
    private boolean preventSelfTrade(final NewOrderCommand command, final String venueId, final long price)
    {
        final SelfTradePrevention mode = sessionLimits.selfTrades.mode(command.clientCompId());
        if (mode == SelfTradePrevention.OFF || command.ordType().hasTrigger())
        {
            return true;
        }
        final List<Order> crossed = sessionLimits.selfTrades.crossed(command.sessionId(), venueId, command.symbol(),
            command.side(), price);
        if (crossed.isEmpty())
        {
            return true;
        }
        if (mode == SelfTradePrevention.REFUSE)
        {
            observer.onRiskRejected(SelfTradeCheck.CHECK, command.clientCompId(), events.now());
            refuse(command, index.takeOrderKey(), OrdRejReason.OTHER,
                SelfTradeCheck.refusal(command.side(), price, crossed.get(0)));
            return false;
        }
        for (int i = 0; i < crossed.size(); i++)
        {
            gatewayCancels.cancel(crossed.get(i), VenueCancelCause.SELF_TRADE_PREVENTION);
        }
        crossed.clear();
        return true;
    }

    /**
     * Refuses a NewOrderSingle; {@code orderKey} is taken for the report's OrderID alone.
     */
    void refuse(final NewOrderCommand command, final long orderKey, final OrdRejReason reason, final String text)
    {
        events.begin(OrderEventType.NEW_ORDER_REFUSED, null).orderKey(orderKey).newOrderRefused(command, reason)
            .text(text);
        events.emit();
    }

    private void timeout(final OrderEvent created, final String clientCompId, final String venueId)
    {
        final TimeoutPolicy policy = followUps.timeoutPolicy();
        final OrderTerms terms = created.terms();
        final TimeoutRule rule = policy.ruleFor(clientCompId == null ? "" : clientCompId, venueId, terms.symbol(),
            terms.ordType().fixValue(), terms.timeInForce().fixValue());
        final Duration after = rule != null ? rule.after() : policy.config().defaultAfter();
        created.timeout(after == null ? 0 : events.now() + after.toMillis(), rule);
    }

    /**
     * @return the order's expiry in epoch milliseconds, 0 for none, or -1 after refusing the order.
     */
    private long expireTime(final NewOrderCommand command, final VenueRules venue, final TimeInForce timeInForce)
    {
        final long expireTime = command.expireTimeMillis();
        if (timeInForce == TimeInForce.GOOD_TILL_DATE)
        {
            if (expireTime == NewOrderCommand.ABSENT)
            {
                refuse(command, index.takeOrderKey(), OrdRejReason.OTHER,
                    "ExpireTime (126) is required for TimeInForce (59) 6 (GTD)");
                return -1;
            }
            if (expireTime <= events.now())
            {
                refuse(command, index.takeOrderKey(), OrdRejReason.TOO_LATE_TO_ENTER,
                    "ExpireTime (126) " + Instant.ofEpochMilli(expireTime) + " has already passed");
                return -1;
            }
            return expireTime;
        }
        if (expireTime != NewOrderCommand.ABSENT)
        {
            refuse(command, index.takeOrderKey(), OrdRejReason.OTHER,
                "ExpireTime (126) applies only to TimeInForce (59) 6 (GTD)");
            return -1;
        }
        return timeInForce == TimeInForce.DAY ? nextCutoff(events.now(), venue) : 0;
    }

    static long nextCutoff(final long nowMillis, final VenueRules venue)
    {
        final long startOfDay = nowMillis - Math.floorMod(nowMillis, DAY_MILLIS);
        final long cutoff = startOfDay + venue.dayCutoffUtc().toSecondOfDay() * 1000L;
        return cutoff > nowMillis ? cutoff : cutoff + DAY_MILLIS;
    }

    private static String unknownAccount(final String account, final VenueRules venue)
    {
        return "Account (1) '" + account + "' is not an account at venue " + venue.venueId() +
            (venue.accounts().isEmpty() ? " (it has none configured: orders there carry no Account)" :
            " (its accounts: " + String.join(", ", new java.util.TreeSet<>(venue.accounts())) + ")");
    }
}
