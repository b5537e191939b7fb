package io.cryptofix.venue.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.SigningKey;
import io.cryptofix.venue.rest.VenueTrade;
import org.knowm.xchange.binance.dto.BinanceException;
import si.mazi.rescu.ParamsDigest;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Binance spot order entry: placing an order with its client order id, canceling it and reading it
 * back by Binance's id or by the client order id alone ({@code GET /api/v3/order?origClientOrderId=},
 * weight 4, any age), and reading an order's trades with their fees ({@code myTrades}).
 */
final class BinanceOrders
{
    /** Binance's "Order does not exist." for a query. */
    static final int NO_SUCH_ORDER = -2013;

    private final BinanceAccess access;

    BinanceOrders(final BinanceAccess access)
    {
        this.access = access;
    }

    ExchangeOrder place(final VenueOrder order, final String clientOrderId) throws IOException
    {
        final String type = type(order);
        final boolean limitPrice = order.ordType().hasLimitPrice();
        // quantity is always the base currency's: a market buy by quoteOrderQty would spend OrderQty in USDT
        final SigningKey.Signing<ParamsDigest> signing = access.signing();
        final JsonNode placed = access.api.newOrder(
            symbol(order.symbol()),
            order.side() == Side.BUY ? "BUY" : "SELL",
            type,
            "LIMIT".equals(type) || "STOP_LOSS_LIMIT".equals(type) ? timeInForce(order) : null,
            decimal(order.quantity()),
            limitPrice ? decimal(order.limitPrice()) : null,
            clientOrderId,
            order.ordType().hasTrigger() ? decimal(order.stopPx()) : null,
            "RESULT",
            access.recvWindow, access.timestamp, signing.apiKey(), signing.signer());
        return BinanceOrderStatus.order(placed, "clientOrderId");
    }

    /**
     * @param venueOrderId  null when Binance never told it: the client order id names the order.
     */
    ExchangeOrder cancel(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        final SigningKey.Signing<ParamsDigest> signing = access.signing();
        final JsonNode canceled = access.api.cancelOrder(symbol(symbol), orderId(venueOrderId),
            venueOrderId == null ? clientOrderId : null, access.recvWindow, access.timestamp, signing.apiKey(), signing.signer());
        // a cancel's clientOrderId is the cancel's own id; the order's is origClientOrderId
        return BinanceOrderStatus.order(canceled, "origClientOrderId");
    }

    /** @return the order, by Binance's id or else the client's, or null when Binance has none. */
    ExchangeOrder find(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        final SigningKey.Signing<ParamsDigest> signing = access.signing();
        try
        {
            return BinanceOrderStatus.order(access.api.order(symbol(symbol), orderId(venueOrderId),
                venueOrderId == null ? clientOrderId : null, access.recvWindow, access.timestamp, signing.apiKey(),
                signing.signer()), "clientOrderId");
        }
        catch (final BinanceException e)
        {
            if (e.getCode() == NO_SUCH_ORDER)
            {
                return null;
            }
            throw e;
        }
    }

    /** The account's open orders in the symbols given, whoever placed them. */
    List<ExchangeOrder> open(final Collection<String> symbols) throws IOException
    {
        final List<ExchangeOrder> open = new ArrayList<>();
        // by symbol: Binance weighs the listing of all symbols at 80 requests
        for (final String symbol : symbols)
        {
            final SigningKey.Signing<ParamsDigest> signing = access.signing();
            for (final JsonNode order : access.api.openOrders(symbol(symbol), access.recvWindow, access.timestamp,
                signing.apiKey(), signing.signer()))
            {
                open.add(BinanceOrderStatus.order(order, "clientOrderId"));
            }
        }
        return open;
    }

    /** The order's trades, oldest first, each with the fee Binance charged; none while Binance has not named the order. */
    List<VenueTrade> trades(final String symbol, final ExchangeOrder order) throws IOException
    {
        final List<VenueTrade> trades = new ArrayList<>();
        if (order.venueOrderId() == null)
        {
            return trades;
        }
        final SigningKey.Signing<ParamsDigest> signing = access.signing();
        for (final JsonNode trade : access.api.myTrades(symbol(symbol), orderId(order.venueOrderId()), access.recvWindow,
            access.timestamp, signing.apiKey(), signing.signer()))
        {
            trades.add(new VenueTrade(trade.path("id").asText(), new BigDecimal(trade.path("qty").asText()),
                new BigDecimal(trade.path("price").asText()), new BigDecimal(trade.path("commission").asText("0")),
                trade.path("commissionAsset").asText(null)));
        }
        return trades;
    }

    /** BTC/USDT as Binance names it: BTCUSDT. */
    static String symbol(final String symbol)
    {
        return symbol.replace("/", "");
    }

    private static Long orderId(final String venueOrderId)
    {
        return venueOrderId == null ? null : Long.valueOf(venueOrderId);
    }

    private static String decimal(final long fixed)
    {
        return Fixed.toBigDecimal(fixed).stripTrailingZeros().toPlainString();
    }

    private static String type(final VenueOrder order)
    {
        switch (order.ordType())
        {
            case MARKET: return "MARKET";
            // Binance's STOP_LOSS buys when the price rises to the stop and sells when it falls to it, as
            // a FIX stop does; TAKE_PROFIT the other way round, as MarketIfTouched
            case STOP: return "STOP_LOSS";
            case STOP_LIMIT: return "STOP_LOSS_LIMIT";
            case MARKET_IF_TOUCHED: return "TAKE_PROFIT";
            default: return order.postOnly() ? "LIMIT_MAKER" : "LIMIT";
        }
    }

    private static String timeInForce(final VenueOrder order)
    {
        switch (order.timeInForce())
        {
            case IMMEDIATE_OR_CANCEL: return "IOC";
            case FILL_OR_KILL: return "FOK";
            default: return "GTC";
        }
    }
}
