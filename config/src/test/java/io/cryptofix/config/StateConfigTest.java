package io.cryptofix.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.cryptofix.config.ConfigProblems.parse;
import static io.cryptofix.config.ConfigProblems.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code state} section: how long finished orders are held. */
class StateConfigTest
{
    @Test
    void byDefaultFinishedOrdersAreHeldUntilTheEndOfTheNextUtcDay() throws ConfigException
    {
        assertThat(parse("dataDir: data").state()).isEqualTo(StateConfig.DEFAULT);
        assertThat(parse("state:", "  finishedOrderRetention: nextUtcDayEnd").state()).isEqualTo(StateConfig.DEFAULT);
    }

    @Test
    void aDurationHoldsThemThatLongAfterTheyFinished() throws ConfigException
    {
        assertThat(parse("state:", "  finishedOrderRetention: 6h").state())
            .isEqualTo(new StateConfig(Duration.ofHours(6)));
    }

    @Test
    void anythingElseIsRefusedNamingWhatIsAllowed()
    {
        assertThat(problemsOf("state:", "  finishedOrderRetention: forever", "  snapshots: on")).containsExactly(
            "state.finishedOrderRetention: \"forever\" is not a retention (allowed: nextUtcDayEnd, or a duration: " +
                "a number followed by ms, s, m, h or d, e.g. 30s)",
            "state.snapshots: unknown key (allowed: finishedOrderRetention)");
        assertThat(problemsOf("state:", "  finishedOrderRetention: 0s")).hasSize(1);
    }
}
