package io.cryptofix.venue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who waits in a venue's queue, counted from the requests the duty cycle queued and the queue's count
 * of what the worker took, first in first out.
 */
class WaitingBySessionTest
{
    private static final long RISK = 11;
    private static final long DEMO = 22;

    private final WaitingBySession waiting = new WaitingBySession(4);

    @Test
    void eachSessionsRequestsAreCountedAsTheyAreQueued()
    {
        waiting.queued(RISK, 0);
        waiting.queued(DEMO, 0);
        waiting.queued(RISK, 0);

        assertThat(waiting.waiting(RISK)).isEqualTo(2);
        assertThat(waiting.waiting(DEMO)).isEqualTo(1);
        assertThat(waiting.total()).isEqualTo(3);
        assertThat(waiting.sessions()).isEqualTo(2);
    }

    @Test
    void whatTheWorkerTookIsCountedOutInQueueOrder()
    {
        waiting.queued(RISK, 0);
        waiting.queued(DEMO, 0);
        waiting.queued(RISK, 0);

        waiting.taken(2);

        assertThat(waiting.waiting(RISK)).isEqualTo(1);
        assertThat(waiting.waiting(DEMO)).isZero();
        assertThat(waiting.sessions()).as("DEMO has nothing waiting any more").isEqualTo(1);
        assertThat(waiting.total()).isEqualTo(1);
    }

    @Test
    void aSessionWithNothingWaitingIsNotCounted()
    {
        waiting.queued(RISK, 0);
        waiting.taken(1);

        assertThat(waiting.waiting(RISK)).isZero();
        assertThat(waiting.sessions()).isZero();
        assertThat(waiting.total()).isZero();
    }

    @Test
    void queueingCountsOutFirstWhatTheWorkerTookSoTheRingNeverOverwritesAWaitingRequest()
    {
        // the queue of 4 is full of RISK's requests; the worker takes one and DEMO's takes its place
        for (int i = 0; i < 4; i++)
        {
            waiting.queued(RISK, 0);
        }

        waiting.queued(DEMO, 1);

        assertThat(waiting.waiting(RISK)).isEqualTo(3);
        assertThat(waiting.waiting(DEMO)).isEqualTo(1);
        waiting.taken(5);
        assertThat(waiting.sessions()).isZero();
    }

    @Test
    void theCountsStayRightAsTheQueueGoesRoundManyTimes()
    {
        long removed = 0;
        for (int i = 0; i < 1_000; i++)
        {
            waiting.queued(i % 3 == 0 ? DEMO : RISK, removed);
            waiting.queued(RISK, removed);
            removed += 2;
            waiting.taken(removed - 1);
            assertThat(waiting.total()).isEqualTo(1);
            assertThat(waiting.waiting(RISK)).isEqualTo(1);
            assertThat(waiting.waiting(DEMO)).isZero();
        }
        waiting.taken(removed);
        assertThat(waiting.sessions()).isZero();
    }

    @Test
    void theRingMustMatchAnAgronaQueuesPowerOfTwoCapacity()
    {
        assertThatThrownBy(() -> new WaitingBySession(6)).isInstanceOf(IllegalArgumentException.class);
    }
}
