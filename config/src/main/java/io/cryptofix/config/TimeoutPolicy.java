package io.cryptofix.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which timeout rule applies to an order. The most specific matching rule wins: a session
 * rule beats a TimeInForce rule, which beats an OrdType rule, then an exact symbol, a symbol pattern,
 * a venue, and last the default; between rules of the same kind the first in the file wins. The
 * client's own ExpireTime (GTD) or the Day cut-off still apply: the earliest deadline ends the order.
 * Immutable, so a new policy can replace the old one in a single step.
 */
public final class TimeoutPolicy
{
    private final TimeoutConfig config;

    public TimeoutPolicy(final TimeoutConfig config)
    {
        this.config = config;
    }

    public TimeoutConfig config()
    {
        return config;
    }

    /**
     * @return the rule that applies, or null when only the default applies (see {@link TimeoutConfig#defaultAfter()}).
     */
    public TimeoutRule ruleFor(
        final String session, final String venue, final String symbol, final char ordType, final char timeInForce)
    {
        TimeoutRule best = null;
        for (final TimeoutRule rule : config.rules())
        {
            if (rule.matches(session, venue, symbol, ordType, timeInForce) && moreSpecific(rule, best))
            {
                best = rule;
            }
        }
        return best;
    }

    /**
     * Says which rule applies to such an order and why, one line per consideration, most specific first.
     */
    public List<String> explain(
        final String session, final String venue, final String symbol, final char ordType, final char timeInForce)
    {
        final TimeoutRule chosen = ruleFor(session, venue, symbol, ordType, timeInForce);
        final List<String> lines = new ArrayList<>();
        if (chosen != null)
        {
            lines.add("timeout: " + Durations.format(chosen.after()) + ", by rule " + chosen.position() + " (" +
                chosen.selector().configName() + " " + chosen.value() + ")");
        }
        else
        {
            lines.add("timeout: " + (config.defaultAfter() == null ? "none" : Durations.format(config.defaultAfter())) +
                ", by the default: no rule matches");
        }
        lines.add("rules, most specific kind first (session, timeInForce, ordType, symbol, venue):");
        final TimeoutRule.Selector[] kinds = TimeoutRule.Selector.values();
        for (int kind = kinds.length - 1; kind >= 0; kind--)
        {
            for (final TimeoutRule rule : config.rules())
            {
                if (rule.selector() == kinds[kind])
                {
                    lines.add("  rule " + rule.position() + " " + rule.selector().configName() + " " + rule.value() +
                        " after " + Durations.format(rule.after()) + ": " +
                        verdict(rule, chosen, session, venue, symbol, ordType, timeInForce));
                }
            }
        }
        lines.add("  default: " + (config.defaultAfter() == null ? "none" : Durations.format(config.defaultAfter())) +
            (chosen == null ? ": applies" : ": overridden"));
        lines.add("the order's own ExpireTime (GTD) or the venue's Day cut-off ends it earlier if it comes first");
        return lines;
    }

    private static String verdict(
        final TimeoutRule rule,
        final TimeoutRule chosen,
        final String session,
        final String venue,
        final String symbol,
        final char ordType,
        final char timeInForce)
    {
        if (!rule.matches(session, venue, symbol, ordType, timeInForce))
        {
            return "does not match";
        }
        return rule == chosen ? "matches, applies" : "matches, but a more specific or earlier rule applies";
    }

    private static boolean moreSpecific(final TimeoutRule candidate, final TimeoutRule best)
    {
        if (best == null)
        {
            return true;
        }
        if (candidate.selector() != best.selector())
        {
            return candidate.selector().ordinal() > best.selector().ordinal();
        }
        // an exact symbol beats a pattern; otherwise the earlier rule stays
        return best.isPattern() && !candidate.isPattern();
    }
}
