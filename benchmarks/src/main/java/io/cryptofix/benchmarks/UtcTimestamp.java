package io.cryptofix.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * FIX UTCTimestamp (yyyyMMdd-HH:mm:ss.SSS) into a reused byte array; the date part is formatted
 * once a day, the rest by arithmetic.
 */
final class UtcTimestamp
{
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd-").withZone(ZoneOffset.UTC);

    private final byte[] bytes = new byte[21];
    private long day = -1;

    byte[] format(final long epochMillis)
    {
        final long today = epochMillis / MILLIS_PER_DAY;
        if (today != day)
        {
            day = today;
            System.arraycopy(DATE.format(Instant.ofEpochMilli(epochMillis)).getBytes(StandardCharsets.US_ASCII),
                0, bytes, 0, 9);
            bytes[11] = ':';
            bytes[14] = ':';
            bytes[17] = '.';
        }
        final long millisOfDay = epochMillis - today * MILLIS_PER_DAY;
        two(9, millisOfDay / 3_600_000);
        two(12, millisOfDay / 60_000 % 60);
        two(15, millisOfDay / 1000 % 60);
        final long millis = millisOfDay % 1000;
        bytes[18] = (byte)('0' + millis / 100);
        bytes[19] = (byte)('0' + millis / 10 % 10);
        bytes[20] = (byte)('0' + millis % 10);
        return bytes;
    }

    private void two(final int index, final long value)
    {
        bytes[index] = (byte)('0' + value / 10);
        bytes[index + 1] = (byte)('0' + value % 10);
    }
}
