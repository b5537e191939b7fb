package io.cryptofix.translation;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.order.MassCancelCommand;
import io.cryptofix.order.MassStatusCommand;
import io.cryptofix.order.ExecutionReportListener;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.Order;
import io.cryptofix.order.OrderCore;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderStatusCommand;
import io.cryptofix.order.VenueRouter;
import org.junit.jupiter.api.Test;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.decoder.ExecutionReportDecoder;
import uk.co.real_logic.artio.decoder.OrderCancelRejectDecoder;
import uk.co.real_logic.artio.decoder.OrderMassCancelReportDecoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ExecutionReports and OrderCancelRejects as a client decodes them: encoded here, decoded with the
 * generated FIX 4.4 decoders.
 */
class ExecutionReportTranslatorTest
{
    private static final long TIME = 1_767_225_600_123L; // 2026-01-01T00:00:00.123Z

    private final ExecutionReportTranslator translator = new ExecutionReportTranslator("RUN");
    private final MutableAsciiBuffer buffer = new MutableAsciiBuffer(new byte[4096]);
    private Order order;

    @Test
    void fillReportCarriesIdsQuantitiesAndPricesWithoutTrailingZeros()
    {
        final Order filled = partFilledOrder();

        final ExecutionReportDecoder report = decode(
            translator.executionReport(filled, ExecType.TRADE, filled.clOrdId(), null, 7, fixed("0.25"), fixed("60000.5"), null, TIME));

        assertThat(report.orderIDAsString()).isEqualTo("RUN-1");
        assertThat(report.execIDAsString()).isEqualTo("RUN-E7");
        assertThat(report.clOrdIDAsString()).isEqualTo("c-1");
        assertThat(report.execType()).isEqualTo('F');
        assertThat(report.ordStatus()).isEqualTo('1');
        assertThat(report.side()).isEqualTo('1');
        assertThat(report.symbolAsString()).isEqualTo("BTC/USDT");
        assertThat(report.orderQty().toString()).isEqualTo("1.5");
        assertThat(report.price().toString()).isEqualTo("60001");
        assertThat(report.lastQty().toString()).isEqualTo("0.25");
        assertThat(report.lastPx().toString()).isEqualTo("60000.5");
        assertThat(report.cumQty().toString()).isEqualTo("0.25");
        assertThat(report.leavesQty().toString()).isEqualTo("1.25");
        assertThat(report.avgPx().toString()).isEqualTo("60000.5");
        assertThat(report.transactTimeAsString()).isEqualTo("20260101-00:00:00.123");
        assertThat(report.hasText()).isFalse();
    }

    @Test
    void newOrderRejectCarriesReasonTextAndZeroQuantities()
    {
        final NewOrderCommand command = new NewOrderCommand().set(
            9, "c-9", "DOGE/USDT", "SIM", Side.SELL, OrdType.MARKET, fixed("2"), NewOrderCommand.ABSENT, 0);

        final ExecutionReportDecoder report = decode(translator.newOrderRejected(
            command, 3, 4, OrdRejReason.UNKNOWN_SYMBOL, "unknown Symbol (55) 'DOGE/USDT' at venue SIM", TIME));

        assertThat(report.orderIDAsString()).isEqualTo("RUN-3");
        assertThat(report.execIDAsString()).isEqualTo("RUN-X4");
        assertThat(report.execType()).isEqualTo('8');
        assertThat(report.ordStatus()).isEqualTo('8');
        assertThat(report.ordRejReason()).isEqualTo(1);
        assertThat(report.textAsString()).contains("DOGE/USDT");
        assertThat(report.side()).isEqualTo('2');
        assertThat(report.orderQty().toString()).isEqualTo("2");
        assertThat(report.leavesQty().toString()).isEqualTo("0");
        assertThat(report.cumQty().toString()).isEqualTo("0");
    }

