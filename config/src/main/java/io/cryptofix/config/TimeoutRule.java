package io.cryptofix.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One rule of the timeout policy: orders that match {@code selector = value} time out {@code after}
 * they were accepted. The selector decides how specific the rule is (see {@link Selector}).
 *
 * Immutable; a symbol pattern is compiled once, so matching an order allocates nothing.
 */
public final class TimeoutRule
{
    private final Selector selector;
    private final String value;
    private final Duration after;
    private final int position;
    // null unless the rule selects by symbol
    private final SymbolPattern symbol;

    /**
     * @param selector  what the rule matches on.
     * @param value     the venue id, symbol (exact, or a pattern with {@code *}), FIX OrdType or
     *                  TimeInForce value, or the client's CompID.
     * @param after     how long a resting order may live.
     * @param position  the rule's place in the file, counted from 1, for explanations.
     */
    public TimeoutRule(final Selector selector, final String value, final Duration after, final int position)
    {
        this.selector = selector;
        this.value = value;
        this.after = after;
        this.position = position;
        this.symbol = selector == Selector.SYMBOL ? new SymbolPattern(value) : null;
    }

    public Selector selector()
    {
        return selector;
    }

    public String value()
    {
        return value;
    }

    public Duration after()
    {
        return after;
    }

    public int position()
    {
        return position;
    }

    /** What a rule matches on, least specific first: a later selector beats an earlier one. */
    public enum Selector
    {
        VENUE("venue"),
        SYMBOL("symbol"),
        ORD_TYPE("ordType"),
        TIME_IN_FORCE("timeInForce"),
        SESSION("session");

        private final String configName;

        Selector(final String configName)
        {
            this.configName = configName;
        }

        public String configName()
        {
            return configName;
        }
    }

    public boolean isPattern()
    {
        return symbol != null && symbol.isPattern();
    }

    /**
     * @return whether the rule applies to an order with these attributes.
     */
    public boolean matches(
        final String session, final String venue, final String symbol, final char ordType, final char timeInForce)
    {
        switch (selector)
        {
            case VENUE: return value.equals(venue);
            case SYMBOL: return this.symbol.matches(symbol);
            case ORD_TYPE: return value.length() == 1 && value.charAt(0) == ordType;
            case TIME_IN_FORCE: return value.length() == 1 && value.charAt(0) == timeInForce;
            default: return value.equals(session);
        }
    }

    /** How the rule reads in a report's Text, e.g. {@code symbol BTC/USDT after 30s}. */
    public String describe()
    {
        return selector.configName() + " " + value + " after " + Durations.format(after);
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof TimeoutRule rule && selector == rule.selector && value.equals(rule.value) &&
            after.equals(rule.after) && position == rule.position;
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(selector, value, after, position);
    }

    @Override
    public String toString()
    {
        return "rule " + position + " (" + describe() + ")";
    }
}
