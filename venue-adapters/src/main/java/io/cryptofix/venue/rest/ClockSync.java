package io.cryptofix.venue.rest;

import io.cryptofix.venue.VenueMetrics;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Keeps a {@link VenueClock} in step with the venue's server time: measured at start, every
 * {@link #INTERVAL_MILLIS} after, and at once when the venue refuses a request for its timestamp.
 * A venue whose client cannot read its time is signed for with the host's clock.
 */
final class ClockSync
{
    // every line of a REST venue goes under RestVenue's logger name, by which logging settings select it
    private static final Logger LOG = System.getLogger(RestVenue.class.getName());
    /** Host clocks drift by milliseconds an hour; once a minute finds a step (NTP, a VM pause) soon. */
    static final long INTERVAL_MILLIS = 60_000;
    private static final long RETRY_MILLIS = 5_000;
    /** A change of offset worth an operator's attention. */
    private static final long NOTABLE_CHANGE_MILLIS = 500;

    private final String venueId;
    private final ExchangeClient client;
    private final VenueClock venueClock;
    private final RequestPacer.Clock hostClock;
    private final VenueMetrics metrics;
    private boolean supported = true;
    private boolean measuredOnce;
    private long nextMillis;

    ClockSync(
        final String venueId,
        final ExchangeClient client,
        final VenueClock venueClock,
        final RequestPacer.Clock hostClock,
        final VenueMetrics metrics)
    {
        this.venueId = venueId;
        this.client = client;
        this.venueClock = venueClock;
        this.hostClock = hostClock;
        this.metrics = metrics;
    }

    boolean due(final long nowMillis)
    {
        return supported && nowMillis >= nextMillis;
    }

    /** @return whether the venue's time was read. */
    boolean measure()
    {
        if (!supported)
        {
            return false;
        }
        final long sent = hostClock.millis();
        final long serverMillis;
        try
        {
            serverMillis = client.serverTimeMillis();
        }
        catch (final UnsupportedOperationException e)
        {
            supported = false;
            LOG.log(Level.INFO, "venue {0}: its server time is not read; requests carry the host''s time", venueId);
            return false;
        }
        catch (final Exception e)
        {
            nextMillis = hostClock.millis() + RETRY_MILLIS;
            LOG.log(Level.WARNING, "venue {0}: its server time not read: {1}", venueId, client.classify(e).reason());
            return false;
        }
        final long received = hostClock.millis();
        final long before = venueClock.offsetMillis();
        venueClock.measured(sent, serverMillis, received);
        final long offset = venueClock.offsetMillis();
        metrics.onClockOffset(venueId, offset);
        nextMillis = received + INTERVAL_MILLIS;
        if (!measuredOnce || Math.abs(offset - before) >= NOTABLE_CHANGE_MILLIS)
        {
            LOG.log(Math.abs(offset) >= NOTABLE_CHANGE_MILLIS ? Level.WARNING : Level.INFO,
                "venue {0}: its clock is {1} ms {2} the host''s (measured in a {3} ms round trip); requests are signed " +
                "with the venue''s time", venueId, Long.toString(Math.abs(offset)), offset >= 0 ? "ahead of" : "behind",
                Long.toString(received - sent));
        }
        measuredOnce = true;
        return true;
    }
}
