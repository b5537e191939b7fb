package io.cryptofix.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogThrottleTest
{
    private final LogThrottle throttle = new LogThrottle(3, 10_000);

    @Test
    void aFewLinesAWindowGoOutAndTheFirstOfTheNextWindowTellsHowManyWereHeldBack()
    {
        int admitted = 0;
        for (int i = 0; i < 100_000; i++)
        {
            if (throttle.admit(1_000 + i / 100))
            {
                admitted++;
            }
        }
        assertThat(admitted).as("100,000 in one second: three lines").isEqualTo(3);
        assertThat(throttle.suffix()).isEmpty();

        assertThat(throttle.admit(11_000)).isTrue();
        assertThat(throttle.heldBack()).isEqualTo(99_997);
        assertThat(throttle.suffix()).isEqualTo(" (and 99997 more like this not logged; the metrics count each)");
        assertThat(throttle.admit(11_001)).isTrue();
        assertThat(throttle.heldBack()).isZero();
        assertThat(throttle.suffix()).isEmpty();
    }

    @Test
    void linesFarApartAreNeverHeldBack()
    {
        for (int i = 0; i < 20; i++)
        {
            assertThat(throttle.admit(i * 5_000L)).isTrue();
            assertThat(throttle.heldBack()).isZero();
        }
    }
}
