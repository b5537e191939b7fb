package io.cryptofix.gateway;

import io.cryptofix.config.GatewayConfig;
import io.cryptofix.config.InstrumentConfig;
import io.cryptofix.config.PerformanceConfig;
import io.cryptofix.config.VenueAccount;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.config.VenueConfig;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.InstrumentCatalog.Outage;
import io.cryptofix.domain.VenueRules;
import io.cryptofix.venue.JournalGate;
import io.cryptofix.venue.VenueAdapter;
import io.cryptofix.venue.VenueAdapters;
import io.cryptofix.venue.VenueDispatcher;
import io.cryptofix.venue.rest.RestVenue;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SystemEpochClock;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The configured venues, each connected and on a worker thread of its own behind bounded queues,
 * and the catalog of what can be traded where. A venue that cannot be used (no credentials) is
 * logged and marked unavailable, and the others start; one that cannot be reached yet starts its
 * worker anyway, which keeps trying, and takes orders once it reports itself up. Closing stops
 * the workers. Why a venue failed (a failure may name a file, an environment variable or a URL) goes
 * to the log and, through the catalog, to the admin API's status; its clients hear only that it is
 * not available, or starting.
 */
final class VenueWorkers implements AutoCloseable
{
    private static final Logger LOG = System.getLogger(VenueWorkers.class.getName());
    private static final int VENUE_REQUEST_QUEUE_CAPACITY = 4096;
    private static final int VENUE_RESPONSE_QUEUE_CAPACITY = 16384;

    private final VenueDispatcher dispatcher;
    private final InstrumentCatalog catalog;
    // every venue and account on a REST API by its route (BINANCE, BINANCE/DESK1), for key rotation
    private final Map<String, RestVenue> signing;

    private VenueWorkers(final VenueDispatcher dispatcher, final InstrumentCatalog catalog, final Map<String, RestVenue> signing)
    {
        this.dispatcher = dispatcher;
        this.catalog = catalog;
        this.signing = signing;
    }

    /**
     * @param journal             holds back each request to a venue whose orders outlive the gateway
     *                            until the journal has written its record.
     * @param journalStartedMillis  the journal's identity: venue client order ids derive from it, so
     *                            that orders taken over after a restart are found by theirs.
     * @param environment         where venue keys named by environment variable, and the credentials
     *                            store's password, are read.
     */
    static VenueWorkers start(
        final GatewayConfig config, final JournalGate journal, final long journalStartedMillis, final GatewayMetrics metrics,
        final UnaryOperator<String> environment)
    {
        final PerformanceConfig.Profile profile = config.performance().profile();
        final VenueDispatcher dispatcher = new VenueDispatcher(
            VENUE_REQUEST_QUEUE_CAPACITY, VENUE_RESPONSE_QUEUE_CAPACITY, () -> IdleStrategies.orderPath(profile),
            throwable -> LOG.log(Level.ERROR, "venue worker error", throwable), SystemEpochClock.INSTANCE, journal,
            metrics);
        try
        {
            final InstrumentCatalog catalog = new InstrumentCatalog();
            final Map<String, RestVenue> signing = new LinkedHashMap<>();
            for (final VenueConfig venue : config.venues().values())
            {
                final VenueAdapter adapter;
                try
                {
                    adapter = VenueAdapters.create(venue, journalStartedMillis, config.credentials(), environment, metrics);
                }
                catch (final RuntimeException e)
                {
                    // one venue that cannot be used must not stop the others
                    LOG.log(Level.ERROR, "venue " + venue.id() + " not started: " + e.getMessage());
                    catalog.unavailable(venue.id(), Outage.Kind.NOT_STARTED, e.getMessage());
                    continue;
                }
                List<Instrument> instruments;
                try
                {
                    instruments = adapter.connect();
                }
                catch (final RuntimeException e)
                {
                    if (!adapter.retriesConnect())
                    {
                        LOG.log(Level.ERROR, "venue " + venue.id() + " not started: " + e.getMessage());
                        catalog.unavailable(venue.id(), Outage.Kind.NOT_STARTED, e.getMessage());
                        continue;
                    }
                    // its worker keeps trying, and its instruments join the catalog once it is up
                    LOG.log(Level.ERROR, "venue " + venue.id() + " not started yet, trying again in the background: " +
                        e.getMessage());
                    catalog.unavailable(venue.id(), Outage.Kind.STARTING, e.getMessage());
                    instruments = List.of();
                }
                addVenue(catalog, venue, adapter.capabilities(), instruments);
                dispatcher.start(adapter);
                if (adapter instanceof RestVenue rest)
                {
                    signing.put(venue.id(), rest);
                }
                startAccounts(config, venue, adapter, journalStartedMillis, dispatcher, catalog, metrics, signing, environment);
            }
            metrics.venueQueues(config.venues().keySet(), dispatcher::queuedRequests);
            return new VenueWorkers(dispatcher, catalog, signing);
        }
        catch (final RuntimeException | Error e)
        {
            CloseHelper.quietClose(dispatcher);
            throw e;
        }
    }

