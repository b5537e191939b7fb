package io.cryptofix.order;

import java.util.ArrayList;
import java.util.List;

/**
 * The kill switch: a scope (the gateway, a venue, a session) goes HALTED, so nothing new starts, and
 * every order working in it is canceled the way the gateway cancels for causes of its own
 * ({@link GatewayCancels}): a stop the gateway holds ends at once, an order at its venue is canceled
 * there (once the venue has acknowledged it, and after a replace in flight), and an order that
 * already has a cancel on its way is left to it. Each Canceled report says {@code kill switch:
 * <reason>}.
 *
 * <p>An operator's act, rare: it may allocate. After a restart the gateway restores a kill as the
 * HALTED state only; the orders it was canceling are asked about at their venues like any other.
 */
final class KillSwitch
{
    private final OrderIndex index;
    private final GatewayCancels gatewayCancels;
    private final TradingStates states;
    private final List<Order> selected = new ArrayList<>();

    KillSwitch(final OrderIndex index, final GatewayCancels gatewayCancels, final TradingStates states)
    {
        this.index = index;
        this.gatewayCancels = gatewayCancels;
        this.states = states;
    }

    /** @return how many orders are being canceled (those that had a cancel of their own are not counted). */
    int kill(final TradingScope scope, final String name, final String reason, final long nowMillis)
    {
        states.set(scope, name, TradingState.HALTED, reason, false, nowMillis);
        final String text = ReportTexts.killed(reason);
        index.allWorking(selected);
        selected.removeIf(order -> !inScope(order, scope, name) || GatewayCancels.alreadyBeingCanceled(order));
        final int canceling = selected.size();
        // a copy: canceling ends orders, which leaves the index's working orders, not this list
        for (int i = 0; i < canceling; i++)
        {
            final Order order = selected.get(i);
            order.followUp.killText = text;
            gatewayCancels.cancel(order, VenueCancelCause.KILL_SWITCH);
        }
        selected.clear();
        return canceling;
    }

    private static boolean inScope(final Order order, final TradingScope scope, final String name)
    {
        switch (scope)
        {
            case VENUE: return name.equals(order.venueId());
            case SESSION: return name.equals(order.clientCompId());
            default: return true;
        }
    }
}
