package io.cryptofix.gateway;

import io.cryptofix.order.OrderCore;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

import java.util.concurrent.CompletableFuture;

/**
 * Work for the order core from other threads (the admin endpoint's), done on the duty cycle, the
 * only thread that may touch the core. The queue is bounded and {@link #poll} neither blocks nor
 * does I/O: the asking thread waits on the task's future, with a timeout of its own.
 */
final class CoreTasks
{
    // one admin thread, waiting for each task: more than a few never wait at once
    private static final int CAPACITY = 16;
    private static final int TASKS_PER_TURN = 4;

    private final ManyToOneConcurrentArrayQueue<Task<?>> tasks = new ManyToOneConcurrentArrayQueue<>(CAPACITY);

    /** What to do with the core; its result, or its exception, completes the task's future. */
    @FunctionalInterface
    interface Work<T>
    {
        T apply(OrderCore core, long nowMillis);
    }

    private record Task<T>(Work<T> work, CompletableFuture<T> done)
    {
        void run(final OrderCore core, final long nowMillis)
        {
            try
            {
                done.complete(work.apply(core, nowMillis));
            }
            catch (final RuntimeException e)
            {
                // the core refused or failed: the asking thread says so, the duty cycle goes on
                done.completeExceptionally(e);
            }
        }
    }

    /**
     * @return the task's future; already failed with {@link QueueFullException} when too many wait.
     */
    <T> CompletableFuture<T> submit(final Work<T> work)
    {
        final CompletableFuture<T> done = new CompletableFuture<>();
        if (!tasks.offer(new Task<>(work, done)))
        {
            done.completeExceptionally(new QueueFullException());
        }
        return done;
    }

    /** On the duty cycle: runs the tasks waiting, a few a turn. */
    int poll(final OrderCore core, final long nowMillis)
    {
        return tasks.drain(task -> task.run(core, nowMillis), TASKS_PER_TURN);
    }

    /** Too many tasks wait for the duty cycle already. */
    static final class QueueFullException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        QueueFullException()
        {
            super("too many admin requests are waiting for the gateway's duty cycle", null, false, false);
        }
    }
}
