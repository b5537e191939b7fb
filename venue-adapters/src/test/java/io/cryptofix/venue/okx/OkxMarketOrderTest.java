package io.cryptofix.venue.okx;

import io.cryptofix.domain.Side;
import io.cryptofix.venue.rest.RestVenue;
import io.cryptofix.venue.sim.RecordingVenueListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.cryptofix.venue.okx.OkxTestVenues.client;
import static io.cryptofix.venue.okx.OkxTestVenues.hostClock;
import static io.cryptofix.venue.okx.OkxTestVenues.market;
import static io.cryptofix.venue.okx.OkxTestVenues.now;
import static io.cryptofix.venue.okx.OkxTestVenues.venue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A market order's FIX OrderQty is in the base currency. OKX reads a spot market buy's {@code sz} in
 * the quote currency unless {@code tgtCcy=base_ccy} says otherwise (the fake applies that default),
 * so a buy of 0.001 BTC sent without it would buy 0.001 USDT's worth.
 */
class OkxMarketOrderTest
{
    private final FakeOkx okx = FakeOkx.start(OkxTestVenues.KEY, OkxTestVenues.SECRET, OkxTestVenues.PASSPHRASE);
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private RestVenue venue;

    @BeforeEach
    void start()
    {
        venue = venue(okx, client(okx, hostClock(), false), false);
        venue.connect();
        venue.start(listener, now());
    }

    @AfterEach
    void stop()
    {
        venue.close();
        okx.close();
    }

    @Test
    void aMarketBuySendsItsQuantityInTheBaseCurrencyAndBuysThatMuchBitcoin()
    {
        venue.submit(market(1, Side.BUY, "0.001"), now());

        assertThat(okx.lastPlacement().path("tgtCcy").asText()).isEqualTo("base_ccy");
        assertThat(okx.lastPlacement().path("sz").asText()).isEqualTo("0.001");
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.001@60000.1 fee 0.000001 BTC");
    }

    @Test
    void aMarketSellSendsItsQuantityInTheBaseCurrency()
    {
        venue.submit(market(1, Side.SELL, "0.002"), now());

        assertThat(okx.lastPlacement().path("tgtCcy").asText()).isEqualTo("base_ccy");
        assertThat(okx.lastPlacement().path("sz").asText()).isEqualTo("0.002");
        assertThat(listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.002@59999.9 fee 0.1199998 USDT");
    }

    @Test
    void aLimitOrderNamesNoUnitOkxOnlyReadsForMarketOrders()
    {
        venue.submit(OkxTestVenues.limit(1, Side.BUY, "0.01", "50000"), now());

        assertThat(okx.lastPlacement().has("tgtCcy")).isFalse();
        assertThat(okx.lastPlacement().path("px").asText()).isEqualTo("50000");
    }
}
