package io.cryptofix.venue;

import org.junit.jupiter.api.Test;

import static io.cryptofix.venue.FairShare.Admission.ADMITTED;
import static io.cryptofix.venue.FairShare.Admission.OVER_SHARE;
import static io.cryptofix.venue.FairShare.Admission.ROOM_USED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arithmetic of a venue queue's fair share: a quarter kept for requests about working orders, the
 * rest shared between the sessions waiting plus one more, so a newcomer always finds room.
 */
class FairShareTest
{
    @Test
    void aQuarterOfTheQueueIsKeptForCancelsQueriesAndAmends()
    {
        assertThat(FairShare.newOrderRoom(4096)).isEqualTo(3072);
        assertThat(FairShare.newOrderRoom(16)).isEqualTo(12);
        assertThat(FairShare.newOrderRoom(4)).isEqualTo(3);
    }

    @Test
    void aQueueTooSmallToKeepAQuarterStillTakesNewOrders()
    {
        assertThat(FairShare.newOrderRoom(2)).isEqualTo(2);
        assertThat(FairShare.newOrderRoom(1)).isEqualTo(1);
    }

    @Test
    void eachSessionsShareCountsOneSessionMoreThanAreWaiting()
    {
        assertThat(FairShare.perSession(12, 0)).as("nobody waiting").isEqualTo(12);
        assertThat(FairShare.perSession(12, 1)).as("one session waiting").isEqualTo(6);
        assertThat(FairShare.perSession(12, 2)).isEqualTo(4);
        assertThat(FairShare.perSession(12, 3)).isEqualTo(3);
    }

    @Test
    void aShareIsNeverLessThanOneRequest()
    {
        assertThat(FairShare.perSession(3, 5)).isEqualTo(1);
    }

    @Test
    void aSessionAloneMayFillHalfTheRoomForNewOrders()
    {
        assertThat(FairShare.admit(12, 5, 1, 5)).isEqualTo(ADMITTED);
        assertThat(FairShare.admit(12, 6, 1, 6)).isEqualTo(OVER_SHARE);
    }

    @Test
    void aSessionWithNothingWaitingGetsInWhileAnotherHoldsItsShare()
    {
        assertThat(FairShare.admit(12, 6, 1, 0)).isEqualTo(ADMITTED);
    }

    @Test
    void aSessionAboveItsShareSinceOthersArrivedTakesNoNewOrderUntilItIsBelowAgain()
    {
        // it took 6 while alone; with two more sessions waiting its share is 12 / 4
        assertThat(FairShare.admit(12, 9, 3, 6)).isEqualTo(OVER_SHARE);
        assertThat(FairShare.admit(12, 6, 3, 2)).isEqualTo(ADMITTED);
    }

    @Test
    void whenTheRoomForNewOrdersIsUsedUpEvenASessionUnderItsShareIsRefused()
    {
        assertThat(FairShare.admit(12, 12, 3, 0)).isEqualTo(ROOM_USED);
        assertThat(FairShare.admit(12, 15, 4, 0)).as("cancels in the reserve").isEqualTo(ROOM_USED);
    }
}
