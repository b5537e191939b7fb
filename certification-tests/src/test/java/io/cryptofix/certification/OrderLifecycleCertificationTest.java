package io.cryptofix.certification;

import io.cryptofix.certification.GatewayConfigYaml.Venue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecRestatementReason;
import quickfix.field.ExecType;
import quickfix.field.LeavesQty;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.PossResend;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Text;
import quickfix.field.TimeInForce;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order lifecycle of FIX 4.4 Volume 4 over real TCP with QuickFIX/J as the client: replace,
 * stops, time in force, post-only and identity rules, on the simulated venue with its native
 * features ({@code SIM}), on one without any, where the gateway emulates them ({@code EMU}), on one
 * that amends orders in place ({@code AMEND}), and on one that rounds to its rules and has a minimum
 * notional ({@code ROUND}).
 */
class OrderLifecycleCertificationTest
{
    private static final String NO_NATIVE_FEATURES =
        "{ stopOrders: false, postOnly: false, immediateOrCancel: false, fillOrKill: false, goodTillDate: false, amend: false }";

    private static GatewayFixture gateway;
    private final Set<String> execIds = new HashSet<>();
    private FixTestClient client;

    @BeforeAll
    static void startGateway()
    {
        gateway = GatewayFixture.start(config -> config
            .venue(Venue.simulated("EMU").supports(NO_NATIVE_FEATURES))
            .venue(Venue.simulated("AMEND").supports(NO_NATIVE_FEATURES.replace("amend: false", "amend: true")))
            .venue(Venue.simulated("ROUND").supports(NO_NATIVE_FEATURES)
                .set("rounding", "round")
                .instrument("BTC/USDT", "{ tickSize: 0.01, lotSize: 0.00001, minQty: 0.00001, minNotional: 10, " +
                    "referencePrice: 60000, levelQty: 0.5 }")));
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
    void aReplaceIsPendingThenReplacedUnderTheNewClOrdIdAndTheOrderKeepsItsOrderId() throws Exception
    {
        final String clOrdId = Orders.nextClOrdId();
        final Message ack = newOrder(Orders.onVenue(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "1000"), "EMU"),
            ExecType.NEW);

        final String replaceId = Orders.nextClOrdId();
        client.send(Orders.replace(replaceId, clOrdId, Side.BUY, "BTC/USDT", "0.02", "1001"));

        final Message pending = expect(ExecType.PENDING_REPLACE, OrdStatus.PENDING_REPLACE);
        assertThat(pending.getString(ClOrdID.FIELD)).isEqualTo(replaceId);
        assertThat(pending.getString(OrigClOrdID.FIELD)).isEqualTo(clOrdId);
        assertThat(pending.getDecimal(OrderQty.FIELD)).isEqualByComparingTo("0.01");
        final Message replaced = expect(ExecType.REPLACED, OrdStatus.NEW);
        assertThat(replaced.getString(ClOrdID.FIELD)).isEqualTo(replaceId);
        assertThat(replaced.getString(OrigClOrdID.FIELD)).isEqualTo(clOrdId);
        assertThat(replaced.getString(OrderID.FIELD)).isEqualTo(ack.getString(OrderID.FIELD));
        assertThat(replaced.getDecimal(OrderQty.FIELD)).isEqualByComparingTo("0.02");
        assertThat(replaced.getDecimal(Price.FIELD)).isEqualByComparingTo("1001");
        assertThat(replaced.getDecimal(LeavesQty.FIELD)).isEqualByComparingTo("0.02");
        assertThat(replaced.getDecimal(CumQty.FIELD)).isEqualByComparingTo("0");

        // the order now answers to the replace's ClOrdID
        client.send(Orders.cancel(Orders.nextClOrdId(), replaceId, Side.BUY, "BTC/USDT"));
        expect(ExecType.PENDING_CANCEL, OrdStatus.PENDING_CANCEL);
        expect(ExecType.CANCELED, OrdStatus.CANCELED);
    }

