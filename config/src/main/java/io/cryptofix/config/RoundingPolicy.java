package io.cryptofix.config;

/**
 * What the gateway does with an order quantity or price that is not a multiple of the instrument's
 * lot or tick.
 */
public enum RoundingPolicy
{
    /** Reject the order with a Text naming the rule: the default, never a silent change. */
    REJECT("reject"),
    /**
     * Round the quantity down to the lot and the price to the tick on the passive side (a buy down,
     * a sell up), and say so in the Text of the New report.
     */
    ROUND("round");

    private final String configName;

    RoundingPolicy(final String configName)
    {
        this.configName = configName;
    }

    public String configName()
    {
        return configName;
    }

    static RoundingPolicy fromConfigName(final String name)
    {
        for (final RoundingPolicy policy : values())
        {
            if (policy.configName.equals(name))
            {
                return policy;
            }
        }
        return null;
    }
}
