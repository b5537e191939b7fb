package io.cryptofix.venue.okx;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake OKX's ordinary spot orders and their fills, written from OKX's v5 documentation: an order's
 * {@code sz} is in the base currency, except a market order's, whose unit {@code tgtCcy} names and
 * which defaults to the quote currency for a buy ({@code base_ccy} for a sell); {@code accFillSz} is
 * always in the base currency. Each trade is a fill of its own ({@code /trade/fills}, newest first)
 * with OKX's fee, negative when charged: a taker pays 0.1%, a maker 0.08%, in the currency it
 * receives (BTC on a buy, USDT on a sell). An order ends {@code filled}, {@code canceled} (with
 * {@code cancelSource} and {@code cancelSourceReason}) or {@code mmp_canceled}. Answers are the JSON
 * bodies OKX sends with HTTP 200.
 */
final class FakeOkxOrders
{
    static final BigDecimal TAKER_FEE = new BigDecimal("0.001");
    static final BigDecimal MAKER_FEE = new BigDecimal("0.0008");
    private static final BigDecimal MIN_SIZE = new BigDecimal("0.00001");
    private static final BigDecimal BALANCE = new BigDecimal("100000");
    private static final int LOT_SCALE = 8;

    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final AtomicLong ids;
    private final AtomicLong tradeIds = new AtomicLong(744_876_980L);
    private volatile BigDecimal bid = new BigDecimal("59999.9");
    private volatile BigDecimal ask = new BigDecimal("60000.1");
    private volatile JsonNode lastPlacement;

    FakeOkxOrders(final AtomicLong ids)
    {
        this.ids = ids;
    }

    BigDecimal bid()
    {
        return bid;
    }

    BigDecimal ask()
    {
        return ask;
    }

    void market(final BigDecimal newBid, final BigDecimal newAsk)
    {
        bid = newBid;
        ask = newAsk;
    }

    /** @return the body of the last placement request, as the fake received it. */
    JsonNode lastPlacement()
    {
        return lastPlacement;
    }

    Map<String, Object> place(final JsonNode request)
    {
        lastPlacement = request;
        final String clOrdId = request.path("clOrdId").asText("");
        if (!"BTC-USDT".equals(request.path("instId").asText()))
        {
            return failure(clOrdId, "51001", "Instrument ID does not exist.");
        }
        if (!clOrdId.isEmpty() && withClOrdId(clOrdId) > 0)
        {
            return failure(clOrdId, "51016", "Duplicated clOrdId");
        }
        final String ordType = request.path("ordType").asText();
        final boolean market = "market".equals(ordType);
        final boolean buy = "buy".equals(request.path("side").asText());
        final BigDecimal touch = buy ? ask : bid;
        final BigDecimal price = market ? touch : new BigDecimal(request.path("px").asText());
        // OKX's default unit of a market order's sz: the quote currency for a buy, the base for a sell
        final String tgtCcy = market ? request.path("tgtCcy").asText(buy ? "quote_ccy" : "base_ccy") : "";
        final BigDecimal sz = new BigDecimal(request.path("sz").asText());
        final BigDecimal size = "quote_ccy".equals(tgtCcy) ? sz.divide(touch, LOT_SCALE, RoundingMode.DOWN) : sz;
        if (size.compareTo(MIN_SIZE) < 0)
        {
            return failure(clOrdId, "51020", "Your order should meet or exceed the minimum order amount.");
        }
        if (buy && size.multiply(price).compareTo(BALANCE) > 0)
        {
            return failure(clOrdId, "51008", "Order failed. Insufficient USDT balance in account.");
        }
        final boolean crosses = market || (buy ? price.compareTo(touch) >= 0 : price.compareTo(touch) <= 0);
        final Order order = add(clOrdId, request.path("side").asText(), ordType, size, market ? BigDecimal.ZERO : price);
        synchronized (order)
        {
            order.sz = sz;
            order.tgtCcy = tgtCcy;
            if ("post_only".equals(ordType) && crosses)
            {
                // OKX takes the order and cancels it rather than let it take liquidity
                order.end("canceled", "31", "Post-only order would take liquidity");
            }
            else if (crosses)
            {
                order.trade(size, touch, TAKER_FEE, tradeIds.getAndIncrement());
            }
            else if ("ioc".equals(ordType))
            {
                order.end("canceled", "14", "Rest of an IOC order canceled");
            }
            else if ("fok".equals(ordType))
            {
                order.end("canceled", "13", "FOK order not filled in full");
            }
        }
        return ok(List.of(Map.of("ordId", order.ordId, "clOrdId", clOrdId, "tag", "", "sCode", "0",
            "sMsg", "Order placed")));
    }

