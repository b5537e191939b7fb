package io.cryptofix.config;

/**
 * How the gateway's threads wait for work.
 *
 * @param profile  {@link Profile#DEFAULT}: threads park when idle, so an idle gateway costs almost
 *                 no CPU; {@link Profile#LOW_LATENCY}: the threads on the order path yield instead of
 *                 parking, trading CPU for wake-up latency.
 */
public record PerformanceConfig(Profile profile)
{
    public enum Profile
    {
        DEFAULT("default"),
        LOW_LATENCY("low-latency");

        private final String configName;

        Profile(final String configName)
        {
            this.configName = configName;
        }

        public String configName()
        {
            return configName;
        }

        static Profile fromConfigName(final String name)
        {
            for (final Profile profile : values())
            {
                if (profile.configName.equals(name))
                {
                    return profile;
                }
            }
            return null;
        }
    }
}
