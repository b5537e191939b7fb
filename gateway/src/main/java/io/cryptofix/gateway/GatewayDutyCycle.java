package io.cryptofix.gateway;

import io.cryptofix.acceptor.ExecutionReportSender;
import io.cryptofix.config.RiskConfig;
import io.cryptofix.config.TimeoutPolicy;
import io.cryptofix.order.OrderCore;
import io.cryptofix.venue.MarketPrice;
import io.cryptofix.venue.VenueState;
import io.cryptofix.venue.VenueStateChange;
import io.cryptofix.venue.VenueDispatcher;
import io.cryptofix.venue.VenueResponse;
import io.cryptofix.venue.VenueResponseHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import uk.co.real_logic.artio.library.FixLibrary;
import uk.co.real_logic.artio.library.LibraryConfiguration;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The one thread that owns all order state. Each turn it polls the FIX library (client messages
 * in, reports out) and the venue answers and prices, hands them to the order core, lets the
 * core's deadlines fire, sends the reports held for sessions that have logged on again, and does
 * the operators' work for the core (trading states, the kill switch, the risk status).
 */
final class GatewayDutyCycle implements Agent, VenueResponseHandler
{
    private static final int FIX_FRAGMENT_LIMIT = 20;
    private static final int VENUE_RESPONSE_LIMIT = 64;

    private final LibraryConfiguration libraryConfiguration;
    private final OrderCore core;
    private final VenueDispatcher venues;
    private final ExecutionReportSender reports;
    private final EpochClock clock;
    private final CoreTasks coreTasks;
    // written by the thread that reloads the configuration, taken by the duty cycle
    private final AtomicReference<TimeoutPolicy> newTimeoutPolicy = new AtomicReference<>();
    private final AtomicReference<RiskConfig> newRisk = new AtomicReference<>();
    private FixLibrary library;

    GatewayDutyCycle(
        final LibraryConfiguration libraryConfiguration,
        final OrderCore core,
        final VenueDispatcher venues,
        final ExecutionReportSender reports,
        final CoreTasks coreTasks,
        final EpochClock clock)
    {
        this.coreTasks = coreTasks;
        this.clock = clock;
        this.reports = reports;
        this.libraryConfiguration = libraryConfiguration;
        this.core = core;
        this.venues = venues;
    }

    @Override
    public void onStart()
    {
        // the library belongs to the thread that polls it, so it is connected from here
        library = FixLibrary.connect(libraryConfiguration);
    }

    @Override
    public int doWork()
    {
        return library.poll(FIX_FRAGMENT_LIMIT) + venues.pollResponses(this, VENUE_RESPONSE_LIMIT) +
            core.onTime(clock.time()) + reports.releaseJournaledReports() + reports.deliverHeldReports() +
            applyNewTimeoutPolicy() + applyNewRisk() + coreTasks.poll(core, clock.time());
    }

    void reloadTimeoutPolicy(final TimeoutPolicy policy)
    {
        newTimeoutPolicy.set(policy);
    }

    void reloadRisk(final RiskConfig risk)
    {
        newRisk.set(risk);
    }

    private int applyNewRisk()
    {
        // a plain read first: the common case, nothing new, costs no write
        if (newRisk.get() == null)
        {
            return 0;
        }
        final RiskConfig risk = newRisk.getAndSet(null);
        if (risk == null)
        {
            return 0;
        }
        core.riskLimits(risk);
        return 1;
    }

    private int applyNewTimeoutPolicy()
    {
        // a plain read first: the common case, nothing new, costs no write
        if (newTimeoutPolicy.get() == null)
        {
            return 0;
        }
        final TimeoutPolicy policy = newTimeoutPolicy.getAndSet(null);
        if (policy == null)
        {
            return 0;
        }
        core.timeoutPolicy(policy, clock.time());
        return 1;
    }

    @Override
    public void onVenueResponse(final VenueResponse response)
    {
        final long orderKey = response.orderKey();
        final long time = response.timeMillis();
        switch (response.kind())
        {
            case ACCEPTED -> core.onVenueAccepted(orderKey, response.venueOrderId(), time);
            case REJECTED -> core.onVenueRejected(orderKey, response.reason(), time);
            case FILL -> core.onVenueFill(orderKey, response.lastQty(), response.lastPx(), time);
            case CANCELED -> core.onVenueCanceled(orderKey, response.reason(), time);
            case CANCEL_REJECTED -> core.onVenueCancelRejected(orderKey, response.reason(), time);
            case EXPIRED -> core.onVenueExpired(orderKey, response.reason(), time);
            case IN_DOUBT -> core.onVenueInDoubt(orderKey, response.reason(), time);
            case REPLACED -> core.onVenueReplaced(orderKey, time);
            case REPLACE_REJECTED -> core.onVenueReplaceRejected(orderKey, response.reason(), time);
            case STATUS -> core.onVenueStatus(orderKey, response.status(), response.venueOrderId(), response.lastQty(),
                response.lastPx(), response.reason(), time);
            default -> throw new IllegalStateException("unknown venue response " + response.kind());
        }
    }

    @Override
    public void onVenueState(final VenueStateChange change)
    {
        if (change.state() == VenueState.UP)
        {
            core.onVenueUp(change.venueId(), change.instruments(), change.timeMillis());
        }
        else
        {
            core.onVenueDown(change.venueId(), change.reason(), change.timeMillis());
        }
    }

    @Override
    public void onMarketPrice(final MarketPrice price)
    {
        if (price.depth() != null)
        {
            core.onMarketDepth(price.venueId(), price.symbol(), price.depth(), price.timeMillis());
        }
        else
        {
            core.onMarketPrice(price.venueId(), price.symbol(), price.bidPx(), price.askPx(), price.timeMillis());
        }
    }

    @Override
    public void onClose()
    {
        if (library != null)
        {
            library.close();
        }
    }

    @Override
    public String roleName()
    {
        return "gateway-duty-cycle";
    }
}
