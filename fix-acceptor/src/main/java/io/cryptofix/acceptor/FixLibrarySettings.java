package io.cryptofix.acceptor;

import io.cryptofix.order.OrderCore;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochClock;
import uk.co.real_logic.artio.library.LibraryConfiguration;

import java.nio.file.Path;
import java.util.List;

/**
 * What the Artio library needs to serve the gateway's client sessions: each session the engine hands
 * over is noted as logged on (for its reports, the order core, the metrics and the operator) and
 * gets the handler that passes its messages to the order core. How the library's thread waits, how
 * long it waits for the engine, and what happens once it has connected are the caller's.
 */
public final class FixLibrarySettings
{
    private FixLibrarySettings()
    {
    }

    /**
     * @param aeronDirName  the media driver the engine runs on.
     * @param sessions      the sessions logged on, shared with the {@link ExecutionReportSender}.
     * @param core          where inbound orders, cancels and logons go; the library polls on its thread.
     * @param clock         the engine's clock ({@link FixEngineSettings#engineConfiguration}).
     * @param unanswered    requests received before a restart and never handled, for their sessions' next logon.
     * @return settings for {@code FixLibrary.connect}, without an idle strategy, reply timeout or connect handler.
     */
    public static LibraryConfiguration libraryConfiguration(
        final String aeronDirName,
        final ClientSessions sessions,
        final OrderCore core,
        final FixMetrics metrics,
        final SessionEvents events,
        final EpochNanoClock clock,
        final UnansweredRequests unanswered)
    {
        final OrderEntryHandler orderEntry = new OrderEntryHandler(core, sessions, metrics, SystemEpochClock.INSTANCE);
        final ClientSessionHandler sessionHandler =
            new ClientSessionHandler(orderEntry, unanswered, sessions, metrics, events, core, SystemEpochClock.INSTANCE);

        final LibraryConfiguration library = new LibraryConfiguration()
            .libraryAeronChannels(List.of(FixEngineSettings.LIBRARY_CHANNEL))
            .sessionAcquireHandler((session, acquiredInfo) ->
            {
                sessions.onLogon(session);
                core.onSessionLoggedOn(session.id());
                metrics.sessionLoggedOn();
                events.onLogon(session.compositeKey().remoteCompId(), session.id());
                return sessionHandler;
            });
        library.aeronContext().aeronDirectoryName(aeronDirName);
        library.monitoringFile(Path.of(aeronDirName, "fix-library-counters").toString());
        library.inboundMaxClaimAttempts(FixEngineSettings.MAX_CLAIM_ATTEMPTS)
            .outboundMaxClaimAttempts(FixEngineSettings.MAX_CLAIM_ATTEMPTS);
        library.epochNanoClock(clock);
        return library;
    }
}
