package io.cryptofix.gateway;

import io.cryptofix.config.GatewayConfig;
import io.cryptofix.config.RiskConfig;
import io.cryptofix.config.SessionConfig;
import io.cryptofix.config.VenueConfig;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.order.RiskStatus;
import io.cryptofix.order.TradingScope;
import io.cryptofix.order.TradingState;

import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the admin API does with a request, apart from HTTP: who asks (401 for a token nobody has),
 * whether their role may (403), whether the request makes sense (400), then the admin journal and
 * only then the order core, on the duty cycle (or, for a venue's keys, the venue workers). A refusal
 * changes nothing and is journaled too.
 */
final class AdminService
{
    private static final Logger LOG = System.getLogger(AdminService.class.getName());
    private static final String UNKNOWN = "unknown";

    private final AdminTokens tokens;
    private final AdminJournal journal;
    private final CoreTasks core;
    // the duty cycle's: read only in a core task
    private final InstrumentCatalog catalog;
    private final GatewayMetrics metrics;
    private final Set<String> venues;
    private final Set<String> simulatedVenues;
    private final Set<String> sessions;
    private final Supplier<RiskConfig> riskInForce;
    private final Supplier<ConfigReloader> reloader;
    private final Function<String, List<String>> reloadCredentials;
    private final LongSupplier clock;
    private final Duration coreTimeout;

    /** An answer: its HTTP status and JSON body. */
    record Answer(int status, String json)
    {
    }

    /**
     * @param catalog      the venues that take no orders now and why, for the status; read on the duty cycle.
     * @param riskInForce  the limits in force now, for the status.
     * @param reloader     the configuration file's reloader; null inside while the gateway runs without a file.
     * @param reloadCredentials  reads a venue's keys (and its accounts') again: one line per route saying
     *                     what happened, never a key; none when the venue has no keys in use here.
     * @param coreTimeout  how long to wait for the duty cycle to do the core's part.
     */
    AdminService(
        final AdminTokens tokens,
        final AdminJournal journal,
        final CoreTasks core,
        final InstrumentCatalog catalog,
        final GatewayMetrics metrics,
        final GatewayConfig config,
        final Supplier<RiskConfig> riskInForce,
        final Supplier<ConfigReloader> reloader,
        final Function<String, List<String>> reloadCredentials,
        final LongSupplier clock,
        final Duration coreTimeout)
    {
        this.tokens = tokens;
        this.journal = journal;
        this.core = core;
        this.catalog = catalog;
        this.metrics = metrics;
        this.venues = new TreeSet<>(config.venues().keySet());
        this.simulatedVenues = new TreeSet<>();
        for (final VenueConfig venue : config.venues().values())
        {
            if (VenueConfig.TYPE_SIMULATED.equals(venue.type()))
            {
                simulatedVenues.add(venue.id());
            }
        }
        this.sessions = new TreeSet<>();
        for (final SessionConfig session : config.fix().sessions())
        {
            sessions.add(session.targetCompId());
        }
        this.riskInForce = riskInForce;
        this.reloader = reloader;
        this.reloadCredentials = reloadCredentials;
        this.clock = clock;
        this.coreTimeout = coreTimeout;
    }

    /**
     * @param authorization  the Authorization header, null when absent.
     * @param body           the request body, empty when none.
     */
    Answer handle(final AdminAction action, final String authorization, final String body)
    {
        final AdminTokens.Caller caller = tokens.caller(authorization);
        if (caller == null)
        {
            refused(action, UNKNOWN, null, body, AdminJournalEntry.UNAUTHORIZED);
            return new Answer(401, AdminJson.error("missing or unknown token: send the header Authorization: Bearer " +
                "<token>"));
        }
        if (!caller.role().allows(action.needs()))
        {
            refused(action, caller.name(), caller.role().configName(), body, AdminJournalEntry.FORBIDDEN);
            return new Answer(403, AdminJson.error("role " + caller.role().configName() + " may not " + action.word() +
                " (needs " + action.needs().configName() + " or above)"));
        }
        try
        {
            return switch (action)
            {
                case STATUS -> status();
                case RELOAD -> reload(caller);
                case RELOAD_CREDENTIALS -> reloadCredentials(caller, VenueRequest.parse(body));
                default -> change(action, caller, ScopeRequest.parse(body));
            };
        }
        catch (final ScopeRequest.BadRequest e)
        {
            metrics.adminAction(action.word(), "invalid");
            return new Answer(400, AdminJson.error(e.getMessage()));
        }
    }

    private Answer status()
    {
        final CompletableFuture<Status> status = core.submit((orderCore, now) ->
            new Status(orderCore.riskStatus(), catalog.outages()));
        try
        {
            final Status taken = await(status);
            final Answer answer = new Answer(200,
                StatusReport.json(taken.risk(), taken.outages(), riskInForce.get(), clock.getAsLong()));
            metrics.adminAction(AdminAction.STATUS.word(), AdminJournalEntry.ACCEPTED);
            return answer;
        }
        catch (final CoreFailure e)
        {
            metrics.adminAction(AdminAction.STATUS.word(), AdminJournalEntry.FAILED);
            return e.answer();
        }
    }

    private Answer change(final AdminAction action, final AdminTokens.Caller caller, final ScopeRequest request)
    {
        checkKnown(request);
        final AdminJournalEntry accepted = new AdminJournalEntry(clock.getAsLong(), caller.name(),
            caller.role().configName(), action.word(), request.scopeWord(), request.name(), request.reason(),
            AdminJournalEntry.ACCEPTED);
        if (!journaled(accepted))
        {
            metrics.adminAction(action.word(), AdminJournalEntry.FAILED);
            return new Answer(500, AdminJson.error("not done: the admin journal could not be written, see the " +
                "gateway's log"));
        }
        final CompletableFuture<Change> changed = core.submit((orderCore, now) ->
        {
            final TradingState previous = stateOf(orderCore.riskStatus(), request);
            final int canceling;
            if (action == AdminAction.KILL)
            {
                canceling = orderCore.kill(request.scope(), request.name(), request.reason(), now);
            }
            else
            {
                orderCore.tradingState(request.scope(), request.name(), action.state(), request.reason(), now);
                canceling = 0;
            }
            return new Change(previous, canceling);
        });
        try
        {
            final Change change = await(changed);
            metrics.adminAction(action.word(), AdminJournalEntry.ACCEPTED);
            return new Answer(200, AdminJson.object(json ->
            {
                json.writeStringField("action", action.word());
                json.writeStringField("scope", request.scopeWord());
                json.writeStringField("name", request.name());
                json.writeStringField("previous", change.previous().name());
                json.writeStringField("state", action.state().name());
                json.writeStringField("reason", request.reason());
                if (action == AdminAction.KILL)
                {
                    json.writeNumberField("ordersCanceling", change.canceling());
                }
            }));
        }
        catch (final CoreFailure e)
        {
            if (e.undone())
            {
                // the line before said accepted: this one keeps the next start from restoring it
                journaled(new AdminJournalEntry(clock.getAsLong(), caller.name(), caller.role().configName(),
                    action.word(), request.scopeWord(), request.name(), request.reason(),
                    AdminJournalEntry.FAILED + ": " + e.getMessage()));
            }
            metrics.adminAction(action.word(), AdminJournalEntry.FAILED);
            return e.answer();
        }
    }

    private Answer reload(final AdminTokens.Caller caller)
    {
        final ConfigReloader file = reloader.get();
        if (file == null)
        {
            metrics.adminAction(AdminAction.RELOAD.word(), AdminJournalEntry.FAILED);
            return new Answer(409, AdminJson.error("the gateway runs without a configuration file (started without " +
                "--config): there is nothing to reload"));
        }
        if (!journaled(new AdminJournalEntry(clock.getAsLong(), caller.name(), caller.role().configName(),
            AdminAction.RELOAD.word(), null, null, null, AdminJournalEntry.ACCEPTED)))
        {
            metrics.adminAction(AdminAction.RELOAD.word(), AdminJournalEntry.FAILED);
            return new Answer(500, AdminJson.error("not done: the admin journal could not be written, see the " +
                "gateway's log"));
        }
        final ConfigReloader.Outcome outcome = file.reloadNow();
        metrics.adminAction(AdminAction.RELOAD.word(), outcome.valid() ? AdminJournalEntry.ACCEPTED : "invalid");
        if (!outcome.valid())
        {
            journaled(new AdminJournalEntry(clock.getAsLong(), caller.name(), caller.role().configName(),
                AdminAction.RELOAD.word(), null, null, null, AdminJournalEntry.FAILED + ": the file is invalid"));
            return new Answer(422, AdminJson.error(String.join("; ", outcome.lines())));
        }
        return new Answer(200, AdminJson.object(json ->
        {
            json.writeStringField("action", AdminAction.RELOAD.word());
            json.writeArrayFieldStart("changes");
            for (final String line : outcome.lines())
            {
                json.writeString(line);
            }
            json.writeEndArray();
        }));
    }

    /**
     * Reads the venue's keys again, on this thread: the duty cycle is not involved, each venue client
     * takes the new keys for its next request. Journaled before (never with a key: the keys are not in
     * the request), and again as failed when a route kept its keys.
     */
    private Answer reloadCredentials(final AdminTokens.Caller caller, final VenueRequest request)
    {
        final String action = AdminAction.RELOAD_CREDENTIALS.word();
        final String venue = request.venue();
        if (!venues.contains(venue))
        {
            throw new ScopeRequest.BadRequest("unknown venue '" + venue + "' (allowed: " + String.join(", ", venues) + ")");
        }
        if (simulatedVenues.contains(venue))
        {
            metrics.adminAction(action, AdminJournalEntry.FAILED);
            return new Answer(409, AdminJson.error("venue " + venue + " is simulated: it has no API keys to reload"));
        }
        final String scope = ScopeRequest.word(TradingScope.VENUE);
        if (!journaled(new AdminJournalEntry(clock.getAsLong(), caller.name(), caller.role().configName(), action,
            scope, venue, null, AdminJournalEntry.ACCEPTED)))
        {
            metrics.adminAction(action, AdminJournalEntry.FAILED);
            return new Answer(500, AdminJson.error("not done: the admin journal could not be written, see the " +
                "gateway's log"));
        }
        final List<String> results = reloadCredentials.apply(venue);
        if (results.isEmpty())
        {
            journaled(new AdminJournalEntry(clock.getAsLong(), caller.name(), caller.role().configName(), action,
                scope, venue, null, AdminJournalEntry.FAILED + ": not started, no keys in use"));
            metrics.adminAction(action, AdminJournalEntry.FAILED);
            return new Answer(409, AdminJson.error("venue " + venue + " has no keys in use to replace: it did not " +
                "start (see unavailableVenues in GET /status); it takes new keys when the gateway starts again"));
        }
        final List<String> kept = new ArrayList<>();
        for (final String line : results)
        {
            if (line.contains(": not reloaded"))
            {
                kept.add(line.substring(0, line.indexOf(':')));
            }
        }
        if (!kept.isEmpty())
        {
            // the routes only: a reason may name a file, which the journal has no need of
            journaled(new AdminJournalEntry(clock.getAsLong(), caller.name(), caller.role().configName(), action,
                scope, venue, null, AdminJournalEntry.FAILED + ": keys not reloaded for " + String.join(", ", kept)));
        }
        metrics.adminAction(action, kept.isEmpty() ? AdminJournalEntry.ACCEPTED : AdminJournalEntry.FAILED);
        return new Answer(kept.isEmpty() ? 200 : 422, AdminJson.object(json ->
        {
            json.writeStringField("action", action);
            json.writeStringField("venue", venue);
            if (!kept.isEmpty())
            {
                json.writeStringField("error", "keys not reloaded for " + String.join(", ", kept) +
                    "; the keys in use stay");
            }
            json.writeArrayFieldStart("results");
            for (final String line : results)
            {
                json.writeString(line);
            }
            json.writeEndArray();
        }));
    }

    private void checkKnown(final ScopeRequest request)
    {
        if (request.scope() == TradingScope.VENUE && !venues.contains(request.name()))
        {
            throw new ScopeRequest.BadRequest("unknown venue '" + request.name() + "' (allowed: " +
                String.join(", ", venues) + ")");
        }
        if (request.scope() == TradingScope.SESSION && !sessions.contains(request.name()))
        {
            throw new ScopeRequest.BadRequest("unknown session '" + request.name() + "' (allowed: " +
                String.join(", ", sessions) + ")");
        }
    }

    private static TradingState stateOf(final RiskStatus status, final ScopeRequest request)
    {
        final RiskStatus.ScopeState state = switch (request.scope())
        {
            case GLOBAL -> status.global();
            case VENUE -> status.venues().get(request.name());
            case SESSION -> status.sessions().get(request.name());
        };
        // the status lists only scopes that are not ACTIVE
        return state == null ? TradingState.ACTIVE : state.state();
    }

    private record Change(TradingState previous, int canceling)
    {
    }

    /** The core's state and the venues out, taken together on the duty cycle. */
    private record Status(RiskStatus risk, Map<String, InstrumentCatalog.Outage> outages)
    {
    }

    private void refused(
        final AdminAction action, final String who, final String role, final String body, final String outcome)
    {
        // what was attempted, as far as the body tells; an unreadable body is journaled without it
        ScopeRequest attempted = null;
        try
        {
            attempted = switch (action)
            {
                case STATUS, RELOAD -> null;
                case RELOAD_CREDENTIALS -> new ScopeRequest(TradingScope.VENUE, VenueRequest.parse(body).venue(), null);
                default -> ScopeRequest.parse(body);
            };
        }
        catch (final ScopeRequest.BadRequest e)
        {
            attempted = null;
        }
        metrics.adminAction(action.word(), outcome);
        journaled(new AdminJournalEntry(clock.getAsLong(), who, role, action.word(),
            attempted == null ? null : attempted.scopeWord(), attempted == null ? null : attempted.name(),
            attempted == null ? null : attempted.reason(), outcome));
    }

    private boolean journaled(final AdminJournalEntry entry)
    {
        try
        {
            journal.append(entry);
            return true;
        }
        catch (final UncheckedIOException e)
        {
            LOG.log(Level.ERROR, "{0}; not done: {1}", e.getMessage(), entry.toJson());
            return false;
        }
    }

    private <T> T await(final CompletableFuture<T> task)
    {
        try
        {
            return task.get(coreTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (final TimeoutException e)
        {
            // still queued: the duty cycle will do it, so the journal's accepted line stands
            throw new CoreFailure(504, "the gateway's duty cycle has not done it within " + coreTimeout.toSeconds() +
                " s; it is journaled and will be done: see GET /status", false);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new CoreFailure(503, "the admin API is stopping", false);
        }
        catch (final ExecutionException e)
        {
            final Throwable cause = e.getCause();
            if (cause instanceof CoreTasks.QueueFullException)
            {
                throw new CoreFailure(503, cause.getMessage() + "; try again", true);
            }
            LOG.log(Level.WARNING, "admin request failed in the order core", cause);
            throw new CoreFailure(500, "the order core did not do it: " +
                (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), true);
        }
    }

    /**
     * The core's part failed or did not come in time.
     *
     * @param undone  true when it surely did not happen.
     */
    private static final class CoreFailure extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        private final int status;
        private final boolean undone;

        CoreFailure(final int status, final String message, final boolean undone)
        {
            super(message, null, false, false);
            this.status = status;
            this.undone = undone;
        }

        boolean undone()
        {
            return undone;
        }

        Answer answer()
        {
            return new Answer(status, AdminJson.error(getMessage()));
        }
    }
}
