package io.cryptofix.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;

class FixedTest
{
    private static final long NOT_REPRESENTABLE = Long.MIN_VALUE;

    @DisplayName("fromDecimal scales a FIX decimal of any scale up to eight places exactly")
    @ParameterizedTest(name = "{0} x 10^-{1} = {2}")
    @CsvSource({
        // unscaled, scale, expected Fixed
        "1,          8,  1",
        "123456789,  8,  123456789",
        "15,         1,  150000000",
        "3,          0,  300000000",
        "1,          3,  100000",
        "-25,        1,  -250000000",
        "5,          -2, 50000000000",
        "10,         9,  1",
        "1234500,    10, 12345",
        "0,          18, 0",
        "1000000000, 17, 1"
    })
    void fromDecimalConvertsExactValues(final long unscaled, final int scale, final long expected)
    {
        assertThat(Fixed.fromDecimal(unscaled, scale)).isEqualTo(expected);
    }

    @DisplayName("fromDecimal refuses a value with more than eight decimal places")
    @ParameterizedTest(name = "{0} x 10^-{1}")
    @CsvSource({
        "1,          9",
        "123456789,  9",
        "-1,         9",
        "1000000001, 17"
    })
    void fromDecimalRefusesTooPreciseValues(final long unscaled, final int scale)
    {
        assertThat(Fixed.fromDecimal(unscaled, scale)).isEqualTo(NOT_REPRESENTABLE);
    }

    @Test
    void fromDecimalRefusesAValueTooLargeForALong()
    {
        // 92233720369 units are 9.2233720369e18 hundred-millionths: just over Long.MAX_VALUE
        assertThat(Fixed.fromDecimal(92_233_720_369L, 0)).isEqualTo(NOT_REPRESENTABLE);
        assertThat(Fixed.fromDecimal(Long.MAX_VALUE / 10, 0)).isEqualTo(NOT_REPRESENTABLE);
    }

    @Test
    void fromDecimalKeepsTheLargestValueThatFits()
    {
        assertThat(Fixed.fromDecimal(92_233_720_368L, 0)).isEqualTo(9_223_372_036_800_000_000L);
    }

    @DisplayName("fromBigDecimal converts values with up to eight significant decimal places")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0.001,          100000",
        "0.00000001,     1",
        "100.7,          10070000000",
        "-1.5,           -150000000",
        "1.10000000000,  110000000",
        "0,              0",
        "92233720367,    9223372036700000000"
    })
    void fromBigDecimalConvertsExactValues(final String decimal, final long expected)
    {
        assertThat(Fixed.fromBigDecimal(new BigDecimal(decimal))).isEqualTo(expected);
    }

    @DisplayName("fromBigDecimal refuses what needs a ninth decimal place or does not fit")
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0.000000001",
        "1.123456789",
        "92233720369",
        "-92233720369"
    })
    void fromBigDecimalRefusesUnrepresentableValues(final String decimal)
    {
        assertThat(Fixed.fromBigDecimal(new BigDecimal(decimal))).isEqualTo(NOT_REPRESENTABLE);
    }

    @DisplayName("toString writes the plain decimal without trailing zeros")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "10000000000, 100",
        "100000,      0.001",
        "1,           0.00000001",
        "0,           0",
        "-150000000,  -1.5",
        "10070000000, 100.7",
        "1000000000000000000, 10000000000"
    })
    void toStringStripsTrailingZeros(final long value, final String expected)
    {
        assertThat(Fixed.toString(value)).isEqualTo(expected);
    }

    @Test
    void toBigDecimalRoundTripsThroughFromBigDecimal()
    {
        final long value = fixed("42.00012345");

        assertThat(Fixed.toBigDecimal(value)).isEqualByComparingTo("42.00012345");
        assertThat(Fixed.fromBigDecimal(Fixed.toBigDecimal(value))).isEqualTo(value);
    }


    @Test
    void aProductIsExactToTheEighthPlaceAndSaturatesWhenItDoesNotFit()
    {
        assertThat(Fixed.times(Fixed.fromBigDecimal(new java.math.BigDecimal("0.9")),
            Fixed.fromBigDecimal(new java.math.BigDecimal("61000")))).isEqualTo(Fixed.fromBigDecimal(
            new java.math.BigDecimal("54900")));
        assertThat(Fixed.times(Fixed.fromBigDecimal(new java.math.BigDecimal("1.23456789")),
            Fixed.fromBigDecimal(new java.math.BigDecimal("2.5")))).isEqualTo(Fixed.fromBigDecimal(
            new java.math.BigDecimal("3.08641972")));
        assertThat(Fixed.times(Fixed.fromBigDecimal(new java.math.BigDecimal("10000")),
            Fixed.fromBigDecimal(new java.math.BigDecimal("100000.5")))).isEqualTo(Fixed.fromBigDecimal(
            new java.math.BigDecimal("1000005000")));
        assertThat(Fixed.times(Long.MAX_VALUE / 2, 3 * Fixed.ONE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aLimitTooLargeForALongIsNoLimitAndOneTooPreciseIsRoundedDown()
    {
        assertThat(Fixed.limit(new BigDecimal("1000000000000"))).isEqualTo(Long.MAX_VALUE);
        assertThat(Fixed.limit(new BigDecimal("92233720368"))).isEqualTo(fixed("92233720368"));
        assertThat(Fixed.limit(new BigDecimal("0.123456789"))).isEqualTo(fixed("0.12345678"));
    }
}