    /** A new live order, e.g. the one a triggered algo order places. */
    Order add(final String clOrdId, final String side, final String ordType, final BigDecimal size, final BigDecimal price)
    {
        final Order order = new Order(Long.toString(ids.getAndIncrement()), clOrdId, side, ordType, size, price);
        orders.put(order.ordId, order);
        return order;
    }

    /** Trades an order as a maker (another participant took it). */
    void trade(final Order order, final BigDecimal qty, final BigDecimal price, final BigDecimal feeRate)
    {
        synchronized (order)
        {
            order.trade(qty, price, feeRate, tradeIds.getAndIncrement());
        }
    }

    Map<String, Object> query(final Map<String, String> params)
    {
        final Order order = find(params.get("ordId"), params.get("clOrdId"));
        if (order == null)
        {
            return Map.of("code", "51603", "msg", "Order does not exist", "data", List.of());
        }
        synchronized (order)
        {
            return ok(List.of(order.json()));
        }
    }

    Map<String, Object> pending()
    {
        final List<Map<String, Object>> pending = new ArrayList<>();
        for (final Order order : orders.values())
        {
            synchronized (order)
            {
                if (order.working())
                {
                    pending.add(order.json());
                }
            }
        }
        return ok(pending);
    }

    Map<String, Object> cancel(final JsonNode request)
    {
        final Order order = find(request.path("ordId").asText(null), request.path("clOrdId").asText(null));
        final String cannot = "Order cancellation failed as the order has been filled, canceled or does not exist.";
        if (order == null)
        {
            return failure("", "51400", cannot);
        }
        synchronized (order)
        {
            if (!order.working())
            {
                return failure(order.clOrdId, "51400", cannot);
            }
            order.end("canceled", "1", "Canceled by the user");
        }
        return ok(List.of(Map.of("ordId", order.ordId, "clOrdId", order.clOrdId, "sCode", "0", "sMsg", "")));
    }

    /** The account's fills, newest first (by bill id), of one order if asked, a page of {@code limit} after {@code after}. */
    Map<String, Object> fills(final Map<String, String> params)
    {
        final List<Map<String, Object>> fills = new ArrayList<>();
        for (final Order order : orders.values())
        {
            synchronized (order)
            {
                if (params.get("ordId") == null || order.ordId.equals(params.get("ordId")))
                {
                    fills.addAll(order.fills);
                }
            }
        }
        fills.sort(Comparator.comparing((Map<String, Object> fill) -> Long.parseLong((String)fill.get("billId"))).reversed());
        final long after = params.get("after") == null ? Long.MAX_VALUE : Long.parseLong(params.get("after"));
        final int limit = params.get("limit") == null ? 100 : Integer.parseInt(params.get("limit"));
        return ok(fills.stream().filter(fill -> Long.parseLong((String)fill.get("billId")) < after).limit(limit).toList());
    }

    Order find(final String ordId, final String clOrdId)
    {
        if (ordId != null && !ordId.isEmpty())
        {
            return orders.get(ordId);
        }
        Order latest = null;
        for (final Order order : orders.values())
        {
            // OKX: a client order id used more than once finds the latest order
            if (clOrdId != null && clOrdId.equals(order.clOrdId) &&
                (latest == null || Long.parseLong(order.ordId) > Long.parseLong(latest.ordId)))
            {
                latest = order;
            }
        }
        return latest;
    }

    Order last()
    {
        return orders.values().stream().max(Comparator.comparing(order -> Long.parseLong(order.ordId))).orElse(null);
    }

    int withClOrdId(final String clOrdId)
    {
        return (int)orders.values().stream().filter(order -> clOrdId.equals(order.clOrdId)).count();
    }

