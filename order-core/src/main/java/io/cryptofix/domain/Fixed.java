package io.cryptofix.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prices and quantities as fixed-point longs with eight decimal places (1 = 0.00000001), the
 * precision crypto venues quote in. Longs keep the hot path free of BigDecimal allocation;
 * BigDecimal is used only at the edges (configuration, text).
 */
public final class Fixed
{
    public static final int SCALE = 8;
    public static final long ONE = 100_000_000L;

    private Fixed()
    {
    }

    /**
     * @return the fixed-point value of {@code value}, or {@link Long#MIN_VALUE} if it has more
     * than eight decimal places or does not fit.
     */
    public static long fromBigDecimal(final BigDecimal value)
    {
        try
        {
            return value.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        }
        catch (final ArithmeticException e)
        {
            return Long.MIN_VALUE;
        }
    }

    /**
     * A configured limit as a fixed-point value: one too large for a long is as good as no limit and
     * becomes {@link Long#MAX_VALUE}; more than eight decimal places are rounded down.
     */
    public static long limit(final BigDecimal value)
    {
        final BigDecimal scaled = value.setScale(SCALE, RoundingMode.DOWN);
        return scaled.unscaledValue().bitLength() > 63 ? Long.MAX_VALUE : scaled.unscaledValue().longValue();
    }

    /**
     * Converts a FIX decimal given as unscaled value and scale (Artio's DecimalFloat form).
     *
     * @return the fixed-point value, or {@link Long#MIN_VALUE} if it needs more than eight decimal
     * places or does not fit.
     */
    public static long fromDecimal(final long unscaled, final int scale)
    {
        if (scale == SCALE)
        {
            return unscaled;
        }
        if (scale < SCALE)
        {
            long result = unscaled;
            for (int i = scale; i < SCALE; i++)
            {
                if (Math.abs(result) > Long.MAX_VALUE / 10)
                {
                    return Long.MIN_VALUE;
                }
                result *= 10;
            }
            return result;
        }
        long result = unscaled;
        for (int i = SCALE; i < scale; i++)
        {
            if (result % 10 != 0)
            {
                return Long.MIN_VALUE;
            }
            result /= 10;
        }
        return result;
    }

    /**
     * The product of two non-negative fixed-point values, such as a quantity and a price, rounded down to
     * the eighth decimal place; {@link Long#MAX_VALUE} when it does not fit.
     */
    public static long times(final long a, final long b)
    {
        final long aWhole = a / ONE;
        final long aPart = a % ONE;
        final long bWhole = b / ONE;
        final long bPart = b % ONE;
        try
        {
            // (aw + ap/ONE)(bw + bp/ONE) x ONE, term by term: only the first can overflow at real sizes
            final long wholes = Math.multiplyExact(Math.multiplyExact(aWhole, bWhole), ONE);
            return Math.addExact(Math.addExact(wholes, Math.addExact(Math.multiplyExact(aWhole, bPart),
                Math.multiplyExact(aPart, bWhole))), aPart * bPart / ONE);
        }
        catch (final ArithmeticException e)
        {
            return Long.MAX_VALUE;
        }
    }

    public static BigDecimal toBigDecimal(final long value)
    {
        return BigDecimal.valueOf(value, SCALE).stripTrailingZeros();
    }

    public static String toString(final long value)
    {
        return toBigDecimal(value).toPlainString();
    }
}
