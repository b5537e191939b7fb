package io.cryptofix.venue.bybit;

import io.cryptofix.domain.Side;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.VenueTrade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static io.cryptofix.venue.bybit.BybitTestVenue.SYMBOL;
import static io.cryptofix.venue.bybit.BybitTestVenue.limit;
import static io.cryptofix.venue.bybit.BybitTestVenue.now;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order's trades from Bybit's execution list, each with its price and fee: Bybit charges a spot
 * fee in the coin received, the base coin on a buy and the quote coin on a sell.
 */
class BybitTradesTest
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
    void anOrderFilledInTwoTradesHasTwoTradesOldestFirstEachWithItsFeeInTheCoinReceived() throws Exception
    {
        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        gateway.venue.submit(limit(2, Side.SELL, "0.01", "70000"), now());

        bybit.fillInTrades("cfx-T1-1-0", "0.004@50000", "0.006@49999.5");
        bybit.fillInTrades("cfx-T1-2-0", "0.01@70000");

        assertThat(trades("cfx-T1-1-0")).extracting(BybitTradesTest::line)
            .containsExactly("0.004@50000 fee 0.000004 BTC", "0.006@49999.5 fee 0.000006 BTC");
        assertThat(trades("cfx-T1-2-0")).extracting(BybitTradesTest::line).containsExactly("0.01@70000 fee 0.7 USDT");
        assertThat(trades("cfx-T1-1-0")).extracting(VenueTrade::tradeId).doesNotHaveDuplicates();
    }

    @Test
    void moreTradesThanOnePageAreAllRead() throws Exception
    {
        gateway.venue.submit(limit(1, Side.BUY, "1.5", "50000"), now());
        final String[] fills = new String[150];
        Arrays.fill(fills, "0.01@50000");
        bybit.fillInTrades("cfx-T1-1-0", fills);

        final List<VenueTrade> trades = trades("cfx-T1-1-0");

        assertThat(trades).hasSize(150);
        assertThat(trades.stream().map(VenueTrade::qty).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1.5");
        assertThat(bybit.requests("GET /v5/execution/list")).isEqualTo(2);
    }

    private List<VenueTrade> trades(final String orderLinkId) throws Exception
    {
        final ExchangeOrder order = gateway.client.find(SYMBOL, null, orderLinkId);
        return gateway.client.trades(SYMBOL, order);
    }

    private static String line(final VenueTrade trade)
    {
        return trade.qty().stripTrailingZeros().toPlainString() + "@" + trade.price().stripTrailingZeros().toPlainString() +
            " fee " + trade.commission().stripTrailingZeros().toPlainString() + " " + trade.commissionAsset();
    }
}
