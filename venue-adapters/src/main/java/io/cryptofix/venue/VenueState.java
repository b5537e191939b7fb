package io.cryptofix.venue;

/**
 * Whether a venue can take orders now. The gateway refuses new orders to a venue that is not
 * {@link #UP}, and the adapter keeps trying to reach it, backing off.
 */
public enum VenueState
{
    /** Connecting for the first time, or again after a failed start: nothing loaded yet. */
    STARTING,
    /** Connected, clock in step, answering. */
    UP,
    /** Refusing requests for its rate limit: requests wait, orders still go when the limit allows. */
    RATE_LIMITED,
    /** Failing every request (5xx, no answer, clock out of step): orders are refused until it answers. */
    DOWN
}
