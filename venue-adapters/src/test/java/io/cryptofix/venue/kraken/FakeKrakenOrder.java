package io.cryptofix.venue.kraken;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One order at the fake Kraken, with its trades. Callers hold its lock while they read or change it.
 * Fees are Kraken's starting tiers (maker 0.16 %, taker 0.26 % of the trade's cost), in the quote
 * currency as Kraken's trade info documents its {@code fee}.
 */
final class FakeKrakenOrder
{
    static final BigDecimal MAKER_FEE = new BigDecimal("0.0016");
    static final BigDecimal TAKER_FEE = new BigDecimal("0.0026");

    final long sequence;
    final String txid;
    final String userref;
    final String pair;
    final String altname;
    final String type;
    final String ordertype;
    final BigDecimal volume;
    final BigDecimal price;
    final long expiretm;
    final String oflags;
    final double opentm = System.currentTimeMillis() / 1000.0;
    final List<Trade> trades = new ArrayList<>();
    String status = "open";
    String reason;
    BigDecimal trigger;
    boolean triggered;
    BigDecimal executed = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal fee = BigDecimal.ZERO;

    /** One trade of the order, as Kraken's QueryTrades tells it. */
    record Trade(String id, double time, BigDecimal vol, BigDecimal price, BigDecimal cost, BigDecimal fee)
    {
    }

    FakeKrakenOrder(final long sequence, final String txid, final String userref, final String pair, final String altname,
        final String type, final String ordertype, final BigDecimal volume, final BigDecimal price, final long expiretm,
        final String oflags)
    {
        this.sequence = sequence;
        this.txid = txid;
        this.userref = userref;
        this.pair = pair;
        this.altname = altname;
        this.type = type;
        this.ordertype = ordertype;
        this.volume = volume;
        this.price = price;
        this.expiretm = expiretm;
        this.oflags = oflags;
    }

    boolean isOpen()
    {
        return "open".equals(status) || "pending".equals(status);
    }

    /** One trade of {@code qty} at {@code fillPrice}; the order closes when its volume is executed. */
    void fill(final String tradeId, final double time, final BigDecimal qty, final BigDecimal fillPrice, final boolean maker)
    {
        final BigDecimal tradeCost = qty.multiply(fillPrice);
        final BigDecimal tradeFee = tradeCost.multiply(maker ? MAKER_FEE : TAKER_FEE).setScale(4, RoundingMode.HALF_UP);
        trades.add(new Trade(tradeId, time, qty, fillPrice, tradeCost, tradeFee));
        executed = executed.add(qty);
        cost = cost.add(tradeCost);
        fee = fee.add(tradeFee);
        if (executed.compareTo(volume) >= 0)
        {
            status = "closed";
        }
    }

    Map<String, Object> json(final boolean withTrades)
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("refid", null);
        json.put("userref", Long.parseLong(userref));
        json.put("status", status);
        json.put("opentm", opentm);
        json.put("starttm", 0);
        json.put("expiretm", expiretm);
        json.put("descr", Map.of("pair", altname, "type", type, "ordertype", ordertype,
            "price", price.toPlainString(), "price2", "0", "leverage", "none", "order", type + " " + volume, "close", ""));
        json.put("vol", volume.toPlainString());
        json.put("vol_exec", executed.toPlainString());
        json.put("cost", cost.toPlainString());
        json.put("fee", fee.toPlainString());
        json.put("price", executed.signum() == 0 ? "0" :
            cost.divide(executed, 8, RoundingMode.HALF_EVEN).toPlainString());
        json.put("stopprice", "0");
        json.put("limitprice", "0");
        json.put("misc", "");
        json.put("oflags", oflags);
        json.put("reason", reason);
        json.put("closetm", isOpen() ? 0 : System.currentTimeMillis() / 1000.0);
        if (withTrades && !trades.isEmpty())
        {
            json.put("trades", trades.stream().map(Trade::id).toList());
        }
        return json;
    }

    Map<String, Object> tradeJson(final Trade trade)
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("ordertxid", txid);
        json.put("postxid", "TFAKE-POS");
        json.put("pair", pair);
        json.put("time", trade.time());
        json.put("type", type);
        json.put("ordertype", ordertype);
        json.put("price", trade.price().toPlainString());
        json.put("cost", trade.cost().toPlainString());
        json.put("fee", trade.fee().toPlainString());
        json.put("vol", trade.vol().toPlainString());
        json.put("margin", "0.00000");
        json.put("misc", "");
        return json;
    }
}
