package io.cryptofix.venue.okx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.SigningKey;
import org.knowm.xchange.okex.OkexAuthenticated;
import org.knowm.xchange.okex.dto.OkexResponse;
import org.knowm.xchange.okex.dto.trade.OkexCancelOrderRequest;
import org.knowm.xchange.okex.dto.trade.OkexOrderDetails;
import org.knowm.xchange.okex.dto.trade.OkexOrderResponse;
import si.mazi.rescu.ParamsDigest;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.cryptofix.venue.okx.OkxFormat.decimal;
import static io.cryptofix.venue.okx.OkxFormat.instId;
import static io.cryptofix.venue.okx.OkxRefusal.ORDER_DOES_NOT_EXIST;
import static io.cryptofix.venue.okx.OkxRefusal.accepted;
import static io.cryptofix.venue.okx.OkxRefusal.checked;

/**
 * OKX's ordinary spot orders ({@code tdMode=cash}: market, limit, post_only, ioc, fok): placed
 * through {@link OkxOrderEntry} so that they carry the client order id, canceled by OKX's order id,
 * read through XChange's OKX interface.
 */
final class OkxOrders
{
    /** How an order is looked up after its placement or cancel: as any order is, ordinary or algo. */
    @FunctionalInterface
    interface Lookup
    {
        ExchangeOrder find(String symbol, String venueOrderId, String clientOrderId) throws IOException;
    }

    private static final String BASE_CURRENCY = "base_ccy";

    private final OkxAccess access;
    private final OkexAuthenticated okx;
    private final OkxOrderEntry orderEntry;
    private final Lookup lookup;

    OkxOrders(final OkxAccess access, final OkexAuthenticated okx, final OkxOrderEntry orderEntry, final Lookup lookup)
    {
        this.access = access;
        this.okx = okx;
        this.orderEntry = orderEntry;
        this.lookup = lookup;
    }

    ExchangeOrder place(final VenueOrder order, final String clientOrderId) throws IOException
    {
        final boolean market = order.ordType() == OrdType.MARKET;
        final SigningKey.Signing<ParamsDigest> signing = access.signing();
        final OkexResponse<List<OkexOrderResponse>> response = orderEntry.placeOrder(signing.apiKey(), signing.signer(),
            access.timestamp(), signing.passphrase(), access.simulated(), new OkxOrderRequest(
                instId(order.symbol()),
                "cash",
                clientOrderId,
                order.side() == Side.BUY ? "buy" : "sell",
                market ? "market" : ordType(order),
                Fixed.toBigDecimal(order.quantity()).stripTrailingZeros().toPlainString(),
                market ? null : Fixed.toBigDecimal(order.limitPrice()).stripTrailingZeros().toPlainString(),
                // FIX OrderQty is in the base currency; OKX reads a market buy's sz in the quote one unless told
                market ? BASE_CURRENCY : null));
        final OkexOrderResponse placed = accepted(response);
        // OKX answers a placement with its id: what it did with the order takes one more look
        final ExchangeOrder found = lookup.find(order.symbol(), placed.getOrderId(), clientOrderId);
        return found != null ? found :
            new ExchangeOrder(placed.getOrderId(), clientOrderId, ExchangeOrder.State.OPEN, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * @param venueOrderId  null when OKX never told it: the client order id finds the order first.
     */
    ExchangeOrder cancel(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        String orderId = venueOrderId;
        if (orderId == null)
        {
            final ExchangeOrder found = lookup.find(symbol, null, clientOrderId);
            if (found == null)
            {
                throw new OkxRefusal(ORDER_DOES_NOT_EXIST, "Order does not exist");
            }
            orderId = found.venueOrderId();
        }
        // by the venue's id: XChange 5.2.0 sends the client order id of a cancel under a name OKX ignores
        final SigningKey.Signing<ParamsDigest> signing = access.signing();
        accepted(okx.cancelOrder(signing.apiKey(), signing.signer(), access.timestamp(), signing.passphrase(), access.simulated(),
            OkexCancelOrderRequest.builder().instrumentId(instId(symbol)).orderId(orderId).build()));
        final ExchangeOrder canceled = lookup.find(symbol, orderId, clientOrderId);
        return canceled != null ? canceled :
            new ExchangeOrder(orderId, clientOrderId, ExchangeOrder.State.CANCELED, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** @return the ordinary order, by OKX's id or else the client's, or null when OKX has none. */
    ExchangeOrder find(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        // read as JSON: XChange's order object drops cancelSource and cancelSourceReason
        final SigningKey.Signing<ParamsDigest> signing = access.signing();
        final OkexResponse<List<JsonNode>> response = orderEntry.order(signing.apiKey(), signing.signer(),
            access.timestamp(), signing.passphrase(), access.simulated(), instId(symbol), venueOrderId,
            venueOrderId == null ? clientOrderId : null);
        if (ORDER_DOES_NOT_EXIST.equals(response.getCode()))
        {
            return null;
        }
        final List<JsonNode> orders = checked(response);
        return orders == null || orders.isEmpty() ? null : OkxOrderStates.order(orders.get(0));
    }

    /** The account's open spot orders, whoever placed them. */
    List<ExchangeOrder> open() throws IOException
    {
        final List<ExchangeOrder> open = new ArrayList<>();
        final SigningKey.Signing<ParamsDigest> signing = access.signing();
        for (final OkexOrderDetails order : checked(okx.getPendingOrders(signing.apiKey(), signing.signer(),
            access.timestamp(), signing.passphrase(), access.simulated(), "SPOT", null, null, null, null, null, null, null)))
        {
            open.add(OkxOrderStates.order(order.getOrderId(), order.getClientOrderId(), order.getState(),
                decimal(order.getAccumulatedFill()), decimal(order.getAverageFilledPrice()), "", ""));
        }
        return open;
    }

    private static String ordType(final VenueOrder order)
    {
        if (order.postOnly())
        {
            return "post_only";
        }
        switch (order.timeInForce())
        {
            case IMMEDIATE_OR_CANCEL: return "ioc";
            case FILL_OR_KILL: return "fok";
            default: return "limit";
        }
    }
}
