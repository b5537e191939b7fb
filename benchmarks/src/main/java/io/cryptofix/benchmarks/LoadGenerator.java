package io.cryptofix.benchmarks;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * An end-to-end FIX 4.4 load generator: one thread, one raw non-blocking socket, hand-written
 * messages, so that it stays far cheaper than the gateway it measures. It sends market orders
 * (alternating buy and sell) and records, per order, the time from its intended send time to its
 * first ExecutionReport and to its Filled report.
 *
 * <p>Open loop sends on a fixed schedule, and latency counts from the scheduled time, so a
 * stalled gateway shows up as latency rather than as a slower send rate (coordinated omission).
 * Closed loop keeps a fixed number of orders awaiting their first report, for maximum throughput.
 */
public final class LoadGenerator
{
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final byte SOH = 1;
    // ClOrdIDs are <run><order number>: a session may not reuse a ClOrdID, and one gateway serves
    // several runs on the same session, so each run takes numbers of its own
    private static final long ORDERS_PER_RUN = 1_000_000_000L;

    private final LoadSettings settings;
    private final SocketChannel channel;
    private final FixMessageWriter writer = new FixMessageWriter();
    private final UtcTimestamp sendingTime = new UtcTimestamp();
    private final ByteBuffer out = ByteBuffer.allocateDirect(4 * 1024 * 1024);
    private final ByteBuffer in = ByteBuffer.allocate(4 * 1024 * 1024);
    private final byte[] testReqId = new byte[64];
    private final long[] intendedSendNanos;
    private final long[] ackNanos;
    private final Histogram ackLatency = new Histogram(MAX_LATENCY_NANOS, 3);
    private final Histogram fillLatency = new Histogram(MAX_LATENCY_NANOS, 3);
    private final Histogram expiryLateness = new Histogram(MAX_LATENCY_NANOS, 3);
    private final Histogram expiryLatenessFromAck = new Histogram(MAX_LATENCY_NANOS, 3);
    private final byte[] symbol;
    private final byte[] quantity;
    private final byte[] price;
    private final long expiryNanos;
    private final long clOrdIdBase = (System.currentTimeMillis() / 1000) * ORDERS_PER_RUN;

    private int seqNum = 1;
    private int sent;
    private long acknowledged;
    private long rejected;
    private long filled;
    private long expired;
    private long done;
    private boolean loggedOn;
    private boolean loggedOut;
    private long firstMeasuredSendNanos;
    private long lastMeasuredAckNanos;

    // fields of the message being parsed
    private int msgType;
    private long clOrdId;
    private byte execType;
    private byte ordStatus;
    private int testReqIdLength;

    private LoadGenerator(final LoadSettings settings, final SocketChannel channel)
    {
        this.settings = settings;
        this.channel = channel;
        this.intendedSendNanos = new long[settings.totalOrders() + 1];
        this.ackNanos = new long[settings.totalOrders() + 1];
        this.symbol = settings.symbol().getBytes(StandardCharsets.US_ASCII);
        this.quantity = settings.quantity().getBytes(StandardCharsets.US_ASCII);
        this.price = settings.price() == null ? null : settings.price().getBytes(StandardCharsets.US_ASCII);
        this.expiryNanos = TimeUnit.MILLISECONDS.toNanos(settings.expiryMillis());
    }

