package io.cryptofix.venue.kraken;

import java.util.List;

/**
 * Kraken answered with errors in its envelope (HTTP 200 with {@code "error": [...]}): its own words,
 * e.g. {@code EOrder:Insufficient funds}, which decide what the failure means.
 */
final class KrakenRefusal extends Exception
{
    private final List<String> errors;

    KrakenRefusal(final List<String> errors)
    {
        super(String.join(", ", errors), null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** @return whether one of Kraken's errors starts with {@code prefix}, e.g. {@code EOrder:Unknown order}. */
    boolean has(final String prefix)
    {
        for (final String error : errors)
        {
            if (error.startsWith(prefix))
            {
                return true;
            }
        }
        return false;
    }
}
