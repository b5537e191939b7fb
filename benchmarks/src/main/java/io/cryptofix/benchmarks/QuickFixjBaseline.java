package io.cryptofix.benchmarks;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.IncorrectTagValue;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.MessageCracker;
import quickfix.ScreenLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.UnsupportedMessageType;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.NewOrderSingle;

import java.math.BigDecimal;
import java.util.concurrent.CountDownLatch;

/**
 * Baseline "the common choice": the simplest version of the gateway's job on QuickFIX/J 2.3.2,
 * in memory, with dictionary validation on: every NewOrderSingle gets New, then Filled at a fixed
 * price. Usage: {@code QuickFixjBaseline PORT}.
 */
public final class QuickFixjBaseline extends MessageCracker implements Application
{
    private static final BigDecimal FILL_PRICE = new BigDecimal("60000");
    private long nextId;

    public static void main(final String[] args) throws ConfigError, InterruptedException
    {
        final int port = Integer.parseInt(args[0]);
        final SessionSettings settings = new SessionSettings();
        for (final String client : new String[] {"RISK", "DEMO"})
        {
            final SessionID sessionId = new SessionID("FIX.4.4", "GATEWAY", client);
            settings.setString(sessionId, "ConnectionType", "acceptor");
            settings.setLong(sessionId, "SocketAcceptPort", port);
            settings.setString(sessionId, "SocketAcceptAddress", "127.0.0.1");
            settings.setString(sessionId, "StartTime", "00:00:00");
            settings.setString(sessionId, "EndTime", "00:00:00");
            settings.setString(sessionId, "UseDataDictionary", "Y");
            settings.setString(sessionId, "DataDictionary", "FIX44.xml");
            settings.setString(sessionId, "SocketTcpNoDelay", "Y");
        }
        final SocketAcceptor acceptor = new SocketAcceptor(new QuickFixjBaseline(), new MemoryStoreFactory(), settings,
            new ScreenLogFactory(false, false, false), new DefaultMessageFactory());
        acceptor.start();
        System.out.println("QuickFIX/J baseline listening on 127.0.0.1:" + port);
        final CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            acceptor.stop();
            stop.countDown();
        }));
        stop.await();
    }

    public void onMessage(final NewOrderSingle order, final SessionID sessionId)
        throws FieldNotFound, SessionNotFound
    {
        final String orderId = Long.toString(++nextId);
        final BigDecimal qty = order.getDecimal(OrderQty.FIELD);
        final ExecutionReport ack = new ExecutionReport(new OrderID(orderId), new ExecID(orderId + "-0"),
            new ExecType(ExecType.NEW), new OrdStatus(OrdStatus.NEW), new Side(order.getSide().getValue()),
            new LeavesQty(0), new CumQty(0), new AvgPx(0));
        ack.setDecimal(LeavesQty.FIELD, qty);
        ack.set(order.getClOrdID());
        ack.set(new Symbol(order.getSymbol().getValue()));
        ack.setDecimal(OrderQty.FIELD, qty);
        Session.sendToTarget(ack, sessionId);

        final ExecutionReport fill = new ExecutionReport(new OrderID(orderId), new ExecID(orderId + "-1"),
            new ExecType(ExecType.TRADE), new OrdStatus(OrdStatus.FILLED), new Side(order.getSide().getValue()),
            new LeavesQty(0), new CumQty(0), new AvgPx(0));
        fill.set(new ClOrdID(order.getClOrdID().getValue()));
        fill.set(new Symbol(order.getSymbol().getValue()));
        fill.setDecimal(OrderQty.FIELD, qty);
        fill.setDecimal(CumQty.FIELD, qty);
        fill.setDecimal(LastQty.FIELD, qty);
        fill.setDecimal(LastPx.FIELD, FILL_PRICE);
        fill.setDecimal(AvgPx.FIELD, FILL_PRICE);
        Session.sendToTarget(fill, sessionId);
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId)
        throws FieldNotFound, IncorrectTagValue, UnsupportedMessageType
    {
        crack(message, sessionId);
    }

    @Override
    public void onCreate(final SessionID sessionId)
    {
    }

    @Override
    public void onLogon(final SessionID sessionId)
    {
    }

    @Override
    public void onLogout(final SessionID sessionId)
    {
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId)
    {
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId)
    {
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId)
    {
    }
}
