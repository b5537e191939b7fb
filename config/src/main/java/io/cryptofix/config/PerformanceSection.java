package io.cryptofix.config;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code performance} section: the idle profile of the gateway's threads.
 */
final class PerformanceSection
{
    static final List<String> KEYS = List.of("profile");
    private static final String ALLOWED = Arrays.stream(PerformanceConfig.Profile.values())
        .map(PerformanceConfig.Profile::configName).collect(Collectors.joining(", "));
    private static final TextRule PROFILE = new TextRule(
        "a performance profile", name -> PerformanceConfig.Profile.fromConfigName(name) != null, ALLOWED);

    private PerformanceSection()
    {
    }

    static PerformanceConfig read(final YamlMap performance, final PerformanceConfig fallback)
    {
        performance.allowOnly(KEYS);
        final String profile = performance.text(
            "profile", fallback == null ? null : fallback.profile().configName(), "a performance profile: " + ALLOWED,
            PROFILE);
        return new PerformanceConfig(profile == null ?
            PerformanceConfig.Profile.DEFAULT : PerformanceConfig.Profile.fromConfigName(profile));
    }
}
