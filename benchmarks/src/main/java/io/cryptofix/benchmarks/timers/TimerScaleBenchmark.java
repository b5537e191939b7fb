package io.cryptofix.benchmarks.timers;

import io.cryptofix.benchmarks.SilentReports;
import io.cryptofix.benchmarks.SimInstruments;
import io.cryptofix.config.TimeoutConfig;
import io.cryptofix.config.TimeoutPolicy;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.OrderCore;
import io.cryptofix.order.OrderCoreObserver;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.VenueRouter;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;

/**
 * The order core holding a million resting orders, each with a timeout on the timer wheel: heap per
 * order, the cost of one poll of the wheel by the duty cycle when nothing is due (what every duty
 * cycle pays), and the rate at which deadlines fire and become cancels when they all come due.
 * A plain program rather than JMH, because it measures the heap.
 *
 * <pre>java -Xmx2g -cp benchmarks.jar:lib/* io.cryptofix.benchmarks.timers.TimerScaleBenchmark [orders]</pre>
 */
public final class TimerScaleBenchmark
{
    private static final long START_MILLIS = 1_767_225_600_000L;
    private static final long TICK_MILLIS = 8;
    private static final int POLLS = 100_000;

    private long lastOrderKey;
    private long cancels;

    public static void main(final String[] args)
    {
        final int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        new TimerScaleBenchmark().run(orders);
    }

    private void run(final int orders)
    {
        final OrderCore core = new OrderCore(
            SimInstruments.catalog(),
            new CountingVenue(),
            new SilentReports(),
            OrderCoreObserver.NONE,
            new TimeoutPolicy(new TimeoutConfig(
                Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofSeconds(5), List.of(), false)));
        final NewOrderCommand command = new NewOrderCommand();
        final long heapBefore = usedHeapAfterGc();

        long now = START_MILLIS;
        final long placeStart = System.nanoTime();
        for (int i = 1; i <= orders; i++)
        {
            command.set(1, "C" + i, "BTC/USDT", "SIM", Side.BUY, OrdType.LIMIT, Fixed.ONE / 1000, 1000 * Fixed.ONE, 0)
                .clientCompId("RISK");
            core.onNewOrder(command, now);
            core.onVenueAccepted(lastOrderKey, "V" + i, now);
        }
        final long placeNanos = System.nanoTime() - placeStart;
        final long heapAfter = usedHeapAfterGc();
        final int timers = core.scheduledTimerCount();

        // every duty cycle polls the wheel: its cost when nothing is due, one tick apart
        final Histogram pollNanos = new Histogram(3);
        for (int i = 0; i < POLLS; i++)
        {
            now += TICK_MILLIS;
            final long start = System.nanoTime();
            core.onTime(now);
            pollNanos.recordValue(System.nanoTime() - start);
        }

        // then every deadline comes due at once: each becomes a cancel on its way to the venue
        now = START_MILLIS + Duration.ofHours(1).toMillis() + TICK_MILLIS;
        final long fireStart = System.nanoTime();
        while (cancels < orders)
        {
            core.onTime(now);
        }
        final long fireNanos = System.nanoTime() - fireStart;

        System.out.printf("%,d resting orders, each with a timeout: %,d timers on the wheel%n", orders, timers);
        System.out.printf("  placed and acknowledged in %.1f s (%,.0f orders/s)%n", placeNanos / 1e9,
            orders * 1e9 / placeNanos);
        System.out.printf("  heap: %,.0f MB used after GC (%,d bytes per resting order, its timer included)%n",
            (heapAfter - heapBefore) / 1e6, (heapAfter - heapBefore) / orders);
        System.out.printf("  one poll of the wheel with nothing due (%,d polls, one 8 ms tick apart): " +
            "p50 %,d ns  p99 %,d ns  p99.9 %,d ns  max %,d ns%n", POLLS, pollNanos.getValueAtPercentile(50),
            pollNanos.getValueAtPercentile(99), pollNanos.getValueAtPercentile(99.9), pollNanos.getMaxValue());
        System.out.printf("  all deadlines due at once: %,d timeouts fired and sent as cancels in %.2f s (%,.0f/s)%n",
            cancels, fireNanos / 1e9, cancels * 1e9 / fireNanos);
    }

    private static long usedHeapAfterGc()
    {
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++)
        {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** A venue queue that takes everything, and counts the cancels. */
    private final class CountingVenue implements VenueRouter
    {
        @Override
        public boolean submit(final OrderEvent placement)
        {
            lastOrderKey = placement.orderKey();
            return true;
        }

        @Override
        public boolean cancel(final OrderEvent cancel)
        {
            cancels++;
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