    public static void main(final String[] args) throws IOException
    {
        final LoadSettings settings;
        try
        {
            settings = LoadSettings.parse(args);
        }
        catch (final IllegalArgumentException e)
        {
            System.err.println("load generator: " + e.getMessage());
            System.err.println("options: --host --port --sender --target --mode open|closed --rate N --window N " +
                "--orders N --warmup N --symbol S --qty Q --histogram FILE --price P --expiry-ms N");
            System.exit(2);
            return;
        }
        final LoadResult result;
        try
        {
            result = run(settings);
        }
        catch (final IOException e)
        {
            System.err.println("load generator: " + settings.host() + ":" + settings.port() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        result.print(System.out);
        if (settings.histogramFile() != null)
        {
            try (PrintStream file = new PrintStream(settings.histogramFile().toFile(), StandardCharsets.US_ASCII))
            {
                final HistogramLogWriter log = new HistogramLogWriter(file);
                log.outputComment("NewOrderSingle to first ExecutionReport, nanoseconds");
                log.outputIntervalHistogram(result.ackLatency());
            }
        }
        System.exit(result.acknowledged() == settings.totalOrders() ? 0 : 1);
    }

    /**
     * Logs on, sends every order, waits for every order to be done (or a timeout), logs out.
     */
    public static LoadResult run(final LoadSettings settings) throws IOException
    {
        try (SocketChannel channel = SocketChannel.open(new InetSocketAddress(settings.host(), settings.port())))
        {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            return new LoadGenerator(settings, channel).run();
        }
    }

    private LoadResult run() throws IOException
    {
        logOn();
        final int total = settings.totalOrders();
        final long intervalNanos = settings.mode() == LoadSettings.Mode.OPEN ? 1_000_000_000L / settings.rate() : 0;
        final long start = System.nanoTime();
        final long deadline = start + TimeUnit.SECONDS.toNanos(120) + 2 * expiryNanos +
            (settings.mode() == LoadSettings.Mode.OPEN ? intervalNanos * total * 2 : 0);

        while (done < total && System.nanoTime() < deadline)
        {
            final long now = System.nanoTime();
            if (settings.mode() == LoadSettings.Mode.OPEN)
            {
                while (sent < total && now - (start + sent * intervalNanos) >= 0)
                {
                    sendOrder(start + sent * intervalNanos);
                }
            }
            else
            {
                while (sent < total && sent - acknowledged < settings.window())
                {
                    sendOrder(now);
                }
            }
            flush();
            if (receive() == 0)
            {
                // on a small machine a spinning generator starves the gateway it measures
                Thread.yield();
            }
        }

        logOut();
        return new LoadResult(settings, acknowledged, rejected, filled,
            Math.max(1, lastMeasuredAckNanos - firstMeasuredSendNanos), ackLatency, fillLatency, expired, expiryLateness,
            expiryLatenessFromAck);
    }

    private void logOn() throws IOException
    {
        writer.begin("A");
        header();
        writer.field(98, 0).field(108, 30).field(141, "Y").finish().writeTo(out);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!loggedOn)
        {
            if (System.nanoTime() > deadline)
            {
                throw new IOException("no Logon answer from " + settings.host() + ":" + settings.port());
            }
            flush();
            receive();
        }
    }

    private void logOut() throws IOException
    {
        writer.begin("5");
        header();
        writer.finish().writeTo(out);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!loggedOut && System.nanoTime() < deadline)
        {
            flush();
            receive();
        }
    }

    private void sendOrder(final long intendedNanos)
    {
        final int orderNumber = ++sent;
        intendedSendNanos[orderNumber] = intendedNanos;
        if (orderNumber == settings.warmup() + 1)
        {
            firstMeasuredSendNanos = intendedNanos;
        }
        writer.begin("D");
        header();
        writer
            .field(11, clOrdIdBase + orderNumber)
            .field(55, symbol)
            .field(54, price != null || (orderNumber & 1) == 1 ? "1" : "2")
            .field(38, quantity);
        if (price == null)
        {
            writer.field(40, "1");
        }
        else
        {
            writer.field(40, "2").field(44, price);
        }
        writer
            .field(60, sendingTime.format(System.currentTimeMillis()))
            .finish()
            .writeTo(out);
    }

    private void header()
    {
        writer
            .field(49, settings.senderCompId())
            .field(56, settings.targetCompId())
            .field(34, seqNum++)
            .field(52, sendingTime.format(System.currentTimeMillis()));
    }

    private void flush() throws IOException
    {
        out.flip();
        channel.write(out);
        out.compact();
    }

