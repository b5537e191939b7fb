package io.cryptofix.benchmarks.jmh;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.InstrumentCatalog;
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
import io.cryptofix.translation.ExecutionReportTranslator;
import io.cryptofix.translation.NewOrderSingleTranslator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.builder.ExecutionReportEncoder;
import uk.co.real_logic.artio.builder.NewOrderSingleEncoder;
import uk.co.real_logic.artio.decoder.NewOrderSingleDecoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The three steps of the order hot path on the duty cycle, each on its own: decode, check and
 * translate a NewOrderSingle; the order core's handling of one order's life (new, acknowledged,
 * filled); encode an ExecutionReport. Run with {@code -prof gc} for bytes allocated per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
    // as in bin/gateway: the generated decoders exceed the JIT's huge-method limit
    "-XX:-DontCompileHugeMethods"})
@State(Scope.Thread)
public class HotPathBenchmarks
{
    private static final long ONE_MILLI_BTC = Fixed.ONE / 1000;
    private static final long PRICE = 60_000 * Fixed.ONE;

    private final MutableAsciiBuffer newOrderSingle = new MutableAsciiBuffer(new byte[512]);
    private final MutableAsciiBuffer decodeBuffer = new MutableAsciiBuffer();
    private final NewOrderSingleDecoder decoder = new NewOrderSingleDecoder();
    private final NewOrderSingleTranslator translator = new NewOrderSingleTranslator();
    private final NewOrderCommand command = new NewOrderCommand();
    private final ExecutionReportTranslator reports = new ExecutionReportTranslator("RUN");
    private final MutableAsciiBuffer encodeBuffer = new MutableAsciiBuffer(new byte[1024]);
    private final byte[] sendingTime = "20260101-00:00:00.000".getBytes(StandardCharsets.US_ASCII);
    private int newOrderOffset;
    private int newOrderLength;
    private OrderCore core;
    private Order lastSubmitted;
    private Order workingOrder;
    private long time;
    private long clOrdIds;

    // per iteration: every order stays in the core, so a fresh core keeps the heap from growing across iterations
    @Setup(Level.Iteration)
    public void setUp()
    {
        final NewOrderSingleEncoder order = new NewOrderSingleEncoder();
        order.header().senderCompID("RISK").targetCompID("GATEWAY").msgSeqNum(2).sendingTime(sendingTime);
        order.clOrdID("C1234567").side('1').ordType('2').transactTime(sendingTime).price(60000, 0);
        order.instrument().symbol("BTC/USDT");
        order.orderQtyData().orderQty(1, 3);
        final long result = order.encode(newOrderSingle, 0);
        newOrderOffset = Encoder.offset(result);
        newOrderLength = Encoder.length(result);

        core = new OrderCore(
            new InstrumentCatalog().add(new Instrument("SIM", "BTC/USDT", Fixed.ONE / 100, Fixed.ONE / 100_000,
                Fixed.ONE / 100_000)),
            new VenueRouter()
            {
                @Override
                public boolean submit(final Order order)
                {
                    lastSubmitted = order;
                    return true;
                }

                @Override
                public boolean cancel(final Order order)
                {
                    return true;
                }

                @Override
                public boolean amend(final Order order, final long orderQty, final long price, final long stopPx)
                {
                    return true;
                }

                @Override
                public boolean query(final Order order)
                {
                    return true;
                }
            },
            new DiscardingReports());
        command.set(1, "W1", "BTC/USDT", "SIM", Side.BUY, OrdType.LIMIT, ONE_MILLI_BTC, PRICE, 0);
        core.onNewOrder(command, 0);
        core.onVenueAccepted(lastSubmitted.orderKey(), "V", 0);
        workingOrder = lastSubmitted;
    }

    @Benchmark
    public boolean decodeAndTranslateNewOrderSingle()
    {
        decodeBuffer.wrap(newOrderSingle, newOrderOffset, newOrderLength);
        decoder.reset();
        decoder.decode(decodeBuffer, 0, newOrderLength);
        return decoder.validate() && translator.translate(decoder, 1, "SIM", 0, command);
    }

    /**
     * One order's life in the core: accepted, acknowledged, filled. Each order has its own ClOrdID, as
     * the session rules demand; its String is allocated here, as the decoder allocates it in the gateway.
     */
    @Benchmark
    public Order orderCoreNewAcknowledgeFill()
    {
        command.set(1, Long.toString(++clOrdIds), "BTC/USDT", "SIM", Side.BUY, OrdType.LIMIT, ONE_MILLI_BTC, PRICE, 0);
        core.onNewOrder(command, ++time);
        final long orderKey = lastSubmitted.orderKey();
        core.onVenueAccepted(orderKey, "V", time);
        core.onVenueFill(orderKey, ONE_MILLI_BTC, PRICE, time);
        return lastSubmitted;
    }

    @Benchmark
    public void encodeExecutionReport(final Blackhole blackhole)
    {
        final ExecutionReportEncoder report = reports.executionReport(
            workingOrder, ExecType.TRADE, workingOrder.clOrdId(), null, ++time, ONE_MILLI_BTC, PRICE, null,
            1_767_225_600_000L);
        report.header().senderCompID("GATEWAY").targetCompID("RISK").msgSeqNum(3).sendingTime(sendingTime);
        blackhole.consume(report.encode(encodeBuffer, 0));
    }

    private static final class DiscardingReports implements ExecutionReportListener
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
            throw new IllegalStateException(text);
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
            throw new IllegalStateException(event + " " + order);
        }

        @Override
        public void onUnknownOrder(final long orderKey, final OrderEvent event, final long timeMillis)
        {
            throw new IllegalStateException(event + " " + orderKey);
        }

        @Override
        public void onStatusOfUnknownOrder(
            final OrderStatusCommand command, final long execId, final long timeMillis)
        {
        }
    }
}
