package io.cryptofix.acceptor;

import io.aeron.archive.client.AeronArchive;
import io.cryptofix.config.FixConfig;
import io.cryptofix.config.SessionConfig;
import org.agrona.concurrent.EpochNanoClock;
import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.messages.InitialAcceptedSessionOwner;
import uk.co.real_logic.artio.validation.AuthenticationStrategy;
import uk.co.real_logic.artio.validation.MessageValidationStrategy;
import uk.co.real_logic.artio.validation.PersistenceLevel;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the Artio engine needs to be the gateway's FIX acceptor: where it listens, which CompIDs may
 * log on, how long and how many connections may wait to log on, which sessions keep their sequence
 * numbers across restarts, where it keeps them, and how it reaches the archive it records messages in
 * and the library it hands sessions to. How its thread waits is the caller's: the engine runs on the
 * order path.
 */
public final class FixEngineSettings
{
    /** Engine and library share one media driver: IPC, no network between them. */
    static final String LIBRARY_CHANNEL = "aeron:ipc";
    private static final String ARCHIVE_LOCAL_CONTROL = "aeron:ipc?term-length=64k";
    /**
     * How often the engine and the library try to claim space in a back-pressured publication before
     * handing the back-pressure to their caller. Artio's default, about a thousand tries with parks of
     * up to a millisecond, holds a thread for a second: with the engine's agents sharing one thread
     * (low-resource scheduler) the framer then waits for its own indexer, and the duty cycle waits
     * for the framer while the framer waits for the duty cycle to poll, so a burst of orders stalls
     * both for good. A few tries and back to the duty cycle keeps each side draining the other.
     */
    static final int MAX_CLAIM_ATTEMPTS = 16;

    private FixEngineSettings()
    {
    }

    /**
     * @param aeronDirName  the media driver (with its archive) the engine runs on.
     * @param dataDir       where session state lives: {@code fix-sessions} under it.
     * @param clock         the clock of the engine's receive timestamps, the same as the library's so
     *                      that the latency from receipt to report is measured on one clock.
     * @param pending       the connections waiting to log on, the same as the logon checks'.
     * @return settings for {@code FixEngine.launch}, without idle strategies or a scheduler.
     */
    public static EngineConfiguration engineConfiguration(
        final FixConfig fix, final String aeronDirName, final Path dataDir, final EpochNanoClock clock,
        final AuthenticationStrategy logons, final PendingLogons pending)
    {
        final EngineConfiguration engine = new EngineConfiguration()
            .bindTo(fix.bindAddress(), fix.port())
            .libraryAeronChannel(LIBRARY_CHANNEL)
            .logFileDir(dataDir.resolve("fix-sessions").toString())
            .deleteLogFileDirOnStart(false)
            // a second gateway on this data directory is refused by the archive's mark first (its
            // owner alive); Artio's own check would also refuse a restart for 10 s after a crash
            .errorIfDuplicateEngineDetected(false)
            .sessionPersistenceStrategy(logon ->
            {
                final SessionConfig session = fix.session(logon.header().senderCompIDAsString());
                return session != null && session.resetOnLogon() ?
                    PersistenceLevel.TRANSIENT_SEQUENCE_NUMBERS : PersistenceLevel.PERSISTENT_SEQUENCE_NUMBERS;
            })
            // without this the engine owns a new session until a library asks, and a first order can be lost
            .initialAcceptedSessionOwner(InitialAcceptedSessionOwner.SOLE_LIBRARY)
            .authenticationStrategy(logons)
            .noLogonDisconnectTimeoutInMs((int)TimeUnit.SECONDS.toMillis(fix.logonTimeoutSeconds()))
            .channelSupplierFactory(pending::channelSupplier)
            .printStartupWarnings(false)
            .monitoringFile(Path.of(aeronDirName, "fix-engine-counters").toString());
        engine.inboundMaxClaimAttempts(MAX_CLAIM_ATTEMPTS).outboundMaxClaimAttempts(MAX_CLAIM_ATTEMPTS);
        engine.epochNanoClock(clock);
        engine.aeronContext().aeronDirectoryName(aeronDirName);
        engine.aeronArchiveContext()
            .aeronDirectoryName(aeronDirName)
            .controlRequestChannel(ARCHIVE_LOCAL_CONTROL)
            .controlRequestStreamId(AeronArchive.Configuration.localControlStreamId())
            .controlResponseChannel(ARCHIVE_LOCAL_CONTROL);
        return engine;
    }

    /** The CompIDs a Logon must carry: the gateway's as TargetCompID, a configured session's as SenderCompID. */
    public static MessageValidationStrategy compIds(final FixConfig fix)
    {
        final List<String> clientCompIds = fix.sessions().stream().map(SessionConfig::targetCompId).toList();
        return MessageValidationStrategy.targetCompId(fix.senderCompId())
            .and(MessageValidationStrategy.senderCompId(clientCompIds));
    }
}
