package io.cryptofix.translation;

import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.MassCancelCommand;
import io.cryptofix.order.MassStatusCommand;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.Order;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderState;
import io.cryptofix.order.OrderStatusCommand;
import io.cryptofix.order.VenueCancelCause;
import org.agrona.concurrent.UnsafeBuffer;
import uk.co.real_logic.artio.builder.ExecutionReportEncoder;
import uk.co.real_logic.artio.builder.OrderCancelRejectEncoder;
import uk.co.real_logic.artio.builder.OrderMassCancelReportEncoder;
import uk.co.real_logic.artio.fields.UtcTimestampEncoder;

import java.nio.charset.StandardCharsets;

/**
 * Encodes what the order core reports into ExecutionReport (8), OrderCancelReject (9) and
 * OrderMassCancelReport (r). One
 * encoder and one set of id buffers are reused for every report (duty-cycle thread only), so a
 * report costs no allocation beyond the Strings the order already holds.
 *
 * <p>OrderID (37) is {@code <run>-<orderKey>} and the ExecID (17) of a report the journal keeps
 * {@code <run>-E<execId>}: the run id names the order journal, whose order keys and ExecID values
 * continue across the restarts that share it, so an order taken over keeps its OrderID and a
 * report sent again after a crash its ExecID. Answers the journal does not keep (a rejected
 * NewOrderSingle, a status answer) have {@code <start>-X<execId>}, the start id naming the gateway
 * start, so none repeats either: their ExecID values are not in the journal, so a later start may use
 * the same values.
 */
