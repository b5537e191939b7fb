package io.cryptofix.domain;

/**
 * How long an order works, with its FIX TimeInForce (59) value. FIX: absent means Day.
 */
public enum TimeInForce
{
    /** Until the venue's daily cut-off (configurable, UTC). */
    DAY('0'),
    GOOD_TILL_CANCEL('1'),
    /** Fill what can be filled at once, cancel the rest. */
    IMMEDIATE_OR_CANCEL('3'),
    /** Fill completely at once, or not at all. */
    FILL_OR_KILL('4'),
    /** Until ExpireTime (126). */
    GOOD_TILL_DATE('6');

    private final char fixValue;

    TimeInForce(final char fixValue)
    {
        this.fixValue = fixValue;
    }

    public char fixValue()
    {
        return fixValue;
    }

    /** Whether the order ends at a deadline, which the gateway enforces where the venue cannot. */
    public boolean hasDeadline()
    {
        return this == DAY || this == GOOD_TILL_DATE;
    }
}
