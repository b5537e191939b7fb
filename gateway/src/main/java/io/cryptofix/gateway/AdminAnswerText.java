package io.cryptofix.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The admin API's answers as {@code gateway admin} prints them: a few lines a person reads at a glance. */
final class AdminAnswerText
{
    private AdminAnswerText()
    {
    }

    /** @param answer  a halt, reduce, resume or kill's answer. */
    static String change(final Map<String, Object> answer)
    {
        final StringBuilder text = new StringBuilder()
            .append(scope(answer.get("scope"), answer.get("name")))
            .append(": ").append(answer.get("previous")).append(" -> ").append(answer.get("state"))
            .append(" (").append(answer.get("reason")).append(')');
        if (answer.get("ordersCanceling") != null)
        {
            final String canceling = String.valueOf(answer.get("ordersCanceling"));
            text.append(System.lineSeparator()).append("kill switch: ").append(canceling)
                .append("1".equals(canceling) ? " order" : " orders").append(" being canceled");
        }
        return text.toString();
    }

    /** @param answer  a reload-credentials' answer: its result lines, one per venue or account. */
    static String results(final Map<String, Object> answer)
    {
        final List<String> lines = new ArrayList<>();
        if (answer.get("results") instanceof List<?> results)
        {
            results.forEach(line -> lines.add(String.valueOf(line)));
        }
        return String.join(System.lineSeparator(), lines);
    }

    /** @param answer  the status's answer. */
    static String status(final Map<String, Object> answer)
    {
        final List<String> lines = new ArrayList<>();
        final Map<String, Object> states = map(answer.get("states"));
        lines.add("trading states at " + answer.get("time") + ":");
        lines.add("  " + state("global", map(states.get("global"))));
        map(states.get("venues")).forEach((venue, state) -> lines.add("  " + state("venue " + venue, map(state))));
        map(states.get("sessions")).forEach((session, state) -> lines.add("  " + state("session " + session, map(state))));
        final Map<String, Object> unavailable = map(answer.get("unavailableVenues"));
        if (!unavailable.isEmpty())
        {
            lines.add("venues taking no orders:");
            unavailable.forEach((venue, outage) -> lines.add("  " + venue + " " +
                String.valueOf(map(outage).get("state")).toLowerCase(Locale.ROOT).replace('_', ' ') + ": " +
                map(outage).get("reason")));
        }
        lines.add("limits in force:");
        final Map<String, Object> limits = map(answer.get("limits"));
        lines.add("  default: " + limits(map(limits.get("default"))));
        for (final String level : List.of("sessions", "venues", "symbols"))
        {
            map(limits.get(level)).forEach((name, set) ->
                lines.add("  " + level.substring(0, level.length() - 1) + " " + name + ": " + limits(map(set))));
        }
        final Map<String, Object> usage = map(answer.get("usage"));
        lines.add(usage.isEmpty() ? "usage: no session has orders or fills" : "usage:");
        usage.forEach((session, used) ->
        {
            final Map<String, Object> use = map(used);
            final List<String> positions = new ArrayList<>();
            map(use.get("positions")).forEach((asset, position) -> positions.add(asset + " " + position));
            lines.add("  " + session + ": " + use.get("openOrders") + " open orders, open notional " +
                use.get("openNotional") + ", today " + use.get("dailyNotional") +
                (positions.isEmpty() ? "" : ", positions " + String.join(", ", positions)));
        });
        return String.join(System.lineSeparator(), lines);
    }

    private static String state(final String scope, final Map<String, Object> state)
    {
        return scope + " " + state.get("state") +
            (state.get("since") == null ? "" : " since " + state.get("since")) +
            (state.get("reason") == null ? "" : ": " + state.get("reason"));
    }

    private static String limits(final Map<String, Object> limits)
    {
        if (limits.isEmpty())
        {
            return "none";
        }
        final List<String> each = new ArrayList<>();
        limits.forEach((limit, value) -> each.add(limit + " " + text(value)));
        return String.join(", ", each);
    }

    /** A nested limit: {@code positionLimits (BTC 5, ETH 40)}, {@code venues [SIM, BINANCE]}. */
    private static String text(final Object value)
    {
        if (value instanceof Map<?, ?> map)
        {
            final List<String> each = new ArrayList<>();
            map.forEach((key, nested) -> each.add(key + " " + text(nested)));
            return "(" + String.join(", ", each) + ")";
        }
        if (value instanceof List<?> list)
        {
            final List<String> each = new ArrayList<>();
            list.forEach(nested -> each.add(text(nested)));
            return "[" + String.join(", ", each) + "]";
        }
        return String.valueOf(value);
    }

    private static String scope(final Object scope, final Object name)
    {
        return "global".equals(scope) ? "global" : scope + " " + name;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final Object value)
    {
        return value instanceof Map<?, ?> map ? (Map<String, Object>)map : Map.of();
    }
}
