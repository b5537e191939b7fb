package io.cryptofix.venue.rest;

import io.cryptofix.domain.Instrument;
import io.cryptofix.venue.VenueListener;
import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.VenueState;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Whether one venue answers: its {@link VenueState} from the outcome of each request. A venue whose
 * requests fail several times in a row without a clear answer (5xx, timeouts, resets, a clock out of
 * step) goes down, and the gateway refuses new orders to it until a request succeeds again; the
 * state goes to the metrics and, on each change between up and down, to the gateway.
 */
final class VenueHealth
{
    // every line of a REST venue goes under RestVenue's logger name, by which logging settings select it
    private static final Logger LOG = System.getLogger(RestVenue.class.getName());
    /** Failures in a row that take a venue down: one or two are a blip, five are an outage. */
    static final int FAILURES_TO_DOWN = 5;

    private final String venueId;
    private final VenueMetrics metrics;
    private final RequestPacer.Clock clock;
    private VenueListener listener;
    private VenueState state = VenueState.STARTING;
    private int failuresInARow;
    private boolean clockSuspect;

    VenueHealth(final String venueId, final VenueMetrics metrics, final RequestPacer.Clock clock)
    {
        this.venueId = venueId;
        this.metrics = metrics;
        this.clock = clock;
        metrics.onVenueState(venueId, state);
    }

    /** Where changes between up and down are told, from the worker thread's start on. */
    void tell(final VenueListener listener)
    {
        this.listener = listener;
    }

    VenueState state()
    {
        return state;
    }

    boolean isUp()
    {
        return state == VenueState.UP || state == VenueState.RATE_LIMITED;
    }

    /**
     * Connected.
     *
     * @param instruments the rules loaded by a start that came late, told to the gateway; empty when
     *                    the gateway had them from its own start.
     */
    void connected(final List<Instrument> instruments, final boolean late)
    {
        failuresInARow = 0;
        clockSuspect = false;
        change(VenueState.UP, late ? "connected" : null, instruments);
    }

    /** A request got an answer (a refusal is an answer too). */
    void answered()
    {
        failuresInARow = 0;
        if (state == VenueState.DOWN || state == VenueState.RATE_LIMITED)
        {
            change(VenueState.UP, "answering again", List.of());
        }
    }

    /** A request failed as {@code error} says. */
    void failed(final VenueError error)
    {
        switch (error.kind())
        {
            case RATE_LIMITED ->
            {
                if (state == VenueState.UP)
                {
                    change(VenueState.RATE_LIMITED, null, List.of());
                }
            }
            case CLOCK ->
            {
                clockSuspect = true;
                failedWithoutAnswer("clock out of step: " + error.reason());
            }
            case AMBIGUOUS -> failedWithoutAnswer(error.reason());
            default -> answered();
        }
    }

    /** Whether a refused timestamp asks for the venue's clock to be measured again. */
    boolean clockSuspect()
    {
        return clockSuspect;
    }

    void clockMeasured()
    {
        clockSuspect = false;
    }

    private void failedWithoutAnswer(final String reason)
    {
        failuresInARow++;
        if (failuresInARow >= FAILURES_TO_DOWN && isUp())
        {
            LOG.log(Level.ERROR, "venue {0}: {1} requests in a row failed, last: {2}; new orders are refused until " +
                "it answers again", venueId, failuresInARow, reason);
            change(VenueState.DOWN, reason, List.of());
        }
    }

    private void change(final VenueState to, final String reason, final List<Instrument> instruments)
    {
        final VenueState from = state;
        state = to;
        metrics.onVenueState(venueId, to);
        final boolean upOrDown = to == VenueState.DOWN || from == VenueState.DOWN || from == VenueState.STARTING;
        if (from != to && upOrDown && reason != null && listener != null)
        {
            if (to == VenueState.UP)
            {
                LOG.log(Level.INFO, "venue {0} is up: {1}", venueId, reason);
            }
            listener.onVenueState(to, reason, instruments, clock.millis());
        }
    }
}
