package io.cryptofix.config;

import java.util.List;

/**
 * The FIX acceptor. Names follow QuickFIX settings where a FIX user would expect them.
 *
 * @param bindAddress     address the acceptor listens on.
 * @param port            TCP port the acceptor listens on.
 * @param senderCompId    the gateway's own CompID (SenderCompID on everything it sends).
 * @param sessions        the client sessions allowed to log on.
 * @param logonTimeoutSeconds  how long a new connection may take to send its Logon before it is closed.
 * @param maxPendingLogons     how many connections may wait at once to log on (connected, not yet logged on).
 */
public record FixConfig(
    String bindAddress, int port, String senderCompId, List<SessionConfig> sessions, int logonTimeoutSeconds,
    int maxPendingLogons)
{
    public SessionConfig session(final String clientCompId)
    {
        for (final SessionConfig session : sessions)
        {
            if (session.targetCompId().equals(clientCompId))
            {
                return session;
            }
        }
        return null;
    }
}
