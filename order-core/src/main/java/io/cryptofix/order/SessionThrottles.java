package io.cryptofix.order;

import io.cryptofix.config.RiskConfig;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * How fast each session may send new orders, cancels and replaces: a token bucket per session that
 * holds a second's worth of its {@code ordersPerSecond} and refills continuously, checked on the duty
 * cycle. A request that finds the bucket empty is refused, and counts for nothing.
 */
final class SessionThrottles
{
    static final String CHECK = "ordersPerSecond";

    private RiskConfig config = RiskConfig.NONE;
    private final Long2ObjectHashMap<Bucket> buckets = new Long2ObjectHashMap<>();

    void config(final RiskConfig config)
    {
        this.config = config;
        buckets.clear();
    }

    /**
     * Takes one request of the session's.
     *
     * @param compId  the session's CompID, which names its rate in the configuration; null when unknown.
     * @return null when the request may go, else the Text of its refusal.
     */
    String take(final long sessionId, final String compId, final long nowMillis)
    {
        Bucket bucket = buckets.get(sessionId);
        if (bucket == null)
        {
            bucket = new Bucket(config.ordersPerSecond(compId), nowMillis);
            buckets.put(sessionId, bucket);
        }
        return bucket.take(nowMillis) ? null : "throttled: more than " + bucket.perSecond +
            " orders, cancels and replaces per second from this session (" + CHECK + "); send it again later";
    }

    private static final class Bucket
    {
        final int perSecond;
        // in thousandths of a request, so that a millisecond's refill is whole at any rate
        long milliTokens;
        long refilledMillis;

        Bucket(final int perSecond, final long nowMillis)
        {
            this.perSecond = perSecond;
            this.milliTokens = perSecond * 1_000L;
            this.refilledMillis = nowMillis;
        }

        boolean take(final long nowMillis)
        {
            if (nowMillis > refilledMillis)
            {
                milliTokens = Math.min(perSecond * 1_000L, milliTokens + (nowMillis - refilledMillis) * perSecond);
                refilledMillis = nowMillis;
            }
            if (milliTokens < 1_000)
            {
                return false;
            }
            milliTokens -= 1_000;
            return true;
        }
    }
}
