package io.cryptofix.venue.coinbase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One order at the fake Coinbase, with its fills. Coinbase charges each fill a fee in the quote
 * currency: 0.60% of its value when the order took liquidity, 0.40% when it rested (the lowest
 * volume tier's taker and maker rates). Guarded by its own monitor.
 */
final class FakeCoinbaseOrder
{
    static final BigDecimal TAKER_RATE = new BigDecimal("0.006");
    static final BigDecimal MAKER_RATE = new BigDecimal("0.004");
    private static final AtomicLong TRADE_IDS = new AtomicLong(74_000);

    final String id;
    final String clientOid;
    final String side;
    final String type;
    final BigDecimal size;
    final BigDecimal price;
    final long createdNanos = System.nanoTime();
    final List<Map<String, Object>> fills = new ArrayList<>();
    String timeInForce = "GTC";
    String status = "open";
    String doneReason;
    String rejectReason;
    Instant doneAt;
    Instant expireTime;
    String stop;
    BigDecimal stopPrice;
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal executedValue = BigDecimal.ZERO;
    BigDecimal fees = BigDecimal.ZERO;

    FakeCoinbaseOrder(final String id, final String clientOid, final String side, final String type,
        final BigDecimal size, final BigDecimal price)
    {
        this.id = id;
        this.clientOid = clientOid;
        this.side = side;
        this.type = type;
        this.size = size;
        this.price = price;
    }

    boolean working()
    {
        return "open".equals(status) || "active".equals(status) || "pending".equals(status) || "received".equals(status);
    }

    /** One trade of {@code qty} at {@code fillPrice}; {@code taker}: the order took liquidity. */
    void fill(final BigDecimal qty, final BigDecimal fillPrice, final boolean taker)
    {
        final BigDecimal value = qty.multiply(fillPrice);
        final BigDecimal fee = value.multiply(taker ? TAKER_RATE : MAKER_RATE).setScale(16, RoundingMode.HALF_EVEN)
            .stripTrailingZeros();
        filled = filled.add(qty);
        executedValue = executedValue.add(value);
        fees = fees.add(fee);
        final Map<String, Object> fill = new LinkedHashMap<>();
        fill.put("trade_id", TRADE_IDS.incrementAndGet());
        fill.put("product_id", "BTC-USD");
        fill.put("order_id", id);
        fill.put("user_id", "u1");
        fill.put("profile_id", "p1");
        fill.put("liquidity", taker ? "T" : "M");
        fill.put("price", fillPrice.toPlainString());
        fill.put("size", qty.toPlainString());
        fill.put("fee", fee.toPlainString());
        fill.put("created_at", Instant.now().toString());
        fill.put("side", side);
        fill.put("settled", true);
        fill.put("usd_volume", value.toPlainString());
        fills.add(fill);
        if (filled.compareTo(size) >= 0)
        {
            end("filled");
        }
    }

    void end(final String reason)
    {
        status = "done";
        doneReason = reason;
        doneAt = Instant.now();
    }

    Map<String, Object> json()
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        if (clientOid != null)
        {
            json.put("client_oid", clientOid);
        }
        if (price != null)
        {
            json.put("price", price.toPlainString());
        }
        json.put("size", size.toPlainString());
        json.put("product_id", "BTC-USD");
        json.put("profile_id", "p1");
        json.put("side", side);
        json.put("type", type);
        if (!"pending".equals(status))
        {
            // a pending order is shown without these (Coinbase's docs)
            json.put("time_in_force", timeInForce);
            json.put("post_only", false);
            if (expireTime != null)
            {
                json.put("expire_time", expireTime.toString());
            }
            if (stop != null)
            {
                json.put("stop", stop);
                json.put("stop_price", stopPrice.toPlainString());
            }
        }
        json.put("created_at", Instant.now().toString());
        json.put("fill_fees", fees.toPlainString());
        json.put("filled_size", filled.toPlainString());
        json.put("executed_value", executedValue.toPlainString());
        json.put("status", status);
        json.put("settled", "done".equals(status));
        if (doneReason != null)
        {
            json.put("done_reason", doneReason);
            json.put("done_at", doneAt.toString());
        }
        if (rejectReason != null)
        {
            json.put("reject_reason", rejectReason);
        }
        return json;
    }
}
