package io.cryptofix.order;

import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Side;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How far the gateway, each venue and each session may trade ({@link TradingState}), with the words
 * and the time each state was set with, and what that means for a new order or a replace. An order
 * belongs to three scopes: the gateway, its venue and its session (its client CompID); the strictest
 * of their states applies, and when two are equally strict the broader one is named, so that the
 * client hears of the decision that reaches furthest. Cancels, mass cancels and status requests never
 * meet a state.
 *
 * <p>HALTED refuses every new order and replace. REDUCING lets through only what brings the session's
 * position in the symbol's base asset closer to flat: an order against the position whose quantity,
 * with the session's other open orders on that side, is at most the position.
 *
 * <p>The order path pays one boolean while every scope is ACTIVE, and two map look-ups otherwise.
 * Duty-cycle thread only.
 */
final class TradingStates
{
    static final String CHECK = "tradingState";

    /** One scope's state; ACTIVE scopes other than the global one are not kept. */
    private static final class Scope
    {
        final TradingScope scope;
        final String name;
        TradingState state = TradingState.ACTIVE;
        String reason;
        long sinceMillis;

        Scope(final TradingScope scope, final String name)
        {
            this.scope = scope;
            this.name = name;
        }

        /** How a refusal names the scope: {@code (global)}, {@code for venue BINANCE}, {@code for session DESK}. */
        String haltedText()
        {
            final String scopeName = scope == TradingScope.GLOBAL ? "(global)" :
                "for " + scope.name().toLowerCase() + " " + name;
            return "trading halted " + scopeName + (reason == null ? "" : ": " + reason);
        }

        /** e.g. {@code reducing only (session DESK: <reason>)}. */
        String reducingText()
        {
            final String scopeName = scope == TradingScope.GLOBAL ? "global" : scope.name().toLowerCase() + " " + name;
            return "reducing only (" + scopeName + (reason == null ? "" : ": " + reason) + ")";
        }

        RiskStatus.ScopeState status()
        {
            return new RiskStatus.ScopeState(state, reason, sinceMillis);
        }
    }

    private final SessionPositions positions;
    private final OrderCoreObserver observer;
    private final Scope global = new Scope(TradingScope.GLOBAL, null);
    private final Map<String, Scope> venues = new HashMap<>();
    private final Map<String, Scope> sessions = new HashMap<>();
    // the fast path: false while every scope is ACTIVE
    private boolean restricted;
    // the last NewOrderSingle was refused for a trading state: the reject rate leaves it out
    private boolean refusedForState;

    TradingStates(final SessionPositions positions, final OrderCoreObserver observer)
    {
        this.positions = positions;
        this.observer = observer;
    }

    /**
     * Puts a scope in a state; the observer hears of it when the state or its reason changed.
     *
     * @param name       the venue id or session CompID; ignored for the global scope.
     * @param automatic  set by a trip of the gateway's own rather than by an operator.
     */
    void set(
        final TradingScope scope, final String name, final TradingState state, final String reason,
        final boolean automatic, final long nowMillis)
    {
        if (scope != TradingScope.GLOBAL && name == null)
        {
            throw new IllegalArgumentException("a " + scope.name().toLowerCase() + " scope needs a name");
        }
        final Scope current = find(scope, name);
        final TradingState before = current == null ? TradingState.ACTIVE : current.state;
        final String reasonBefore = current == null ? null : current.reason;
        if (before == state && Objects.equals(reasonBefore, reason))
        {
            return;
        }
        final Scope changed = current != null ? current : scopes(scope).computeIfAbsent(name,
            unused -> new Scope(scope, name));
        if (before != state)
        {
            changed.sinceMillis = nowMillis;
        }
        changed.state = state;
        changed.reason = reason;
        if (scope != TradingScope.GLOBAL && state == TradingState.ACTIVE)
        {
            scopes(scope).remove(name);
        }
        restricted = global.state != TradingState.ACTIVE || !venues.isEmpty() || !sessions.isEmpty();
        observer.onTradingStateChanged(scope, scope == TradingScope.GLOBAL ? null : name, state, reason, automatic,
            nowMillis);
    }

    /**
     * A trip of the gateway's own: the scope goes to {@code state} only if that is stricter than the
     * scope's own state now; an operator's state, or an earlier trip, is never relaxed by one.
     *
     * @return whether the state changed.
     */
    boolean trip(
        final TradingScope scope, final String name, final TradingState state, final String reason,
        final long nowMillis)
    {
        final TradingState now = state(scope, name);
        if (now.strictest(state) == now)
        {
            return false;
        }
        set(scope, name, state, reason, true, nowMillis);
        return true;
    }

    /** The scope's own state (not the strictest of those above it). */
    TradingState state(final TradingScope scope, final String name)
    {
        final Scope found = find(scope, name);
        return found == null ? TradingState.ACTIVE : found.state;
    }

