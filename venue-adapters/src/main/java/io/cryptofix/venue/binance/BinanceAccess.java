package io.cryptofix.venue.binance;

import io.cryptofix.venue.rest.SigningKey;
import io.cryptofix.venue.rest.VenueClock;
import io.cryptofix.venue.rest.VenueKeys;
import org.knowm.xchange.binance.service.BinanceHmacDigest;
import si.mazi.rescu.ParamsDigest;
import si.mazi.rescu.SynchronizedValueFactory;

/**
 * What every signed Binance request carries: the API key and the signer of its secret (taken together
 * once per request, {@link #signing()}, so a rotation never splits them), the timestamp from the venue's
 * clock as last measured (not the host's), and the receive window Binance is to allow it.
 */
final class BinanceAccess
{
    final BinanceSpotApi api;
    private final SigningKey<ParamsDigest> key;
    final SynchronizedValueFactory<Long> timestamp;
    final Long recvWindow;

    BinanceAccess(
        final BinanceSpotApi api, final VenueKeys keys, final VenueClock clock, final long recvWindowMillis)
    {
        this.api = api;
        this.key = new SigningKey<>(keys, BinanceHmacDigest::createInstance);
        this.timestamp = clock::millis;
        this.recvWindow = recvWindowMillis;
    }

    SigningKey.Signing<ParamsDigest> signing()
    {
        return key.current();
    }
}
