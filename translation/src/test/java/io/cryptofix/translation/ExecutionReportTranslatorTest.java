package io.cryptofix.translation;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.TestCatalog;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.order.CancelOrderCommand;
import io.cryptofix.order.MassCancelCommand;
import io.cryptofix.order.MassStatusCommand;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.OrderCore;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderEventType;
import io.cryptofix.order.TradingScope;
import io.cryptofix.order.VenueRouter;
import org.junit.jupiter.api.Test;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.decoder.ExecutionReportDecoder;
import uk.co.real_logic.artio.decoder.OrderCancelRejectDecoder;
import uk.co.real_logic.artio.decoder.OrderMassCancelReportDecoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.util.ArrayList;
import java.util.List;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ExecutionReports and OrderCancelRejects as a client decodes them: the events of a real order core,
 * encoded here as the FIX side encodes them, decoded with the generated FIX 4.4 decoders.
 */
class ExecutionReportTranslatorTest
{
    private static final long TIME = 1_767_225_600_123L; // 2026-01-01T00:00:00.123Z

    private final ExecutionReportTranslator translator = new ExecutionReportTranslator("RUN");
    private final MutableAsciiBuffer buffer = new MutableAsciiBuffer(new byte[4096]);
    private final List<byte[]> messages = new ArrayList<>();
    private final OrderCore core = new OrderCore(
        TestCatalog.venue("SIM").trades("BTC/USDT", "0.01", "0.00001", "0.00001").build(), new AcceptingVenue(),
        this::encode);

