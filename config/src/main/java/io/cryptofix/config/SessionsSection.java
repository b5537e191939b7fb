package io.cryptofix.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * {@code fix.sessions}: the clients allowed to log on. A list given in the file replaces the default
 * list; keys left out of an entry take the defaults.
 */
final class SessionsSection
{
    static final List<String> KEYS = List.of("TargetCompID", "defaultVenue", "ResetOnLogon", "cancelOnDisconnect",
        "Username", "passwordHash", "allowUnauthenticated", "allowedAddresses", "signingKeyEnv");
    private static final TextRule ENV = new TextRule("an environment variable name",
        text -> text.matches("[A-Za-z_][A-Za-z0-9_]*"), "letters, digits, underscore");
    // bcrypt as OpenBSD writes it: version, two-digit cost, 22 characters of salt and 31 of hash
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
    private static final TextRule PASSWORD_HASH = new TextRule("a bcrypt hash", text -> BCRYPT.matcher(text).matches(),
        "the output of bin/gateway hash-password, e.g. $2y$12$...");

    private static final String KEY = "sessions";

    private SessionsSection()
    {
    }

    /**
     * @param fallback      the default sessions; null makes the list required.
     * @param senderCompId  the gateway's own CompID, which no client may use; null when it was invalid.
     * @param venues        the configured venues, for checking and defaulting defaultVenue.
     * @param loopback      whether the acceptor listens on loopback only: then a session without a
     *                      password may log on unless it says otherwise; elsewhere only if it says so.
     */
    static List<SessionConfig> read(
        final YamlMap fix,
        final List<SessionConfig> fallback,
        final String senderCompId,
        final Map<String, VenueConfig> venues,
        final boolean loopback,
        final Problems problems)
    {
        final Node node = fix.value(KEY);
        if (node == null)
        {
            if (fallback == null)
            {
                fix.missing(KEY, "a list of client sessions");
                return List.of();
            }
            if (!loopback && fallback.stream().anyMatch(session -> !session.logon().hasCredentials()))
            {
                fix.missing(KEY, "sessions with a passwordHash (bin/gateway hash-password) or allowUnauthenticated: " +
                    "true, for the acceptor listens beyond loopback and the default sessions have no password");
            }
            return inherited(fallback, venues);
        }
        if (!(node instanceof SequenceNode list))
        {
            fix.problem(KEY, "expected a list of sessions, found " + YamlMap.describe(node));
            return List.of();
        }
        if (list.getValue().isEmpty())
        {
            fix.problem(KEY, "empty (required: at least one session)");
            return List.of();
        }

        final Boolean defaultReset = fallback == null || fallback.isEmpty() ? null : fallback.get(0).resetOnLogon();
        final List<SessionConfig> sessions = new ArrayList<>();
        final Map<String, String> pathByCompId = new HashMap<>();
        for (int i = 0; i < list.getValue().size(); i++)
        {
            final YamlMap entry = YamlMap.of(
                list.getValue().get(i),
                fix.path(KEY) + "[" + i + "]",
                "a session (a map with the keys " + String.join(", ", KEYS) + ")",
                problems);
            entry.allowOnly(KEYS);

            final String targetCompId = entry.text("TargetCompID", null, "the client's CompID", CompIds.RULE);
            checkCompIdUnique(entry, targetCompId, senderCompId, pathByCompId);
            final String defaultVenue = defaultVenue(entry, venues);
            final Boolean resetOnLogon = entry.bool("ResetOnLogon", defaultReset);
            final String cancelOnDisconnect = entry.text("cancelOnDisconnect", TimeoutsSection.NONE,
                "a grace period or none", TimeoutsSection.DURATION_OR_NONE);
            sessions.add(new SessionConfig(targetCompId, defaultVenue, resetOnLogon != null && resetOnLogon,
                cancelOnDisconnect == null || TimeoutsSection.NONE.equals(cancelOnDisconnect) ? null :
                Durations.parse(cancelOnDisconnect), logon(entry, loopback)));
        }
        return List.copyOf(sessions);
    }

