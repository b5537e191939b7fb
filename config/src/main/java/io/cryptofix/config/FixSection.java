package io.cryptofix.config;

import java.util.List;
import java.util.Map;

/**
 * The {@code fix} section: where the acceptor listens, the gateway's CompID, the client sessions, and
 * how long and how many connections may wait to log on.
 */
final class FixSection
{
    static final List<String> KEYS = List.of(
        "bindAddress", "port", "SenderCompID", "sessions", "logonTimeoutSeconds", "maxPendingLogons");

    private FixSection()
    {
    }

    static FixConfig read(
        final YamlMap fix, final FixConfig fallback, final Map<String, VenueConfig> venues, final Problems problems)
    {
        fix.allowOnly(KEYS);
        final String bindAddress = fix.text(
            "bindAddress", fallback == null ? null : fallback.bindAddress(), Addresses.RULE.allowed(), Addresses.RULE);
        final Long port = fix.integer("port", fallback == null ? null : (long)fallback.port(), 1, 65535, "a valid TCP port");
        final String senderCompId = fix.text(
            "SenderCompID", fallback == null ? null : fallback.senderCompId(), "the gateway's CompID", CompIds.RULE);
        final List<SessionConfig> sessions = SessionsSection.read(
            fix, fallback == null ? null : fallback.sessions(), senderCompId, venues,
            bindAddress == null || Addresses.isLoopback(bindAddress), problems);
        final Long logonTimeoutSeconds = fix.integer(
            "logonTimeoutSeconds", fallback == null ? null : (long)fallback.logonTimeoutSeconds(), 1, 600, null);
        final Long maxPendingLogons = fix.integer(
            "maxPendingLogons", fallback == null ? null : (long)fallback.maxPendingLogons(), 1, 65_535, null);
        return new FixConfig(bindAddress, port == null ? 0 : port.intValue(), senderCompId, sessions,
            logonTimeoutSeconds == null ? 0 : logonTimeoutSeconds.intValue(),
            maxPendingLogons == null ? 0 : maxPendingLogons.intValue());
    }
}
