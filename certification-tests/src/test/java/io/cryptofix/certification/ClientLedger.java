package io.cryptofix.certification;

import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastQty;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrigClOrdID;
import quickfix.field.PossResend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one FIX client was told about each order it sent, from the ExecutionReports and
 * OrderCancelRejects it received, across any number of gateway restarts: the order's OrderID, its
 * OrdStatus and what filled. Each message is checked against what the client already knows, as FIX
 * lets a client rely on: it answers a ClOrdID the client sent, an order gets one New, an ExecID comes
 * twice only with PossResend, and CumQty is the fills reported so far.
 */
final class ClientLedger
{
    // by the ClOrdID of the NewOrderSingle, in the order they were sent
    private final Map<String, ClientOrder> orders = new LinkedHashMap<>();
    // by every ClOrdID the client used for an order: its NewOrderSingle's and its cancels'
    private final Map<String, ClientOrder> byRequestId = new HashMap<>();
    private final Set<String> execIds = new HashSet<>();
    private final List<Message> cancelRejects = new ArrayList<>();
    private int possResends;

    /** The client sends a NewOrderSingle with this ClOrdID. */
    ClientOrder newOrder(final String clOrdId)
    {
        final ClientOrder order = new ClientOrder(clOrdId);
        orders.put(clOrdId, order);
        byRequestId.put(clOrdId, order);
        return order;
    }

    /** The client sends an OrderCancelRequest with this ClOrdID for the order. */
    void cancelSent(final String clOrdId, final ClientOrder order)
    {
        order.cancelSent = true;
        byRequestId.put(clOrdId, order);
    }

    /** Every order sent, in the order they were sent. */
    Collection<ClientOrder> orders()
    {
        return Collections.unmodifiableCollection(orders.values());
    }

    /** @return the order the client sent with this ClOrdID, or canceled with it; null if none. */
    ClientOrder order(final String clOrdId)
    {
        return byRequestId.get(clOrdId);
    }

    /** Reports and cancel rejects received about all orders, a repeated report not counted. */
    int answers()
    {
        return orders.values().stream().mapToInt(order -> order.answers).sum();
    }

    /** Messages received with PossResend (97) Y. */
    int possResends()
    {
        return possResends;
    }

    List<Message> cancelRejects()
    {
        return cancelRejects;
    }

    /** Applies every message the client has received and not yet applied. */
    void drain(final FixTestClient client) throws InterruptedException, FieldNotFound
    {
        Message message;
        while ((message = client.poll(0)) != null)
        {
            apply(message);
        }
    }

    void apply(final Message message) throws FieldNotFound
    {
        final String msgType = message.getHeader().getString(MsgType.FIELD);
        if (!msgType.equals(MsgType.EXECUTION_REPORT))
        {
            if (msgType.equals(MsgType.ORDER_CANCEL_REJECT))
            {
                cancelRejects.add(message);
                final ClientOrder order = order(message.getString(OrigClOrdID.FIELD));
                assertThat(order).as("a cancel reject for an order never sent: " + message).isNotNull();
                order.answers++;
                order.ordStatus = message.getChar(OrdStatus.FIELD);
            }
            return;
        }
        final ClientOrder order = order(message.getString(ClOrdID.FIELD));
        assertThat(order).as("a report for a ClOrdID never sent: " + message).isNotNull();
        final boolean possResend = message.getHeader().isSetField(PossResend.FIELD) &&
            message.getHeader().getBoolean(PossResend.FIELD);
        possResends += possResend ? 1 : 0;
        if (!execIds.add(message.getString(ExecID.FIELD)))
        {
            // a report sent again after a restart, which this client had before: dropped, as FIX says
            assertThat(possResend).as("a second report with ExecID of " + message).isTrue();
            return;
        }
        final char execType = message.getChar(ExecType.FIELD);
        order.ordStatus = message.getChar(OrdStatus.FIELD);
        order.answers++;
        switch (execType)
        {
            case ExecType.NEW:
                assertThat(order.orderId).as("a second New for " + order.clOrdId).isNull();
                order.orderId = message.getString(OrderID.FIELD);
                break;
            case ExecType.REJECTED:
                order.rejected = true;
                break;
            case ExecType.TRADE:
                order.filled = order.filled.add(message.getDecimal(LastQty.FIELD));
                break;
            case ExecType.CANCELED:
                order.currentClOrdId = message.getString(ClOrdID.FIELD);
                break;
            default:
                break;
        }
        if (execType != ExecType.ORDER_STATUS)
        {
            assertThat(message.getDecimal(CumQty.FIELD)).as("CumQty of " + order.clOrdId + " against its fills")
                .isEqualByComparingTo(order.filled);
        }
    }

    /** One order as its client knows it from the reports it got. */
    static final class ClientOrder
    {
        final String clOrdId;
        String currentClOrdId;
        String orderId;
        boolean rejected;
        boolean cancelSent;
        char ordStatus = OrdStatus.PENDING_NEW;
        BigDecimal filled = BigDecimal.ZERO;
        int answers;

        private ClientOrder(final String clOrdId)
        {
            this.clOrdId = clOrdId;
            this.currentClOrdId = clOrdId;
        }

        @Override
        public String toString()
        {
            return clOrdId + "(" + currentClOrdId + ", OrderID " + orderId + ", OrdStatus " + ordStatus + ", filled " +
                filled.toPlainString() + (rejected ? ", rejected" : "") + (cancelSent ? ", cancel sent" : "") + ")";
        }

        boolean isWorking()
        {
            return ordStatus == OrdStatus.NEW || ordStatus == OrdStatus.PARTIALLY_FILLED;
        }
    }
}
