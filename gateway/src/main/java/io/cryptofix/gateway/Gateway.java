package io.cryptofix.gateway;

import io.cryptofix.acceptor.ClientSessions;
import io.cryptofix.acceptor.ExecutionReportSender;
import io.cryptofix.acceptor.FixEngineSettings;
import io.cryptofix.acceptor.FixLibrarySettings;
import io.cryptofix.acceptor.LogonAuthenticator;
import io.cryptofix.acceptor.PendingLogons;
import io.cryptofix.acceptor.SentReports;
import io.cryptofix.acceptor.SessionEvents;
import io.cryptofix.acceptor.UnansweredRequests;
import io.cryptofix.config.GatewayConfig;
import io.cryptofix.config.PerformanceConfig;
import io.cryptofix.config.RiskConfig;
import io.cryptofix.config.TimeoutConfig;
import io.cryptofix.config.TimeoutPolicy;
import io.cryptofix.order.FinishedOrderRetention;
import io.cryptofix.order.OrderCore;
import io.cryptofix.translation.ExecutionReportTranslator;
import io.cryptofix.venue.VenueAdapters;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SystemEpochClock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A running gateway, assembled from small starters, each started once what it needs runs (gateway's
 * README lists them in order); {@link #close} stops them in reverse. Used by the CLI and by tests,
 * which start as many as they like in one JVM (each has its own metrics registry).
 */
public final class Gateway implements AutoCloseable
{
    // an operator's request waits this long for the duty cycle, which takes it between two messages
    private static final Duration ADMIN_CORE_TIMEOUT = Duration.ofSeconds(5);

    private final GatewayConfig config;
    private final GatewayMetrics metrics;
    // in the order started, stopped in reverse: a part stops before what it runs on
    private final List<AutoCloseable> started = new ArrayList<>();
    private MetricsEndpoint metricsEndpoint;
    private DutyCycleRunner dutyCycle;
    private AdminEndpoint adminEndpoint;
    private List<TradingStateRestore.Restored> restoredStates = List.of();
    // the limits in force, for the admin status: those at start, then each reload's
    private volatile RiskConfig riskInForce;
    // set once the configuration file is watched; none while the gateway runs on the defaults
    private final AtomicReference<ConfigReloader> reloader = new AtomicReference<>();

    private Gateway(final GatewayConfig config)
    {
        this.config = config;
        this.metrics = new GatewayMetrics(new PrometheusRegistry(), config.metrics().publishBalances());
        this.riskInForce = config.risk();
    }

    /** Returns once logons are accepted; on failure, whatever had started is stopped. */
    public static Gateway start(final GatewayConfig config, final GatewayOptions options, final SessionEvents events)
    {
        return start(config, options, events, System::getenv);
    }

    /**
     * @param environment  where the configured admin and metrics tokens, the logon signing keys, venue
     *                     keys named by variable and the credentials store's password are read; tests
     *                     give their own.
     */
    public static Gateway start(
        final GatewayConfig config, final GatewayOptions options, final SessionEvents events,
        final UnaryOperator<String> environment)
    {
        final Gateway gateway = new Gateway(config);
        try
        {
            gateway.assemble(options, events, environment);
            return gateway;
        }
        catch (final RuntimeException | Error e)
        {
            gateway.close();
            throw e;
        }
    }

    public static Gateway start(final GatewayConfig config, final SessionEvents events)
    {
        return start(config, GatewayOptions.defaults(config.fix().port()), events);
    }

    private void assemble(final GatewayOptions options, final SessionEvents events, final UnaryOperator<String> environment)
    {
        metricsEndpoint = started(MetricsEndpoint.start(config.metrics(), metrics.registry(), environment));
        FixEngineStarter.checkPortFree(config.fix());
        final Path dataDir = config.dataDir().toAbsolutePath();
        // before the admin token file or anything else is written in it
        OwnerOnlyDirectory.create(dataDir, "data directory");
        metrics.dataDirectory(dataDir);
        // before anything heavy starts: a configured token missing from the environment refuses the start
        final AdminTokens adminTokens = config.admin().enabled() ?
            AdminTokens.load(config.admin(), dataDir, environment) : null;
        final String aeronDirName = options.aeronDir().toString();
        started(MediaDriverAndArchive.launch(options.aeronDir(), dataDir, options.termBufferLength()));

        // before the engine sends anything: which reports the last run handed to it
        final SentReports sentLastRun = SentReports.sinceLastStart(aeronDirName, dataDir);
        // before the engine receives anything: where the search for requests never handled ends
        final UnansweredRequests.Window requestWindow = UnansweredRequests.window(aeronDirName, dataDir);
        // one clock for the engine's receive timestamps and our send-side latency measurements
        final EpochNanoClock nanoClock = new OffsetEpochNanoClock();
        final PerformanceConfig.Profile profile = config.performance().profile();
        // bcrypt is slow by design: logons are checked on a thread of their own, never the engine's
        final ScheduledExecutorService logonChecks = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "fix-logon-checks");
            thread.setDaemon(true);
            return thread;
        });
        started((AutoCloseable)logonChecks::shutdownNow);
        // connections waiting to log on: admitted by the engine, released by the logon checks or on close
        final PendingLogons pendingLogons = new PendingLogons(config.fix().maxPendingLogons(), metrics::logonRefused);
        final LogonAuthenticator logons = new LogonAuthenticator(config.fix(), FixEngineSettings.compIds(config.fix()),
            metrics::logonRefused, pendingLogons, SystemEpochClock.INSTANCE, logonChecks,
            LogonSigningKeys.read(config.fix(), environment)::get);
        started(FixEngineStarter.launch(config.fix(), profile, aeronDirName, dataDir, nanoClock, logons, pendingLogons));

        // closed after the venue workers, which wait for it to write each request's record
        final long recoveryStartNanos = System.nanoTime();
        final OrderJournalRecovery journal = started(OrderJournalRecovery.open(aeronDirName, profile));
        if (config.store().postgres() != null)
        {
            started(PostgresFeeds.start(aeronDirName, config.store().postgres(), journal.startedMillis()));
        }
        // OrderIDs and venue client order ids derive from when the journal started, so the orders taken
        // over keep theirs; ExecIDs from this start, so that none repeats whatever the journal missed
        final long startMillis = System.currentTimeMillis();
        final VenueWorkers venues = started(
            VenueWorkers.start(config, journal.gate(), journal.startedMillis(), metrics, environment));

        final ClientSessions sessions = new ClientSessions(config.fix());
        final ExecutionReportSender reports = new ExecutionReportSender(
            new ExecutionReportTranslator(VenueAdapters.runId(journal.startedMillis()), VenueAdapters.runId(startMillis)),
            sessions, metrics, nanoClock, journal.gate().appended(), journal.gate().written());
        // closed after the duty cycle, whose automatic trips it writes
        final AdminJournal adminJournal = started(AdminJournal.open(dataDir));
        final OrderCore core = new OrderCore(venues.catalog(), venues.dispatcher(), journal.journalFirst(nanoClock, reports),
            new CoreDiagnostics(metrics, adminJournal), new TimeoutPolicy(config.timeouts()));
        core.riskLimits(config.risk());
        core.finishedOrderRetention(config.state().finishedOrderRetention() == null ?
            FinishedOrderRetention.NEXT_UTC_DAY_END : FinishedOrderRetention.of(config.state().finishedOrderRetention()));
        final UnansweredRequests unanswered = journal.unansweredRequests(aeronDirName, requestWindow);
        metrics.recovered(journal.recover(core, sentLastRun, reports, options.startTimeout()),
            System.nanoTime() - recoveryStartNanos);
        // before the first logon: a halt from before a crash holds from the first order on
        restoredStates = TradingStateRestore.restore(core, adminJournal.read());

        final CoreTasks coreTasks = new CoreTasks();
        dutyCycle = started(DutyCycleRunner.start(
            FixLibrarySettings.libraryConfiguration(aeronDirName, sessions, core, metrics, events, nanoClock, unanswered),
            core, venues.dispatcher(), reports, coreTasks, profile, options.startTimeout()));
        started(SessionUsageSampler.start(coreTasks, new SessionUsageMetrics(metrics.registry()),
            SessionUsageSampler.PERIOD_MILLIS));
        adminEndpoint = started(AdminEndpoint.start(config.admin(), new AdminService(adminTokens, adminJournal, coreTasks,
            venues.catalog(), metrics, config, () -> riskInForce, reloader::get, venues::reloadCredentials,
            System::currentTimeMillis, ADMIN_CORE_TIMEOUT)));
    }

    private <T extends AutoCloseable> T started(final T part)
    {
        started.add(part);
        return part;
    }

    /**
     * Switches the running gateway to a new timeout policy: the duty cycle takes it between two
     * messages. Safe to call from any thread.
     */
    public void reloadTimeouts(final TimeoutConfig timeouts)
    {
        dutyCycle.reloadTimeouts(timeouts);
    }

    /**
     * Switches the running gateway to new pre-trade limits, for the requests after it: the duty cycle
     * takes them between two messages. Safe to call from any thread.
     */
    public void reloadRisk(final RiskConfig risk)
    {
        dutyCycle.reloadRisk(risk);
        riskInForce = risk;
    }

    /** The admin API's reload rereads the file this reloader watches. */
    void reloadsFrom(final ConfigReloader fileReloader)
    {
        reloader.set(fileReloader);
    }

    /** @return the trading states restored from the admin journal at start. */
    List<TradingStateRestore.Restored> restoredTradingStates()
    {
        return restoredStates;
    }

    /**
     * @return the port the admin API listens on, or -1 if it is disabled.
     */
    public int adminPort()
    {
        return adminEndpoint.port();
    }

    public GatewayConfig config()
    {
        return config;
    }

    /**
     * @return the port the metrics endpoint listens on, or -1 if metrics are disabled.
     */
    public int metricsPort()
    {
        return metricsEndpoint.port();
    }

    /**
     * Stops, in reverse order of start: admin API, duty cycle, admin journal, venues, feeds, journal, engine,
     * media driver, metrics.
     */
    @Override
    public void close()
    {
        for (int i = started.size() - 1; i >= 0; i--)
        {
            CloseHelper.quietClose(started.get(i));
        }
        started.clear();
    }
}
