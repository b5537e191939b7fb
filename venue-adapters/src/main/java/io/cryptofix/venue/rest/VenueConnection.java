package io.cryptofix.venue.rest;

import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.domain.Instrument;
import io.cryptofix.venue.VenueState;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Whether a venue is connected, and getting it connected: the first connect at the gateway's start,
 * then, if that failed, again and again on the worker thread, backing off from 1 s to once a minute,
 * until it works; and, while the venue is down, a probe every few seconds to find it answering again.
 */
final class VenueConnection
{
    // every line of a REST venue goes under RestVenue's logger name, by which logging settings select it
    private static final Logger LOG = System.getLogger(RestVenue.class.getName());
    private static final long FIRST_RETRY_MILLIS = 1_000;
    private static final long MAX_RETRY_MILLIS = 60_000;
    private static final long PROBE_INTERVAL_MILLIS = 2_000;

    private final String venueId;
    private final ExchangeVenueConfig config;
    private final ExchangeClient client;
    private final ClockSync clockSync;
    private final VenueHealth health;
    private final RequestPacer.Clock clock;
    private boolean tried;
    private boolean connected;
    private int attempts;
    private long retryMillis = FIRST_RETRY_MILLIS;
    private long nextAttemptMillis;
    private long nextProbeMillis;

    VenueConnection(
        final String venueId,
        final ExchangeVenueConfig config,
        final ExchangeClient client,
        final ClockSync clockSync,
        final VenueHealth health,
        final RequestPacer.Clock clock)
    {
        this.venueId = venueId;
        this.config = config;
        this.client = client;
        this.clockSync = clockSync;
        this.health = health;
        this.clock = clock;
    }

    boolean isConnected()
    {
        return connected;
    }

    /**
     * Measures the venue's clock, so that the first signed request already carries its time, and
     * connects.
     *
     * @throws VenueUnavailableException when the venue cannot be used now.
     */
    List<Instrument> connect()
    {
        tried = true;
        attempts++;
        clockSync.measure();
        final List<Instrument> instruments = client.connect(venueId, config.symbols());
        connected = true;
        OpenOrdersAtStart.report(venueId, client);
        return instruments;
    }

    /** The worker thread has started: a venue connected at the gateway's start is up, another is tried again. */
    void workerStarted(final long nowMillis)
    {
        if (connected)
        {
            health.connected(List.of(), false);
        }
        else
        {
            nextAttemptMillis = tried ? nowMillis + retryMillis : nowMillis;
        }
    }

    /**
     * While not connected: tries again when its back-off has passed. While down: probes.
     *
     * @return the work done: 1 for a request made.
     */
    int doWork(final long nowMillis, final RequestPacer pacer)
    {
        if (!connected)
        {
            return nowMillis >= nextAttemptMillis ? connectAgain() : 0;
        }
        if (health.state() == VenueState.DOWN && nowMillis >= nextProbeMillis && pacer.tryRequest(nowMillis))
        {
            nextProbeMillis = nowMillis + PROBE_INTERVAL_MILLIS;
            return probe();
        }
        return 0;
    }

    /**
     * @return the Text of an order refused because the venue is not up: its state only, for the last
     *     failure may name a URL or a file; that is in the log, at each attempt.
     */
    String notUp()
    {
        return !connected ? "venue " + venueId + " is starting, retry later" :
            "venue " + venueId + " is unavailable, retry later";
    }

    private int connectAgain()
    {
        try
        {
            final List<Instrument> instruments = connect();
            LOG.log(Level.INFO, "venue {0} started at attempt {1}, {2} instruments loaded", venueId, attempts,
                instruments.size());
            health.connected(instruments, true);
        }
        catch (final RuntimeException e)
        {
            nextAttemptMillis = clock.millis() + retryMillis;
            LOG.log(Level.WARNING, "venue {0} not started (attempt {1}): {2}; next attempt in {3} ms", venueId,
                attempts, e.getMessage(), Long.toString(retryMillis));
            retryMillis = Math.min(MAX_RETRY_MILLIS, retryMillis * 2);
        }
        return 1;
    }

    /**
     * Asks a venue that is down whether it answers again: its clock measured anew (a clock out of step
     * takes a venue down too), and a signed request, its open orders.
     */
    private int probe()
    {
        if (clockSync.measure())
        {
            health.clockMeasured();
        }
        try
        {
            client.openOrders();
            health.answered();
        }
        catch (final Exception e)
        {
            health.failed(client.classify(e));
        }
        return 1;
    }
}
