package io.cryptofix.certification;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.BusinessRejectReason;
import quickfix.field.ClOrdID;
import quickfix.field.ExecType;
import quickfix.field.LastRptRequested;
import quickfix.field.MassCancelRequestType;
import quickfix.field.MassCancelResponse;
import quickfix.field.MassStatusReqID;
import quickfix.field.MassStatusReqType;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TotNumReports;
import quickfix.field.TotalAffectedOrders;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OrderMassStatusRequest (AF) and OrderMassCancelRequest (q) over real TCP with QuickFIX/J as the
 * client. Each test has a gateway of its own, so the session's orders are only the test's.
 */
class MassOperationsCertificationTest
{
    private GatewayFixture gateway;
    private FixTestClient client;

    @BeforeEach
    void startGatewayAndLogOn() throws Exception
    {
        gateway = GatewayFixture.start();
        client = FixTestClient.logOn("RISK", gateway.fixPort());
    }

    @AfterEach
    void logOutAndStop() throws Exception
    {
        // the gateway and its directories go even when a failed test leaves the session unable to log out
        try
        {
            client.logout();
            client.close();
        }
        finally
        {
            gateway.close();
        }
    }

    @Test
    void massStatusReportsEachWorkingOrderWithTheRequestIdAndMarksTheLast() throws Exception
    {
        final String first = restingBuy("BTC/USDT");
        final String second = restingBuy("ETH/USDT");

        client.send(Orders.massStatus("ms-1", MassStatusReqType.STATUS_FOR_ALL_ORDERS, null));

        final Message one = client.next("8");
        final Message two = client.next("8");
        assertThat(one.getString(ClOrdID.FIELD)).isEqualTo(first);
        assertThat(two.getString(ClOrdID.FIELD)).isEqualTo(second);
        for (final Message report : new Message[] {one, two})
        {
            assertThat(report.getChar(ExecType.FIELD)).isEqualTo(ExecType.ORDER_STATUS);
            assertThat(report.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.NEW);
            assertThat(report.getString(MassStatusReqID.FIELD)).isEqualTo("ms-1");
            assertThat(report.getInt(TotNumReports.FIELD)).isEqualTo(2);
        }
        assertThat(one.getBoolean(LastRptRequested.FIELD)).isFalse();
        assertThat(two.getBoolean(LastRptRequested.FIELD)).isTrue();
    }

    @Test
    void massStatusWithNothingWorkingSaysSoAndABySymbolRequestWithoutSymbolIsRejected() throws Exception
    {
        client.send(Orders.massStatus("ms-2", MassStatusReqType.STATUS_FOR_ALL_ORDERS, null));

        final Message none = client.next("8");
        assertThat(none.getString(OrderID.FIELD)).isEqualTo("NONE");
        assertThat(none.getInt(TotNumReports.FIELD)).isZero();
        assertThat(none.getBoolean(LastRptRequested.FIELD)).isTrue();
        assertThat(none.getString(Text.FIELD)).isEqualTo("no working orders match MassStatusReqID (584) 'ms-2'");

        client.send(Orders.massStatus("ms-3", MassStatusReqType.STATUS_FOR_ORDERS_FOR_A_SECURITY, null));
        final Message reject = client.next("j");
        assertThat(reject.getInt(BusinessRejectReason.FIELD)).isEqualTo(BusinessRejectReason.CONDITIONALLY_REQUIRED_FIELD_MISSING);
        assertThat(reject.getString(Text.FIELD)).isEqualTo("Symbol (55) is required for MassStatusReqType (585) 1");
    }

    @Test
    void massCancelBySymbolReportsFirstThenCancelsOnlyThatSymbolsOrders() throws Exception
    {
        final String btc1 = restingBuy("BTC/USDT");
        final String btc2 = restingBuy("BTC/USDT");
        final String eth = restingBuy("ETH/USDT");

        client.send(Orders.massCancel("mc-1", MassCancelRequestType.CANCEL_ORDERS_FOR_A_SECURITY, "BTC/USDT"));

        final Message report = client.next("r");
        assertThat(report.getChar(MassCancelResponse.FIELD)).isEqualTo(MassCancelResponse.CANCEL_ORDERS_FOR_A_SECURITY);
        assertThat(report.getInt(TotalAffectedOrders.FIELD)).isEqualTo(2);
        assertThat(report.getString(Symbol.FIELD)).isEqualTo("BTC/USDT");
        final Set<String> canceled = new HashSet<>();
        for (int i = 0; i < 2; i++)
        {
            final Message cancel = client.next("8");
            assertThat(cancel.getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
            assertThat(cancel.getString(Text.FIELD)).isEqualTo("canceled by OrderMassCancelRequest");
            canceled.add(cancel.getString(ClOrdID.FIELD));
        }
        assertThat(canceled).containsExactlyInAnyOrder(btc1, btc2);

        client.send(Orders.status(eth, Side.BUY, "ETH/USDT"));
        assertThat(client.next("8").getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.NEW);

        client.send(Orders.massCancel("mc-2", '4', null));
        final Message refused = client.next("r");
        assertThat(refused.getChar(MassCancelResponse.FIELD)).isEqualTo(MassCancelResponse.CANCEL_REQUEST_REJECTED_SEE_MASSCANCELREJECTREASON);
        assertThat(refused.getString(Text.FIELD))
            .isEqualTo("MassCancelRequestType (530) 4 is not supported (supported: 1 by Symbol, 7 all)");
    }

    private String restingBuy(final String symbol) throws Exception
    {
        final String clOrdId = Orders.nextClOrdId();
        client.send(Orders.limit(clOrdId, Side.BUY, symbol, "0.01", "100"));
        assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
        return clOrdId;
    }
}