    static Map<String, Object> ok(final Object data)
    {
        return Map.of("code", "0", "msg", "", "data", data);
    }

    private static Map<String, Object> failure(final String clOrdId, final String code, final String message)
    {
        return Map.of("code", "1", "msg", "Operation failed.", "data",
            List.of(Map.of("ordId", "", "clOrdId", clOrdId, "tag", "", "sCode", code, "sMsg", message)));
    }

    /** One order at the fake venue; guarded by its own monitor. */
    static final class Order
    {
        final String ordId;
        final String clOrdId;
        final String side;
        final String ordType;
        // in the base currency
        final BigDecimal size;
        final BigDecimal price;
        // as placed, in tgtCcy's unit
        BigDecimal sz;
        String tgtCcy = "";
        String state = "live";
        String cancelSource = "";
        String cancelSourceReason = "";
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal fee = BigDecimal.ZERO;
        final List<Map<String, Object>> fills = new ArrayList<>();

        Order(final String ordId, final String clOrdId, final String side, final String ordType, final BigDecimal size,
            final BigDecimal price)
        {
            this.ordId = ordId;
            this.clOrdId = clOrdId;
            this.side = side;
            this.ordType = ordType;
            this.size = size;
            this.sz = size;
            this.price = price;
        }

        boolean working()
        {
            return "live".equals(state) || "partially_filled".equals(state);
        }

        void end(final String endState, final String source, final String reason)
        {
            state = endState;
            cancelSource = source;
            cancelSourceReason = reason;
        }

        /** One trade: the fee is charged in what the order receives, BTC on a buy and USDT on a sell. */
        void trade(final BigDecimal qty, final BigDecimal fillPrice, final BigDecimal feeRate, final long tradeId)
        {
            final boolean buy = "buy".equals(side);
            final BigDecimal tradeFee = (buy ? qty : qty.multiply(fillPrice)).multiply(feeRate).negate().stripTrailingZeros();
            filled = filled.add(qty);
            value = value.add(qty.multiply(fillPrice));
            fee = fee.add(tradeFee);
            state = filled.compareTo(size) >= 0 ? "filled" : "partially_filled";
            final Map<String, Object> fill = new LinkedHashMap<>();
            fill.put("instType", "SPOT");
            fill.put("instId", "BTC-USDT");
            fill.put("tradeId", Long.toString(tradeId));
            fill.put("ordId", ordId);
            fill.put("clOrdId", clOrdId);
            fill.put("billId", Long.toString(tradeId * 10));
            fill.put("tag", "");
            fill.put("fillPx", fillPrice.toPlainString());
            fill.put("fillSz", qty.toPlainString());
            fill.put("side", side);
            fill.put("posSide", "net");
            fill.put("execType", feeRate.compareTo(MAKER_FEE) == 0 ? "M" : "T");
            fill.put("feeCcy", buy ? "BTC" : "USDT");
            fill.put("fee", tradeFee.toPlainString());
            fill.put("ts", Long.toString(System.currentTimeMillis()));
            fills.add(fill);
        }

        Map<String, Object> json()
        {
            final Map<String, Object> json = new LinkedHashMap<>();
            json.put("instType", "SPOT");
            json.put("instId", "BTC-USDT");
            json.put("ordId", ordId);
            json.put("clOrdId", clOrdId);
            json.put("px", "market".equals(ordType) ? "" : price.toPlainString());
            json.put("sz", sz.toPlainString());
            json.put("tgtCcy", tgtCcy);
            json.put("ordType", ordType);
            json.put("side", side);
            json.put("tdMode", "cash");
            json.put("accFillSz", filled.toPlainString());
            json.put("avgPx", filled.signum() == 0 ? "" : value.divide(filled, 8, RoundingMode.HALF_EVEN).toPlainString());
            json.put("fee", fee.toPlainString());
            json.put("feeCcy", "buy".equals(side) ? "BTC" : "USDT");
            json.put("state", state);
            json.put("cancelSource", cancelSource);
            json.put("cancelSourceReason", cancelSourceReason);
            json.put("cTime", Long.toString(System.currentTimeMillis()));
            json.put("uTime", Long.toString(System.currentTimeMillis()));
            return json;
        }
    }
}
