package io.cryptofix.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * {@code fix.sessions}: the clients allowed to log on. A list given in the file replaces the default
 * list; keys left out of an entry take the defaults.
 */
final class SessionsSection
{
    static final List<String> KEYS = List.of("TargetCompID", "defaultVenue", "ResetOnLogon", "cancelOnDisconnect");

    private static final String KEY = "sessions";

    private SessionsSection()
    {
    }

    /**
     * @param fallback      the default sessions; null makes the list required.
     * @param senderCompId  the gateway's own CompID, which no client may use; null when it was invalid.
     * @param venues        the configured venues, for checking and defaulting defaultVenue.
     */
    static List<SessionConfig> read(
        final YamlMap fix,
        final List<SessionConfig> fallback,
        final String senderCompId,
        final Map<String, VenueConfig> venues,
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
                Durations.parse(cancelOnDisconnect)));
        }
        return List.copyOf(sessions);
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
