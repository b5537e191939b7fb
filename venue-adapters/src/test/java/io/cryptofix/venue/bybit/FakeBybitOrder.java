package io.cryptofix.venue.bybit;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One spot order at the fake Bybit, with the fields Bybit's V5 order list reports. Guarded by its
 * own monitor: the HTTP threads and the test thread both change it.
 */
final class FakeBybitOrder
{
    private static final Set<String> OPEN = Set.of("Created", "New", "PartiallyFilled", "Untriggered", "Triggered");

    final String orderId;
    final String orderLinkId;
    final String side;
    final String orderType;
    final String timeInForce;
    /** What {@code qty} counted as the request said it, or as Bybit's default for it. */
    final String marketUnit;
    final BigDecimal requestedQty;
    /** The base quantity the order is for: the requested one, or a quote amount's worth at entry. */
    final BigDecimal qty;
    final BigDecimal price;
    String status = "New";
    String cancelType = "UNKNOWN";
    String rejectReason = "EC_NoError";
    BigDecimal triggerPrice;
    int triggerDirection;
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal value = BigDecimal.ZERO;
    BigDecimal fees = BigDecimal.ZERO;

    FakeBybitOrder(
        final String orderId, final String orderLinkId, final String side, final String orderType, final String timeInForce,
        final String marketUnit, final BigDecimal requestedQty, final BigDecimal qty, final BigDecimal price)
    {
        this.orderId = orderId;
        this.orderLinkId = orderLinkId;
        this.side = side;
        this.orderType = orderType;
        this.timeInForce = timeInForce;
        this.marketUnit = marketUnit;
        this.requestedQty = requestedQty;
        this.qty = qty;
        this.price = price;
    }

    boolean isOpen()
    {
        return OPEN.contains(status);
    }

    boolean isBuy()
    {
        return "Buy".equals(side);
    }

    /** Ends the order as Bybit would on its own or on request: the status with its cancel type and reason. */
    void end(final String endStatus, final String endCancelType, final String endRejectReason)
    {
        status = endStatus;
        cancelType = endCancelType;
        rejectReason = endRejectReason;
    }

    void fill(final BigDecimal fillQty, final BigDecimal fillPrice, final BigDecimal fee)
    {
        filled = filled.add(fillQty);
        value = value.add(fillQty.multiply(fillPrice));
        fees = fees.add(fee);
        status = filled.compareTo(qty) >= 0 ? "Filled" : "PartiallyFilled";
    }

    Map<String, Object> json()
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("orderId", orderId);
        json.put("orderLinkId", orderLinkId);
        json.put("symbol", "BTCUSDT");
        json.put("side", side);
        json.put("orderType", orderType);
        json.put("timeInForce", timeInForce);
        json.put("price", price.toPlainString());
        json.put("qty", requestedQty.toPlainString());
        json.put("marketUnit", "Market".equals(orderType) ? marketUnit : "");
        json.put("cumExecQty", filled.toPlainString());
        json.put("cumExecValue", value.toPlainString());
        json.put("cumExecFee", fees.toPlainString());
        json.put("leavesQty", isOpen() ? qty.subtract(filled).toPlainString() : "0");
        json.put("orderStatus", status);
        json.put("cancelType", cancelType);
        json.put("rejectReason", rejectReason);
        if (triggerPrice != null)
        {
            json.put("stopOrderType", "Stop");
            json.put("triggerPrice", triggerPrice.toPlainString());
            json.put("triggerDirection", triggerDirection);
        }
        return json;
    }
}
