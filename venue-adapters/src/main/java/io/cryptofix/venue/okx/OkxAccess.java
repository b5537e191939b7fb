package io.cryptofix.venue.okx;

import org.knowm.xchange.utils.DateUtils;
import si.mazi.rescu.ParamsDigest;

import java.util.Date;

/**
 * What every private OKX request carries in its headers: the API key, XChange's OKX signer, the
 * passphrase, and which of OKX's environments it is meant for.
 *
 * @param simulated  {@code "1"}: OKX's demo trading; {@code "0"}: the live market.
 */
record OkxAccess(String apiKey, ParamsDigest signer, String passphrase, String simulated)
{
    /** The request's OK-ACCESS-TIMESTAMP: now, as an ISO time in UTC. */
    static String timestamp()
    {
        return DateUtils.toUTCISODateString(new Date());
    }
}
