package io.cryptofix.venue.binance;

import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Side;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.ExchangeOrder;
import org.knowm.xchange.binance.dto.BinanceException;
import org.knowm.xchange.binance.dto.trade.BinanceCancelledOrder;
import org.knowm.xchange.binance.dto.trade.BinanceNewOrder;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.knowm.xchange.binance.dto.trade.BinanceTrade;
import org.knowm.xchange.binance.dto.trade.OrderSide;
import org.knowm.xchange.binance.dto.trade.OrderStatus;
import org.knowm.xchange.binance.dto.trade.OrderType;
import org.knowm.xchange.binance.dto.trade.TimeInForce;
import org.knowm.xchange.binance.service.BinanceTradeServiceRaw;
import org.knowm.xchange.currency.CurrencyPair;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Binance spot order entry through XChange's trade service: placing an order with its client order
 * id, canceling it and reading it back, in Binance's order types, times in force and states.
 * XChange 5.2.0's order query and cancel take the venue's order id as a primitive, so an order known
 * only by its client order id is found in the symbol's recent orders ({@code allOrders}).
 */
final class BinanceOrders
{
    private static final int RECENT_ORDERS = 1000;

    private final BinanceTradeServiceRaw trade;

    BinanceOrders(final BinanceTradeServiceRaw trade)
    {
        this.trade = trade;
    }

    ExchangeOrder place(final VenueOrder order, final String clientOrderId) throws IOException
    {
        final OrderType type = type(order);
        final boolean limitPrice = order.ordType().hasLimitPrice();
        final BinanceNewOrder placed = trade.newOrder(
            pair(order.symbol()),
            order.side() == Side.BUY ? OrderSide.BUY : OrderSide.SELL,
            type,
            type == OrderType.LIMIT || type == OrderType.STOP_LOSS_LIMIT ? timeInForce(order) : null,
            Fixed.toBigDecimal(order.quantity()).stripTrailingZeros(),
            null,
            limitPrice ? Fixed.toBigDecimal(order.limitPrice()).stripTrailingZeros() : null,
            clientOrderId,
            order.ordType().hasTrigger() ? Fixed.toBigDecimal(order.stopPx()).stripTrailingZeros() : null,
            null,
            null,
            BinanceNewOrder.NewOrderResponseType.FULL);
        BigDecimal quote = BigDecimal.ZERO;
        if (placed.fills != null)
        {
            for (final BinanceTrade fill : placed.fills)
            {
                quote = quote.add(fill.price.multiply(fill.qty));
            }
        }
        return new ExchangeOrder(Long.toString(placed.orderId), placed.clientOrderId, state(placed.status),
            placed.executedQty, quote);
    }

    /**
     * @param venueOrderId  null when Binance never told it: the client order id finds the order first.
     */
    ExchangeOrder cancel(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        String orderId = venueOrderId;
        if (orderId == null)
        {
            final ExchangeOrder found = find(symbol, null, clientOrderId);
            if (found == null)
            {
                throw new BinanceException(-2011, "Unknown order sent.");
            }
            orderId = found.venueOrderId();
        }
        final BinanceCancelledOrder canceled = trade.cancelOrderAllProducts(pair(symbol), Long.parseLong(orderId), null, null);
        return new ExchangeOrder(Long.toString(canceled.orderId), canceled.origClientOrderId,
            state(OrderStatus.valueOf(canceled.status)), new BigDecimal(canceled.executedQty),
            new BigDecimal(canceled.cummulativeQuoteQty));
    }

    /** @return the order, by Binance's id or else the client's, or null when Binance has none. */
    ExchangeOrder find(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        if (venueOrderId != null)
        {
            try
            {
                return order(trade.orderStatusAllProducts(pair(symbol), Long.parseLong(venueOrderId), null));
            }
            catch (final BinanceException e)
            {
                if (e.getCode() == -2013)
                {
                    return null;
                }
                throw e;
            }
        }
        final List<BinanceOrder> recent = trade.allOrders(pair(symbol), null, RECENT_ORDERS);
        for (final BinanceOrder order : recent)
        {
            if (clientOrderId.equals(order.clientOrderId))
            {
                return order(order);
            }
        }
        return null;
    }

    /** The account's open orders in the symbols given, whoever placed them. */
    List<ExchangeOrder> open(final Collection<String> symbols) throws IOException
    {
        final List<ExchangeOrder> open = new ArrayList<>();
        // by symbol: Binance weighs the listing of all symbols at 80 requests
        for (final String symbol : symbols)
        {
            for (final BinanceOrder order : trade.openOrdersAllProducts(pair(symbol)))
            {
                open.add(order(order));
            }
        }
        return open;
    }

    private static ExchangeOrder order(final BinanceOrder order)
    {
        return new ExchangeOrder(Long.toString(order.orderId), order.clientOrderId, state(order.status),
            order.executedQty, order.cummulativeQuoteQty);
    }

    private static ExchangeOrder.State state(final OrderStatus status)
    {
        switch (status)
        {
            case FILLED: return ExchangeOrder.State.FILLED;
            case CANCELED:
            // Binance has no GTD: its EXPIRED is an IOC or FOK order that found too little liquidity
            case EXPIRED: return ExchangeOrder.State.CANCELED;
            case REJECTED: return ExchangeOrder.State.REJECTED;
            default: return ExchangeOrder.State.OPEN;
        }
    }

    private static OrderType type(final VenueOrder order)
    {
        switch (order.ordType())
        {
            case MARKET: return OrderType.MARKET;
            // Binance's STOP_LOSS buys when the price rises to the stop and sells when it falls to it, as
            // a FIX stop does; TAKE_PROFIT the other way round, as MarketIfTouched
            case STOP: return OrderType.STOP_LOSS;
            case STOP_LIMIT: return OrderType.STOP_LOSS_LIMIT;
            case MARKET_IF_TOUCHED: return OrderType.TAKE_PROFIT;
            default: return order.postOnly() ? OrderType.LIMIT_MAKER : OrderType.LIMIT;
        }
    }

    private static TimeInForce timeInForce(final VenueOrder order)
    {
        switch (order.timeInForce())
        {
            case IMMEDIATE_OR_CANCEL: return TimeInForce.IOC;
            case FILL_OR_KILL: return TimeInForce.FOK;
            default: return TimeInForce.GTC;
        }
    }

    private static CurrencyPair pair(final String symbol)
    {
        return new CurrencyPair(symbol);
    }
}