    /**
     * @return how many bytes were read.
     */
    private int receive() throws IOException
    {
        final int read = channel.read(in);
        if (read < 0)
        {
            throw new IOException("the gateway closed the connection");
        }
        final byte[] bytes = in.array();
        final int end = in.position();
        int messageStart = 0;
        int index = 0;
        resetMessage();
        while (index < end)
        {
            int tag = 0;
            while (index < end && bytes[index] != '=')
            {
                tag = tag * 10 + (bytes[index++] - '0');
            }
            final int valueStart = ++index;
            while (index < end && bytes[index] != SOH)
            {
                index++;
            }
            if (index >= end)
            {
                break;
            }
            onField(tag, bytes, valueStart, index - valueStart);
            index++;
            if (tag == 10)
            {
                onMessage();
                messageStart = index;
                resetMessage();
            }
        }
        // keep only the unfinished message, at the start of the buffer
        in.limit(end).position(messageStart);
        in.compact();
        return read;
    }

    private void resetMessage()
    {
        msgType = 0;
        clOrdId = -1;
        execType = 0;
        ordStatus = 0;
        testReqIdLength = 0;
    }

    private void onField(final int tag, final byte[] bytes, final int offset, final int length)
    {
        switch (tag)
        {
            case 35 -> msgType = length == 1 ? bytes[offset] : -1;
            case 150 -> execType = bytes[offset];
            case 39 -> ordStatus = bytes[offset];
            case 112 ->
            {
                testReqIdLength = Math.min(length, testReqId.length);
                System.arraycopy(bytes, offset, testReqId, 0, testReqIdLength);
            }
            case 11 ->
            {
                long value = 0;
                for (int i = offset; i < offset + length; i++)
                {
                    final int digit = bytes[i] - '0';
                    if (digit < 0 || digit > 9)
                    {
                        return;
                    }
                    value = value * 10 + digit;
                }
                clOrdId = value;
            }
            default ->
            {
            }
        }
    }

    private void onMessage()
    {
        switch (msgType)
        {
            case 'A' -> loggedOn = true;
            case '5' -> loggedOut = true;
            case '1' -> answerTestRequest();
            case '8' -> onExecutionReport();
            default ->
            {
            }
        }
    }

    private void onExecutionReport()
    {
        final long number = clOrdId - clOrdIdBase;
        if (number <= 0 || number > sent)
        {
            return;
        }
        final int orderNumber = (int)number;
        final long now = System.nanoTime();
        final boolean measured = orderNumber > settings.warmup();
        final long latency = Math.min(now - intendedSendNanos[orderNumber], MAX_LATENCY_NANOS);
        if (execType == '0' || execType == '8')
        {
            acknowledged++;
            ackNanos[orderNumber] = now;
            if (measured)
            {
                ackLatency.recordValue(latency);
                lastMeasuredAckNanos = now;
            }
        }
        if (execType == '8')
        {
            rejected++;
        }
        if (ordStatus == '2')
        {
            filled++;
            if (measured)
            {
                fillLatency.recordValue(latency);
            }
        }
        if (execType == 'C')
        {
            expired++;
            if (measured)
            {
                // the gateway sets the deadline when it takes the order: after the intended send time, before
                // the New report arrives; lateness is measured from both, an upper and a lower bound
                expiryLateness.recordValue(Math.max(0, Math.min(latency - expiryNanos, MAX_LATENCY_NANOS)));
                expiryLatenessFromAck.recordValue(
                    Math.max(0, Math.min(now - ackNanos[orderNumber] - expiryNanos, MAX_LATENCY_NANOS)));
            }
        }
        if (ordStatus == '2' || ordStatus == '4' || ordStatus == '8' || ordStatus == 'C')
        {
            done++;
        }
    }

    private void answerTestRequest()
    {
        writer.begin("0");
        header();
        writer.field(112, new String(testReqId, 0, testReqIdLength, StandardCharsets.US_ASCII)).finish().writeTo(out);
    }
}
