package io.cryptofix.config;

import java.util.List;

/**
 * What a session may trade: the venues (ExDestination), the symbols (exact or patterns) and the
 * Account (1) values it may use. Each list null when not restricted.
 */
public record Entitlements(List<String> venues, List<SymbolPattern> symbols, List<String> accounts)
{
    public static final Entitlements ANY = new Entitlements(null, null, null);

    public boolean allowsVenue(final String venue)
    {
        return venues == null || venues.contains(venue);
    }

    public boolean allowsSymbol(final String symbol)
    {
        if (symbols == null)
        {
            return true;
        }
        for (int i = 0; i < symbols.size(); i++)
        {
            if (symbols.get(i).matches(symbol))
            {
                return true;
            }
        }
        return false;
    }

    /** @param account the order's Account (1), null when it has none: always allowed then. */
    public boolean allowsAccount(final String account)
    {
        return account == null || accounts == null || accounts.contains(account);
    }

    /** A session's own lists replace the default's, list by list. */
    Entitlements over(final Entitlements defaults)
    {
        return new Entitlements(venues != null ? venues : defaults.venues, symbols != null ? symbols : defaults.symbols,
            accounts != null ? accounts : defaults.accounts);
    }
}
