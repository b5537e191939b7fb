package io.cryptofix.certification;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import quickfix.Message;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TransactTime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order flow on the simulated venue, end to end: QuickFIX/J client, TCP, Artio, order core, venue
 * worker, matching engine, and back.
 */
class OrderFlowCertificationTest
{
    private static GatewayFixture gateway;
    private final Set<String> execIds = new HashSet<>();
    private FixTestClient client;

    @BeforeAll
    static void startGateway()
    {
        gateway = GatewayFixture.start();
    }

    @AfterAll
    static void stopGateway()
    {
        gateway.close();
    }

    @BeforeEach
    void logOn() throws Exception
    {
        client = FixTestClient.logOn("RISK", gateway.fixPort());
    }

    @AfterEach
    void logOut() throws Exception
    {
        client.logout();
        client.close();
    }

    @Test
    void restingLimitOrderIsAcknowledgedNew() throws Exception
    {
        final String clOrdId = Orders.nextClOrdId();
        client.send(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.001", "1000"));

        final Message report = nextExecutionReport();
        assertThat(report.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
        assertThat(report.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.NEW);
        assertThat(report.getString(ClOrdID.FIELD)).isEqualTo(clOrdId);
        assertThat(report.getString(Symbol.FIELD)).isEqualTo("BTC/USDT");
        assertThat(report.getChar(Side.FIELD)).isEqualTo(Side.BUY);
        assertThat(report.getDecimal(OrderQty.FIELD)).isEqualByComparingTo("0.001");
        assertThat(report.getDecimal(CumQty.FIELD)).isEqualByComparingTo("0");
        assertThat(report.getDecimal(LeavesQty.FIELD)).isEqualByComparingTo("0.001");
        assertThat(report.getDecimal(AvgPx.FIELD)).isEqualByComparingTo("0");
        assertThat(report.getString(OrderID.FIELD)).isNotBlank();
        assertThat(report.isSetField(TransactTime.FIELD)).isTrue();
        assertThat(client.hasPendingApplicationMessages()).isFalse();
    }

    @Test
    void marketableOrderFillsCompletelyWithConsistentQuantities() throws Exception
    {
        final String clOrdId = Orders.nextClOrdId();
        client.send(Orders.market(clOrdId, Side.BUY, "ETH/USDT", "0.5"));

        final Message ack = nextExecutionReport();
        assertThat(ack.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
        final FillTotals totals = collectFillsUntilDone(clOrdId, ack.getString(OrderID.FIELD));

        assertThat(totals.lastStatus).isEqualTo(OrdStatus.FILLED);
        assertThat(totals.sumLastQty).isEqualByComparingTo("0.5");
    }

    @Test
    void largeMarketOrderFillsAcrossSeveralPriceLevels() throws Exception
    {
        // the synthetic book rests 0.5 BTC per level: 2 BTC must take at least four levels
        final String clOrdId = Orders.nextClOrdId();
        client.send(Orders.market(clOrdId, Side.SELL, "BTC/USDT", "2"));

        final Message ack = nextExecutionReport();
        assertThat(ack.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
        final FillTotals totals = collectFillsUntilDone(clOrdId, ack.getString(OrderID.FIELD));

        assertThat(totals.fills).isGreaterThanOrEqualTo(4);
        assertThat(totals.distinctPrices.size()).isGreaterThanOrEqualTo(4);
        assertThat(totals.lastStatus).isEqualTo(OrdStatus.FILLED);
        assertThat(totals.sumLastQty).isEqualByComparingTo("2");
    }

    @Test
    void cancelOfRestingOrderReportsPendingCancelThenCanceled() throws Exception
    {
        final String clOrdId = Orders.nextClOrdId();
        client.send(Orders.limit(clOrdId, Side.SELL, "SOL/USDT", "1.5", "100000"));
        final Message ack = nextExecutionReport();
        assertThat(ack.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

        final String cancelId = Orders.nextClOrdId();
        client.send(Orders.cancel(cancelId, clOrdId, Side.SELL, "SOL/USDT"));

        final Message pending = nextExecutionReport();
        assertThat(pending.getChar(ExecType.FIELD)).isEqualTo(ExecType.PENDING_CANCEL);
        assertThat(pending.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.PENDING_CANCEL);
        assertThat(pending.getString(ClOrdID.FIELD)).isEqualTo(cancelId);
        assertThat(pending.getString(OrigClOrdID.FIELD)).isEqualTo(clOrdId);
        assertThat(pending.getDecimal(LeavesQty.FIELD)).isEqualByComparingTo("1.5");

        final Message canceled = nextExecutionReport();
        assertThat(canceled.getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
        assertThat(canceled.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.CANCELED);
        assertThat(canceled.getString(ClOrdID.FIELD)).isEqualTo(cancelId);
        assertThat(canceled.getString(OrigClOrdID.FIELD)).isEqualTo(clOrdId);
        assertThat(canceled.getString(OrderID.FIELD)).isEqualTo(ack.getString(OrderID.FIELD));
        assertThat(canceled.getDecimal(LeavesQty.FIELD)).isEqualByComparingTo("0");
        assertThat(canceled.getDecimal(CumQty.FIELD)).isEqualByComparingTo("0");
    }

    @Test
    void statusRequestReportsTheRestingOrderAsItStands() throws Exception
    {
        final String clOrdId = Orders.nextClOrdId();
        client.send(Orders.limit(clOrdId, Side.BUY, "SOL/USDT", "2", "1"));
        final Message ack = nextExecutionReport();

        client.send(Orders.status(clOrdId, Side.BUY, "SOL/USDT"));

        final Message status = nextExecutionReport();
        assertThat(status.getChar(ExecType.FIELD)).isEqualTo(ExecType.ORDER_STATUS);
        assertThat(status.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.NEW);
        assertThat(status.getString(OrderID.FIELD)).isEqualTo(ack.getString(OrderID.FIELD));
        assertThat(status.getDecimal(LeavesQty.FIELD)).isEqualByComparingTo("2");
        assertThat(status.getDecimal(CumQty.FIELD)).isEqualByComparingTo("0");
    }

    @Test
    void statusRequestForUnknownClOrdIdSaysSo() throws Exception
    {
        client.send(Orders.status("NO-SUCH-ORDER", Side.SELL, "BTC/USDT"));

        final Message status = nextExecutionReport();
        assertThat(status.getChar(ExecType.FIELD)).isEqualTo(ExecType.ORDER_STATUS);
        assertThat(status.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.REJECTED);
        assertThat(status.getString(OrderID.FIELD)).isEqualTo("NONE");
        assertThat(status.getString(Text.FIELD)).contains("NO-SUCH-ORDER");
    }

    @Test
    void cancelOfUnknownClOrdIdIsRejected() throws Exception
    {
        final String cancelId = Orders.nextClOrdId();
        client.send(Orders.cancel(cancelId, "NO-SUCH-ORDER", Side.BUY, "BTC/USDT"));

        final Message reject = client.next("9");
        assertThat(reject.getString(ClOrdID.FIELD)).isEqualTo(cancelId);
        assertThat(reject.getString(OrigClOrdID.FIELD)).isEqualTo("NO-SUCH-ORDER");
        assertThat(reject.getInt(CxlRejReason.FIELD)).isEqualTo(CxlRejReason.UNKNOWN_ORDER);
        assertThat(reject.getChar(CxlRejResponseTo.FIELD)).isEqualTo(CxlRejResponseTo.ORDER_CANCEL_REQUEST);
        assertThat(reject.getString(Text.FIELD)).contains("NO-SUCH-ORDER");
    }

    @Test
    void cancelOfFilledOrderIsRejectedTooLate() throws Exception
    {
        final String clOrdId = Orders.nextClOrdId();
        client.send(Orders.market(clOrdId, Side.BUY, "BTC/USDT", "0.001"));
        final Message ack = nextExecutionReport();
        collectFillsUntilDone(clOrdId, ack.getString(OrderID.FIELD));

        client.send(Orders.cancel(Orders.nextClOrdId(), clOrdId, Side.BUY, "BTC/USDT"));

        final Message reject = client.next("9");
        assertThat(reject.getInt(CxlRejReason.FIELD)).isEqualTo(CxlRejReason.TOO_LATE_TO_CANCEL);
        assertThat(reject.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
        assertThat(reject.getString(OrderID.FIELD)).isEqualTo(ack.getString(OrderID.FIELD));
    }

    @Test
    void unknownSymbolIsRejectedWithReason() throws Exception
    {
        client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "DOGE/USDT", "1", "0.1"));

        final Message reject = expectRejected(OrdRejReason.UNKNOWN_SYMBOL);
        assertThat(reject.getString(Text.FIELD)).contains("DOGE/USDT");
    }

    @Test
    void unknownVenueIsRejectedWithReason() throws Exception
    {
        client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "1", "1000"), "NOWHERE"));

        final Message reject = expectRejected(OrdRejReason.OTHER);
        assertThat(reject.getString(Text.FIELD)).contains("ExDestination").contains("NOWHERE");
    }

    @Test
    void zeroQuantityIsRejectedWithReason() throws Exception
    {
        client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0", "1000"));

        final Message reject = expectRejected(OrdRejReason.INCORRECT_QUANTITY);
        assertThat(reject.getString(Text.FIELD)).contains("OrderQty");
    }

    @Test
    void negativeQuantityIsRejectedWithReason() throws Exception
    {
        client.send(Orders.market(Orders.nextClOrdId(), Side.SELL, "BTC/USDT", "-1"));

        final Message reject = expectRejected(OrdRejReason.INCORRECT_QUANTITY);
        assertThat(reject.getString(Text.FIELD)).contains("OrderQty");
    }

    @Test
    void limitPriceOffTheTickIsRejectedNamingTheRule() throws Exception
    {
        client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.001", "1000.005"));

        final Message reject = expectRejected(OrdRejReason.OTHER);
        assertThat(reject.getString(Text.FIELD))
            .isEqualTo("Price (44) 1000.005 is not a multiple of the tick size 0.01 for BTC/USDT at SIM");
    }

    @Test
    void quantityOffTheLotSizeIsRejectedNamingTheRule() throws Exception
    {
        client.send(Orders.market(Orders.nextClOrdId(), Side.SELL, "ETH/USDT", "0.00015"));

        final Message reject = expectRejected(OrdRejReason.INCORRECT_QUANTITY);
        assertThat(reject.getString(Text.FIELD)).contains("lot size 0.0001").contains("ETH/USDT at SIM");
    }

    @Test
    void limitOrderWithoutPriceIsRejectedWithReason() throws Exception
    {
        final quickfix.fix44.NewOrderSingle order = Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "1", "1");
        order.removeField(quickfix.field.Price.FIELD);
        client.send(order);

        final Message reject = expectRejected(OrdRejReason.OTHER);
        assertThat(reject.getString(Text.FIELD)).contains("Price (44)");
    }

    private Message expectRejected(final int ordRejReason) throws Exception
    {
        final Message report = nextExecutionReport();
        assertThat(report.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
        assertThat(report.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.REJECTED);
        assertThat(report.getInt(OrdRejReason.FIELD)).isEqualTo(ordRejReason);
        assertThat(report.getDecimal(LeavesQty.FIELD)).isEqualByComparingTo("0");
        return report;
    }

    private Message nextExecutionReport() throws Exception
    {
        final Message report = client.next("8");
        assertThat(execIds.add(report.getString(ExecID.FIELD)))
            .as("ExecID %s is unique", report.getString(ExecID.FIELD)).isTrue();
        return report;
    }

    private FillTotals collectFillsUntilDone(final String clOrdId, final String orderId) throws Exception
    {
        final FillTotals totals = new FillTotals();
        BigDecimal notional = BigDecimal.ZERO;
        while (true)
        {
            final Message fill = nextExecutionReport();
            assertThat(fill.getString(ClOrdID.FIELD)).isEqualTo(clOrdId);
            assertThat(fill.getString(OrderID.FIELD)).isEqualTo(orderId);
            final char execType = fill.getChar(ExecType.FIELD);
            totals.lastStatus = fill.getChar(OrdStatus.FIELD);
            if (execType == ExecType.CANCELED)
            {
                return totals;
            }
            assertThat(execType).isEqualTo(ExecType.TRADE);
            final BigDecimal lastQty = fill.getDecimal(LastQty.FIELD);
            final BigDecimal lastPx = fill.getDecimal(LastPx.FIELD);
            totals.fills++;
            totals.distinctPrices.add(lastPx.stripTrailingZeros());
            totals.sumLastQty = totals.sumLastQty.add(lastQty);
            notional = notional.add(lastQty.multiply(lastPx));

            final BigDecimal orderQty = fill.getDecimal(OrderQty.FIELD);
            assertThat(fill.getDecimal(CumQty.FIELD)).isEqualByComparingTo(totals.sumLastQty);
            assertThat(fill.getDecimal(LeavesQty.FIELD)).isEqualByComparingTo(orderQty.subtract(totals.sumLastQty));
            final BigDecimal expectedAvgPx = notional.divide(totals.sumLastQty, MathContext.DECIMAL64);
            assertThat(fill.getDecimal(AvgPx.FIELD).subtract(expectedAvgPx).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.00000001"));
            if (totals.lastStatus == OrdStatus.FILLED)
            {
                return totals;
            }
            assertThat(totals.lastStatus).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        }
    }

    private static final class FillTotals
    {
        int fills;
        char lastStatus;
        BigDecimal sumLastQty = BigDecimal.ZERO;
        final Set<BigDecimal> distinctPrices = new HashSet<>();
    }

}
