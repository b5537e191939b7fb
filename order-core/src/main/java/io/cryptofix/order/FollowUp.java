package io.cryptofix.order;

/**
 * The order core's bookkeeping for one order: its timers, a cancel the gateway wants but cannot send
 * yet, and the venue request it waits to hear about. Not the order's state: never journaled, and
 * rebuilt from the state after a restart. Changed only by the core's parts that own each field.
 */
final class FollowUp
{
    /** The deadline timer (timeout, Day, GTD), or a retry of a deferred cancel; {@link Order#NO_TIMER} if none. */
    long deadlineTimerId = Order.NO_TIMER;
    /** A cancel the gateway wants but cannot send yet: the venue has to acknowledge, or a replace to finish. */
    VenueCancelCause deferredCancel = VenueCancelCause.NONE;
    /**
     * The Text of the Canceled report when the kill switch cancels the order ({@code kill switch:
     * <reason>}), shared by every order of one kill; null when none did, or before a restart.
     */
    String killText;
    /** The venue request the gateway waits to hear about. */
    VenueWatch.Kind watching = VenueWatch.Kind.NONE;
    long watchTimerId = Order.NO_TIMER;
    /** How many times the wait for the venue ran out so far. */
    int watchFirings;
    /** When the gateway sent the request it waits on. */
    long watchStartMillis;
}
