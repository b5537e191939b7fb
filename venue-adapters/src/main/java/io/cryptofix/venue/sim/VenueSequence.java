package io.cryptofix.venue.sim;

/**
 * The simulated venue's sequence: order ids and time priority.
 */
final class VenueSequence
{
    private long value;

    long next()
    {
        return ++value;
    }
}