    @Test
    void cancelRejectOfUnknownOrderSaysNoneAndRespondsToCancelRequest()
    {
        final OrderCancelRejectDecoder reject = decodeCancelReject(
            translator.cancelRejected("x-1", "nope", false, null, CxlRejReason.UNKNOWN_ORDER, "unknown order", TIME));

        assertThat(reject.orderIDAsString()).isEqualTo("NONE");
        assertThat(reject.clOrdIDAsString()).isEqualTo("x-1");
        assertThat(reject.origClOrdIDAsString()).isEqualTo("nope");
        assertThat(reject.cxlRejReason()).isEqualTo(1);
        assertThat(reject.cxlRejResponseTo()).isEqualTo('1');
        assertThat(reject.ordStatus()).isEqualTo('8');
    }

    @Test
    void aRefusalSentAgainAfterARestartSaysPossResendAndTheNextOneDoesNot()
    {
        final Order filled = partFilledOrder();

        final OrderCancelRejectDecoder resent = decodeCancelReject(translator.resentCancelRejected(
            "c-1-X", "c-1", true, filled, CxlRejReason.TOO_LATE_TO_CANCEL, "too late", TIME));

        assertThat(resent.header().hasPossResend()).isTrue();
        assertThat(resent.header().possResend()).isTrue();
        assertThat(resent.orderIDAsString()).isEqualTo("RUN-1");
        assertThat(resent.cxlRejResponseTo()).isEqualTo('2');
        assertThat(decodeCancelReject(translator.cancelRejected(
            "c-1-Y", "c-1", false, filled, CxlRejReason.TOO_LATE_TO_CANCEL, "too late", TIME)).header().hasPossResend())
            .as("the encoder is reused: the flag must not stay").isFalse();
    }

    @Test
    void massCancelReportForAllOrdersEncodesWithSymbolNotApplicable()
    {
        final MassCancelCommand command = new MassCancelCommand().set(9, "mc-1", MassCancelCommand.ALL, null);

        final OrderMassCancelReportDecoder report = decodeMassCancelReport(
            translator.massCancelReport(command, 5, true, 3, null, TIME));

        assertThat(report.clOrdIDAsString()).isEqualTo("mc-1");
        assertThat(report.orderIDAsString()).isEqualTo("RUN-5");
        assertThat(report.massCancelRequestType()).isEqualTo('7');
        assertThat(report.massCancelResponse()).isEqualTo('7');
        assertThat(report.totalAffectedOrders()).isEqualTo(3);
        assertThat(report.symbolAsString()).isEqualTo("[N/A]");
    }

    @Test
    void refusedMassCancelReportSaysRejectedWithReasonAndText()
    {
        final MassCancelCommand unsupported = new MassCancelCommand().set(9, "mc-2", '4', "ETH/USDT");
        final OrderMassCancelReportDecoder report = decodeMassCancelReport(
            translator.massCancelReport(unsupported, 6, false, 0, "no", TIME));

        assertThat(report.massCancelResponse()).isEqualTo('0');
        assertThat(report.massCancelRejectReasonAsString()).isEqualTo("0");
        assertThat(report.symbolAsString()).isEqualTo("ETH/USDT");
        assertThat(report.textAsString()).isEqualTo("no");

        final MassCancelCommand noSymbol = new MassCancelCommand().set(9, "mc-3", MassCancelCommand.BY_SYMBOL, null);
        assertThat(decodeMassCancelReport(translator.massCancelReport(noSymbol, 7, false, 0, "no", TIME))
            .massCancelRejectReasonAsString()).isEqualTo("1");
    }

    @Test
    void massStatusWithNoOrderIsOneReportSayingSo()
    {
        final MassStatusCommand command = new MassStatusCommand().set(9, "ms-1", MassStatusCommand.ALL, null);

        final ExecutionReportDecoder report = decode(translator.massStatusReport(command, null, 8, 0, true, TIME));

        assertThat(report.orderIDAsString()).isEqualTo("NONE");
        assertThat(report.execType()).isEqualTo('I');
        assertThat(report.massStatusReqIDAsString()).isEqualTo("ms-1");
        assertThat(report.totNumReports()).isZero();
        assertThat(report.lastRptRequested()).isTrue();
        assertThat(report.symbolAsString()).isEqualTo("[N/A]");
    }

