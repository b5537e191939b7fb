package io.cryptofix.order;

import io.cryptofix.config.Entitlements;
import io.cryptofix.config.RiskConfig;
import io.cryptofix.config.SymbolPattern;

import java.util.HashMap;
import java.util.Map;

/**
 * What each session may trade ({@code venues}, {@code symbols}, {@code accounts} under its
 * {@code risk} level, else the default's): an order outside them is refused naming what the session
 * may use. Resolved once per session and kept.
 */
final class SessionEntitlements
{
    static final String CHECK = "entitlements";

    private RiskConfig config = RiskConfig.NONE;
    private final Map<String, Entitlements> bySession = new HashMap<>();

    void config(final RiskConfig config)
    {
        this.config = config;
        bySession.clear();
    }

    /**
     * @param account  the order's Account (1), null when it has none.
     * @return null when the session may send the order, else the client's Text.
     */
    String refusal(final String compId, final String venueId, final String symbol, final String account)
    {
        final Entitlements entitlements = of(compId);
        if (entitlements == Entitlements.ANY)
        {
            return null;
        }
        if (!entitlements.allowsVenue(venueId))
        {
            return "session " + compId + " may not trade at venue " + venueId + " (its venues: " +
                String.join(", ", entitlements.venues()) + ")";
        }
        if (!entitlements.allowsSymbol(symbol))
        {
            return "session " + compId + " may not trade " + symbol + " (its symbols: " +
                String.join(", ", entitlements.symbols().stream().map(SymbolPattern::text).toList()) + ")";
        }
        if (!entitlements.allowsAccount(account))
        {
            return "Account (1) '" + account + "' is not one of session " + compId + "'s accounts (" +
                String.join(", ", entitlements.accounts()) + ")";
        }
        return null;
    }

    private Entitlements of(final String compId)
    {
        final String key = compId == null ? "" : compId;
        Entitlements entitlements = bySession.get(key);
        if (entitlements == null)
        {
            entitlements = config.entitlements(compId);
            bySession.put(key, entitlements);
        }
        return entitlements;
    }
}
