package io.cryptofix.benchmarks.jmh;

import io.cryptofix.benchmarks.SimInstruments;
import io.cryptofix.config.ConfigException;
import io.cryptofix.config.ConfigLoader;
import io.cryptofix.config.RiskConfig;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.Order;
import io.cryptofix.order.OrderCore;
import io.cryptofix.order.OrderCoreObserver;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderEventType;
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
import org.openjdk.jmh.annotations.Param;
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
    // 0.1 BTC: 20 levels of the book's 0.005
    private static final long MARKET_QTY = Fixed.ONE / 10;
    // every pre-trade control on, none refusing: what the checks add to an order's life
    private static final String ALL_CONTROLS = String.join("\n", "risk:",
        "  default: { maxOrderQty: 10, maxOrderNotional: 10000000, priceCollarPercent: 50, maxOpenOrders: 100000,",
        "             maxOpenNotional: 1000000000000, maxDailyNotional: 1000000000000, duplicateOrderWindow: 500ms,",
        "             selfTradePrevention: refuse, venues: [SIM], symbols: [\"BTC/*\"] }",
        "  symbols: { BTC/USDT: { maxOrderQty: 5 } }",
        "");

    /** {@code none}: no risk section; {@code all}: every control on. */
    @Param({"none", "all"})
    public String risk;

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
    private long lastSubmitted;
    private OrderEvent fill;
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
            SimInstruments.catalog(),
            new VenueRouter()
            {
                @Override
                public boolean submit(final OrderEvent placement)
                {
                    lastSubmitted = placement.orderKey();
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
            },
            event ->
            {
                if (event.type() == OrderEventType.NEW_ORDER_REFUSED)
                {
                    throw new IllegalStateException(event.text());
                }
            },
            new OrderCoreObserver()
            {
                @Override
                public void onEventRefused(final Order order, final OrderEventType event, final long timeMillis)
                {
                    throw new IllegalStateException(event + " " + order);
                }

                @Override
                public void onUnknownOrder(final long orderKey, final OrderEventType event, final long timeMillis)
                {
                    throw new IllegalStateException(event + " " + orderKey);
                }
            });
        core.riskLimits(riskConfig(risk));
        core.onMarketDepth("SIM", "BTC/USDT", depth(), 0);
        command.set(1, "W1", "BTC/USDT", "SIM", Side.BUY, OrdType.LIMIT, ONE_MILLI_BTC, PRICE, 0);
        core.onNewOrder(command, 0);
        core.onVenueAccepted(lastSubmitted, "V", 0);
        // the fill report of a working order, as the FIX side gets it
        fill = new OrderEvent().reset(OrderEventType.PARTIAL_FILL, core.order(lastSubmitted), 0)
            .fill(ONE_MILLI_BTC / 2, PRICE);
    }

    /**
     * A market order's life in the core: with the controls on, the collar walks the book to the
     * twentieth level (each holds 0.005 BTC) before it finds the order's quantity offered.
     */
    @Benchmark
    public long orderCoreMarketNewAcknowledgeFill()
    {
        // a quantity of its own for each order within the duplicate guard's window
        final long qty = MARKET_QTY - (++clOrdIds % 1000) * (Fixed.ONE / 100_000);
        command.set(1, Long.toString(clOrdIds), "BTC/USDT", "SIM", Side.BUY, OrdType.MARKET, qty, NewOrderCommand.ABSENT, 0);
        core.onNewOrder(command, ++time);
        final long orderKey = lastSubmitted;
        core.onVenueAccepted(orderKey, "V", time);
        core.onVenueFill(orderKey, qty, PRICE, time);
        return orderKey;
    }

    /** The book near the touch: 20 levels a side, 0.005 BTC each, a dollar apart. */
    private static MarketDepth depth()
    {
        final long[] bids = new long[2 * MarketDepth.LEVELS];
        final long[] asks = new long[2 * MarketDepth.LEVELS];
        for (int level = 0; level < MarketDepth.LEVELS; level++)
        {
            bids[2 * level] = PRICE - (level + 1) * Fixed.ONE;
            bids[2 * level + 1] = Fixed.ONE / 200;
            asks[2 * level] = PRICE + (level + 1) * Fixed.ONE;
            asks[2 * level + 1] = Fixed.ONE / 200;
        }
        return new MarketDepth(bids, asks);
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
    public long orderCoreNewAcknowledgeFill()
    {
        // a price of its own for each order within the duplicate guard's window, as a real flow has
        final long price = PRICE + (++clOrdIds % 1000) * (Fixed.ONE / 100);
        command.set(1, Long.toString(clOrdIds), "BTC/USDT", "SIM", Side.BUY, OrdType.LIMIT, ONE_MILLI_BTC, price, 0);
        core.onNewOrder(command, ++time);
        final long orderKey = lastSubmitted;
        core.onVenueAccepted(orderKey, "V", time);
        core.onVenueFill(orderKey, ONE_MILLI_BTC, price, time);
        return orderKey;
    }

    private static RiskConfig riskConfig(final String risk)
    {
        if ("none".equals(risk))
        {
            return RiskConfig.NONE;
        }
        try
        {
            return ConfigLoader.parse(ALL_CONTROLS, "benchmark").risk();
        }
        catch (final ConfigException e)
        {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Benchmark
    public void encodeExecutionReport(final Blackhole blackhole)
    {
        final ExecutionReportEncoder report = reports.executionReport(fill.execId(++time));
        report.header().senderCompID("GATEWAY").targetCompID("RISK").msgSeqNum(3).sendingTime(sendingTime);
        blackhole.consume(report.encode(encodeBuffer, 0));
    }
}