    @Test
    void aVenueThatAmendsChangesTheOrderInPlaceAndTheClientSeesTheSameReports() throws Exception
    {
        final String clOrdId = Orders.nextClOrdId();
        newOrder(Orders.onVenue(Orders.limit(clOrdId, Side.SELL, "ETH/USDT", "1", "9000"), "AMEND"), ExecType.NEW);

        final String replaceId = Orders.nextClOrdId();
        client.send(Orders.replace(replaceId, clOrdId, Side.SELL, "ETH/USDT", "0.5", "9000.5"));

        expect(ExecType.PENDING_REPLACE, OrdStatus.PENDING_REPLACE);
        final Message replaced = expect(ExecType.REPLACED, OrdStatus.NEW);
        assertThat(replaced.getDecimal(OrderQty.FIELD)).isEqualByComparingTo("0.5");
        assertThat(replaced.getDecimal(Price.FIELD)).isEqualByComparingTo("9000.5");
        assertThat(replaced.getString(ClOrdID.FIELD)).isEqualTo(replaceId);
    }

    @Test
    void aReplaceThatChangesTheSideOrNamesNoOrderIsRejectedAsAReplace() throws Exception
    {
        final String clOrdId = Orders.nextClOrdId();
        newOrder(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "1000"), ExecType.NEW);

        client.send(Orders.replace(Orders.nextClOrdId(), clOrdId, Side.SELL, "BTC/USDT", "0.01", "1000"));
        final Message sideChange = client.next("9");
        assertThat(sideChange.getChar(CxlRejResponseTo.FIELD)).isEqualTo(CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST);
        assertThat(sideChange.getInt(CxlRejReason.FIELD)).isEqualTo(CxlRejReason.OTHER);
        assertThat(sideChange.getString(Text.FIELD)).startsWith("Symbol (55) and Side (54) cannot change");

