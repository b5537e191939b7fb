package io.cryptofix.config;

/**
 * What the gateway does with a session's order that would trade against the same session's own
 * resting order at the same venue ({@code selfTradePrevention}).
 */
public enum SelfTradePrevention
{
    /** No check: the venue's own rules apply. */
    OFF("off"),
    /** The incoming order is refused. */
    REFUSE("refuse"),
    /** The session's resting orders it would meet are canceled and the incoming order goes on. */
    CANCEL_RESTING("cancelResting");

    private final String configName;

    SelfTradePrevention(final String configName)
    {
        this.configName = configName;
    }

    public String configName()
    {
        return configName;
    }

    /** @return the value a configuration names, or null for none. */
    public static SelfTradePrevention of(final String configName)
    {
        for (final SelfTradePrevention value : values())
        {
            if (value.configName.equals(configName))
            {
                return value;
            }
        }
        return null;
    }
}
