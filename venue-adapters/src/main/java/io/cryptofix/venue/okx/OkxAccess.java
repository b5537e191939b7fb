package io.cryptofix.venue.okx;

import io.cryptofix.venue.rest.SigningKey;
import si.mazi.rescu.ParamsDigest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.LongSupplier;

/**
 * What every private OKX request carries in its headers: the API key, XChange's OKX signer and the
 * passphrase (taken together once per request, {@link #signing()}, so a rotation never splits them),
 * which of OKX's environments it is meant for, and the clock its timestamp is read from.
 *
 * @param simulated  {@code "1"}: OKX's demo trading; {@code "0"}: the live market.
 * @param clock      the venue's time as last measured (epoch milliseconds): OKX refuses a request
 *                   whose timestamp is more than 30 seconds from its own clock.
 */
record OkxAccess(SigningKey<ParamsDigest> key, String simulated, LongSupplier clock)
{
    // OKX wants milliseconds always written, which Instant.toString leaves out on a whole second
    private static final DateTimeFormatter ISO_MILLIS =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The request's OK-ACCESS-TIMESTAMP: the venue's time now, as an ISO time in UTC. */
    String timestamp()
    {
        return ISO_MILLIS.format(Instant.ofEpochMilli(clock.getAsLong()));
    }

    SigningKey.Signing<ParamsDigest> signing()
    {
        return key.current();
    }
}
