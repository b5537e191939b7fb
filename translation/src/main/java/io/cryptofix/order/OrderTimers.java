package io.cryptofix.order;

import org.agrona.DeadlineTimerWheel;
import org.agrona.collections.Long2LongHashMap;

import java.util.concurrent.TimeUnit;

/**
 * Order deadlines (timeouts, Day cut-off, GTD ExpireTime) and waits for venue answers on one hashed timer wheel, polled by the duty cycle:
 * no thread and no scheduled task per order. Time is in epoch milliseconds and comes only from the
 * callers, so tests drive it with any clock.
 */
final class OrderTimers
{
    // a power of two, as the wheel needs; deadlines fire up to one tick late, well inside what FIX
    // clients can observe over a network
    private static final long TICK_MILLIS = 8;
    private static final int TICKS_PER_WHEEL = 1024;
    private static final int EXPIRIES_PER_POLL = 256;

    private final DeadlineTimerWheel wheel;
    private final Long2LongHashMap orderKeyByTimerId = new Long2LongHashMap(Order.NO_TIMER);
    private final DeadlineTimerWheel.TimerHandler onExpiry = this::onExpiry;
    private Handler handler;

    OrderTimers(final long startMillis)
    {
        wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, startMillis, TICK_MILLIS, TICKS_PER_WHEEL);
    }

    /**
     * @return the timer's id, to cancel it with.
     */
    long schedule(final long orderKey, final long deadlineMillis)
    {
        final long timerId = wheel.scheduleTimer(deadlineMillis);
        orderKeyByTimerId.put(timerId, orderKey);
        return timerId;
    }

    void cancel(final long timerId)
    {
        if (timerId != Order.NO_TIMER && wheel.cancelTimer(timerId))
        {
            orderKeyByTimerId.remove(timerId);
        }
    }

    /**
     * Hands every timer due at or before {@code nowMillis} to {@code handler}.
     *
     * @return how many timers fired.
     */
    int poll(final long nowMillis, final Handler handler)
    {
        this.handler = handler;
        int fired = 0;
        // one poll advances the wheel by at most one tick: catch up after a pause in one call
        do
        {
            fired += wheel.poll(nowMillis, onExpiry, EXPIRIES_PER_POLL);
        }
        while (wheel.currentTickTime() <= nowMillis && fired < EXPIRIES_PER_POLL);
        return fired;
    }

    int scheduled()
    {
        return orderKeyByTimerId.size();
    }

    private boolean onExpiry(final TimeUnit timeUnit, final long now, final long timerId)
    {
        final long orderKey = orderKeyByTimerId.remove(timerId);
        if (orderKey != Order.NO_TIMER)
        {
            handler.onTimer(orderKey, timerId);
        }
        return true;
    }

    /** Receives the timers that fire. */
    @FunctionalInterface
    interface Handler
    {
        void onTimer(long orderKey, long timerId);
    }
}
