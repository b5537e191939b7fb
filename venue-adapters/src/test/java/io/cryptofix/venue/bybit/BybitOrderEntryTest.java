package io.cryptofix.venue.bybit;

import io.cryptofix.domain.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.cryptofix.venue.bybit.BybitTestVenue.market;
import static io.cryptofix.venue.bybit.BybitTestVenue.now;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Market orders at Bybit carry the FIX OrderQty in the base coin: Bybit counts a spot market buy's
 * {@code qty} in the quote coin unless the order says {@code marketUnit} baseCoin.
 */
class BybitOrderEntryTest
{
    private final FakeBybit bybit = FakeBybit.start(BybitTestVenue.KEY, BybitTestVenue.SECRET);
    private final BybitTestVenue gateway = BybitTestVenue.on(bybit);

    @BeforeEach
    void start()
    {
        gateway.started();
    }

    @AfterEach
    void stop()
    {
        bybit.close();
    }

    @Test
    void aMarketBuyAsksForItsQuantityInTheBaseCoinAndFillsThatMuchBitcoin()
    {
        gateway.venue.submit(market(1, Side.BUY, "0.01"), now());

        assertThat(bybit.lastOrderRequest().path("marketUnit").asText()).isEqualTo("baseCoin");
        assertThat(bybit.lastOrderRequest().path("qty").asText()).isEqualTo("0.01");
        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.01@60000.01 fee 0.00001 BTC");
    }

    @Test
    void aMarketSellAsksForItsQuantityInTheBaseCoinToo()
    {
        gateway.venue.submit(market(1, Side.SELL, "0.02"), now());

        assertThat(bybit.lastOrderRequest().path("marketUnit").asText()).isEqualTo("baseCoin");
        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.02@59999.99 fee 1.1999998 USDT");
    }

    @Test
    void aLimitOrderCarriesNoMarketUnit()
    {
        gateway.venue.submit(BybitTestVenue.limit(1, Side.BUY, "0.01", "50000"), now());

        assertThat(bybit.lastOrderRequest().has("marketUnit")).isFalse();
        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1");
    }
}