public final class ExecutionReportTranslator
{
    private static final int MAX_ID_LENGTH = 64;
    private static final byte[] NONE = "NONE".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] POST_ONLY = {'6'};
    private static final String NOT_APPLICABLE = "[N/A]";
    // ExecRestatementReason (378) 99: the gateway's own change (a triggered stop, a kill), said in Text
    private static final int EXEC_RESTATEMENT_OTHER = 99;
    // MassCancelResponse (531) 0, and MassCancelRejectReason (532) values; 532 is a CHAR in FIX 4.4,
    // so its "99 Other" cannot be sent and clients' engines would refuse it
    private static final char MASS_CANCEL_REJECTED = '0';
    private static final String MASS_CANCEL_NOT_SUPPORTED = "0";
    private static final String INVALID_OR_UNKNOWN_SECURITY = "1";
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final ExecutionReportEncoder executionReport = new ExecutionReportEncoder();
    private final OrderCancelRejectEncoder cancelReject = new OrderCancelRejectEncoder();
    private final OrderMassCancelReportEncoder massCancelReport = new OrderMassCancelReportEncoder();
    private final UtcTimestampEncoder expireTime = new UtcTimestampEncoder();
    private final UtcTimestampEncoder transactTime = new UtcTimestampEncoder();
    private final UnsafeBuffer orderId = new UnsafeBuffer(new byte[MAX_ID_LENGTH]);
    private final UnsafeBuffer execId = new UnsafeBuffer(new byte[MAX_ID_LENGTH]);
    private final UnsafeBuffer answerExecId = new UnsafeBuffer(new byte[MAX_ID_LENGTH]);
    private final int orderIdPrefixLength;
    private final int execIdPrefixLength;
    private final int answerExecIdPrefixLength;

    /**
     * @param runId  short id unique to this gateway start, e.g. the start time in base 36.
     */
    public ExecutionReportTranslator(final String runId)
    {
        this(runId, runId);
    }

    /**
     * @param orderIdRun  short id of the journal the orders live in, the same across the restarts
     *                    that take orders over, so an order keeps its OrderID and a journaled report
     *                    its ExecID, even when sent again after a restart.
     * @param execIdRun   short id unique to this gateway start, for the ExecIDs of answers the journal
     *                    does not keep (rejected NewOrderSingles, status answers).
     */
    public ExecutionReportTranslator(final String orderIdRun, final String execIdRun)
    {
        final byte[] orderIdPrefix = (orderIdRun + "-").getBytes(StandardCharsets.US_ASCII);
        final byte[] execIdPrefix = (orderIdRun + "-E").getBytes(StandardCharsets.US_ASCII);
        final byte[] answerExecIdPrefix = (execIdRun + "-X").getBytes(StandardCharsets.US_ASCII);
        orderId.putBytes(0, orderIdPrefix);
        execId.putBytes(0, execIdPrefix);
        answerExecId.putBytes(0, answerExecIdPrefix);
        orderIdPrefixLength = orderIdPrefix.length;
        execIdPrefixLength = execIdPrefix.length;
        answerExecIdPrefixLength = answerExecIdPrefix.length;
    }

    /**
     * The ExecutionReport an event is told as: a change of its order, where an order stands, or an
     * answer about no order. One told before a restart and sent again says PossResend (97) Y: the
     * gateway cannot tell whether the client got it, and the unchanged ExecID lets it drop a duplicate.
     */
    public ExecutionReportEncoder executionReport(final OrderEvent event)
    {
        final ExecutionReportEncoder report = executionReport;
        report.reset();
        report.header().resetPossResend();
        switch (event.type())
        {
            case NEW_ORDER_REFUSED -> newOrderRefused(report, event);
            case UNKNOWN_ORDER_STATUS -> statusOfUnknownOrder(report, event);
            case MASS_STATUS_REPORT -> massStatusReport(report, event);
            default -> orderReport(report, event);
        }
        if (event.isResent())
        {
            report.header().possResend(true);
        }
        return report;
    }

    private void orderReport(final ExecutionReportEncoder report, final OrderEvent event)
    {
        final ExecType execType = event.type().execType();
        orderTerms(report, event.order(), execType, event.clOrdId(), event.origClOrdId(), event.execId(),
            event.type().journaled(), event.timeMillis());
        if (execType == ExecType.TRADE)
        {
            report.lastQty(normalisedValue(event.lastQty()), normalisedScale(event.lastQty()));
            report.lastPx(normalisedValue(event.lastPx()), normalisedScale(event.lastPx()));
        }
        if (execType == ExecType.REJECTED)
        {
            report.ordRejReason(OrdRejReason.BROKER_EXCHANGE_OPTION.fixValue());
        }
        // a kill is the gateway's own doing, not the client's nor the venue's: said as a restatement
        if (execType == ExecType.RESTATED ||
            execType == ExecType.CANCELED && event.cancelCause() == VenueCancelCause.KILL_SWITCH)
        {
            report.execRestatementReason(EXEC_RESTATEMENT_OTHER);
        }
        if (event.text() != null)
        {
            report.text(event.text());
        }
    }

    /**
     * One report of the answer to an OrderMassStatusRequest; with no order, the one report that says
     * nothing matched (OrderID NONE, TotNumReports 0).
     */
    private void massStatusReport(final ExecutionReportEncoder report, final OrderEvent event)
    {
        final MassStatusCommand command = event.answer().massStatus();
        final Order order = event.order();
        if (order != null)
        {
            orderTerms(report, order, ExecType.ORDER_STATUS, order.clOrdId(), null, event.execId(), false,
                event.timeMillis());
        }
        else
        {
            report
                .orderID(NONE)
                .execID(answerExecId, answerExecIdLength(event.execId()))
                .execType(ExecType.ORDER_STATUS.fixValue())
                .ordStatus(OrderState.REJECTED.ordStatus())
                .side(Side.BUY.fixValue())
                .text("no working orders match MassStatusReqID (584) '" + command.massStatusReqId() + "'")
                .transactTime(transactTime.buffer(), transactTime.encode(event.timeMillis()));
            report.instrument().symbol(command.symbol() != null ? command.symbol() : NOT_APPLICABLE);
            quantities(report, 0, 0, 0);
        }
        report
            .massStatusReqID(command.massStatusReqId())
            .totNumReports(event.answer().totNumReports())
            .lastRptRequested(event.answer().lastReport());
    }

    /** The answer to an OrderMassCancelRequest. */
    public OrderMassCancelReportEncoder massCancelReport(final OrderEvent event)
    {
        final MassCancelCommand command = event.answer().massCancel();
        final OrderMassCancelReportEncoder report = massCancelReport;
        report.reset();
        report
            .clOrdID(command.clOrdId())
            .orderID(orderId, orderIdLength(event.orderKey()))
            .massCancelRequestType(command.requestType())
            .massCancelResponse(event.answer().accepted() ? command.requestType() : MASS_CANCEL_REJECTED)
            .totalAffectedOrders(event.answer().affectedOrders())
            .transactTime(transactTime.buffer(), transactTime.encode(event.timeMillis()));
        if (!event.answer().accepted())
        {
            // the core refuses a type it does not support, or a by-symbol request without a symbol
            final boolean supportedType =
                command.requestType() == MassCancelCommand.BY_SYMBOL || command.requestType() == MassCancelCommand.ALL;
            report.massCancelRejectReason(supportedType ? INVALID_OR_UNKNOWN_SECURITY : MASS_CANCEL_NOT_SUPPORTED);
        }
        // Symbol is required within the Instrument component; FIX writes "[N/A]" where none applies
        report.instrument().symbol(command.symbol() != null ? command.symbol() : NOT_APPLICABLE);
        if (event.text() != null)
        {
            report.text(event.text());
        }
        return report;
    }

    private void orderTerms(
        final ExecutionReportEncoder report,
        final Order order,
        final ExecType execType,
        final String clOrdId,
        final String origClOrdId,
        final long execIdValue,
        final boolean journaled,
        final long timeMillis)
    {
        report
            .orderID(orderId, orderIdLength(order.orderKey()))
            .execID(journaled ? execId : answerExecId, journaled ? execIdLength(execIdValue) : answerExecIdLength(execIdValue))
            .clOrdID(clOrdId)
            .execType(execType.fixValue())
            .ordStatus(order.ordStatus())
            .side(order.side().fixValue())
            .ordType(order.ordType().fixValue())
            .timeInForce(order.timeInForce().fixValue())
            .transactTime(transactTime.buffer(), transactTime.encode(timeMillis));
        if (origClOrdId != null)
        {
            report.origClOrdID(origClOrdId);
        }
        if (order.account() != null)
        {
            // the client hears which account its order trades in, as it named it
            report.account(order.account());
        }
        report.instrument().symbol(order.symbol());
        report.orderQtyData().orderQty(normalisedValue(order.orderQty()), normalisedScale(order.orderQty()));
        if (order.price() != 0)
        {
            report.price(normalisedValue(order.price()), normalisedScale(order.price()));
        }
        if (order.stopPx() != 0)
        {
            report.stopPx(normalisedValue(order.stopPx()), normalisedScale(order.stopPx()));
        }
        if (order.timeInForce() == TimeInForce.GOOD_TILL_DATE)
        {
            report.expireTime(expireTime.buffer(), expireTime.encode(order.expireTimeMillis()));
        }
        if (order.postOnly())
        {
            report.execInst(POST_ONLY);
        }
        quantities(report, order.cumQty(), order.leavesQty(), order.avgPx());
    }

    private void newOrderRefused(final ExecutionReportEncoder report, final OrderEvent event)
    {
        final NewOrderCommand command = event.answer().newOrder();
        report
            .orderID(orderId, orderIdLength(event.orderKey()))
            .execID(answerExecId, answerExecIdLength(event.execId()))
            .clOrdID(command.clOrdId())
            .execType(ExecType.REJECTED.fixValue())
            .ordStatus(OrderState.REJECTED.ordStatus())
            .side(command.side() != null ? command.side().fixValue() : '1')
            .ordRejReason(event.answer().ordRejReason().fixValue())
            .text(event.text())
            .transactTime(transactTime.buffer(), transactTime.encode(event.timeMillis()));
        if (command.ordType() != null)
        {
            report.ordType(command.ordType().fixValue());
        }
        // Symbol is required in a report: a missing or refused one is said as not applicable
        report.instrument().symbol(command.symbol() != null ? command.symbol() : NOT_APPLICABLE);
        if (command.orderQty() > NewOrderCommand.TOO_PRECISE)
        {
            report.orderQtyData().orderQty(normalisedValue(command.orderQty()), normalisedScale(command.orderQty()));
        }
        quantities(report, 0, 0, 0);
    }

    /**
     * The answer to an OrderStatusRequest for a ClOrdID the session does not have: OrderID NONE,
     * OrdStatus Rejected, with a Text saying so.
     */
    private void statusOfUnknownOrder(final ExecutionReportEncoder report, final OrderEvent event)
    {
        final OrderStatusCommand command = event.answer().statusRequest();
        final String clOrdId = command.clOrdId();
        report
            .orderID(NONE)
            .execID(answerExecId, answerExecIdLength(event.execId()))
            .clOrdID(clOrdId)
            .execType(ExecType.ORDER_STATUS.fixValue())
            .ordStatus(OrderState.REJECTED.ordStatus())
            .side(command.side())
            .text("unknown order: no order with ClOrdID '" + clOrdId + "' in this session, or it finished and is " +
                "no longer held")
            .transactTime(transactTime.buffer(), transactTime.encode(event.timeMillis()));
        // Symbol is required in a report: a missing or refused one is said as not applicable
        report.instrument().symbol(command.symbol() != null ? command.symbol() : NOT_APPLICABLE);
        quantities(report, 0, 0, 0);
    }

    /**
     * The OrderCancelReject a refused cancel or replace is told as; PossResend (97) Y when sent again
     * after a restart.
     */
    public OrderCancelRejectEncoder cancelReject(final OrderEvent event)
    {
        final Order order = event.order();
        final OrderCancelRejectEncoder reject = cancelReject;
        reject.reset();
        reject.header().resetPossResend();
        if (order != null)
        {
            reject.orderID(orderId, orderIdLength(order.orderKey()));
            reject.ordStatus(order.ordStatus());
        }
        else
        {
            // FIX 4.4: OrderID is required; "NONE" when the order is unknown
            reject.orderID(NONE);
            reject.ordStatus(OrderState.REJECTED.ordStatus());
        }
        reject
            .clOrdID(event.clOrdId())
            .origClOrdID(event.origClOrdId())
            .cxlRejResponseTo(event.replaceRefused() ? '2' : '1')
            .cxlRejReason(event.cxlRejReason().fixValue())
            .text(event.text())
            .transactTime(transactTime.buffer(), transactTime.encode(event.timeMillis()));
        if (event.isResent())
        {
            reject.header().possResend(true);
        }
        return reject;
    }

    private int orderIdLength(final long orderKey)
    {
        return orderIdPrefixLength + orderId.putLongAscii(orderIdPrefixLength, orderKey);
    }

    private int execIdLength(final long execIdValue)
    {
        return execIdPrefixLength + execId.putLongAscii(execIdPrefixLength, execIdValue);
    }

    private int answerExecIdLength(final long execIdValue)
    {
        return answerExecIdPrefixLength + answerExecId.putLongAscii(answerExecIdPrefixLength, execIdValue);
    }

    private static void quantities(
        final ExecutionReportEncoder report, final long cumQty, final long leavesQty, final long avgPx)
    {
        report.cumQty(normalisedValue(cumQty), normalisedScale(cumQty));
        report.leavesQty(normalisedValue(leavesQty), normalisedScale(leavesQty));
        report.avgPx(normalisedValue(avgPx), normalisedScale(avgPx));
    }

    // FIX decimals without trailing zeros read better ("0.001" rather than "0.00100000")
    static long normalisedValue(final long fixed)
    {
        return fixed / POWERS_OF_TEN[trailingZeros(fixed)];
    }

    static int normalisedScale(final long fixed)
    {
        return Fixed.SCALE - trailingZeros(fixed);
    }

    private static int trailingZeros(final long fixed)
    {
        int zeros = 0;
        while (zeros < Fixed.SCALE && fixed % POWERS_OF_TEN[zeros + 1] == 0)
        {
            zeros++;
        }
        return zeros;
    }
}
