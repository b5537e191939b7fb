package io.cryptofix.venue.okx;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake OKX's one-way conditional (algo) orders ({@code /trade/order-algo}): "live" until the price
 * reaches their stop-loss or take-profit trigger, then they place an ordinary order and turn
 * "effective"; one whose trigger lies on the wrong side of the price is refused with OKX's
 * 51277-51280 (the price a trigger watches is the ask for buys, the bid for sells).
 */
final class FakeOkxAlgos
{
    private final Map<String, Algo> algos = new ConcurrentHashMap<>();
    private final AtomicLong ids;
    private final FakeOkxOrders orders;

    FakeOkxAlgos(final AtomicLong ids, final FakeOkxOrders orders)
    {
        this.ids = ids;
        this.orders = orders;
    }

    /** Algo orders whose trigger the new price reaches place their orders. */
    void priceMoved()
    {
        final BigDecimal bid = orders.bid();
        final BigDecimal ask = orders.ask();
        for (final Algo algo : algos.values())
        {
            synchronized (algo)
            {
                final boolean buy = "buy".equals(algo.side);
                final BigDecimal touch = buy ? ask : bid;
                // a buy's stop-loss lies above the price and its take-profit below; a sell's the other way
                final boolean above = algo.stopLoss == buy;
                if ("live".equals(algo.state) &&
                    (above ? touch.compareTo(algo.triggerPx) >= 0 : touch.compareTo(algo.triggerPx) <= 0))
                {
                    final boolean market = algo.orderPx.signum() < 0;
                    final FakeOkxOrders.Order order = orders.add("", algo.side, market ? "market" : "limit", algo.size,
                        market ? BigDecimal.ZERO : algo.orderPx);
                    if (market || (buy ? algo.orderPx.compareTo(touch) >= 0 : algo.orderPx.compareTo(touch) <= 0))
                    {
                        orders.trade(order, algo.size, touch, FakeOkxOrders.TAKER_FEE);
                    }
                    algo.ordId = order.ordId;
                    algo.state = "effective";
                }
            }
        }
    }

    int withAlgoClOrdId(final String algoClOrdId)
    {
        return (int)algos.values().stream().filter(algo -> algoClOrdId.equals(algo.algoClOrdId)).count();
    }

    /** Ends an algo order in {@code state} as OKX would on its own (e.g. {@code order_failed}). */
    void end(final String algoClOrdId, final String state, final String failCode)
    {
        for (final Algo algo : algos.values())
        {
            synchronized (algo)
            {
                if (algoClOrdId.equals(algo.algoClOrdId))
                {
                    algo.state = state;
                    algo.failCode = failCode;
                }
            }
        }
    }

    Map<String, Object> place(final JsonNode request)
    {
        final String algoClOrdId = request.path("algoClOrdId").asText("");
        if (!"BTC-USDT".equals(request.path("instId").asText()))
        {
            return failure("51001", "Instrument ID does not exist.");
        }
        if (!"conditional".equals(request.path("ordType").asText()))
        {
            return failure("51000", "Parameter ordType error");
        }
        if (!algoClOrdId.isEmpty() && withAlgoClOrdId(algoClOrdId) > 0)
        {
            return failure("51016", "Duplicated clOrdId");
        }
        final boolean buy = "buy".equals(request.path("side").asText());
        final boolean stopLoss = request.hasNonNull("slTriggerPx");
        final BigDecimal trigger = new BigDecimal(request.path(stopLoss ? "slTriggerPx" : "tpTriggerPx").asText());
        final BigDecimal orderPx = new BigDecimal(request.path(stopLoss ? "slOrdPx" : "tpOrdPx").asText("-1"));
        final String problem = triggerProblem(buy, stopLoss, trigger, buy ? orders.ask() : orders.bid());
        if (problem != null)
        {
            final String[] codeAndMessage = problem.split(":", 2);
            return failure(codeAndMessage[0], codeAndMessage[1]);
        }
        final Algo algo = new Algo(Long.toString(ids.getAndIncrement()), algoClOrdId, request.path("side").asText(),
            new BigDecimal(request.path("sz").asText()), stopLoss, trigger, orderPx);
        algos.put(algo.algoId, algo);
        return FakeOkxOrders.ok(List.of(Map.of("algoId", algo.algoId, "algoClOrdId", algoClOrdId, "sCode", "0", "sMsg", "")));
    }

