package io.cryptofix.benchmarks;

import org.HdrHistogram.Histogram;

import java.io.PrintStream;

/**
 * What a load run measured. Latencies are in nanoseconds, from the order's intended send time.
 */
public record LoadResult(
    LoadSettings settings,
    long acknowledged,
    long rejected,
    long filled,
    long measuredNanos,
    Histogram ackLatency,
    Histogram fillLatency,
    long expired,
    Histogram expiryLateness,
    Histogram expiryLatenessFromAck)
{
    public double ordersPerSecond()
    {
        return settings.orders() * 1e9 / measuredNanos;
    }

    public void print(final PrintStream out)
    {
        final LoadSettings s = settings;
        out.printf("%s loop%s: %d orders (+%d warm-up) in %.2f s = %.0f orders/s; acknowledged %d, rejected %d, filled %d%n",
            s.mode().name().toLowerCase(),
            s.mode() == LoadSettings.Mode.OPEN ? " at " + s.rate() + "/s" : " with " + s.window() + " outstanding",
            s.orders(), s.warmup(), measuredNanos / 1e9, ordersPerSecond(), acknowledged, rejected, filled);
        printLatency(out, "NewOrderSingle -> first ExecutionReport", ackLatency);
        printLatency(out, "NewOrderSingle -> Filled", fillLatency);
        if (s.expiryMillis() > 0)
        {
            out.printf("  expired %d of %d; Expired report after the order's deadline (taken + %d ms), bounded by:%n",
                expired, s.totalOrders(), s.expiryMillis());
            printLatency(out, "from sent + timeout (upper bound)", expiryLateness);
            printLatency(out, "from New received + timeout (lower)", expiryLatenessFromAck);
        }
    }

    private static void printLatency(final PrintStream out, final String what, final Histogram histogram)
    {
        if (histogram.getTotalCount() == 0)
        {
            return;
        }
        out.printf("  %-40s us: p50 %.0f  p90 %.0f  p99 %.0f  p99.9 %.0f  max %.0f  (n=%d)%n",
            what,
            histogram.getValueAtPercentile(50) / 1e3,
            histogram.getValueAtPercentile(90) / 1e3,
            histogram.getValueAtPercentile(99) / 1e3,
            histogram.getValueAtPercentile(99.9) / 1e3,
            histogram.getMaxValue() / 1e3,
            histogram.getTotalCount());
    }
}
