package io.cryptofix.acceptor;

import org.agrona.concurrent.EpochClock;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refused logons by peer address, to slow down guessing: after {@link #FREE_FAILURES} failures within
 * {@link #WINDOW_MILLIS}, each further logon from that address is answered later, twice as late each
 * time, up to {@link #MAX_DELAY_MILLIS}. A success clears the address. Bounded: the oldest addresses
 * are forgotten first. Used by the logon checks' one thread.
 */
final class FailedLogons
{
    static final int FREE_FAILURES = 3;
    static final long WINDOW_MILLIS = 10 * 60_000L;
    static final long FIRST_DELAY_MILLIS = 500;
    static final long MAX_DELAY_MILLIS = 30_000;
    private static final int MAX_ADDRESSES = 10_000;

    private final EpochClock clock;
    private final Map<InetAddress, long[]> failures = new LinkedHashMap<>(16, 0.75f, true)
    {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<InetAddress, long[]> eldest)
        {
            return size() > MAX_ADDRESSES;
        }
    };

    FailedLogons(final EpochClock clock)
    {
        this.clock = clock;
    }

    /** @return how long to wait before answering a logon from {@code address}. */
    synchronized long delayMillis(final InetAddress address)
    {
        final long[] counted = current(address);
        if (counted == null || counted[0] < FREE_FAILURES)
        {
            return 0;
        }
        final long doublings = Math.min(counted[0] - FREE_FAILURES, 16);
        return Math.min(FIRST_DELAY_MILLIS << doublings, MAX_DELAY_MILLIS);
    }

    synchronized void failed(final InetAddress address)
    {
        final long[] counted = current(address);
        if (counted == null)
        {
            failures.put(address, new long[] {1, clock.time()});
        }
        else
        {
            counted[0]++;
            counted[1] = clock.time();
        }
    }

    synchronized void succeeded(final InetAddress address)
    {
        failures.remove(address);
    }

    /** {failures, time of the last}, or null when none within the window. */
    private long[] current(final InetAddress address)
    {
        final long[] counted = failures.get(address);
        if (counted != null && clock.time() - counted[1] > WINDOW_MILLIS)
        {
            failures.remove(address);
            return null;
        }
        return counted;
    }
}
