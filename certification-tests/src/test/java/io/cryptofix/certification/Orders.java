package io.cryptofix.certification;

import quickfix.field.ClOrdID;
import quickfix.field.ExDestination;
import quickfix.field.ExecInst;
import quickfix.field.ExpireTime;
import quickfix.field.MassCancelRequestType;
import quickfix.field.MassStatusReqID;
import quickfix.field.MassStatusReqType;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.StopPx;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelReplaceRequest;
import quickfix.fix44.OrderCancelRequest;
import quickfix.fix44.OrderMassCancelRequest;
import quickfix.fix44.OrderMassStatusRequest;
import quickfix.fix44.OrderStatusRequest;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client messages as a FIX 4.4 client builds them with QuickFIX/J's standard message classes.
 */
final class Orders
{
    private static final AtomicLong CL_ORD_IDS = new AtomicLong(System.currentTimeMillis());

    private Orders()
    {
    }

    static String nextClOrdId()
    {
        return "C" + CL_ORD_IDS.incrementAndGet();
    }

    static NewOrderSingle limit(final String clOrdId, final char side, final String symbol, final String qty,
        final String price)
    {
        final NewOrderSingle order = new NewOrderSingle(
            new ClOrdID(clOrdId), new Side(side), new TransactTime(), new OrdType(OrdType.LIMIT));
        order.set(new Symbol(symbol));
        order.setDecimal(OrderQty.FIELD, new BigDecimal(qty));
        order.setDecimal(Price.FIELD, new BigDecimal(price));
        return order;
    }

    static NewOrderSingle market(final String clOrdId, final char side, final String symbol, final String qty)
    {
        final NewOrderSingle order = new NewOrderSingle(
            new ClOrdID(clOrdId), new Side(side), new TransactTime(), new OrdType(OrdType.MARKET));
        order.set(new Symbol(symbol));
        order.setDecimal(OrderQty.FIELD, new BigDecimal(qty));
        return order;
    }

    static NewOrderSingle onVenue(final NewOrderSingle order, final String venue)
    {
        order.set(new ExDestination(venue));
        return order;
    }

    static NewOrderSingle stop(final String clOrdId, final char side, final char ordType, final String symbol,
        final String qty, final String stopPx)
    {
        final NewOrderSingle order = new NewOrderSingle(
            new ClOrdID(clOrdId), new Side(side), new TransactTime(), new OrdType(ordType));
        order.set(new Symbol(symbol));
        order.setDecimal(OrderQty.FIELD, new BigDecimal(qty));
        order.setDecimal(StopPx.FIELD, new BigDecimal(stopPx));
        return order;
    }

    static NewOrderSingle timeInForce(final NewOrderSingle order, final char timeInForce)
    {
        order.set(new TimeInForce(timeInForce));
        return order;
    }

    static NewOrderSingle goodTillDate(final NewOrderSingle order, final java.time.Instant expireTime)
    {
        order.set(new TimeInForce(TimeInForce.GOOD_TILL_DATE));
        order.set(new ExpireTime(java.time.LocalDateTime.ofInstant(expireTime, java.time.ZoneOffset.UTC)));
        return order;
    }

    static NewOrderSingle postOnly(final NewOrderSingle order)
    {
        order.set(new ExecInst(String.valueOf(ExecInst.PARTICIPATE_DONT_INITIATE)));
        return order;
    }

    static OrderCancelReplaceRequest replace(final String clOrdId, final String origClOrdId, final char side,
        final String symbol, final String qty, final String price)
    {
        final OrderCancelReplaceRequest replace = new OrderCancelReplaceRequest(
            new OrigClOrdID(origClOrdId), new ClOrdID(clOrdId), new Side(side), new TransactTime(),
            new OrdType(OrdType.LIMIT));
        replace.set(new Symbol(symbol));
        replace.setDecimal(OrderQty.FIELD, new BigDecimal(qty));
        replace.setDecimal(Price.FIELD, new BigDecimal(price));
        return replace;
    }

    static OrderMassCancelRequest massCancel(final String clOrdId, final char requestType, final String symbol)
    {
        final OrderMassCancelRequest request = new OrderMassCancelRequest(
            new ClOrdID(clOrdId), new MassCancelRequestType(requestType), new TransactTime());
        if (symbol != null)
        {
            request.set(new Symbol(symbol));
        }
        return request;
    }

    static OrderMassStatusRequest massStatus(final String requestId, final int requestType, final String symbol)
    {
        final OrderMassStatusRequest request = new OrderMassStatusRequest(
            new MassStatusReqID(requestId), new MassStatusReqType(requestType));
        if (symbol != null)
        {
            request.set(new Symbol(symbol));
        }
        return request;
    }

    static OrderStatusRequest status(final String clOrdId, final char side, final String symbol)
    {
        final OrderStatusRequest request = new OrderStatusRequest(new ClOrdID(clOrdId), new Side(side));
        request.set(new Symbol(symbol));
        return request;
    }

    static OrderCancelRequest cancel(final String clOrdId, final String origClOrdId, final char side,
        final String symbol)
    {
        final OrderCancelRequest cancel = new OrderCancelRequest(
            new OrigClOrdID(origClOrdId), new ClOrdID(clOrdId), new Side(side), new TransactTime());
        cancel.set(new Symbol(symbol));
        return cancel;
    }
}
