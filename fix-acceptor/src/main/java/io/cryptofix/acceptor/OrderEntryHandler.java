package io.cryptofix.acceptor;

import io.cryptofix.order.CancelOrderCommand;
import io.cryptofix.order.MassCancelCommand;
import io.cryptofix.order.MassStatusCommand;
import io.cryptofix.order.ReplaceOrderCommand;
import io.cryptofix.translation.OrderCancelReplaceTranslator;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.OrderCore;
import io.cryptofix.order.OrderStatusCommand;
import io.cryptofix.translation.NewOrderSingleTranslator;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochClock;
import uk.co.real_logic.artio.builder.BusinessMessageRejectEncoder;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.builder.RejectEncoder;
import uk.co.real_logic.artio.decoder.NewOrderSingleDecoder;
import uk.co.real_logic.artio.decoder.OrderCancelReplaceRequestDecoder;
import uk.co.real_logic.artio.decoder.OrderCancelRequestDecoder;
import uk.co.real_logic.artio.decoder.OrderMassCancelRequestDecoder;
import uk.co.real_logic.artio.decoder.OrderMassStatusRequestDecoder;
import uk.co.real_logic.artio.decoder.OrderStatusRequestDecoder;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.messages.MessageStatus;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import static io.aeron.logbuffer.ControlledFragmentHandler.Action;
import static io.aeron.logbuffer.ControlledFragmentHandler.Action.ABORT;
import static io.aeron.logbuffer.ControlledFragmentHandler.Action.CONTINUE;

/**
 * Inbound application messages of every client session: decode, check, hand to the order core.
 * One instance serves all sessions, with one decoder per message type, re-wrapped per message
 * (duty-cycle thread only, so sharing them is safe).
 *
 * Handles NewOrderSingle (D), OrderCancelRequest (F), OrderCancelReplaceRequest (G),
 * OrderStatusRequest (H), OrderMassCancelRequest (q) and OrderMassStatusRequest (AF).
 *
 * <p>A message the FIX dictionary does not allow (missing required tag, value of the wrong type)
 * gets a session-level Reject (35=3); a valid application message the gateway does not handle gets
 * a BusinessMessageReject (35=j). Nothing is ignored silently.
 */
final class OrderEntryHandler
{
    // SessionRejectReason (373) and BusinessRejectReason (380) values used here
    private static final int INCORRECT_DATA_FORMAT = 6;
    private static final int UNSUPPORTED_MESSAGE_TYPE = 3;
    private static final int OTHER = 0;
    private static final int CONDITIONALLY_REQUIRED_FIELD_MISSING = 5;

    private final MutableAsciiBuffer asciiBuffer = new MutableAsciiBuffer();
    private final NewOrderSingleDecoder newOrderSingle = new NewOrderSingleDecoder();
    private final OrderCancelRequestDecoder orderCancelRequest = new OrderCancelRequestDecoder();
    private final OrderStatusRequestDecoder orderStatusRequest = new OrderStatusRequestDecoder();
    private final OrderCancelReplaceRequestDecoder orderCancelReplaceRequest = new OrderCancelReplaceRequestDecoder();
    private final OrderMassCancelRequestDecoder orderMassCancelRequest = new OrderMassCancelRequestDecoder();
    private final OrderMassStatusRequestDecoder orderMassStatusRequest = new OrderMassStatusRequestDecoder();
    private final ReplaceOrderCommand replaceOrder = new ReplaceOrderCommand();
    private final MassCancelCommand massCancel = new MassCancelCommand();
    private final MassStatusCommand massStatus = new MassStatusCommand();
    private final OrderCancelReplaceTranslator replaceTranslator = new OrderCancelReplaceTranslator();
    private final NewOrderCommand newOrder = new NewOrderCommand();
    private final CancelOrderCommand cancelOrder = new CancelOrderCommand();
    private final OrderStatusCommand orderStatus = new OrderStatusCommand();
    private final NewOrderSingleTranslator newOrderTranslator = new NewOrderSingleTranslator();
    private final RejectEncoder sessionReject = new RejectEncoder();
    private final BusinessMessageRejectEncoder businessReject = new BusinessMessageRejectEncoder();
    private final byte[] refMsgType = new byte[8];

    private final OrderCore core;
    private final ClientSessions sessions;
    private final FixMetrics metrics;
    private final EpochClock clock;

    OrderEntryHandler(
        final OrderCore core, final ClientSessions sessions, final FixMetrics metrics, final EpochClock clock)
    {
        this.core = core;
        this.sessions = sessions;
        this.metrics = metrics;
        this.clock = clock;
    }