    /**
     * Each account at the venue: a simulated venue's trade through its own adapter (one book); a REST
     * venue's each through an adapter of its own, signing with the account's keys, on a worker of its
     * own. An account that cannot start has its orders refused; the venue and its other accounts trade on.
     */
    private static void startAccounts(
        final GatewayConfig config, final VenueConfig venue, final VenueAdapter venueAdapter,
        final long journalStartedMillis, final VenueDispatcher dispatcher, final InstrumentCatalog catalog,
        final GatewayMetrics metrics, final Map<String, RestVenue> signing, final UnaryOperator<String> environment)
    {
        for (final VenueAccount account : venue.accounts().values())
        {
            if (!(venueAdapter instanceof RestVenue))
            {
                dispatcher.shareVenue(venue.id(), account.name());
                continue;
            }
            final String route = VenueAdapters.accountRoute(venue.id(), account.name());
            final VenueAdapter adapter;
            try
            {
                adapter = VenueAdapters.createAccount(
                    venue, account, journalStartedMillis, config.credentials(), environment, metrics);
            }
            catch (final RuntimeException e)
            {
                LOG.log(Level.ERROR, "venue " + route + " not started: " + e.getMessage());
                catalog.unavailable(route, Outage.Kind.NOT_STARTED, e.getMessage());
                continue;
            }
            try
            {
                adapter.connect();
            }
            catch (final RuntimeException e)
            {
                // its worker keeps trying, as the venue's does
                LOG.log(Level.ERROR, "venue " + route + " not started yet, trying again in the background: " +
                    e.getMessage());
                catalog.unavailable(route, Outage.Kind.STARTING, e.getMessage());
            }
            dispatcher.startAccount(venue.id(), account.name(), adapter);
            if (adapter instanceof RestVenue rest)
            {
                signing.put(route, rest);
            }
        }
    }

    /**
     * Reads the keys of a venue and of each of its accounts again, from where the configuration keeps
     * them (credentials file, credentials store, environment); orders from now on are signed with the
     * new ones. Runs on the caller's thread: reading the store takes a while, never the duty cycle's.
     *
     * @return one line per venue or account: its route and what happened, never a key; empty when the
     *     venue has no keys of its own here (unknown, simulated, or not started).
     */
    List<String> reloadCredentials(final String venueId)
    {
        final List<String> lines = new ArrayList<>();
        for (final Map.Entry<String, RestVenue> entry : signing.entrySet())
        {
            final String route = entry.getKey();
            if (!route.equals(venueId) && !route.startsWith(venueId + "/"))
            {
                continue;
            }
            try
            {
                final boolean changed = entry.getValue().reloadKeys();
                lines.add(route + ": " + (changed ? "new keys in use" : "keys unchanged"));
                LOG.log(Level.INFO, "venue " + route + ": credentials reloaded, " + (changed ? "new keys in use" : "unchanged"));
            }
            catch (final RuntimeException e)
            {
                lines.add(route + ": not reloaded, the keys in use stay: " + e.getMessage());
                LOG.log(Level.WARNING, "venue " + route + ": credentials not reloaded, the keys in use stay: " + e.getMessage());
            }
        }
        return lines;
    }

    /** The venues whose keys can be reloaded, by route. */
    Set<String> signingRoutes()
    {
        return signing.keySet();
    }

    /** Where the order core sends venue requests, and whose answers the duty cycle polls. */
    VenueDispatcher dispatcher()
    {
        return dispatcher;
    }

    /** Each venue's rules and instruments, and the venues that could not be started. */
    InstrumentCatalog catalog()
    {
        return catalog;
    }

    /**
     * @param loaded  the instruments the venue reported at connect, or empty to take the configured ones.
     */
    private static void addVenue(
        final InstrumentCatalog catalog, final VenueConfig venue, final VenueCapabilities supports, final List<Instrument> loaded)
    {
        catalog.add(new VenueRules(venue.id(), supports, venue.rounding(), venue.dayCutoffUtc(), venue.accounts().keySet()));
        for (final Instrument instrument : loaded)
        {
            catalog.add(instrument);
        }
        for (final InstrumentConfig instrument : venue.instruments().values())
        {
            catalog.add(new Instrument(
                venue.id(),
                instrument.symbol(),
                Fixed.fromBigDecimal(instrument.tickSize()),
                Fixed.fromBigDecimal(instrument.lotSize()),
                Fixed.fromBigDecimal(instrument.minQty()),
                Fixed.fromBigDecimal(instrument.minNotional())));
        }
    }

    @Override
    public void close()
    {
        dispatcher.close();
    }
}
