package io.cryptofix.venue.rest;

/**
 * The venue's clock as seen from here: the host's clock corrected by the offset last measured
 * against the venue's server time. Signed requests carry its time, so a host clock running ahead
 * or behind the venue does not push them outside the venue's receive window. Written by the venue
 * worker thread, read by whoever signs (the same thread) and by metrics.
 */
public final class VenueClock
{
    private final RequestPacer.Clock hostClock;
    private volatile long offsetMillis;

    public VenueClock(final RequestPacer.Clock hostClock)
    {
        this.hostClock = hostClock;
    }

    /** @return the venue's time now, in epoch milliseconds. */
    public long millis()
    {
        return hostClock.millis() + offsetMillis;
    }

    /** @return how far the venue's clock is ahead of the host's (negative: behind). */
    public long offsetMillis()
    {
        return offsetMillis;
    }

    /**
     * Takes a measurement: the venue said {@code serverMillis} between the host times
     * {@code sentMillis} and {@code receivedMillis}; the server read its clock halfway, on average.
     */
    public void measured(final long sentMillis, final long serverMillis, final long receivedMillis)
    {
        offsetMillis = serverMillis - (sentMillis + (receivedMillis - sentMillis) / 2);
    }
}