    Action onMessage(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final Session session,
        final long messageType,
        final long receivedTimeNanos,
        final OnMessageInfo messageInfo)
    {
        if (!messageInfo.isValid() || messageInfo.status() != MessageStatus.OK)
        {
            // the session layer has already answered (e.g. sequence number too low)
            return CONTINUE;
        }

        asciiBuffer.wrap(buffer, offset, length);
        if (messageType == NewOrderSingleDecoder.MESSAGE_TYPE)
        {
            return onNewOrderSingle(session, length, receivedTimeNanos);
        }
        if (messageType == OrderCancelRequestDecoder.MESSAGE_TYPE)
        {
            return onOrderCancelRequest(session, length);
        }
        if (messageType == OrderStatusRequestDecoder.MESSAGE_TYPE)
        {
            return onOrderStatusRequest(session, length);
        }
        if (messageType == OrderCancelReplaceRequestDecoder.MESSAGE_TYPE)
        {
            return onOrderCancelReplaceRequest(session, length);
        }
        if (messageType == OrderMassCancelRequestDecoder.MESSAGE_TYPE)
        {
            return onOrderMassCancelRequest(session, length);
        }
        if (messageType == OrderMassStatusRequestDecoder.MESSAGE_TYPE)
        {
            return onOrderMassStatusRequest(session, length);
        }
        if (isSessionMessage(messageType))
        {
            return CONTINUE;
        }
        return rejectUnsupported(session, messageType);
    }

    private Action onNewOrderSingle(final Session session, final int length, final long receivedTimeNanos)
    {
        final NewOrderSingleDecoder order = newOrderSingle;
        order.reset();
        if (!decode(order, length))
        {
            return rejectMalformed(session, NewOrderSingleDecoder.MESSAGE_TYPE, order.invalidTagId(),
                order.rejectReason());
        }

        metrics.orderReceived();
        final long sessionId = session.id();
        final long nowMillis = clock.time();
        final boolean complete =
            newOrderTranslator.translate(order, sessionId, sessions.defaultVenue(sessionId), receivedTimeNanos, newOrder);
        newOrder.clientCompId(sessions.clientCompId(sessionId));
        if (complete)
        {
            core.onNewOrder(newOrder, nowMillis);
        }
        else
        {
            core.rejectNewOrder(newOrder, newOrderTranslator.problemReason(), newOrderTranslator.problem(), nowMillis);
        }
        return CONTINUE;
    }

    private Action onOrderCancelRequest(final Session session, final int length)
    {
        final OrderCancelRequestDecoder cancel = orderCancelRequest;
        cancel.reset();
        if (!decode(cancel, length))
        {
            return rejectMalformed(session, OrderCancelRequestDecoder.MESSAGE_TYPE, cancel.invalidTagId(),
                cancel.rejectReason());
        }

        metrics.cancelRequestReceived();
        cancelOrder.set(session.id(), cancel.clOrdIDAsString(), cancel.origClOrdIDAsString());
        core.onCancelRequest(cancelOrder, clock.time());
        return CONTINUE;
    }

    private Action onOrderStatusRequest(final Session session, final int length)
    {
        final OrderStatusRequestDecoder request = orderStatusRequest;
        request.reset();
        if (!decode(request, length))
        {
            return rejectMalformed(session, OrderStatusRequestDecoder.MESSAGE_TYPE, request.invalidTagId(),
                request.rejectReason());
        }

        orderStatus.set(session.id(), request.clOrdIDAsString(),
            request.symbolLength() > 0 ? request.symbolAsString() : null, request.side());
        core.onStatusRequest(orderStatus, clock.time());
        return CONTINUE;
    }

    private Action onOrderCancelReplaceRequest(final Session session, final int length)
    {
        final OrderCancelReplaceRequestDecoder request = orderCancelReplaceRequest;
        request.reset();
        if (!decode(request, length))
        {
            return rejectMalformed(session, OrderCancelReplaceRequestDecoder.MESSAGE_TYPE, request.invalidTagId(),
                request.rejectReason());
        }

        metrics.replaceRequestReceived();
        final long nowMillis = clock.time();
        if (replaceTranslator.translate(request, session.id(), replaceOrder))
        {
            core.onReplaceRequest(replaceOrder, nowMillis);
        }
        else
        {
            core.rejectReplace(replaceOrder, replaceTranslator.problem(), nowMillis);
        }
        return CONTINUE;
    }

    private Action onOrderMassCancelRequest(final Session session, final int length)
    {
        final OrderMassCancelRequestDecoder request = orderMassCancelRequest;
        request.reset();
        if (!decode(request, length))
        {
            return rejectMalformed(session, OrderMassCancelRequestDecoder.MESSAGE_TYPE, request.invalidTagId(),
                request.rejectReason());
        }

        massCancel.set(session.id(), request.clOrdIDAsString(), request.massCancelRequestType(),
            request.symbolLength() > 0 ? request.symbolAsString() : null);
        core.onMassCancelRequest(massCancel, clock.time());
        return CONTINUE;
    }

