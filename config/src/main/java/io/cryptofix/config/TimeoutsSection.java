package io.cryptofix.config;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code timeouts} section: the order timeout policy. A {@code rules} list given in the file
 * replaces the default list (empty) entirely.
 */
final class TimeoutsSection
{
    static final List<String> KEYS = List.of("default", "unacknowledgedSubmit", "unconfirmedCancel", "reevaluateOnReload", "rules");
    private static final String RULES = "rules";
    static final String NONE = "none";
    private static final TextRule DURATION = new TextRule(
        "a duration", text -> Durations.parse(text) != null && !Durations.parse(text).isZero(), Durations.FORMAT);
    static final TextRule DURATION_OR_NONE = new TextRule(
        "a duration", text -> NONE.equals(text) || DURATION.valid().test(text), Durations.FORMAT + ", or none");
    private static final Pattern SYMBOL_OR_PATTERN = Pattern.compile("[A-Z0-9*]+/[A-Z0-9*]+|\\*");
    private static final List<String> ORD_TYPES = List.of("1", "2", "3", "4", "J");
    private static final List<String> TIMES_IN_FORCE = List.of("0", "1", "3", "4", "6");

    private TimeoutsSection()
    {
    }

    static TimeoutConfig read(final YamlMap timeouts, final TimeoutConfig fallback, final Problems problems)
    {
        timeouts.allowOnly(KEYS);
        final boolean noFallback = fallback == null;
        final String defaultAfter = timeouts.text("default",
            noFallback ? null : fallback.defaultAfter() == null ? NONE : Durations.format(fallback.defaultAfter()),
            "a duration or none", DURATION_OR_NONE);
        final String unacknowledged = timeouts.text("unacknowledgedSubmit",
            noFallback ? null : Durations.format(fallback.unacknowledgedSubmit()), "a duration", DURATION);
        final String unconfirmed = timeouts.text("unconfirmedCancel",
            noFallback ? null : Durations.format(fallback.unconfirmedCancel()), "a duration", DURATION);
        final Boolean reevaluate = timeouts.bool("reevaluateOnReload", noFallback ? null : fallback.reevaluateOnReload());
        final List<TimeoutRule> rules = rules(timeouts, noFallback ? null : fallback.rules(), problems);
        return new TimeoutConfig(
            defaultAfter == null || NONE.equals(defaultAfter) ? null : Durations.parse(defaultAfter),
            unacknowledged == null ? null : Durations.parse(unacknowledged),
            unconfirmed == null ? null : Durations.parse(unconfirmed),
            rules,
            reevaluate != null && reevaluate);
    }

    private static List<TimeoutRule> rules(final YamlMap timeouts, final List<TimeoutRule> fallback, final Problems problems)
    {
        final Node node = timeouts.value(RULES);
        if (node == null)
        {
            if (fallback == null)
            {
                timeouts.missing(RULES, "a list of timeout rules, possibly empty");
                return List.of();
            }
            return fallback;
        }
        if (!(node instanceof SequenceNode list))
        {
            timeouts.problem(RULES, "expected a list of timeout rules, found " + YamlMap.describe(node));
            return List.of();
        }
        final List<TimeoutRule> rules = new ArrayList<>();
        for (int i = 0; i < list.getValue().size(); i++)
        {
            final YamlMap entry = YamlMap.of(list.getValue().get(i), timeouts.path(RULES) + "[" + i + "]",
                "a rule: one of venue, symbol, ordType, timeInForce, session, and after", problems);
            final TimeoutRule rule = rule(entry, i + 1);
            if (rule != null)
            {
                rules.add(rule);
            }
        }
        return List.copyOf(rules);
    }

    private static TimeoutRule rule(final YamlMap entry, final int position)
    {
        if (!entry.isMap())
        {
            return null;
        }
        final List<String> keys = new ArrayList<>();
        for (final TimeoutRule.Selector selector : TimeoutRule.Selector.values())
        {
            keys.add(selector.configName());
        }
        keys.add("after");
        entry.allowOnly(keys);

        TimeoutRule.Selector selector = null;
        for (final TimeoutRule.Selector candidate : TimeoutRule.Selector.values())
        {
            if (entry.value(candidate.configName()) != null)
            {
                if (selector != null)
                {
                    entry.sectionProblem("has both " + selector.configName() + " and " + candidate.configName() +
                        " (allowed: exactly one of venue, symbol, ordType, timeInForce, session)");
                    return null;
                }
                selector = candidate;
            }
        }
        if (selector == null)
        {
            entry.sectionProblem("names nothing to match (required: one of venue, symbol, ordType, timeInForce, session)");
            return null;
        }
        final String value = entry.text(selector.configName(), null, "a value to match", ruleValue(selector));
        final String after = entry.text("after", null, "a duration", DURATION);
        return value == null || after == null ? null : new TimeoutRule(selector, value, Durations.parse(after), position);
    }

    private static TextRule ruleValue(final TimeoutRule.Selector selector)
    {
        switch (selector)
        {
            case SYMBOL:
                return new TextRule("a symbol or pattern", text -> SYMBOL_OR_PATTERN.matcher(text).matches(),
                    "BASE/QUOTE, * for any part, e.g. BTC/USDT or BTC/*");
            case ORD_TYPE:
                return new TextRule("an OrdType (40)", ORD_TYPES::contains, String.join(", ", ORD_TYPES));
            case TIME_IN_FORCE:
                return new TextRule("a TimeInForce (59)", TIMES_IN_FORCE::contains, String.join(", ", TIMES_IN_FORCE));
            case SESSION:
                return CompIds.RULE;
            default:
                return new TextRule("a venue id", text -> !text.isBlank(), "a configured venue id");
        }
    }
}
