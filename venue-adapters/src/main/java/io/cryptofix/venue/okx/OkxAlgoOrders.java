package io.cryptofix.venue.okx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.SigningKey;
import org.knowm.xchange.okex.dto.OkexResponse;
import si.mazi.rescu.ParamsDigest;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.cryptofix.venue.okx.OkxFormat.instId;
import static io.cryptofix.venue.okx.OkxRefusal.ORDER_DOES_NOT_EXIST;
import static io.cryptofix.venue.okx.OkxRefusal.acceptedAlgo;
import static io.cryptofix.venue.okx.OkxRefusal.checked;

/**
 * OKX's one-way conditional (algo) orders, the venue's native stops: Stop and StopLimit as
 * stop-loss, MarketIfTouched as take-profit. An algo order is known by its {@code algoClOrdId} (the
 * client order id) and {@code algoId} (the venue order id told to the gateway); it is "live" until
 * triggered, then "effective" with the ordinary order it placed, whose state and fills are then the
 * algo order's.
 */
final class OkxAlgoOrders
{
    private static final String MARKET_PRICE = "-1";

    private final OkxAccess access;
    private final OkxOrderEntry orderEntry;
    private final OkxOrders orders;
    // client order ids of the algo orders placed in this run: their state is the algo order's
    private final Set<String> algoOrders = new HashSet<>();
    // client order id to OKX's id of the order the algo order placed on its trigger
    private final Map<String, String> placedOrders = new HashMap<>();

    OkxAlgoOrders(final OkxAccess access, final OkxOrderEntry orderEntry, final OkxOrders orders)
    {
        this.access = access;
        this.orderEntry = orderEntry;
        this.orders = orders;
    }

    /** @return whether the client order id is known to be an algo order's. */
    boolean isAlgo(final String clientOrderId)
    {
        return algoOrders.contains(clientOrderId);
    }

