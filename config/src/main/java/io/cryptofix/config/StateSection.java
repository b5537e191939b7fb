package io.cryptofix.config;

import java.util.List;

/**
 * The {@code state} section: how long the gateway holds what is done.
 */
final class StateSection
{
    static final List<String> KEYS = List.of("finishedOrderRetention");
    static final String NEXT_UTC_DAY_END = "nextUtcDayEnd";

    private static final TextRule RETENTION = new TextRule("a retention",
        text -> NEXT_UTC_DAY_END.equals(text) || Durations.parse(text) != null && !Durations.parse(text).isZero(),
        NEXT_UTC_DAY_END + ", or a duration: " + Durations.FORMAT);

    private StateSection()
    {
    }

    static StateConfig read(final YamlMap state, final StateConfig fallback)
    {
        state.allowOnly(KEYS);
        final String retention = state.text("finishedOrderRetention",
            fallback == null ? null : fallback.finishedOrderRetention() == null ? NEXT_UTC_DAY_END :
            Durations.format(fallback.finishedOrderRetention()), "a retention", RETENTION);
        return new StateConfig(retention == null || NEXT_UTC_DAY_END.equals(retention) ? null : Durations.parse(retention));
    }
}