        client.send(Orders.replace(Orders.nextClOrdId(), "nope", Side.BUY, "BTC/USDT", "0.01", "1000"));
        final Message unknown = client.next("9");
        assertThat(unknown.getChar(CxlRejResponseTo.FIELD)).isEqualTo(CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST);
        assertThat(unknown.getInt(CxlRejReason.FIELD)).isEqualTo(CxlRejReason.UNKNOWN_ORDER);
    }

    @Test
    void anEmulatedStopIsHeldByTheGatewayThenTriggeredRestatedAndFilled() throws Exception
    {
        // a buy stop below the market triggers on the venue's next price
        final String clOrdId = Orders.nextClOrdId();
        final Message ack = newOrder(
            Orders.onVenue(Orders.stop(clOrdId, Side.BUY, OrdType.STOP_STOP_LOSS, "BTC/USDT", "0.01", "50000"), "EMU"),
            ExecType.NEW);
        assertThat(ack.getString(Text.FIELD)).isEqualTo("held by the gateway until the ask reaches StopPx 50000");

        final Message triggered = expect(ExecType.RESTATED, OrdStatus.NEW);
        assertThat(triggered.getInt(ExecRestatementReason.FIELD)).isEqualTo(ExecRestatementReason.OTHER);
        assertThat(triggered.getString(Text.FIELD)).isEqualTo(
            "triggered: StopPx 50000 reached; placed at venue EMU as a market order");

        Message fill;
        do
        {
            fill = expectExecType(ExecType.TRADE);
        }
        while (fill.getChar(OrdStatus.FIELD) != OrdStatus.FILLED);
        assertThat(fill.getDecimal(CumQty.FIELD)).isEqualByComparingTo("0.01");
    }

    @Test
    void aHeldStopIsCanceledAtOnceWhileANativeStopIsCanceledAtTheVenue() throws Exception
    {
        final String held = Orders.nextClOrdId();
        newOrder(Orders.onVenue(Orders.stop(held, Side.BUY, OrdType.STOP_STOP_LOSS, "BTC/USDT", "0.01", "90000"), "EMU"),
            ExecType.NEW);
        client.send(Orders.cancel(Orders.nextClOrdId(), held, Side.BUY, "BTC/USDT"));
        expect(ExecType.CANCELED, OrdStatus.CANCELED);

        final String atVenue = Orders.nextClOrdId();
        final Message ack = newOrder(Orders.stop(atVenue, Side.BUY, OrdType.STOP_STOP_LOSS, "BTC/USDT", "0.01", "90000"),
            ExecType.NEW);
        assertThat(ack.isSetField(Text.FIELD)).isFalse();
        client.send(Orders.cancel(Orders.nextClOrdId(), atVenue, Side.BUY, "BTC/USDT"));
        expect(ExecType.PENDING_CANCEL, OrdStatus.PENDING_CANCEL);
        expect(ExecType.CANCELED, OrdStatus.CANCELED);
    }

    @Test
    void stopAndStopLimitNeedTheirPrices() throws Exception
    {
        final Message stopLimitWithoutPrice = newOrder(
            Orders.stop(Orders.nextClOrdId(), Side.BUY, OrdType.STOP_LIMIT, "BTC/USDT", "0.01", "70000"), ExecType.REJECTED);
        assertThat(stopLimitWithoutPrice.getString(Text.FIELD)).isEqualTo("Price (44) is required for OrdType (40) 4 (StopLimit)");

        final quickfix.fix44.NewOrderSingle stopWithoutStopPx =
            Orders.market(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01");
        stopWithoutStopPx.set(new OrdType(OrdType.STOP_STOP_LOSS));
        final Message rejected = newOrder(stopWithoutStopPx, ExecType.REJECTED);
        assertThat(rejected.getString(Text.FIELD)).isEqualTo("StopPx (99) is required for OrdType (40) 3 (Stop)");
    }

    @Test
    void anIocLimitThatCannotTradeIsCanceledByTheGatewayOrByAVenueThatHasIoc() throws Exception
    {
        newOrder(Orders.onVenue(Orders.timeInForce(
            Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "1000"), TimeInForce.IMMEDIATE_OR_CANCEL), "EMU"),
            ExecType.NEW);
        final Message emulated = expect(ExecType.CANCELED, OrdStatus.CANCELED);
        assertThat(emulated.getString(Text.FIELD)).isEqualTo("IOC: unfilled quantity canceled");

        newOrder(Orders.timeInForce(
            Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "1000"), TimeInForce.IMMEDIATE_OR_CANCEL),
            ExecType.NEW);
        final Message native_ = expect(ExecType.CANCELED, OrdStatus.CANCELED);
        assertThat(native_.getString(Text.FIELD)).isEqualTo("IOC: unfilled quantity canceled");
    }

    @Test
    void fillOrKillIsRejectedWhereTheVenueLacksItAndKilledByAVenueThatHasIt() throws Exception
    {
        final Message rejected = newOrder(Orders.onVenue(Orders.timeInForce(
            Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "1000"), TimeInForce.FILL_OR_KILL), "EMU"),
            ExecType.REJECTED);
        assertThat(rejected.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC);
        assertThat(rejected.getString(Text.FIELD)).isEqualTo("TimeInForce (59) 4 (FOK) is not supported by this venue");

        newOrder(Orders.timeInForce(
            Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "1000"), TimeInForce.FILL_OR_KILL),
            ExecType.NEW);
        final Message killed = expect(ExecType.CANCELED, OrdStatus.CANCELED);
        assertThat(killed.getDecimal(CumQty.FIELD)).isEqualByComparingTo("0");
        assertThat(killed.getString(Text.FIELD)).isEqualTo("FOK: not enough liquidity to fill completely");
    }

    @Test
    void aGoodTillDateOrderExpiresAtItsExpireTime() throws Exception
    {
        final Instant expireTime = Instant.now().plusSeconds(2);
        final Message ack = newOrder(Orders.goodTillDate(
            Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "1000"), expireTime), ExecType.NEW);
        assertThat(ack.getChar(TimeInForce.FIELD)).isEqualTo(TimeInForce.GOOD_TILL_DATE);

        final Message expired = expect(ExecType.EXPIRED, OrdStatus.EXPIRED);
        assertThat(expired.getDecimal(LeavesQty.FIELD)).isEqualByComparingTo("0");
        assertThat(expired.getString(Text.FIELD)).startsWith("expired: ExpireTime (126) ");
        assertThat(Instant.now()).isAfterOrEqualTo(expireTime.minusMillis(1));
    }

    @Test
    void aGoodTillDateOrderWhoseTimeHasPassedIsTooLateToEnter() throws Exception
    {
        final Message rejected = newOrder(Orders.goodTillDate(
            Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "1000"), Instant.now().minusSeconds(60)),
            ExecType.REJECTED);

        assertThat(rejected.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.TOO_LATE_TO_ENTER);
    }

    @Test
    void aPostOnlyOrderThatWouldTakeIsRejectedByTheVenueAndElsewhereByTheGateway() throws Exception
    {
        final Message wouldTake = newOrder(Orders.postOnly(
            Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "99999")), ExecType.REJECTED);
        assertThat(wouldTake.getString(Text.FIELD)).isEqualTo("rejected by venue SIM: post-only order would take liquidity");

        final Message unsupported = newOrder(Orders.onVenue(Orders.postOnly(
            Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "1000")), "EMU"), ExecType.REJECTED);
        assertThat(unsupported.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC);
    }

    @Test
    void aReusedClOrdIdIsADuplicateUnlessItIsAPossResendWhichReportsTheOrderInstead() throws Exception
    {
        final String clOrdId = Orders.nextClOrdId();
        final Message ack = newOrder(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "1000"), ExecType.NEW);

        final Message duplicate = newOrder(Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "1000"), ExecType.REJECTED);
        assertThat(duplicate.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.DUPLICATE_ORDER);

        final quickfix.fix44.NewOrderSingle resend = Orders.limit(clOrdId, Side.BUY, "BTC/USDT", "0.01", "1000");
        resend.getHeader().setBoolean(PossResend.FIELD, true);
        final Message status = newOrder(resend, ExecType.ORDER_STATUS);
        assertThat(status.getString(OrderID.FIELD)).isEqualTo(ack.getString(OrderID.FIELD));
        assertThat(status.getString(Text.FIELD)).contains("PossResend");
    }

    @Test
    void aVenueThatRoundsSaysWhatItChangedAndEnforcesItsMinimumNotional() throws Exception
    {
        final Message rounded = newOrder(Orders.onVenue(
            Orders.limit(Orders.nextClOrdId(), Side.SELL, "BTC/USDT", "0.000123", "100000.005"), "ROUND"), ExecType.NEW);
        assertThat(rounded.getDecimal(OrderQty.FIELD)).isEqualByComparingTo("0.00012");
        assertThat(rounded.getDecimal(Price.FIELD)).isEqualByComparingTo("100000.01");
        assertThat(rounded.getString(Text.FIELD)).isEqualTo("OrderQty rounded down to the lot 0.00001: 0.000123 -> 0.00012; " +
            "Price rounded to the tick 0.01: 100000.005 -> 100000.01");

        final Message tooSmall = newOrder(Orders.onVenue(
            Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.00001", "1000"), "ROUND"), ExecType.REJECTED);
        assertThat(tooSmall.getString(Text.FIELD))
            .isEqualTo("notional 0.01 (OrderQty x Price) is below the minimum notional 10 for BTC/USDT at ROUND");
    }

    /** Sends a new order and returns its first ExecutionReport, which must be of {@code execType}. */
    private Message newOrder(final quickfix.fix44.NewOrderSingle order, final char execType) throws Exception
    {
        client.send(order);
        return expectExecType(execType);
    }

    private Message expect(final char execType, final char ordStatus) throws Exception
    {
        final Message report = expectExecType(execType);
        assertThat(report.getChar(OrdStatus.FIELD)).as("OrdStatus of %s", report).isEqualTo(ordStatus);
        return report;
    }

    private Message expectExecType(final char execType) throws Exception
    {
        final Message report = nextExecutionReport();
        assertThat(report.getChar(ExecType.FIELD)).as("ExecType of %s", report).isEqualTo(execType);
        return report;
    }

    private Message nextExecutionReport() throws Exception
    {
        final Message report = client.next("8");
        assertThat(execIds.add(report.getString(ExecID.FIELD)))
            .as("ExecID %s is unique", report.getString(ExecID.FIELD)).isTrue();
        return report;
    }
}
