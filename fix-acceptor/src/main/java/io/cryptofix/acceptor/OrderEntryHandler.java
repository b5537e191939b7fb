package io.cryptofix.acceptor;

import io.cryptofix.order.CancelOrderCommand;
import io.cryptofix.order.MassCancelCommand;
import io.cryptofix.order.MassStatusCommand;
import io.cryptofix.order.ReplaceOrderCommand;
import io.cryptofix.translation.OrderCancelReplaceTranslator;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.OrderCore;
import io.cryptofix.order.OrderStatusCommand;
import io.cryptofix.translation.ClientText;
import io.cryptofix.translation.DecimalFields;
import io.cryptofix.translation.FieldProblem;
import io.cryptofix.translation.Identifiers;
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
 * gets a session-level Reject (35=3); so does a decimal field the gateway reads written other than as
 * FIX writes a float ({@link DecimalFields}), and an identifier the answer would have to echo (ClOrdID,
 * OrigClOrdID, MassStatusReqID; Symbol of H, q and AF) that breaks the {@link Identifiers} rule: the
 * gateway does not send back a value it refuses, and the Reject's RefSeqNum (45) tells the client which
 * message it was. A valid application message the gateway does not handle gets a
 * BusinessMessageReject (35=j). Nothing is ignored silently.
 */
final class OrderEntryHandler
{
    // SessionRejectReason (373) and BusinessRejectReason (380) values used here
    private static final int INCORRECT_DATA_FORMAT = 6;
    private static final int UNSUPPORTED_MESSAGE_TYPE = 3;
    private static final int OTHER = 0;
    private static final int CONDITIONALLY_REQUIRED_FIELD_MISSING = 5;
    // tags of the identifiers checked here
    private static final int CL_ORD_ID = 11;
    private static final int ORIG_CL_ORD_ID = 41;
    private static final int SYMBOL = 55;
    private static final int MASS_STATUS_REQ_ID = 584;

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
    // the MsgSeqNum of the message being handled, for the RefSeqNum (45) of a Reject
    private int refSeqNum;

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
        refSeqNum = session.lastReceivedMsgSeqNum();
        return handle(buffer, offset, length, session, messageType, receivedTimeNanos);
    }

    /**
     * A request the engine received before a restart that the order core never handled
     * ({@link UnansweredRequests}): handled now as it would have been then; a Reject names its own
     * MsgSeqNum.
     *
     * @return ABORT when a Reject could not be sent: nothing changed, hand it over again later.
     */
    Action onUnanswered(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final Session session,
        final long messageType,
        final long receivedTimeNanos,
        final int msgSeqNum)
    {
        refSeqNum = msgSeqNum;
        return handle(buffer, offset, length, session, messageType, receivedTimeNanos);
    }

    private Action handle(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final Session session,
        final long messageType,
        final long receivedTimeNanos)
    {
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
        final FieldProblem problem = firstOf(
            DecimalFields.check(asciiBuffer, 0, length),
            Identifiers.check("ClOrdID", CL_ORD_ID, order.clOrdID(), order.clOrdIDLength()));
        if (problem != null)
        {
            return rejectField(session, NewOrderSingleDecoder.MESSAGE_TYPE, problem);
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
        final FieldProblem problem = firstOf(
            Identifiers.check("ClOrdID", CL_ORD_ID, cancel.clOrdID(), cancel.clOrdIDLength()),
            Identifiers.check("OrigClOrdID", ORIG_CL_ORD_ID, cancel.origClOrdID(), cancel.origClOrdIDLength()));
        if (problem != null)
        {
            return rejectField(session, OrderCancelRequestDecoder.MESSAGE_TYPE, problem);
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
        final FieldProblem problem = firstOf(
            Identifiers.check("ClOrdID", CL_ORD_ID, request.clOrdID(), request.clOrdIDLength()),
            Identifiers.check("Symbol", SYMBOL, request.symbol(), request.symbolLength()));
        if (problem != null)
        {
            return rejectField(session, OrderStatusRequestDecoder.MESSAGE_TYPE, problem);
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
        final FieldProblem problem = firstOf(
            DecimalFields.check(asciiBuffer, 0, length),
            Identifiers.check("ClOrdID", CL_ORD_ID, request.clOrdID(), request.clOrdIDLength()),
            Identifiers.check("OrigClOrdID", ORIG_CL_ORD_ID, request.origClOrdID(), request.origClOrdIDLength()));
        if (problem != null)
        {
            return rejectField(session, OrderCancelReplaceRequestDecoder.MESSAGE_TYPE, problem);
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
        final FieldProblem problem = firstOf(
            Identifiers.check("ClOrdID", CL_ORD_ID, request.clOrdID(), request.clOrdIDLength()),
            Identifiers.check("Symbol", SYMBOL, request.symbol(), request.symbolLength()));
        if (problem != null)
        {
            return rejectField(session, OrderMassCancelRequestDecoder.MESSAGE_TYPE, problem);
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
        final FieldProblem problem = firstOf(
            Identifiers.check("MassStatusReqID", MASS_STATUS_REQ_ID, request.massStatusReqID(),
                request.massStatusReqIDLength()),
            Identifiers.check("Symbol", SYMBOL, request.symbol(), request.symbolLength()));
        if (problem != null)
        {
            return rejectField(session, OrderMassStatusRequestDecoder.MESSAGE_TYPE, problem);
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
        final int reason = rejectReason > 0 ? rejectReason : INCORRECT_DATA_FORMAT;
        return rejectSession(session, messageType, invalidTagId, reason, rejectText(reason, invalidTagId));
    }

    /** A field the dictionary allows but the gateway refuses: a decimal not written as FIX writes one, a bad identifier. */
    private Action rejectField(final Session session, final long messageType, final FieldProblem problem)
    {
        return rejectSession(session, messageType, problem.tag(), problem.sessionRejectReason(), problem.text());
    }

    private Action rejectSession(
        final Session session, final long messageType, final int refTagId, final int reason, final String text)
    {
        final RejectEncoder reject = sessionReject;
        reject.reset();
        reject
            .refSeqNum(refSeqNum)
            .refMsgType(refMsgType, unpackMessageType(messageType))
            .sessionRejectReason(reason)
            .text(text);
        if (refTagId > 0)
        {
            reject.refTagID(refTagId);
        }
        return send(session, reject, true);
    }

    private static FieldProblem firstOf(final FieldProblem first, final FieldProblem second)
    {
        return first != null ? first : second;
    }

    private static FieldProblem firstOf(final FieldProblem first, final FieldProblem second, final FieldProblem third)
    {
        return firstOf(first, firstOf(second, third));
    }

    private Action rejectUnsupported(final Session session, final long messageType)
    {
        final int refMsgTypeLength = unpackMessageType(messageType);
        return rejectBusiness(session, messageType, UNSUPPORTED_MESSAGE_TYPE, "unsupported message type " +
            ClientText.escape(new String(refMsgType, 0, refMsgTypeLength, java.nio.charset.StandardCharsets.ISO_8859_1)) +
            ": the gateway accepts D, F, G, H, q, AF");
    }

    private Action rejectBusiness(final Session session, final long messageType, final int reason, final String text)
    {
        final int refMsgTypeLength = unpackMessageType(messageType);
        final BusinessMessageRejectEncoder reject = businessReject;
        reject.reset();
        reject
            .refSeqNum(refSeqNum)
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
