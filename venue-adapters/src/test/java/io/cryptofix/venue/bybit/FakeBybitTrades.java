package io.cryptofix.venue.bybit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake Bybit's executions, as {@code /v5/execution/list} reports them: one per trade, with the
 * fee Bybit's spot fee rule charges (non-VIP rate 0.1%, in the coin received: a buy pays in the base
 * coin, a sell in the quote coin), newest first, a page at a time.
 */
final class FakeBybitTrades
{
    static final BigDecimal FEE_RATE = new BigDecimal("0.001");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 100;

    private final List<Map<String, Object>> executions = new ArrayList<>();
    private final AtomicLong nextExecId = new AtomicLong(1);

    /** Trades {@code qty} of the order at {@code price} and records the execution; the caller holds the order's monitor. */
    void trade(final FakeBybitOrder order, final BigDecimal qty, final BigDecimal price, final boolean maker)
    {
        final BigDecimal fee = (order.isBuy() ? qty : qty.multiply(price)).multiply(FEE_RATE)
            .setScale(8, RoundingMode.HALF_UP).stripTrailingZeros();
        order.fill(qty, price, fee);
        final Map<String, Object> execution = new LinkedHashMap<>();
        execution.put("symbol", "BTCUSDT");
        execution.put("orderId", order.orderId);
        execution.put("orderLinkId", order.orderLinkId);
        execution.put("side", order.side);
        execution.put("execId", "e-" + nextExecId.getAndIncrement());
        execution.put("execPrice", price.toPlainString());
        execution.put("execQty", qty.toPlainString());
        execution.put("execValue", qty.multiply(price).toPlainString());
        execution.put("execType", "Trade");
        execution.put("execFee", fee.toPlainString());
        execution.put("feeRate", FEE_RATE.toPlainString());
        execution.put("feeCurrency", order.isBuy() ? "BTC" : "USDT");
        execution.put("isMaker", maker);
        execution.put("execTime", Long.toString(System.currentTimeMillis()));
        synchronized (executions)
        {
            executions.add(execution);
        }
    }

    /** One page of the order's executions, newest first; {@code cursor} is where the last page ended. */
    Map<String, Object> page(final String orderId, final String limit, final String cursor)
    {
        final List<Map<String, Object>> ofOrder = new ArrayList<>();
        synchronized (executions)
        {
            for (int i = executions.size() - 1; i >= 0; i--)
            {
                if (orderId == null || orderId.equals(executions.get(i).get("orderId")))
                {
                    ofOrder.add(executions.get(i));
                }
            }
        }
        final int size = limit == null ? DEFAULT_LIMIT : Math.min(MAX_LIMIT, Integer.parseInt(limit));
        final int from = cursor == null || cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
        final int to = Math.min(ofOrder.size(), from + size);
        return Map.of("category", "spot", "list", ofOrder.subList(from, to),
            "nextPageCursor", to < ofOrder.size() ? Integer.toString(to) : "");
    }
}