    /**
     * A NewOrderSingle against the states of its scopes, before any other check of the order; its
     * quantity is the client's, not yet rounded. A refusal is counted for operators.
     *
     * @return null when the order may go on, else the Text of its refusal.
     */
    String newOrderRefusal(final NewOrderCommand command, final long nowMillis)
    {
        if (!restricted)
        {
            return null;
        }
        final String refusal = refusal(command.clientCompId(), command.venueId(), command.symbol(), command.side(),
            command.orderQty(), 0);
        if (refusal != null)
        {
            refusedForState = true;
            observer.onRiskRejected(CHECK, command.clientCompId(), nowMillis);
        }
        return refusal;
    }

    /**
     * A replace of {@code order} to {@code orderQty} against the states of the order's scopes: the
     * order's own remaining quantity gives way to what the replace would leave.
     *
     * @return null when the replace may go on, else the Text of its refusal.
     */
    String replaceRefusal(final Order order, final long orderQty, final long nowMillis)
    {
        if (!restricted)
        {
            return null;
        }
        final String refusal = refusal(order.clientCompId(), order.venueId(), order.symbol(), order.side(),
            orderQty - order.cumQty(), order.leavesQty());
        if (refusal != null)
        {
            observer.onRiskRejected(CHECK, order.clientCompId(), nowMillis);
        }
        return refusal;
    }

    /**
     * Whether the last NewOrderSingle refused was refused for a trading state, once: such a refusal is
     * the gateway's doing, not the session's, and does not count towards its reject rate.
     */
    boolean takeRefusedForState()
    {
        final boolean refused = refusedForState;
        refusedForState = false;
        return refused;
    }

    /** The global state, and each venue and session not ACTIVE, by name. */
    RiskStatus.ScopeState globalStatus()
    {
        return global.status();
    }

    Map<String, RiskStatus.ScopeState> status(final TradingScope scope)
    {
        final Map<String, RiskStatus.ScopeState> status = new TreeMap<>();
        for (final Scope each : scopes(scope).values())
        {
            status.put(each.name, each.status());
        }
        return status;
    }

    /**
     * @param qty            what the order or replace would have open, Fixed.
     * @param replacedLeaves what the order being replaced has open now; 0 for a new order.
     */
    private String refusal(
        final String session, final String venueId, final String symbol, final Side side, final long qty,
        final long replacedLeaves)
    {
        final Scope deciding = deciding(session, venueId);
        if (deciding == null)
        {
            return null;
        }
        if (deciding.state == TradingState.HALTED)
        {
            return deciding.haltedText();
        }
        if (qty <= 0 || side == null || symbol == null)
        {
            // no quantity to weigh: the order's own checks refuse it
            return null;
        }
        final SessionPositions.AssetPosition held = positions.find(session, symbol);
        final long position = held == null ? 0 : held.position();
        final long otherOpen = held == null ? 0 : held.open(side) - replacedLeaves;
        final boolean against = side == Side.BUY ? position < 0 : position > 0;
        if (against && qty + otherOpen <= Math.abs(position))
        {
            return null;
        }
        final String asset = held != null ? held.asset() : SessionPositions.baseAsset(symbol);
        final String order = "a " + (side == Side.BUY ? "buy" : "sell") + " of " + Fixed.toString(qty) + " " + asset;
        final String why;
        if (position == 0)
        {
            why = order + " cannot reduce a flat position in " + asset;
        }
        else if (!against)
        {
            why = order + " does not reduce the position of " + SessionPositions.describe(position, asset);
        }
        else
        {
            final String withOpen = otherOpen == 0 ? order : order + " plus open " + (side == Side.BUY ? "buys" : "sells") +
                " of " + Fixed.toString(otherOpen) + " " + asset;
            why = withOpen + " is more than the position of " + SessionPositions.describe(position, asset);
        }
        return deciding.reducingText() + ": " + why;
    }

    /** The scope whose state applies: the strictest, the broader of two equally strict; null when all are ACTIVE. */
    private Scope deciding(final String session, final String venueId)
    {
        Scope deciding = global.state == TradingState.ACTIVE ? null : global;
        final Scope venue = venueId == null ? null : venues.get(venueId);
        if (venue != null && (deciding == null || venue.state.ordinal() > deciding.state.ordinal()))
        {
            deciding = venue;
        }
        final Scope own = session == null ? null : sessions.get(session);
        if (own != null && (deciding == null || own.state.ordinal() > deciding.state.ordinal()))
        {
            deciding = own;
        }
        return deciding;
    }

    private Scope find(final TradingScope scope, final String name)
    {
        return scope == TradingScope.GLOBAL ? global : name == null ? null : scopes(scope).get(name);
    }

    private Map<String, Scope> scopes(final TradingScope scope)
    {
        switch (scope)
        {
            case VENUE: return venues;
            case SESSION: return sessions;
            default: throw new IllegalArgumentException("the global scope has no names");
        }
    }
}
