package io.cryptofix.venue.kraken;

import io.cryptofix.venue.rest.VenueClock;
import si.mazi.rescu.SynchronizedValueFactory;

/**
 * The nonce of Kraken's signed calls: the venue clock's milliseconds, and always above the last one
 * sent. Kraken checks no time window, only that each API key's nonce grows; a re-measure that moves
 * the venue clock back must not make the next call repeat or undercut a nonce already used.
 */
final class KrakenNonce implements SynchronizedValueFactory<Long>
{
    private final VenueClock clock;
    private long last;

    KrakenNonce(final VenueClock clock)
    {
        this.clock = clock;
    }

    @Override
    public synchronized Long createValue()
    {
        last = Math.max(clock.millis(), last + 1);
        return last;
    }
}