    /** OKX's rule for a one-way conditional order: a buy's stop-loss above the price, its take-profit below. */
    private static String triggerProblem(final boolean buy, final boolean stopLoss, final BigDecimal trigger,
        final BigDecimal price)
    {
        if (buy && !stopLoss && trigger.compareTo(price) >= 0)
        {
            return "51277:TP trigger price cannot be higher than the last price";
        }
        if (buy && stopLoss && trigger.compareTo(price) <= 0)
        {
            return "51278:SL trigger price cannot be lower than the last price";
        }
        if (!buy && !stopLoss && trigger.compareTo(price) <= 0)
        {
            return "51279:TP trigger price cannot be lower than the last price";
        }
        if (!buy && stopLoss && trigger.compareTo(price) >= 0)
        {
            return "51280:SL trigger price cannot be higher than the last price";
        }
        return null;
    }

    Map<String, Object> query(final Map<String, String> params)
    {
        Algo found = params.get("algoId") == null ? null : algos.get(params.get("algoId"));
        for (final Algo algo : algos.values())
        {
            if (found == null && algo.algoClOrdId.equals(params.get("algoClOrdId")))
            {
                found = algo;
            }
        }
        if (found == null)
        {
            return Map.of("code", "51603", "msg", "Order does not exist", "data", List.of());
        }
        synchronized (found)
        {
            return FakeOkxOrders.ok(List.of(found.json()));
        }
    }

    Map<String, Object> cancel(final JsonNode request)
    {
        final JsonNode first = request.path(0);
        final Algo algo = algos.get(first.path("algoId").asText(""));
        if (algo == null || !"BTC-USDT".equals(first.path("instId").asText()))
        {
            return failure("51400", "Cancellation failed as the order does not exist.");
        }
        synchronized (algo)
        {
            if (!"live".equals(algo.state))
            {
                return failure("51400", "Cancellation failed as the order has been triggered or canceled.");
            }
            algo.state = "canceled";
        }
        return FakeOkxOrders.ok(List.of(Map.of("algoId", algo.algoId, "sCode", "0", "sMsg", "")));
    }

    private static Map<String, Object> failure(final String code, final String message)
    {
        return Map.of("code", "1", "msg", "Operation failed.", "data",
            List.of(Map.of("algoId", "", "sCode", code, "sMsg", message)));
    }

    /** One conditional algo order at the fake venue; guarded by its own monitor. */
    private static final class Algo
    {
        final String algoId;
        final String algoClOrdId;
        final String side;
        final BigDecimal size;
        final boolean stopLoss;
        final BigDecimal triggerPx;
        // -1: a market order on trigger
        final BigDecimal orderPx;
        String state = "live";
        String ordId = "";
        String failCode = "";

        Algo(final String algoId, final String algoClOrdId, final String side, final BigDecimal size,
            final boolean stopLoss, final BigDecimal triggerPx, final BigDecimal orderPx)
        {
            this.algoId = algoId;
            this.algoClOrdId = algoClOrdId;
            this.side = side;
            this.size = size;
            this.stopLoss = stopLoss;
            this.triggerPx = triggerPx;
            this.orderPx = orderPx;
        }

        Map<String, Object> json()
        {
            final Map<String, Object> json = new LinkedHashMap<>();
            json.put("instType", "SPOT");
            json.put("instId", "BTC-USDT");
            json.put("algoId", algoId);
            json.put("algoClOrdId", algoClOrdId);
            json.put("ordType", "conditional");
            json.put("side", side);
            json.put("sz", size.toPlainString());
            json.put(stopLoss ? "slTriggerPx" : "tpTriggerPx", triggerPx.toPlainString());
            json.put(stopLoss ? "slOrdPx" : "tpOrdPx", orderPx.toPlainString());
            json.put("state", state);
            json.put("ordId", ordId);
            json.put("failCode", failCode);
            json.put("cTime", Long.toString(System.currentTimeMillis()));
            return json;
        }
    }
}
