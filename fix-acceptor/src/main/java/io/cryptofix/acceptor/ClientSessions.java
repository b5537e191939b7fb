package io.cryptofix.acceptor;

import io.cryptofix.config.FixConfig;
import io.cryptofix.config.SessionConfig;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;
import uk.co.real_logic.artio.session.Session;

import java.time.Duration;

/**
 * The client sessions logged on right now, by Artio session id, with their configuration.
 * Duty-cycle thread only. One instance is shared by the library's session handlers, which note
 * logons and logouts, and the {@link ExecutionReportSender}, which finds a report's session here.
 */
public final class ClientSessions
{
    private final FixConfig fixConfig;
    private final Long2ObjectHashMap<Session> sessionsById = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<SessionConfig> configsById = new Long2ObjectHashMap<>();
    // sessions whose client reads slower than the gateway writes, as the engine tells
    private final LongHashSet slow = new LongHashSet();

    /**
     * @param fixConfig  the configured sessions, whose settings (default venue, cancel-on-disconnect)
     *                   a logged-on session is given.
     */
    public ClientSessions(final FixConfig fixConfig)
    {
        this.fixConfig = fixConfig;
    }

    void onLogon(final Session session)
    {
        sessionsById.put(session.id(), session);
        configsById.put(session.id(), fixConfig.session(session.compositeKey().remoteCompId()));
    }

    void onLogout(final Session session)
    {
        sessionsById.remove(session.id());
        slow.remove(session.id());
    }

    /** The engine says the client has fallen behind reading, or caught up again. */
    void onSlowStatus(final Session session, final boolean hasBecomeSlow)
    {
        if (hasBecomeSlow)
        {
            slow.add(session.id());
        }
        else
        {
            slow.remove(session.id());
        }
    }

    /** Whether the client reads slower than the gateway writes: held reports wait until it catches up. */
    boolean isSlow(final long sessionId)
    {
        return slow.contains(sessionId);
    }

    /**
     * @return the session if it is logged on, else null.
     */
    Session session(final long sessionId)
    {
        return sessionsById.get(sessionId);
    }

    /**
     * @return the client's CompID (the session's TargetCompID in the configuration), or null.
     */
    String clientCompId(final long sessionId)
    {
        final SessionConfig config = configsById.get(sessionId);
        return config == null ? null : config.targetCompId();
    }

    /**
     * @return how long after a disconnect the session's working orders are canceled, or null for never.
     */
    Duration cancelOnDisconnect(final long sessionId)
    {
        final SessionConfig config = configsById.get(sessionId);
        return config == null ? null : config.cancelOnDisconnect();
    }

    /**
     * @return the session's default venue, or null if it has none.
     */
    String defaultVenue(final long sessionId)
    {
        final SessionConfig config = configsById.get(sessionId);
        return config == null ? null : config.defaultVenue();
    }
}
