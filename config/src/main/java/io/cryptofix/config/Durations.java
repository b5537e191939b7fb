package io.cryptofix.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in the configuration: {@code 250ms}, {@code 30s}, {@code 5m},
 * {@code 2h}, {@code 1d}.
 */
public final class Durations
{
    static final String FORMAT = "a number followed by ms, s, m, h or d, e.g. 30s";
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

    private Durations()
    {
    }

    /**
     * @return the duration, or null if the text is not one.
     */
    static Duration parse(final String text)
    {
        final Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches())
        {
            return null;
        }
        final long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2))
        {
            case "ms": return Duration.ofMillis(amount);
            case "s": return Duration.ofSeconds(amount);
            case "m": return Duration.ofMinutes(amount);
            case "h": return Duration.ofHours(amount);
            default: return Duration.ofDays(amount);
        }
    }

    /** The shortest exact form: {@code 30s}, {@code 1500ms}, {@code 2h}. */
    public static String format(final Duration duration)
    {
        final long millis = duration.toMillis();
        if (millis % 86_400_000L == 0)
        {
            return millis / 86_400_000L + "d";
        }
        if (millis % 3_600_000L == 0)
        {
            return millis / 3_600_000L + "h";
        }
        if (millis % 60_000L == 0)
        {
            return millis / 60_000L + "m";
        }
        if (millis % 1_000L == 0)
        {
            return millis / 1_000L + "s";
        }
        return millis + "ms";
    }
}
