package io.cryptofix.config;

import java.util.List;
import java.util.Locale;

/**
 * Turns an unknown key into a helpful hint: the key the user probably meant, or the keys allowed.
 */
final class KeySuggestions
{
    private static final int MAX_DISTANCE = 2;

    private KeySuggestions()
    {
    }

    /**
     * @return {@code (did you mean "sessions"?)} when a known key differs only in case or by at most
     *     two edits, otherwise {@code (allowed: a, b, c)}.
     */
    static String hint(final String unknown, final List<String> known)
    {
        final String closest = closest(unknown, known);
        return closest == null ? "(allowed: " + String.join(", ", known) + ")" : "(did you mean \"" + closest + "\"?)";
    }

    static String closest(final String unknown, final List<String> known)
    {
        final String lowerUnknown = unknown.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (final String candidate : known)
        {
            // FIX users write senderCompId as often as SenderCompID: case alone is distance zero
            final int distance = distance(lowerUnknown, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * Levenshtein distance: insertions, deletions and substitutions.
     */
    static int distance(final String a, final String b)
    {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++)
            {
                final int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            final int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
