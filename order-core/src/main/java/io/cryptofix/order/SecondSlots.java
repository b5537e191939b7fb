package io.cryptofix.order;

import java.time.Duration;
import java.util.Arrays;

/**
 * A sliding window of time as a ring of one-second slots, for the automatic trips: what happened in
 * each second of the window is kept in the slot of that second (by the caller, in arrays of its own
 * indexed like the slots), and a slot is taken over by a later second once the window has passed it.
 * Fixed in size once made: nothing is allocated as time passes. The window is read to the second: a
 * slot counts while its second is at most the window's length before the current second, so what
 * happened up to a second longer ago than the window may still count.
 */
final class SecondSlots
{
    private static final long UNUSED = Long.MIN_VALUE;

    private final long windowSeconds;
    private final long[] seconds;

    SecondSlots(final Duration window)
    {
        windowSeconds = Math.max(1, (window.toMillis() + 999) / 1000);
        seconds = new long[(int)windowSeconds + 1];
        Arrays.fill(seconds, UNUSED);
    }

    /** How many slots there are: the caller's arrays have this length. */
    int size()
    {
        return seconds.length;
    }

    /** The slot of the second {@code nowMillis} falls in. */
    int slot(final long nowMillis)
    {
        return (int)Math.floorMod(nowMillis / 1000, (long)seconds.length);
    }

    /**
     * Takes the slot of {@code nowMillis}'s second for that second.
     *
     * @return true when it held an earlier second (or none): the caller starts its values afresh.
     */
    boolean claim(final int slot, final long nowMillis)
    {
        final long second = nowMillis / 1000;
        if (seconds[slot] == second)
        {
            return false;
        }
        seconds[slot] = second;
        return true;
    }

    /** Whether the slot holds a second within the window that ends at {@code nowMillis}. */
    boolean covers(final int slot, final long nowMillis)
    {
        final long second = seconds[slot];
        final long age = nowMillis / 1000 - second;
        return second != UNUSED && age >= 0 && age <= windowSeconds;
    }
}
