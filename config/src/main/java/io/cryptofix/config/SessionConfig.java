package io.cryptofix.config;

/**
 * One client session, seen from the gateway: TargetCompID is the client's SenderCompID.
 *
 * @param targetCompId  the client's CompID.
 * @param defaultVenue  venue used when a NewOrderSingle has no ExDestination (100).
 * @param resetOnLogon  reset sequence numbers on every logon (QuickFIX ResetOnLogon); false keeps them across restarts.
 */
public record SessionConfig(String targetCompId, String defaultVenue, boolean resetOnLogon)
{
}
