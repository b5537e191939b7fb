package io.cryptofix.order;

import io.cryptofix.config.Durations;
import io.cryptofix.config.RiskTrips;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * The reject-rate trip ({@code risk.trips.rejectRate}): a session whose new orders are refused too
 * often, by the gateway or by its venues, is halted: of the NewOrderSingles it sent within
 * {@code within}, at least {@code minOrders}, the share refused reaches {@code percent}. Something is
 * wrong with what the session sends, and halting it stops it hammering the venues. The halt holds
 * until an operator resumes the session.
 *
 * <p>Read from the events the core emits: an order coming to be or refused on arrival counts as sent,
 * a refusal on arrival or by the venue as refused. A refusal for a trading state is the gateway's own
 * doing and is not counted. Each session keeps its counts per second of the window in a ring
 * ({@link SecondSlots}), made at its first order: nothing is allocated per order after that.
 */
final class RejectRateTrip
{
    /** One session's new orders and refusals, per second of the window. */
    private static final class SessionCounts
    {
        final SecondSlots slots;
        final int[] sent;
        final int[] refused;

        SessionCounts(final SecondSlots slots)
        {
            this.slots = slots;
            sent = new int[slots.size()];
            refused = new int[slots.size()];
        }
    }

    private final TradingStates states;
    private RiskTrips.RejectRate config;
    private double percent;
    private final Map<String, SessionCounts> sessions = new HashMap<>();

    RejectRateTrip(final TradingStates states)
    {
        this.states = states;
    }

    /** The trip from now on; null turns it off. The counts so far are forgotten: the window may differ. */
    void config(final RiskTrips.RejectRate config)
    {
        this.config = config;
        sessions.clear();
        if (config != null)
        {
            percent = config.percent().doubleValue();
        }
    }

    /** An event was emitted: counts the new orders and refusals among them. */
    void emitted(final OrderEvent event)
    {
        // taken whether the trip is on or not, so that it never outlives its refusal
        final boolean refusedForState = event.type() == OrderEventType.NEW_ORDER_REFUSED && states.takeRefusedForState();
        if (config == null || refusedForState)
        {
            return;
        }
        switch (event.type())
        {
            case SUBMITTED, HELD -> count(event.order().clientCompId(), 1, 0, event.timeMillis());
            // the venue refused an order counted when it was sent
            case REJECTED -> count(event.order().clientCompId(), 0, 1, event.timeMillis());
            case NEW_ORDER_REFUSED -> count(event.answer().newOrder().clientCompId(), 1, 1, event.timeMillis());
            default ->
            {
                // not a new order's outcome
            }
        }
    }

    private void count(final String session, final int sent, final int refused, final long nowMillis)
    {
        if (session == null)
        {
            // a session without a CompID cannot be named, so cannot be halted
            return;
        }
        final SessionCounts counts = counts(session);
        final int slot = counts.slots.slot(nowMillis);
        if (counts.slots.claim(slot, nowMillis))
        {
            counts.sent[slot] = 0;
            counts.refused[slot] = 0;
        }
        counts.sent[slot] += sent;
        counts.refused[slot] += refused;
        if (refused == 0 || states.state(TradingScope.SESSION, session) == TradingState.HALTED)
        {
            // only a refusal raises the rate; a halted session has nothing left to halt
            return;
        }
        int sentWithin = 0;
        int refusedWithin = 0;
        for (int each = 0; each < counts.slots.size(); each++)
        {
            if (counts.slots.covers(each, nowMillis))
            {
                sentWithin += counts.sent[each];
                refusedWithin += counts.refused[each];
            }
        }
        // a venue may refuse orders sent before the window began: never more refused than sent
        refusedWithin = Math.min(refusedWithin, sentWithin);
        if (sentWithin < config.minOrders() || refusedWithin * 100.0 < percent * sentWithin)
        {
            return;
        }
        states.trip(TradingScope.SESSION, session, TradingState.HALTED, "reject rate " +
            BigDecimal.valueOf(refusedWithin * 100.0 / sentWithin).setScale(1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + "% of " + sentWithin + " orders within " +
            Durations.format(config.within()), nowMillis);
    }

    private SessionCounts counts(final String session)
    {
        SessionCounts counts = sessions.get(session);
        if (counts == null)
        {
            counts = new SessionCounts(new SecondSlots(config.within()));
            sessions.put(session, counts);
        }
        return counts;
    }
}