    ExchangeOrder place(final VenueOrder order, final String clientOrderId) throws IOException
    {
        final String trigger = Fixed.toBigDecimal(order.stopPx()).stripTrailingZeros().toPlainString();
        final String orderPrice = order.ordType().hasLimitPrice() ?
            Fixed.toBigDecimal(order.limitPrice()).stripTrailingZeros().toPlainString() : MARKET_PRICE;
        final boolean takeProfit = order.ordType() == OrdType.MARKET_IF_TOUCHED;
        // recorded before the request leaves: an answer lost on the way is looked up as an algo order
        algoOrders.add(clientOrderId);
        final SigningKey.Signing<ParamsDigest> signing = access.signing();
        final JsonNode placed = acceptedAlgo(orderEntry.placeAlgoOrder(signing.apiKey(), signing.signer(), access.timestamp(),
            signing.passphrase(), access.simulated(),
            new OkxAlgoOrderRequest(
                instId(order.symbol()),
                "cash",
                clientOrderId,
                order.side() == Side.BUY ? "buy" : "sell",
                "conditional",
                Fixed.toBigDecimal(order.quantity()).stripTrailingZeros().toPlainString(),
                takeProfit ? null : trigger,
                takeProfit ? null : orderPrice,
                takeProfit ? trigger : null,
                takeProfit ? orderPrice : null)));
        return new ExchangeOrder(placed.path("algoId").asText(), clientOrderId, ExchangeOrder.State.OPEN,
            BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Cancels an algo order not yet triggered, or the order it placed once triggered. */
    ExchangeOrder cancel(final String symbol, final String clientOrderId) throws IOException
    {
        final JsonNode algo = algoOrder(clientOrderId);
        if (algo == null)
        {
            throw new OkxRefusal(ORDER_DOES_NOT_EXIST, "Order does not exist");
        }
        final String placedOrderId = algo.path("ordId").asText("");
        if ("effective".equals(algo.path("state").asText()) && !placedOrderId.isEmpty())
        {
            final ExchangeOrder placed = orders.cancel(symbol, placedOrderId, null);
            return new ExchangeOrder(algo.path("algoId").asText(), clientOrderId, placed.state(), placed.executedQty(),
                placed.executedQuote());
        }
        final SigningKey.Signing<ParamsDigest> signing = access.signing();
        acceptedAlgo(orderEntry.cancelAlgoOrders(signing.apiKey(), signing.signer(), access.timestamp(), signing.passphrase(),
            access.simulated(), List.of(new OkxAlgoCancel(algo.path("algoId").asText(), instId(symbol)))));
        final ExchangeOrder canceled = find(symbol, clientOrderId);
        return canceled != null ? canceled : new ExchangeOrder(algo.path("algoId").asText(), clientOrderId,
            ExchangeOrder.State.CANCELED, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * An algo order: open until triggered ({@code live}, or {@code pause}d by OKX), then what the
     * order it placed is ({@code effective}; {@code partially_effective} and {@code partially_failed}
     * too when that order exists); canceled, or refused when OKX could not place its order
     * ({@code order_failed}); a state not known here is reported as such.
     *
     * @return null when OKX has no algo order with this client order id.
     */
    ExchangeOrder find(final String symbol, final String clientOrderId) throws IOException
    {
        final JsonNode algo = algoOrder(clientOrderId);
        if (algo == null)
        {
            return null;
        }
        final String algoId = algo.path("algoId").asText();
        final String state = algo.path("state").asText("");
        final String placedOrderId = algo.path("ordId").asText("");
        if (!placedOrderId.isEmpty())
        {
            placedOrders.put(clientOrderId, placedOrderId);
        }
        switch (state)
        {
            case "live":
            case "pause":
                return algoOrder(algoId, clientOrderId, ExchangeOrder.State.OPEN, state, null);
            case "canceled":
                return algoOrder(algoId, clientOrderId, ExchangeOrder.State.CANCELED, state, null);
            case "order_failed":
                return algoOrder(algoId, clientOrderId, ExchangeOrder.State.REJECTED, state,
                    "OKX could not place the order on its trigger (order_failed" + failure(algo) + ")");
            case "effective":
            case "partially_effective":
            case "partially_failed":
                final ExchangeOrder placed = placedOrderId.isEmpty() ? null : orders.find(symbol, placedOrderId, null);
                if (placed != null)
                {
                    return new ExchangeOrder(algoId, clientOrderId, placed.state(), placed.executedQty(),
                        placed.executedQuote(), placed.venueStatus(), placed.reason());
                }
                return "partially_failed".equals(state) ?
                    algoOrder(algoId, clientOrderId, ExchangeOrder.State.REJECTED, state,
                        "OKX could not place the order on its trigger (partially_failed" + failure(algo) + ")") :
                    algoOrder(algoId, clientOrderId, ExchangeOrder.State.OPEN, state, null);
            default:
                return algoOrder(algoId, clientOrderId, ExchangeOrder.State.UNKNOWN, state,
                    "OKX reports the algo order as '" + state + "', a state the gateway does not know");
        }
    }

    /** @return OKX's id of the order the algo order placed on its trigger, once seen; else null. */
    String placedOrderId(final String clientOrderId)
    {
        return placedOrders.get(clientOrderId);
    }

    private static ExchangeOrder algoOrder(
        final String algoId, final String clientOrderId, final ExchangeOrder.State state, final String venueStatus,
        final String reason)
    {
        return new ExchangeOrder(algoId, clientOrderId, state, BigDecimal.ZERO, BigDecimal.ZERO, venueStatus, reason);
    }

    /** OKX's error code for a failed trigger, when it gave one. */
    private static String failure(final JsonNode algo)
    {
        final String code = algo.path("failCode").asText("");
        return code.isEmpty() ? "" : ", " + code;
    }

    /**
     * An order OKX does not know as an ordinary one may be an algo order placed before a restart:
     * this run learns it is one here, and knows it as one from then on.
     *
     * @return the algo order, or null when OKX has no algo order with this client order id either.
     */
    ExchangeOrder findPlacedBeforeRestart(final String symbol, final String clientOrderId) throws IOException
    {
        if (algoOrder(clientOrderId) == null)
        {
            return null;
        }
        algoOrders.add(clientOrderId);
        return find(symbol, clientOrderId);
    }

    /** @return OKX's view of the algo order, or null when it has none with this client order id. */
    private JsonNode algoOrder(final String clientOrderId) throws IOException
    {
        final SigningKey.Signing<ParamsDigest> signing = access.signing();
        final OkexResponse<List<JsonNode>> response = orderEntry.algoOrder(signing.apiKey(), signing.signer(), access.timestamp(),
            signing.passphrase(), access.simulated(), null, clientOrderId);
        if (ORDER_DOES_NOT_EXIST.equals(response.getCode()))
        {
            return null;
        }
        final List<JsonNode> algos = checked(response);
        return algos.isEmpty() ? null : algos.get(0);
    }
}
