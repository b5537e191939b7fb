package io.cryptofix.venue.okx;

import io.cryptofix.domain.Fixed;

import java.math.BigDecimal;

/** How OKX writes what the gateway trades: instruments with a dash ({@code BTC-USDT}), numbers as strings that may be empty. */
final class OkxFormat
{
    private OkxFormat()
    {
    }

    static String instId(final String symbol)
    {
        return symbol.replace('/', '-');
    }

    static BigDecimal decimal(final String value)
    {
        return value == null || value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value);
    }

    static long fixed(final String value)
    {
        return Fixed.fromBigDecimal(decimal(value).stripTrailingZeros());
    }

    static long fixed(final BigDecimal value)
    {
        return value == null ? 0 : Fixed.fromBigDecimal(value.stripTrailingZeros());
    }
}
