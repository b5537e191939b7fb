package io.cryptofix.gateway;

import io.cryptofix.order.OrderCore;
import io.cryptofix.order.TradingScope;
import io.cryptofix.order.TradingState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Puts the trading states back as the admin journal left them, at start, before the first client can
 * log on: for each scope the state of its last accepted action or automatic trip. A kill comes back
 * as HALTED only: the orders it canceled are the order journal's business, nothing is canceled again.
 * The start state of every scope is ACTIVE, so only the others are set.
 */
final class TradingStateRestore
{
    private TradingStateRestore()
    {
    }

    /**
     * A scope's state to restore.
     *
     * @param name  the venue id or session CompID; null for the global scope.
     */
    record Restored(TradingScope scope, String name, TradingState state, String reason, long sinceMillis)
    {
    }

    /** @return the states to restore, in the order their scopes were last changed; none ACTIVE. */
    static List<Restored> statesToRestore(final List<AdminJournalEntry> entries)
    {
        // scope and name to the changes still standing, latest last
        final Map<String, List<AdminJournalEntry>> changes = new LinkedHashMap<>();
        for (final AdminJournalEntry entry : entries)
        {
            if (stateOf(entry) == null || scopeOf(entry) == null)
            {
                continue;
            }
            final String key = entry.scope() + "/" + entry.name();
            if (entry.changesState())
            {
                // moved to the end: the map's order is that of the last change
                final List<AdminJournalEntry> standing = changes.computeIfAbsent(key, unused -> new ArrayList<>());
                changes.remove(key);
                changes.put(key, standing);
                standing.add(entry);
            }
            else if (entry.failed())
            {
                // the core did not carry out the accepted action just before: it never took effect
                final List<AdminJournalEntry> standing = changes.get(key);
                if (standing != null && !standing.isEmpty() &&
                    Objects.equals(standing.get(standing.size() - 1).action(), entry.action()))
                {
                    standing.remove(standing.size() - 1);
                }
            }
        }
        final List<Restored> restored = new ArrayList<>();
        for (final List<AdminJournalEntry> standing : changes.values())
        {
            if (standing.isEmpty())
            {
                continue;
            }
            final AdminJournalEntry last = standing.get(standing.size() - 1);
            final TradingState state = stateOf(last);
            if (state != TradingState.ACTIVE)
            {
                final TradingScope scope = scopeOf(last);
                restored.add(new Restored(scope, scope == TradingScope.GLOBAL ? null : last.name(), state,
                    last.reason(), last.timeMillis()));
            }
        }
        return restored;
    }

    /**
     * Sets each state to restore in the core, as of when it was set. On the thread that assembles
     * the gateway, before the duty cycle runs: the core is still this thread's alone.
     *
     * @return what was restored, for the start-up output.
     */
    static List<Restored> restore(final OrderCore core, final List<AdminJournalEntry> entries)
    {
        final List<Restored> restored = statesToRestore(entries);
        for (final Restored state : restored)
        {
            core.tradingState(state.scope(), state.name(), state.state(), state.reason(), state.sinceMillis());
        }
        return restored;
    }

    private static TradingState stateOf(final AdminJournalEntry entry)
    {
        final AdminAction action = AdminAction.of(entry.action());
        return action == null ? null : action.state();
    }

    private static TradingScope scopeOf(final AdminJournalEntry entry)
    {
        if (entry.scope() == null)
        {
            return null;
        }
        try
        {
            return TradingScope.valueOf(entry.scope().toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException e)
        {
            return null;
        }
    }
}
