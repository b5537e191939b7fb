package io.cryptofix.venue.rest;

import io.cryptofix.venue.VenueMetrics;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The account's balances, for operators: read at start, then about once a minute with what the
 * request budget has free, and published as metrics; not read at all when the metrics do not publish
 * them. The gateway does not check orders against them: the venue refuses what the account cannot pay.
 */
final class BalancePoller
{
    // every line of a REST venue goes under RestVenue's logger name, by which logging settings select it
    private static final Logger LOG = System.getLogger(RestVenue.class.getName());
    private static final long BALANCES_INTERVAL_MILLIS = 60_000;

    private final String venueId;
    private final ExchangeClient client;
    private final RequestPacer pacer;
    private final RequestPacer.Clock clock;
    private final VenueMetrics metrics;
    private long nextBalancesMillis;

    /**
     * @param nowMillis  when the venue started: the first poll at or after it reads the balances.
     */
    BalancePoller(
        final String venueId,
        final ExchangeClient client,
        final RequestPacer pacer,
        final RequestPacer.Clock clock,
        final VenueMetrics metrics,
        final long nowMillis)
    {
        this.venueId = venueId;
        this.client = client;
        this.pacer = pacer;
        this.clock = clock;
        this.metrics = metrics;
        this.nextBalancesMillis = nowMillis;
    }

    /** @return how many balances were read; none when the metrics do not publish them. */
    int poll(final long nowMillis)
    {
        if (!metrics.readsBalances() || nowMillis < nextBalancesMillis || !pacer.tryRequest(clock.millis()))
        {
            return 0;
        }
        nextBalancesMillis = nowMillis + BALANCES_INTERVAL_MILLIS;
        try
        {
            final Map<String, BigDecimal> balances = client.balances();
            for (final Map.Entry<String, BigDecimal> balance : balances.entrySet())
            {
                metrics.onBalance(venueId, balance.getKey(), balance.getValue().doubleValue());
            }
            return balances.size();
        }
        catch (final Exception e)
        {
            LOG.log(Level.WARNING, "venue {0}: balances not read: {1}", venueId, client.classify(e).reason());
            return 0;
        }
    }
}