    @Test
    void fillReportCarriesIdsQuantitiesAndPricesWithoutTrailingZeros()
    {
        partFilledOrder();

        final ExecutionReportDecoder report = decodeReport(last());

        assertThat(report.orderIDAsString()).isEqualTo("RUN-1");
        assertThat(report.execIDAsString()).isEqualTo("RUN-E2");
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

        core.onNewOrder(command, TIME);
        final ExecutionReportDecoder report = decodeReport(last());

        assertThat(report.orderIDAsString()).isEqualTo("RUN-1");
        assertThat(report.execIDAsString()).as("an answer the journal does not keep").isEqualTo("RUN-X1");
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
    void newOrderRefusedForItsSymbolReportsSymbolNotApplicable()
    {
        // the translator leaves out a Symbol that breaks the identifier rule; FIX requires one in the report
        final NewOrderCommand command = new NewOrderCommand().set(
            9, "c-9", null, "SIM", Side.BUY, OrdType.MARKET, fixed("1"), NewOrderCommand.ABSENT, 0);

        core.rejectNewOrder(command, OrdRejReason.UNKNOWN_SYMBOL, "Symbol (55) holds character 0x02 at position 4", TIME);
        final ExecutionReportDecoder report = decodeReport(last());

        assertThat(report.symbolAsString()).isEqualTo("[N/A]");
        assertThat(report.clOrdIDAsString()).isEqualTo("c-9");
        assertThat(report.ordRejReason()).isEqualTo(1);
    }

    @Test
    void aKillsCanceledReportSaysExecRestatementReasonOtherAndAClientsCancelDoesNot()
    {
        partFilledOrder();
        core.onNewOrder(new NewOrderCommand().set(
            1, "c-2", "BTC/USDT", "SIM", Side.BUY, OrdType.LIMIT, fixed("1"), fixed("60000"), 0), TIME);
        core.onVenueAccepted(2, "V-2", TIME);
        core.onCancelRequest(new CancelOrderCommand().set(1, "c-2-X", "c-2"), TIME);
        core.onVenueCanceled(2, "canceled", TIME);
        final ExecutionReportDecoder byClient = decodeReport(last());

        core.kill(TradingScope.GLOBAL, null, "runaway algo", TIME);
        core.onVenueCanceled(1, "canceled", TIME);
        final ExecutionReportDecoder killed = decodeReport(last());

        assertThat(killed.execType()).isEqualTo('4');
        assertThat(killed.ordStatus()).isEqualTo('4');
        assertThat(killed.hasExecRestatementReason()).isTrue();
        assertThat(killed.execRestatementReason()).isEqualTo(99);
        assertThat(killed.textAsString()).isEqualTo("kill switch: runaway algo");
        assertThat(byClient.execType()).isEqualTo('4');
        assertThat(byClient.hasExecRestatementReason()).isFalse();
    }

    @Test
    void cancelRejectOfUnknownOrderSaysNoneAndRespondsToCancelRequest()
    {
        core.onCancelRequest(new CancelOrderCommand().set(1, "x-1", "nope"), TIME);
        final OrderCancelRejectDecoder reject = decodeCancelReject(last());

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
        partFilledOrder();
        final OrderEvent refusal = new OrderEvent().reset(OrderEventType.REQUEST_REFUSED, core.order(1), TIME)
            .clOrdIds("c-1-X", "c-1").refusal(CxlRejReason.TOO_LATE_TO_CANCEL, true).text("too late").resent(true);

        final OrderCancelRejectDecoder resent = decodeCancelReject(bytes(translator.cancelReject(refusal)));

        assertThat(resent.header().hasPossResend()).isTrue();
        assertThat(resent.header().possResend()).isTrue();
        assertThat(resent.orderIDAsString()).isEqualTo("RUN-1");
        assertThat(resent.cxlRejResponseTo()).isEqualTo('2');
        assertThat(decodeCancelReject(bytes(translator.cancelReject(refusal.resent(false)))).header().hasPossResend())
            .as("the encoder is reused: the flag must not stay").isFalse();
    }

    @Test
    void massCancelReportForAllOrdersEncodesWithSymbolNotApplicable()
    {
        final MassCancelCommand command = new MassCancelCommand().set(9, "mc-1", MassCancelCommand.ALL, null);

        partFilledOrder();
        core.onMassCancelRequest(command.set(1, "mc-1", MassCancelCommand.ALL, null), TIME);

        final OrderMassCancelReportDecoder report = decodeMassCancelReport(last());

        assertThat(report.clOrdIDAsString()).isEqualTo("mc-1");
        assertThat(report.orderIDAsString()).isEqualTo("RUN-2");
        assertThat(report.massCancelRequestType()).isEqualTo('7');
        assertThat(report.massCancelResponse()).isEqualTo('7');
        assertThat(report.totalAffectedOrders()).isEqualTo(1);
        assertThat(report.symbolAsString()).isEqualTo("[N/A]");
    }

    @Test
    void refusedMassCancelReportSaysRejectedWithReasonAndText()
    {
        final MassCancelCommand unsupported = new MassCancelCommand().set(9, "mc-2", '4', "ETH/USDT");
        core.onMassCancelRequest(unsupported, TIME);
        final OrderMassCancelReportDecoder report = decodeMassCancelReport(last());

        assertThat(report.massCancelResponse()).isEqualTo('0');
        assertThat(report.massCancelRejectReasonAsString()).isEqualTo("0");
        assertThat(report.symbolAsString()).isEqualTo("ETH/USDT");
        assertThat(report.textAsString()).contains("MassCancelRequestType (530) 4 is not supported");

        core.onMassCancelRequest(new MassCancelCommand().set(9, "mc-3", MassCancelCommand.BY_SYMBOL, null), TIME);
        assertThat(decodeMassCancelReport(last()).massCancelRejectReasonAsString()).isEqualTo("1");
    }

    @Test
    void massStatusWithNoOrderIsOneReportSayingSo()
    {
        final MassStatusCommand command = new MassStatusCommand().set(9, "ms-1", MassStatusCommand.ALL, null);

        core.onMassStatusRequest(command, TIME);
        final ExecutionReportDecoder report = decodeReport(last());

        assertThat(report.orderIDAsString()).isEqualTo("NONE");
        assertThat(report.execType()).isEqualTo('I');
        assertThat(report.massStatusReqIDAsString()).isEqualTo("ms-1");
        assertThat(report.totNumReports()).isZero();
        assertThat(report.lastRptRequested()).isTrue();
        assertThat(report.symbolAsString()).isEqualTo("[N/A]");
    }

    /** The order core's sink: each client message encoded as the FIX side encodes it, then kept. */
    private void encode(final OrderEvent event)
    {
        switch (event.type().message())
        {
            case EXECUTION_REPORT -> messages.add(bytes(translator.executionReport(event)));
            case CANCEL_REJECT -> messages.add(bytes(translator.cancelReject(event)));
            case MASS_CANCEL_REPORT -> messages.add(bytes(translator.massCancelReport(event)));
            default ->
            {
                // not a client message
            }
        }
    }

    private byte[] last()
    {
        assertThat(messages).isNotEmpty();
        return messages.get(messages.size() - 1);
    }

    /** A working order of 1.5 BTC/USDT at 60001, 0.25 of it filled at 60000.5: New, then Trade. */
    private void partFilledOrder()
    {
        core.onNewOrder(new NewOrderCommand().set(
            1, "c-1", "BTC/USDT", "SIM", Side.BUY, OrdType.LIMIT, fixed("1.5"), fixed("60001"), 0), TIME);
        core.onVenueAccepted(1, "V-1", TIME);
        core.onVenueFill(1, fixed("0.25"), fixed("60000.5"), TIME);
    }

    private ExecutionReportDecoder decodeReport(final byte[] message)
    {
        final ExecutionReportDecoder decoder = new ExecutionReportDecoder();
        decoder.decode(new MutableAsciiBuffer(message), 0, message.length);
        return decoder;
    }

    private OrderCancelRejectDecoder decodeCancelReject(final byte[] message)
    {
        final OrderCancelRejectDecoder decoder = new OrderCancelRejectDecoder();
        decoder.decode(new MutableAsciiBuffer(message), 0, message.length);
        return decoder;
    }

    private OrderMassCancelReportDecoder decodeMassCancelReport(final byte[] message)
    {
        final OrderMassCancelReportDecoder decoder = new OrderMassCancelReportDecoder();
        decoder.decode(new MutableAsciiBuffer(message), 0, message.length);
        assertThat(decoder.validate()).as("valid r: tag %s", decoder.invalidTagId()).isTrue();
        return decoder;
    }

    // in the gateway Artio's session fills the header; here the test does
    private byte[] bytes(final Encoder encoder)
    {
        encoder.header()
            .senderCompID("GATEWAY")
            .targetCompID("RISK")
            .msgSeqNum(1)
            .sendingTime("20260101-00:00:00.123".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        final long result = encoder.encode(buffer, 0);
        final byte[] message = new byte[Encoder.length(result)];
        buffer.getBytes(Encoder.offset(result), message);
        return message;
    }

    private static final class AcceptingVenue implements VenueRouter
    {
        @Override
        public boolean submit(final OrderEvent placement)
        {
            return true;
        }

        @Override
        public boolean cancel(final OrderEvent cancel)
        {
            return true;
        }

        @Override
        public boolean amend(final OrderEvent amend)
        {
            return true;
        }

        @Override
        public boolean query(final OrderEvent query)
        {
            return true;
        }
    }
}
