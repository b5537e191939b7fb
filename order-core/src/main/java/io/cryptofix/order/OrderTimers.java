package io.cryptofix.order;

import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * Order deadlines (timeouts, Day cut-off, GTD ExpireTime) and waits for venue answers on one hashed
 * timer wheel, polled by the duty cycle: no thread and no scheduled task per order. Time is in epoch
 * milliseconds and comes only from the callers, so tests drive it with any clock.
 *
 * <p>The wheel has 1024 spokes of 8 ms and holds only the timers of its current turn (8.192 s); later
 * ones wait in a list per turn and move onto the wheel when their turn comes, each once. Every spoke
 * is a linked list through one pool of timer slots, so memory follows the number of timers however
 * they are spread: a million Day orders sharing one cut-off cost what a million scattered timeouts
 * cost. (A wheel that gives every spoke room for the fullest one, as Agrona's
 * {@code DeadlineTimerWheel} does, needs gigabytes for that.) Scheduling, cancelling and firing are
 * O(1); nothing is allocated but when the pool grows.
 */
final class OrderTimers
{
    static final long TICK_MILLIS = 8;
    private static final int SPOKES = 1024;
    private static final int SPOKE_MASK = SPOKES - 1;
    // a burst of due timers is spread over several duty cycles rather than stalling one
    private static final int EXPIRIES_PER_POLL = 256;
    private static final int NONE = 0;

    // the timer pool; slot 0 is never used, so 0 can mean "no slot"
    private long[] ticks;
    private long[] orderKeys;
    private int[] next;
    private int[] previous;
    private int[] generations;
    private int freeHead = NONE;
    private int used;
    private int highestSlot;

    private final int[] spokeHeads = new int[SPOKES];
    // the first slot of each later turn's list, by turn; the missing value is NONE
    private final Long2LongHashMap laterTurnHeads = new Long2LongHashMap(NONE);
    private long currentTick;

    OrderTimers(final long startMillis)
    {
        currentTick = Math.floorDiv(startMillis, TICK_MILLIS);
        grow(1024);
    }

    /**
     * @return the timer's id, to cancel it with.
     */
    long schedule(final long orderKey, final long deadlineMillis)
    {
        final int slot = allocate();
        orderKeys[slot] = orderKey;
        // a timer never fires before its deadline: it belongs to the first tick that starts at or after it;
        // one already due fires at the next tick
        ticks[slot] = Math.max(Math.floorDiv(deadlineMillis + TICK_MILLIS - 1, TICK_MILLIS), currentTick);
        link(slot);
        return id(slot);
    }

    /**
     * @return true if the timer was waiting and now will not fire.
     */
    boolean cancel(final long timerId)
    {
        if (timerId == Order.NO_TIMER)
        {
            return false;
        }
        final int slot = (int)timerId;
        if (slot <= 0 || slot > highestSlot || generations[slot] != (int)(timerId >>> 32) || ticks[slot] < 0)
        {
            return false;
        }
        unlink(slot);
        release(slot);
        return true;
    }

    /**
     * Hands every timer due at or before {@code nowMillis} to {@code handler}, at most a few hundred
     * per call; the rest fire at the next call.
     *
     * @return how many timers fired.
     */
    int poll(final long nowMillis, final Handler handler)
    {
        final long lastDueTick = Math.floorDiv(nowMillis, TICK_MILLIS);
        int fired = 0;
        while (currentTick <= lastDueTick)
        {
            final int spoke = (int)(currentTick & SPOKE_MASK);
            while (spokeHeads[spoke] != NONE)
            {
                if (fired == EXPIRIES_PER_POLL)
                {
                    return fired;
                }
                final int slot = spokeHeads[spoke];
                final long timerId = id(slot);
                final long orderKey = orderKeys[slot];
                unlink(slot);
                release(slot);
                fired++;
                handler.onTimer(orderKey, timerId);
            }
            currentTick++;
            if ((currentTick & SPOKE_MASK) == 0)
            {
                startTurn(currentTick / SPOKES);
            }
        }
        return fired;
    }

    int scheduled()
    {
        return used;
    }

    private long id(final int slot)
    {
        return ((long)generations[slot] << 32) | slot;
    }

    private boolean onCurrentTurn(final long tick)
    {
        return tick / SPOKES <= currentTick / SPOKES;
    }

    /** The wheel moves into a new turn: that turn's timers move onto the wheel. */
    private void startTurn(final long turn)
    {
        int slot = (int)laterTurnHeads.remove(turn);
        while (slot != NONE)
        {
            final int following = next[slot];
            linkFirst(slot, (int)(ticks[slot] & SPOKE_MASK));
            slot = following;
        }
    }

    private void link(final int slot)
    {
        final long tick = ticks[slot];
        if (onCurrentTurn(tick))
        {
            linkFirst(slot, (int)(tick & SPOKE_MASK));
            return;
        }
        final long turn = tick / SPOKES;
        final int head = (int)laterTurnHeads.get(turn);
        previous[slot] = NONE;
        next[slot] = head;
        if (head != NONE)
        {
            previous[head] = slot;
        }
        laterTurnHeads.put(turn, slot);
    }

    private void linkFirst(final int slot, final int spoke)
    {
        final int head = spokeHeads[spoke];
        previous[slot] = NONE;
        next[slot] = head;
        if (head != NONE)
        {
            previous[head] = slot;
        }
        spokeHeads[spoke] = slot;
    }

    private void unlink(final int slot)
    {
        final int before = previous[slot];
        final int after = next[slot];
        if (after != NONE)
        {
            previous[after] = before;
        }
        if (before != NONE)
        {
            next[before] = after;
            return;
        }
        // the slot heads its list: the list of its spoke, or of its later turn
        final long tick = ticks[slot];
        if (onCurrentTurn(tick))
        {
            spokeHeads[(int)(tick & SPOKE_MASK)] = after;
        }
        else if (after == NONE)
        {
            laterTurnHeads.remove(tick / SPOKES);
        }
        else
        {
            laterTurnHeads.put(tick / SPOKES, after);
        }
    }

    private int allocate()
    {
        if (freeHead == NONE)
        {
            if (highestSlot + 1 == ticks.length)
            {
                grow(ticks.length * 2);
            }
            freeHead = ++highestSlot;
            next[freeHead] = NONE;
        }
        final int slot = freeHead;
        freeHead = next[slot];
        used++;
        return slot;
    }

    private void release(final int slot)
    {
        // a new generation, so that the id of the timer that was here cancels nothing later
        generations[slot]++;
        ticks[slot] = -1;
        next[slot] = freeHead;
        freeHead = slot;
        used--;
    }

    private void grow(final int capacity)
    {
        ticks = ticks == null ? new long[capacity] : Arrays.copyOf(ticks, capacity);
        orderKeys = orderKeys == null ? new long[capacity] : Arrays.copyOf(orderKeys, capacity);
        next = next == null ? new int[capacity] : Arrays.copyOf(next, capacity);
        previous = previous == null ? new int[capacity] : Arrays.copyOf(previous, capacity);
        generations = generations == null ? new int[capacity] : Arrays.copyOf(generations, capacity);
    }

    /** Receives the timers that fire. */
    @FunctionalInterface
    interface Handler
    {
        void onTimer(long orderKey, long timerId);
    }
}
