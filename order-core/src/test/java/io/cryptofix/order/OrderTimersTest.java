package io.cryptofix.order;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timer wheel under the order deadlines, on an injected clock.
 */
class OrderTimersTest
{
    private static final long START = 1_767_225_600_003L;

    private final OrderTimers timers = new OrderTimers(START);
    private final List<String> fired = new ArrayList<>();

    @Test
    void aTimerNeverFiresBeforeItsDeadlineAndAtMostOneTickAfter()
    {
        timers.schedule(7, START + 100);

        poll(START + 99);
        assertThat(fired).isEmpty();
        poll(START + 100 + OrderTimers.TICK_MILLIS - 1);
        assertThat(fired).containsExactly("7");
        assertThat(timers.scheduled()).isZero();
    }

    @Test
    void timersBeyondTheWheelsTurnWaitForTheirOwnTurn()
    {
        timers.schedule(1, START + 3_600_000);
        timers.schedule(2, START + 9_000);
        timers.schedule(3, START + 20);

        poll(START + 8_999);
        assertThat(fired).containsExactly("3");
        poll(START + 9_010);
        assertThat(fired).containsExactly("3", "2");
        poll(START + 3_599_999);
        assertThat(fired).containsExactly("3", "2");
        poll(START + 3_600_010);
        assertThat(fired).containsExactly("3", "2", "1");
    }

    @Test
    void aCanceledTimerDoesNotFireAndAnOldIdCancelsNothingNew()
    {
        final long near = timers.schedule(1, START + 50);
        final long far = timers.schedule(2, START + 60_000);
        assertThat(timers.cancel(near)).isTrue();
        assertThat(timers.cancel(far)).isTrue();
        assertThat(timers.cancel(far)).isFalse();

        // the freed slot is reused: the old id must not reach the new timer
        timers.schedule(3, START + 70);
        assertThat(timers.cancel(near)).isFalse();
        poll(START + 120_000);

        assertThat(fired).containsExactly("3");
    }

    @Test
    void aTimerAlreadyDueFiresAtTheNextTick()
    {
        poll(START + 1_000);
        timers.schedule(9, START);

        poll(START + 1_000 + OrderTimers.TICK_MILLIS);

        assertThat(fired).containsExactly("9");
    }

    @Test
    void manyTimersOnOneDeadlineAllFireAFewHundredPerPoll()
    {
        final long cutoff = START + 86_400_000;
        for (int key = 0; key < 100_000; key++)
        {
            timers.schedule(key, cutoff);
        }
        assertThat(timers.scheduled()).isEqualTo(100_000);

        int polls = 0;
        while (timers.scheduled() > 0)
        {
            assertThat(timers.poll(cutoff + OrderTimers.TICK_MILLIS, (orderKey, timerId) -> fired.add("x")))
                .isLessThanOrEqualTo(256);
            polls++;
        }

        assertThat(fired).hasSize(100_000);
        assertThat(polls).isGreaterThanOrEqualTo(100_000 / 256);
    }

    private void poll(final long nowMillis)
    {
        while (timers.poll(nowMillis, (orderKey, timerId) -> fired.add(Long.toString(orderKey))) > 0)
        {
            // until nothing more is due
        }
    }
}
