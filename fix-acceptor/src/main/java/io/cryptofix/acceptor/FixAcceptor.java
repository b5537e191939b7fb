package io.cryptofix.acceptor;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.cryptofix.config.GatewayConfig;
import io.cryptofix.config.InstrumentConfig;
import io.cryptofix.config.TimeoutConfig;
import io.cryptofix.config.TimeoutPolicy;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.VenueRules;
import io.cryptofix.config.PerformanceConfig;
import io.cryptofix.config.PostgresConfig;
import io.cryptofix.config.SessionConfig;
import io.cryptofix.config.VenueConfig;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.order.MissedReport;
import io.cryptofix.order.Order;
import io.cryptofix.order.OrderCore;
import io.cryptofix.order.OrderReplay;
import io.cryptofix.store.JournalReplay;
import io.cryptofix.store.JournalingSink;
import io.cryptofix.store.OrderJournal;
import io.cryptofix.store.postgres.JournalFeed;
import io.cryptofix.store.postgres.PostgresStore;
import io.cryptofix.translation.ExecutionReportTranslator;
import io.cryptofix.venue.JournalGate;
import io.cryptofix.venue.VenueAdapter;
import io.cryptofix.venue.VenueAdapters;
import io.cryptofix.venue.VenueDispatcher;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.YieldingIdleStrategy;
import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.engine.FixEngine;
import uk.co.real_logic.artio.messages.InitialAcceptedSessionOwner;
import uk.co.real_logic.artio.engine.LowResourceEngineScheduler;
import uk.co.real_logic.artio.library.FixLibrary;
import uk.co.real_logic.artio.library.LibraryConfiguration;
import uk.co.real_logic.artio.library.LibraryConnectHandler;
import uk.co.real_logic.artio.validation.AuthenticationStrategy;
import uk.co.real_logic.artio.validation.MessageValidationStrategy;
import uk.co.real_logic.artio.validation.PersistenceLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The FIX side of the gateway, assembled: an embedded Aeron media driver and archive, the Artio
 * engine accepting TCP connections, the venue workers, and the duty cycle that runs the order core.
 * {@link #launch} returns once logons are accepted; {@link #close} stops everything it started.
 */
public final class FixAcceptor implements AutoCloseable
{
    private static final Logger LOG = System.getLogger(FixAcceptor.class.getName());
    private static final String IPC = "aeron:ipc";
    private static final String ARCHIVE_LOCAL_CONTROL = "aeron:ipc?term-length=64k";
    private static final int VENUE_REQUEST_QUEUE_CAPACITY = 4096;
    private static final int OPEN_ORDERS_NAMED = 20;
    private static final int RESEND_SLICE = 1024;
    private static final int VENUE_RESPONSE_QUEUE_CAPACITY = 16384;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Path aeronDir;
    private GatewayDutyCycle dutyCycleAgent;
    private boolean mediaDriverStarted;

    private FixAcceptor(final Path aeronDir)
    {
        this.aeronDir = aeronDir;
    }

    public static FixAcceptor launch(
        final GatewayConfig config,
        final AcceptorOptions options,
        final GatewayMetrics metrics,
        final SessionEvents events)
    {
        final FixAcceptor acceptor = new FixAcceptor(options.aeronDir());
        try
        {
            acceptor.start(config, options, metrics, events);
            return acceptor;
        }
        catch (final RuntimeException | Error e)
        {
            acceptor.close();
            throw e;
        }
    }

    private void start(
        final GatewayConfig config,
        final AcceptorOptions options,
        final GatewayMetrics metrics,
        final SessionEvents events)
    {
        // before anything else: a second gateway on the same port must not touch the first one's
        // Aeron directory, and Artio only binds once the library connects, too late to refuse cleanly
        checkPortFree(config.fix().bindAddress(), config.fix().port());
        final Path dataDir = config.dataDir().toAbsolutePath();
        createDirectories(dataDir);
        final String aeronDirName = aeronDir.toString();

        mediaDriverStarted = true;
        StaleArchiveMark.removeIfOwnerIsGone(dataDir.resolve("archive"));
        resources.add(ArchivingMediaDriver.launch(
            mediaDriverContext(aeronDirName, options.termBufferLength()),
            archiveContext(aeronDirName, dataDir.resolve("archive"), options.termBufferLength())));

        // before the engine sends anything: which reports the last run handed to it
        final SentReports sentLastRun = SentReports.sinceLastStart(aeronDirName, dataDir);

        // one clock for the engine's receive timestamps and our send-side latency measurements
        final EpochNanoClock nanoClock = new OffsetEpochNanoClock();
        final EngineConfiguration engine = engineConfiguration(config, aeronDirName, dataDir);
        engine.epochNanoClock(nanoClock);
        resources.add(FixEngine.launch(engine));

        final PerformanceConfig.Profile profile = config.performance().profile();
        // closed after the venue workers, which wait for it to write each request's record
        final OrderReplay recovered = readJournal(aeronDirName);
        final OrderJournal journal = OrderJournal.open(aeronDirName, orderPathIdleStrategy(profile));
        resources.add(journal);
        final PostgresConfig postgres = config.store().postgres();
        if (postgres != null)
        {
            // copies on threads of their own, from the archive: a database that is slow or down never
            // holds up trading; closed before the media driver they read from
            resources.add(JournalFeed.start(aeronDirName, PostgresStore.open(postgres, System::getenv), postgres));
            resources.add(FixMessageFeed.start(aeronDirName, PostgresStore.open(postgres, System::getenv),
                journal.startedMillis(), postgres.batchSize()));
        }
        final JournalGate journalGate = new JournalGate(journal::position, journal::durablePosition);
        final VenueDispatcher venues = new VenueDispatcher(
            VENUE_REQUEST_QUEUE_CAPACITY, VENUE_RESPONSE_QUEUE_CAPACITY, () -> orderPathIdleStrategy(profile),
            throwable -> LOG.log(Level.ERROR, "venue worker error", throwable), SystemEpochClock.INSTANCE, journalGate);
        resources.add(venues);
        // OrderIDs and venue client order ids derive from when the journal started, so the orders taken
        // over keep theirs; ExecIDs from this start, so that none repeats whatever the journal missed
        final long journalStartedMillis = journal.startedMillis();
        final long startMillis = System.currentTimeMillis();
        final InstrumentCatalog catalog = new InstrumentCatalog();
        for (final VenueConfig venue : config.venues().values())
        {
            final VenueAdapter adapter;
            final List<Instrument> instruments;
            try
            {
                adapter = VenueAdapters.create(venue, journalStartedMillis, System::getenv, metrics);
                instruments = adapter.connect();
            }
            catch (final RuntimeException e)
            {
                // one venue that cannot be used must not stop the others
                LOG.log(Level.ERROR, "venue " + venue.id() + " not started: " + e.getMessage());
                catalog.unavailable(venue.id(), e.getMessage());
                continue;
            }
            addVenue(catalog, venue, adapter.capabilities(), instruments);
            venues.start(adapter);
        }

        metrics.venueQueues(config.venues().keySet(), venues::queuedRequests);
        final ClientSessions sessions = new ClientSessions(config.fix());
        final ExecutionReportSender reports = new ExecutionReportSender(
            new ExecutionReportTranslator(VenueAdapters.runId(journalStartedMillis), VenueAdapters.runId(startMillis)),
            sessions, new ReportSender(), metrics, nanoClock, journalGate);
        // the journal first: nobody hears of an event before it is appended
        final OrderCore core = new OrderCore(catalog, venues,
            new JournalingSink(journal, nanoClock, journalGate::journaled).andThen(reports),
            new CoreDiagnostics(metrics), new TimeoutPolicy(config.timeouts()));
        recover(core, recovered, sentLastRun, journal, reports, options);
        final OrderEntryHandler orderEntry = new OrderEntryHandler(core, sessions, metrics, SystemEpochClock.INSTANCE);
        final ClientSessionHandler sessionHandler =
            new ClientSessionHandler(orderEntry, sessions, metrics, events, core, SystemEpochClock.INSTANCE);

        final CountDownLatch libraryConnected = new CountDownLatch(1);
        final LibraryConfiguration libraryConfiguration = new LibraryConfiguration()
            .libraryAeronChannels(List.of(IPC))
            .libraryConnectHandler(new LibraryConnectHandler()
            {
                @Override
                public void onConnect(final FixLibrary library)
                {
                    libraryConnected.countDown();
                }

                @Override
                public void onDisconnect(final FixLibrary library)
                {
                    LOG.log(Level.WARNING, "FIX library disconnected from the engine");
                }
            })
            .sessionAcquireHandler((session, acquiredInfo) ->
            {
                sessions.onLogon(session);
                core.onSessionLoggedOn(session.id());
                metrics.sessionLoggedOn();
                events.onLogon(session.compositeKey().remoteCompId(), session.id());
                return sessionHandler;
            })
            .libraryIdleStrategy(idleStrategy())
            .replyTimeoutInMs(options.startTimeout().toMillis());
        libraryConfiguration.aeronContext().aeronDirectoryName(aeronDirName);
        libraryConfiguration.monitoringFile(aeronDir.resolve("fix-library-counters").toString());
        libraryConfiguration.epochNanoClock(nanoClock);

        dutyCycleAgent = new GatewayDutyCycle(libraryConfiguration, core, venues, reports, SystemEpochClock.INSTANCE);
        final AgentRunner dutyCycle = new AgentRunner(
            orderPathIdleStrategy(profile),
            throwable -> LOG.log(Level.ERROR, "gateway duty cycle error", throwable),
            null,
            dutyCycleAgent);
        resources.add(dutyCycle);
        AgentRunner.startOnThread(dutyCycle);

        awaitLibrary(libraryConnected, options);
    }

    /**
     * Reads the journal of earlier runs and names at INFO the orders it leaves open: this run takes
     * them over ({@link #recover}).
     */
    private static OrderReplay readJournal(final String aeronDirName)
    {
        final long startNanos = System.nanoTime();
        final OrderReplay recovered = JournalReplay.read(aeronDirName, idleStrategy());
        final List<Order> open = recovered.openOrders();
        LOG.log(Level.INFO, "order journal: {0} events of earlier runs read in {1} ms, {2} orders left open",
            recovered.eventsRead(), (System.nanoTime() - startNanos) / 1_000_000, open.size());
        if (recovered.eventsRefused() > 0)
        {
            LOG.log(Level.WARNING, "order journal: {0} events were not allowed for their orders as replayed and were " +
                "left out; check those orders with bin/gateway audit", recovered.eventsRefused());
        }
        if (!open.isEmpty())
        {
            final StringBuilder orders = new StringBuilder();
            for (int i = 0; i < Math.min(open.size(), OPEN_ORDERS_NAMED); i++)
            {
                orders.append(i == 0 ? "" : "; ").append(OrderReplay.describe(open.get(i)));
            }
            LOG.log(Level.INFO, "order journal: taking over {0} open orders: {1}{2}", open.size(), orders,
                open.size() > OPEN_ORDERS_NAMED ? "; ..." : "");
        }
        return recovered;
    }

    /**
     * Hands the orders of earlier runs to the order core before the duty cycle starts; what the venues
     * say of the open ones is reported to their clients once they log on.
     */
    private static void recover(
        final OrderCore core,
        final OrderReplay recovered,
        final SentReports sentLastRun,
        final OrderJournal journal,
        final ExecutionReportSender reports,
        final AcceptorOptions options)
    {
        // what the last run journaled but never sent goes first, as it happened before what venues say now
        final List<MissedReport> missed = recovered.missedReports(sentLastRun);
        if (!missed.isEmpty())
        {
            LOG.log(Level.INFO, "recovery: {0} reports journaled by the last run were never sent; sending them " +
                "as their clients log on", missed.size());
            // a slice at a time, each let through once journaled again: the copies waiting for the
            // journal are then reused slice after slice instead of one made for every report
            final long deadline = System.nanoTime() + options.startTimeout().toNanos();
            for (int from = 0; from < missed.size(); from += RESEND_SLICE)
            {
                core.resendMissed(missed.subList(from, Math.min(missed.size(), from + RESEND_SLICE)),
                    System.currentTimeMillis());
                awaitJournalWritten(journal, deadline, options);
                reports.releaseJournaledReports();
            }
        }
        final int asked = core.recover(recovered, System.currentTimeMillis());
        if (!recovered.orders().isEmpty())
        {
            LOG.log(Level.INFO, "recovery: {0} orders restored ({1} open), {2} being checked at their venues",
                core.orderCount(), core.openOrderCount(), asked);
        }
    }

    private static void awaitJournalWritten(
        final OrderJournal journal, final long deadlineNanos, final AcceptorOptions options)
    {
        while (journal.durablePosition() < journal.position())
        {
            if (System.nanoTime() > deadlineNanos)
            {
                throw new IllegalStateException("the order journal did not write the reports being sent again " +
                    "within " + options.startTimeout().toSeconds() + "s");
            }
            Thread.yield();
        }
    }

    private static void awaitLibrary(final CountDownLatch libraryConnected, final AcceptorOptions options)
    {
        try
        {
            if (!libraryConnected.await(options.startTimeout().toMillis(), TimeUnit.MILLISECONDS))
            {
                throw new IllegalStateException(
                    "FIX library did not connect to the engine within " + options.startTimeout().toSeconds() + "s");
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the FIX acceptor", e);
        }
    }

    static MediaDriver.Context mediaDriverContext(final String aeronDirName, final int termBufferLength)
    {
        return new MediaDriver.Context()
            .aeronDirectoryName(aeronDirName)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(idleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .warnIfDirectoryExists(false)
            .termBufferSparseFile(true)
            .publicationTermBufferLength(termBufferLength)
            .ipcTermBufferLength(termBufferLength);
    }

    static Archive.Context archiveContext(
        final String aeronDirName, final Path archiveDir, final int termBufferLength)
    {
        // only the local IPC control channel: no UDP port to collide with another gateway
        return new Archive.Context()
            .aeronDirectoryName(aeronDirName)
            .archiveDir(archiveDir.toFile())
            .controlChannelEnabled(false)
            .archiveClientContext(new AeronArchive.Context().controlResponseChannel(ARCHIVE_LOCAL_CONTROL))
            .replicationChannel("aeron:udp?endpoint=localhost:0")
            .threadingMode(ArchiveThreadingMode.SHARED)
            // the archive's recorder is on the order path: reports wait for it to write the journal
            .idleStrategySupplier(FixAcceptor::archiveIdleStrategy)
            .deleteArchiveOnStart(false)
            .segmentFileLength(Math.max(termBufferLength * 4, 8 * 1024 * 1024));
    }

    private static EngineConfiguration engineConfiguration(
        final GatewayConfig config, final String aeronDirName, final Path dataDir)
    {
        final List<String> clientCompIds = config.fix().sessions().stream().map(SessionConfig::targetCompId).toList();
        final MessageValidationStrategy validation = MessageValidationStrategy
            .targetCompId(config.fix().senderCompId())
            .and(MessageValidationStrategy.senderCompId(clientCompIds));

        final EngineConfiguration engine = new EngineConfiguration()
            .bindTo(config.fix().bindAddress(), config.fix().port())
            .libraryAeronChannel(IPC)
            .logFileDir(dataDir.resolve("fix-sessions").toString())
            .deleteLogFileDirOnStart(false)
            // a second gateway on this data directory is refused by the archive's mark first (its
            // owner alive); Artio's own check would also refuse a restart for 10 s after a crash
            .errorIfDuplicateEngineDetected(false)
            .sessionPersistenceStrategy(logon ->
            {
                final SessionConfig session = config.fix().session(logon.header().senderCompIDAsString());
                return session != null && session.resetOnLogon() ?
                    PersistenceLevel.TRANSIENT_SEQUENCE_NUMBERS : PersistenceLevel.PERSISTENT_SEQUENCE_NUMBERS;
            })
            // without this the engine owns a new session until a library asks, and a first order can be lost
            .initialAcceptedSessionOwner(InitialAcceptedSessionOwner.SOLE_LIBRARY)
            .authenticationStrategy(AuthenticationStrategy.of(validation))
            .scheduler(new LowResourceEngineScheduler())
            .framerIdleStrategy(orderPathIdleStrategy(config.performance().profile()))
            .archiverIdleStrategy(idleStrategy())
            .printStartupWarnings(false)
            .monitoringFile(Path.of(aeronDirName, "fix-engine-counters").toString());
        engine.aeronContext().aeronDirectoryName(aeronDirName);
        engine.aeronArchiveContext()
            .aeronDirectoryName(aeronDirName)
            .controlRequestChannel(ARCHIVE_LOCAL_CONTROL)
            .controlRequestStreamId(AeronArchive.Configuration.localControlStreamId())
            .controlResponseChannel(ARCHIVE_LOCAL_CONTROL);
        return engine;
    }

    /**
     * @param loaded  the instruments the venue reported at connect, or empty to take the configured ones.
     */
    static void addVenue(
        final InstrumentCatalog catalog, final VenueConfig venue, final VenueCapabilities supports, final List<Instrument> loaded)
    {
        catalog.add(new VenueRules(venue.id(), supports, venue.rounding(), venue.dayCutoffUtc()));
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

    // parks when idle so that an idle gateway costs next to no CPU on a small machine
    static IdleStrategy idleStrategy()
    {
        return new BackoffIdleStrategy(
            100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(500));
    }

    /** Backs off to 200 us at most, not 500: the journal's writer, whose latency every report waits for. */
    static IdleStrategy archiveIdleStrategy()
    {
        return new BackoffIdleStrategy(
            100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(200));
    }

    /**
     * The idle strategy of a thread on the order path (duty cycle, FIX engine, venue workers).
     * Yielding rather than spinning: on a 2-core machine spinning threads would take the cores
     * from each other and from the network stack.
     */
    static IdleStrategy orderPathIdleStrategy(final PerformanceConfig.Profile profile)
    {
        return profile == PerformanceConfig.Profile.LOW_LATENCY ? new YieldingIdleStrategy() : idleStrategy();
    }

    private static void checkPortFree(final String address, final int port)
    {
        try (ServerSocket probe = new ServerSocket())
        {
            probe.bind(new InetSocketAddress(address, port));
        }
        catch (final IOException e)
        {
            throw new IllegalStateException(
                "cannot listen for FIX on " + address + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectories(final Path dir)
    {
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Hands a new timeout policy to the duty cycle, which switches to it in one step between two
     * messages. Safe to call from any thread.
     */
    public void reloadTimeouts(final TimeoutConfig timeouts)
    {
        dutyCycleAgent.reloadTimeoutPolicy(new TimeoutPolicy(timeouts));
    }

    @Override
    public void close()
    {
        // stop in reverse order of start: duty cycle, venues, engine, media driver
        for (int i = resources.size() - 1; i >= 0; i--)
        {
            CloseHelper.quietClose(resources.get(i));
        }
        resources.clear();
        if (mediaDriverStarted)
        {
            // only ours to remove if this acceptor got as far as starting the driver in it
            IoUtil.delete(aeronDir.toFile(), true);
        }
    }
}
