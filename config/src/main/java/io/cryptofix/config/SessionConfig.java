package io.cryptofix.config;

import java.time.Duration;

/**
 * One client session, seen from the gateway: TargetCompID is the client's SenderCompID.
 *
 * @param targetCompId  the client's CompID.
 * @param defaultVenue  venue used when a NewOrderSingle has no ExDestination (100).
 * @param resetOnLogon  reset sequence numbers on every logon (QuickFIX ResetOnLogon); false keeps them across restarts.
 * @param cancelOnDisconnect  how long after the session logs out or drops its working orders are
 *                            canceled, unless it logs on again first; null: they keep working.
 * @param logon         who may log on as the session: addresses and credentials.
 */
public record SessionConfig(
    String targetCompId, String defaultVenue, boolean resetOnLogon, Duration cancelOnDisconnect, SessionLogon logon)
{
    /** A session whose orders outlive it. */
    public SessionConfig(final String targetCompId, final String defaultVenue, final boolean resetOnLogon)
    {
        this(targetCompId, defaultVenue, resetOnLogon, null);
    }

    /** A session open to any logon, as on the embedded defaults' loopback. */
    public SessionConfig(
        final String targetCompId, final String defaultVenue, final boolean resetOnLogon, final Duration cancelOnDisconnect)
    {
        this(targetCompId, defaultVenue, resetOnLogon, cancelOnDisconnect, SessionLogon.OPEN);
    }
}
