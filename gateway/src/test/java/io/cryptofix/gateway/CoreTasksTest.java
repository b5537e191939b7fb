package io.cryptofix.gateway;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Work for the core handed to the duty cycle: done only when the duty cycle polls, with its clock's
 * time, a few a turn; a failure completes the task, not the duty cycle; a full queue refuses at once.
 */
class CoreTasksTest
{
    private final CoreTasks tasks = new CoreTasks();

    @Test
    void aTaskIsDoneOnlyWhenTheDutyCyclePollsWithTheDutyCyclesTime() throws Exception
    {
        final CompletableFuture<Long> done = tasks.submit((core, nowMillis) -> nowMillis);
        assertThat(done).isNotDone();

        assertThat(tasks.poll(null, 42)).isEqualTo(1);
        assertThat(done.get()).isEqualTo(42L);
        assertThat(tasks.poll(null, 43)).isZero();
    }

    @Test
    void aFailureOfTheCoreCompletesTheTaskAndTheNextTaskIsStillDone()
    {
        final CompletableFuture<Object> failed = tasks.submit((core, nowMillis) ->
        {
            throw new UnsupportedOperationException("kill switch");
        });
        final CompletableFuture<String> next = tasks.submit((core, nowMillis) -> "done");

        tasks.poll(null, 1);

        assertThatThrownBy(failed::get).hasCauseInstanceOf(UnsupportedOperationException.class);
        assertThat(next).isCompletedWithValue("done");
    }

    @Test
    void aFullQueueRefusesAtOnceAndATurnDoesOnlyAFew()
    {
        final List<CompletableFuture<Integer>> submitted = new ArrayList<>();
        for (int i = 0; i < 17; i++)
        {
            final int n = i;
            submitted.add(tasks.submit((core, nowMillis) -> n));
        }

        assertThat(submitted.get(16)).isCompletedExceptionally();
        assertThatThrownBy(() -> submitted.get(16).get()).hasCauseInstanceOf(CoreTasks.QueueFullException.class);
        assertThat(tasks.poll(null, 1)).as("a few a turn: the FIX messages wait no longer").isEqualTo(4);
        assertThat(submitted.subList(0, 4)).allMatch(CompletableFuture::isDone);
        assertThat(submitted.get(4)).isNotDone();
    }
}
