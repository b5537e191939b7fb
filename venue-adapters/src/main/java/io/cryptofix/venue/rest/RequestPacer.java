package io.cryptofix.venue.rest;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the requests to one venue inside its published rate limits before they leave: a token
 * bucket for all requests and one for new orders, each refilled per second, and a pause after the
 * venue said it is rate limiting. Used by the venue's worker thread only; waiting blocks that thread
 * alone, while orders queue (bounded) in front of it.
 */
public final class RequestPacer
{
    private final Bucket requests;
    private final Bucket orders;
    private long pausedUntilMillis;

    public RequestPacer(final int requestsPerSecond, final int ordersPerSecond, final long nowMillis)
    {
        this.requests = new Bucket(requestsPerSecond, nowMillis);
        this.orders = new Bucket(ordersPerSecond, nowMillis);
    }

    /**
     * Waits until a new order may be sent, then takes its tokens.
     *
     * @return how long it waited, in milliseconds.
     */
    public long awaitOrder(final Clock clock)
    {
        return await(clock, true);
    }

    /**
     * Waits until a request (cancel, query) may be sent, then takes its token.
     *
     * @return how long it waited, in milliseconds.
     */
    public long awaitRequest(final Clock clock)
    {
        return await(clock, false);
    }

    /** Takes a request token if one is free now; for work that can wait (polling). */
    public boolean tryRequest(final long nowMillis)
    {
        if (nowMillis < pausedUntilMillis || !requests.available(nowMillis))
        {
            return false;
        }
        requests.take();
        return true;
    }

    /**
     * Takes {@code count} request tokens if that many are free now (all of a second's, when it asks
     * for more than a second holds); for polling that costs several requests, or a heavier one.
     */
    public boolean tryRequests(final long nowMillis, final int count)
    {
        if (nowMillis < pausedUntilMillis || !requests.available(nowMillis, count))
        {
            return false;
        }
        for (int i = 0; i < count; i++)
        {
            requests.take();
        }
        return true;
    }

    /** The venue said it is rate limiting: send nothing for {@code millis}. */
    public void backOff(final long nowMillis, final long millis)
    {
        pausedUntilMillis = Math.max(pausedUntilMillis, nowMillis + millis);
    }

    private long await(final Clock clock, final boolean order)
    {
        long now = clock.millis();
        final long start = now;
        while (now < pausedUntilMillis || !requests.available(now) || order && !orders.available(now))
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            now = clock.millis();
        }
        requests.take();
        if (order)
        {
            orders.take();
        }
        return now - start;
    }

    /** The time the pacer reads. */
    @FunctionalInterface
    public interface Clock
    {
        long millis();
    }

    private static final class Bucket
    {
        private final int perSecond;
        private double tokens;
        private long refilledMillis;

        Bucket(final int perSecond, final long nowMillis)
        {
            this.perSecond = perSecond;
            this.tokens = perSecond;
            this.refilledMillis = nowMillis;
        }

        boolean available(final long nowMillis)
        {
            return available(nowMillis, 1);
        }

        boolean available(final long nowMillis, final int count)
        {
            if (nowMillis > refilledMillis)
            {
                tokens = Math.min(perSecond, tokens + (nowMillis - refilledMillis) * perSecond / 1000.0);
                refilledMillis = nowMillis;
            }
            return tokens >= Math.min(count, perSecond);
        }

        void take()
        {
            tokens -= 1;
        }
    }
}