    private OrderMassCancelReportDecoder decodeMassCancelReport(final Encoder encoder)
    {
        final long result = encodeWithHeader(encoder);
        final OrderMassCancelReportDecoder decoder = new OrderMassCancelReportDecoder();
        decoder.decode(buffer, Encoder.offset(result), Encoder.length(result));
        assertThat(decoder.validate()).as("valid r: tag %s", decoder.invalidTagId()).isTrue();
        return decoder;
    }

    private Order partFilledOrder()
    {
        final InstrumentCatalog instruments = new InstrumentCatalog()
            .add(new Instrument("SIM", "BTC/USDT", fixed("0.01"), fixed("0.00001"), fixed("0.00001")));
        final VenueRouter venues = new VenueRouter()
        {
            @Override
            public boolean submit(final Order submitted)
            {
                order = submitted;
                return true;
            }

            @Override
            public boolean cancel(final Order canceled)
            {
                return true;
            }

            @Override
            public boolean amend(final Order amended, final long orderQty, final long price, final long stopPx)
            {
                return true;
            }

            @Override
            public boolean query(final Order queried)
            {
                return true;
            }
        };
        final OrderCore core = new OrderCore(instruments, venues, new IgnoringListener());
        core.onNewOrder(new NewOrderCommand().set(
            1, "c-1", "BTC/USDT", "SIM", Side.BUY, OrdType.LIMIT, fixed("1.5"), fixed("60001"), 0), TIME);
        core.onVenueAccepted(order.orderKey(), "V-1", TIME);
        core.onVenueFill(order.orderKey(), fixed("0.25"), fixed("60000.5"), TIME);
        return order;
    }

    private ExecutionReportDecoder decode(final Encoder encoder)
    {
        final long result = encodeWithHeader(encoder);
        final ExecutionReportDecoder decoder = new ExecutionReportDecoder();
        decoder.decode(buffer, Encoder.offset(result), Encoder.length(result));
        return decoder;
    }

    private OrderCancelRejectDecoder decodeCancelReject(final Encoder encoder)
    {
        final long result = encodeWithHeader(encoder);
        final OrderCancelRejectDecoder decoder = new OrderCancelRejectDecoder();
        decoder.decode(buffer, Encoder.offset(result), Encoder.length(result));
        return decoder;
    }

    // in the gateway Artio's session fills the header; here the test does
    private long encodeWithHeader(final Encoder encoder)
    {
        encoder.header()
            .senderCompID("GATEWAY")
            .targetCompID("RISK")
            .msgSeqNum(1)
            .sendingTime("20260101-00:00:00.123".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return encoder.encode(buffer, 0);
    }

    private static long fixed(final String value)
    {
        return Fixed.fromBigDecimal(new BigDecimal(value));
    }

    private static final class IgnoringListener implements ExecutionReportListener
    {
        @Override
        public void onExecutionReport(
            final Order order, final ExecType execType, final String clOrdId, final String origClOrdId,
            final long execId, final long lastQty, final long lastPx, final String text, final long timeMillis)
        {
        }

        @Override
        public void onNewOrderRejected(
            final NewOrderCommand command, final long orderKey, final long execId, final OrdRejReason reason,
            final String text, final long timeMillis)
        {
        }

        @Override
        public void onCancelRejected(
            final long sessionId, final String clOrdId, final String origClOrdId, final boolean replace,
            final Order order, final CxlRejReason reason, final String text, final long timeMillis)
        {
        }

        @Override
        public void onMassCancelReport(
            final MassCancelCommand command, final long reportKey, final boolean accepted, final int affectedOrders,
            final String text, final long timeMillis)
        {
        }

        @Override
        public void onMassStatusReport(
            final MassStatusCommand command, final Order order, final long execId, final int totNumReports,
            final boolean last, final long timeMillis)
        {
        }

        @Override
        public void onIllegalTransition(final Order order, final OrderEvent event, final long timeMillis)
        {
        }

        @Override
        public void onUnknownOrder(final long orderKey, final OrderEvent event, final long timeMillis)
        {
        }

        @Override
        public void onStatusOfUnknownOrder(
            final OrderStatusCommand command, final long execId, final long timeMillis)
        {
        }
    }
}
