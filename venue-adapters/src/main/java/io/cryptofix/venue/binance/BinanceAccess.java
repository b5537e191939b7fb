package io.cryptofix.venue.binance;

import io.cryptofix.venue.rest.VenueClock;
import org.knowm.xchange.binance.service.BinanceHmacDigest;
import si.mazi.rescu.ParamsDigest;
import si.mazi.rescu.SynchronizedValueFactory;

/**
 * What every signed Binance request carries: the API key, the signer, the timestamp from the venue's
 * clock as last measured (not the host's), and the receive window Binance is to allow it.
 */
final class BinanceAccess
{
    final BinanceSpotApi api;
    final String apiKey;
    final ParamsDigest signer;
    final SynchronizedValueFactory<Long> timestamp;
    final Long recvWindow;

    BinanceAccess(
        final BinanceSpotApi api, final String apiKey, final String secretKey, final VenueClock clock,
        final long recvWindowMillis)
    {
        this.api = api;
        this.apiKey = apiKey;
        this.signer = BinanceHmacDigest.createInstance(secretKey);
        this.timestamp = clock::millis;
        this.recvWindow = recvWindowMillis;
    }
}
