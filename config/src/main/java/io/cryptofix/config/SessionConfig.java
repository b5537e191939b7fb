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
 */
public record SessionConfig(String targetCompId, String defaultVenue, boolean resetOnLogon, Duration cancelOnDisconnect)
{
    /** A session whose orders outlive it. */
    public SessionConfig(final String targetCompId, final String defaultVenue, final boolean resetOnLogon)
    {
        this(targetCompId, defaultVenue, resetOnLogon, null);
    }
}