    private Action onOrderMassStatusRequest(final Session session, final int length)
    {
        final OrderMassStatusRequestDecoder request = orderMassStatusRequest;
        request.reset();
        if (!decode(request, length))
        {
            return rejectMalformed(session, OrderMassStatusRequestDecoder.MESSAGE_TYPE, request.invalidTagId(),
                request.rejectReason());
        }

        final int requestType = request.massStatusReqType();
        final String symbol = request.symbolLength() > 0 ? request.symbolAsString() : null;
        if (requestType != MassStatusCommand.BY_SYMBOL && requestType != MassStatusCommand.ALL)
        {
            return rejectBusiness(session, OrderMassStatusRequestDecoder.MESSAGE_TYPE, OTHER,
                "MassStatusReqType (585) " + requestType + " is not supported (supported: 1 by Symbol, 7 all)");
        }
        if (requestType == MassStatusCommand.BY_SYMBOL && symbol == null)
        {
            return rejectBusiness(session, OrderMassStatusRequestDecoder.MESSAGE_TYPE,
                CONDITIONALLY_REQUIRED_FIELD_MISSING, "Symbol (55) is required for MassStatusReqType (585) 1");
        }
        massStatus.set(session.id(), request.massStatusReqIDAsString(), requestType, symbol);
        core.onMassStatusRequest(massStatus, clock.time());
        return CONTINUE;
    }

    private boolean decode(final uk.co.real_logic.artio.decoder.MessageDecoder decoder, final int length)
    {
        try
        {
            decoder.decode(asciiBuffer, 0, length);
            return decoder.validate();
        }
        catch (final RuntimeException e)
        {
            // a value the codec cannot parse at all: reported to the client as a format problem
            return false;
        }
    }

    private Action rejectMalformed(
        final Session session, final long messageType, final int invalidTagId, final int rejectReason)
    {
        final RejectEncoder reject = sessionReject;
        reject.reset();
        final int reason = rejectReason > 0 ? rejectReason : INCORRECT_DATA_FORMAT;
        reject
            .refSeqNum(session.lastReceivedMsgSeqNum())
            .refMsgType(refMsgType, unpackMessageType(messageType))
            .sessionRejectReason(reason)
            .text(rejectText(reason, invalidTagId));
        if (invalidTagId > 0)
        {
            reject.refTagID(invalidTagId);
        }
        return send(session, reject, true);
    }

    private Action rejectUnsupported(final Session session, final long messageType)
    {
        final int refMsgTypeLength = unpackMessageType(messageType);
        return rejectBusiness(session, messageType, UNSUPPORTED_MESSAGE_TYPE, "unsupported message type " +
            new String(refMsgType, 0, refMsgTypeLength, java.nio.charset.StandardCharsets.US_ASCII) +
            ": the gateway accepts D, F, G, H, q, AF");
    }

    private Action rejectBusiness(final Session session, final long messageType, final int reason, final String text)
    {
        final int refMsgTypeLength = unpackMessageType(messageType);
        final BusinessMessageRejectEncoder reject = businessReject;
        reject.reset();
        reject
            .refSeqNum(session.lastReceivedMsgSeqNum())
            .refMsgType(refMsgType, refMsgTypeLength)
            .businessRejectReason(reason)
            .text(text);
        return send(session, reject, false);
    }

    private Action send(final Session session, final Encoder message, final boolean sessionLevel)
    {
        if (session.trySend(message) < 0)
        {
            // nothing changed yet: let Artio redeliver the inbound message and try again
            return ABORT;
        }
        if (sessionLevel)
        {
            metrics.sessionRejectSent();
        }
        else
        {
            metrics.businessMessageRejectSent();
        }
        return CONTINUE;
    }

    // Artio packs MsgType (35) into a long, one byte per character, lowest byte first
    private int unpackMessageType(final long messageType)
    {
        int length = 0;
        long packed = messageType;
        while (packed != 0 && length < refMsgType.length)
        {
            refMsgType[length++] = (byte)(packed & 0xFF);
            packed >>>= 8;
        }
        return length;
    }

    private static boolean isSessionMessage(final long messageType)
    {
        // Heartbeat 0, TestRequest 1, ResendRequest 2, Reject 3, SequenceReset 4, Logout 5, Logon A
        return messageType == '0' || messageType == '1' || messageType == '2' || messageType == '3' ||
            messageType == '4' || messageType == '5' || messageType == 'A';
    }

    private static String rejectText(final int reason, final int invalidTagId)
    {
        final String tag = invalidTagId > 0 ? "tag " + invalidTagId : "a tag";
        switch (reason)
        {
            case 1: return "required " + tag + " missing";
            case 2: return tag + " not defined for this message type";
            case 4: return tag + " specified without a value";
            case 5: return "value incorrect (out of range) for " + tag;
            case 6: return "incorrect data format for the value of " + tag;
            case 13: return tag + " appears more than once";
            default: return "invalid message (SessionRejectReason " + reason + ") at " + tag;
        }
    }
}
