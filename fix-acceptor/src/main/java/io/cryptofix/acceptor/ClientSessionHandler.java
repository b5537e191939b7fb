package io.cryptofix.acceptor;

import io.cryptofix.order.OrderCore;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochClock;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.session.Session;

import java.time.Duration;

import static io.aeron.logbuffer.ControlledFragmentHandler.Action;
import static io.aeron.logbuffer.ControlledFragmentHandler.Action.ABORT;
import static io.aeron.logbuffer.ControlledFragmentHandler.Action.CONTINUE;

/**
 * Artio's hook for one logged-on client session: passes its messages to the shared
 * {@link OrderEntryHandler} and notices when it goes away (starting its cancel-on-disconnect, if it has one).
 * Requests the engine received before a restart that the order core never handled
 * ({@link UnansweredRequests}) go to the order entry once the session has logged on, before any
 * newer message of the session.
 */
final class ClientSessionHandler implements SessionHandler
{
    private final OrderEntryHandler orderEntry;
    private final UnansweredRequests unanswered;
    private final ClientSessions sessions;
    private final FixMetrics metrics;
    private final SessionEvents events;
    private final OrderCore core;
    private final EpochClock clock;

    ClientSessionHandler(
        final OrderEntryHandler orderEntry,
        final UnansweredRequests unanswered,
        final ClientSessions sessions,
        final FixMetrics metrics,
        final SessionEvents events,
        final OrderCore core,
        final EpochClock clock)
    {
        this.orderEntry = orderEntry;
        this.unanswered = unanswered;
        this.core = core;
        this.clock = clock;
        this.sessions = sessions;
        this.metrics = metrics;
        this.events = events;
    }

    @Override
    public Action onMessage(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final int libraryId,
        final Session session,
        final int sequenceIndex,
        final long messageType,
        final long timestampInNs,
        final long position,
        final OnMessageInfo messageInfo)
    {
        if (unanswered.waiting(session.id()) && unanswered.handOver(session, orderEntry) == ABORT)
        {
            // the older requests first: this message comes again once they are through
            return ABORT;
        }
        return orderEntry.onMessage(buffer, offset, length, session, messageType, timestampInNs, messageInfo);
    }

    @Override
    public void onTimeout(final int libraryId, final Session session)
    {
    }

    @Override
    public void onSlowStatus(final int libraryId, final Session session, final boolean hasBecomeSlow)
    {
        sessions.onSlowStatus(session, hasBecomeSlow);
    }

    @Override
    public Action onDisconnect(final int libraryId, final Session session, final DisconnectReason reason)
    {
        sessions.onLogout(session);
        metrics.sessionLoggedOut();
        final Duration grace = sessions.cancelOnDisconnect(session.id());
        if (grace != null)
        {
            core.onSessionDisconnected(session.id(), grace.toMillis(), clock.time());
        }
        events.onLogout(session.compositeKey().remoteCompId(), session.id(), reason.name());
        return CONTINUE;
    }

    @Override
    public void onSessionStart(final Session session)
    {
        // logged on: what it sent before the restart and never had handled goes first; a request
        // whose Reject cannot be sent yet waits for the session's next message
        unanswered.handOver(session, orderEntry);
    }
}