    private static SessionLogon logon(final YamlMap entry, final boolean loopback)
    {
        final String username = entry.value("Username") == null ? null :
            entry.text("Username", null, "the Username (553) the Logon carries", CompIds.RULE);
        final String passwordHash = entry.value("passwordHash") == null ? null :
            entry.text("passwordHash", null, "a bcrypt hash", PASSWORD_HASH);
        final String signingKeyEnv = entry.value("signingKeyEnv") == null ? null :
            entry.text("signingKeyEnv", null, "an environment variable name", ENV);
        final Boolean allowUnauthenticated = entry.bool("allowUnauthenticated", loopback);
        if (entry.value("passwordHash") == null && entry.value("signingKeyEnv") == null &&
            Boolean.FALSE.equals(allowUnauthenticated))
        {
            entry.problem("allowUnauthenticated", "false" + (entry.value("allowUnauthenticated") == null ?
                " (the default where fix.bindAddress is not loopback)" : "") + " and no passwordHash: no logon " +
                "could ever succeed (set passwordHash from bin/gateway hash-password, or allowUnauthenticated: true)");
        }
        return new SessionLogon(username, passwordHash, Boolean.TRUE.equals(allowUnauthenticated),
            addresses(entry), signingKeyEnv);
    }

    private static List<AddressBlock> addresses(final YamlMap entry)
    {
        final Node node = entry.value("allowedAddresses");
        if (node == null)
        {
            return List.of();
        }
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty())
        {
            entry.problem("allowedAddresses", "expected a non-empty list of addresses or CIDR blocks, e.g. " +
                "[10.0.0.0/24, 192.168.1.7], found " + YamlMap.describe(node));
            return List.of();
        }
        final List<AddressBlock> blocks = new ArrayList<>();
        for (final Node item : list.getValue())
        {
            final AddressBlock block = item instanceof ScalarNode scalar ? AddressBlock.parse(scalar.getValue()) : null;
            if (block == null)
            {
                entry.problem("allowedAddresses", YamlMap.describe(item) + " is not an address or CIDR block (allowed: " +
                    "IPv4 or IPv6 literals, e.g. 10.0.0.7, 10.0.0.0/24, fd00::/8)");
            }
            else
            {
                blocks.add(block);
            }
        }
        return List.copyOf(blocks);
    }

    private static void checkCompIdUnique(
        final YamlMap entry, final String targetCompId, final String senderCompId, final Map<String, String> pathByCompId)
    {
        if (targetCompId == null)
        {
            return;
        }
        if (targetCompId.equals(senderCompId))
        {
            entry.problem("TargetCompID", YamlMap.quoted(targetCompId) +
                " is the gateway's own SenderCompID (allowed: any other CompID)");
            return;
        }
        final String firstPath = pathByCompId.putIfAbsent(targetCompId, entry.path());
        if (firstPath != null)
        {
            entry.problem("TargetCompID", YamlMap.quoted(targetCompId) + " is already the TargetCompID of " + firstPath +
                " (allowed: one session per client CompID)");
        }
    }

    private static String defaultVenue(final YamlMap entry, final Map<String, VenueConfig> venues)
    {
        if (venues.isEmpty())
        {
            // nothing to check against or default to; the venues problem is reported already
            return entry.text("defaultVenue", "", "a configured venue id", null);
        }
        final String firstVenue = venues.keySet().iterator().next();
        final String venue = entry.text("defaultVenue", firstVenue, "a configured venue id", null);
        if (venue != null && !venues.containsKey(venue))
        {
            entry.problem("defaultVenue", YamlMap.quoted(venue) + " is not a configured venue (configured: " +
                String.join(", ", venues.keySet()) + ")");
            return null;
        }
        return venue;
    }

    /**
     * The default sessions kept with venues the file replaced: a default venue that no longer exists
     * becomes the first configured venue, just as for a session entry without defaultVenue.
     */
    private static List<SessionConfig> inherited(final List<SessionConfig> fallback, final Map<String, VenueConfig> venues)
    {
        if (venues.isEmpty())
        {
            return fallback;
        }
        final String firstVenue = venues.keySet().iterator().next();
        final List<SessionConfig> sessions = new ArrayList<>();
        for (final SessionConfig session : fallback)
        {
            sessions.add(venues.containsKey(session.defaultVenue()) ? session :
                new SessionConfig(session.targetCompId(), firstVenue, session.resetOnLogon(), session.cancelOnDisconnect()));
        }
        return List.copyOf(sessions);
    }
}
