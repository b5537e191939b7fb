package io.cryptofix.benchmarks;

import io.aeron.archive.ArchivingMediaDriver;
import io.cryptofix.benchmarks.journal.OpenOrdersJournal;
import io.cryptofix.store.OrderJournal;
import org.agrona.IoUtil;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A gateway restart with many open orders, timed as a client sees it: the journal of an earlier run
 * holds {@code orders} placed and acknowledged orders (written here, without any FIX history, so
 * every report counts as never sent and is sent again: the worst case; or, given a third argument,
 * the data directory a real gateway left); the gateway process is started on that data directory
 * and a FIX client logs on as soon as the port takes a connection. Reported: from the
 * process start to the orders restored (its {@code recovery:} line), to the gateway saying it is
 * ready, to the client's Logon answered and, in the worst case, to the last of the reports sent
 * again received.
 *
 * <pre>java -cp benchmarks.jar:lib/* io.cryptofix.benchmarks.RecoveryTimeBenchmark ORDERS GATEWAY_CLASSPATH [DATA_DIR]</pre>
 */
public final class RecoveryTimeBenchmark
{
    private static final String LOGON = "\u000135=A\u0001";
    private static final String POSS_RESEND = "\u000197=Y\u0001";

    public static void main(final String[] args) throws Exception
    {
        final int orders = Integer.parseInt(args[0]);
        final String gatewayClasspath = args[1];
        final Path work = Files.createTempDirectory("cryptofix-recovery-bench-");
        try
        {
            if (args.length > 2)
            {
                // a data directory a real gateway left, e.g. killed with orders open: timed as it is
                restart(work, Path.of(args[2]).toAbsolutePath(), orders, -1, gatewayClasspath);
                return;
            }
            run(work, orders, gatewayClasspath);
        }
        finally
        {
            IoUtil.delete(work.toFile(), true);
        }
    }

    private static void run(final Path work, final int orders, final String gatewayClasspath) throws Exception
    {
        final Path dataDir = work.resolve("data");
        restart(work, dataDir, orders, writeJournal(dataDir, work.resolve("aeron").toString(), orders),
            gatewayClasspath);
    }

    private static void restart(
        final Path work, final Path dataDir, final int orders, final long bytes, final String gatewayClasspath)
        throws Exception
    {
        final int port;
        try (ServerSocket socket = new ServerSocket(0))
        {
            port = socket.getLocalPort();
        }
        final Path config = Files.writeString(work.resolve("gateway.yaml"), String.join("\n",
            "dataDir: " + dataDir, "fix:", "  port: " + port, "metrics:", "  enabled: false",
            "admin:", "  enabled: false", ""));

        final long start = System.nanoTime();
        final Process gateway = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-XX:-DontCompileHugeMethods",
            "-cp", gatewayClasspath,
            "io.cryptofix.gateway.GatewayMain", "run", "--config", config.toString()))
            .redirectErrorStream(true).start();
        final AtomicLong restored = new AtomicLong();
        final AtomicLong ready = new AtomicLong();
        final Thread output = watch(gateway, restored, ready);
        try
        {
            // the worst case: every order's New was never sent, and all of them must reach the client
            final long[] times = logOn(port, bytes >= 0 ? orders : 0);
            output.join(TimeUnit.SECONDS.toMillis(60));
            if (bytes >= 0)
            {
                System.out.printf("journal: %,d orders placed and acknowledged, %,d bytes%n", orders, bytes);
            }
            System.out.printf("from the gateway process start: orders restored in %,d ms, ready in %,d ms, " +
                "first Logon answered in %,d ms%n", (restored.get() - start) / 1_000_000,
                (ready.get() - start) / 1_000_000, (times[0] - start) / 1_000_000);
            if (bytes >= 0)
            {
                System.out.printf("all %,d reports sent again (PossResend=Y) received in %,d ms%n", orders,
                    (times[1] - start) / 1_000_000);
            }
        }
        finally
        {
            gateway.destroy();
            if (!gateway.waitFor(60, TimeUnit.SECONDS))
            {
                gateway.destroyForcibly().waitFor();
            }
            IoUtil.delete(Path.of("/dev/shm", "cryptofix-" + port).toFile(), true);
        }
    }

    /** Echoes the gateway's start-up lines and notes when the orders were restored and when it was ready. */
    private static Thread watch(final Process gateway, final AtomicLong restored, final AtomicLong ready)
    {
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader in = new BufferedReader(
                new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = in.readLine()) != null && ready.get() == 0)
                {
                    if (line.contains("recovery:"))
                    {
                        restored.set(System.nanoTime());
                    }
                    if (line.contains("press Ctrl-C to stop"))
                    {
                        ready.set(System.nanoTime());
                    }
                    if (line.contains("order journal:") || line.contains("recovery:"))
                    {
                        System.out.println("  gateway: " + (line.length() > 160 ? line.substring(0, 160) + "..." : line));
                    }
                }
            }
            catch (final IOException ignored)
            {
                // the process ended
            }
        }, "gateway-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /**
     * Connects as soon as the port takes it, logs on and reads until {@code resent} reports sent
     * again have arrived.
     *
     * @return when the Logon answer arrived and when the last report sent again did.
     */
    private static long[] logOn(final int port, final int resent) throws IOException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline)
        {
            try (SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port)))
            {
                final ByteBuffer out = ByteBuffer.allocate(4096);
                new FixMessageWriter().begin("A").field(49, "RISK").field(56, "GATEWAY").field(34, 1)
                    .field(52, new UtcTimestamp().format(System.currentTimeMillis()))
                    .field(98, 0).field(108, 30).field(141, "Y").finish().writeTo(out);
                out.flip();
                channel.write(out);
                return readAnswers(channel, resent, deadline);
            }
            catch (final java.net.ConnectException notYet)
            {
                // not listening yet: the gateway is still starting
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
        throw new IOException("no Logon answer within 120 s");
    }

    private static long[] readAnswers(final SocketChannel channel, final int resent, final long deadline)
        throws IOException
    {
        final ByteBuffer in = ByteBuffer.allocate(65536);
        // only what a marker split between two reads needs is carried over
        final StringBuilder received = new StringBuilder();
        long loggedOn = 0;
        int resentSeen = 0;
        while (channel.read(in) >= 0 && System.nanoTime() < deadline)
        {
            in.flip();
            received.append(StandardCharsets.US_ASCII.decode(in));
            in.clear();
            if (loggedOn == 0 && received.indexOf(LOGON) >= 0)
            {
                loggedOn = System.nanoTime();
            }
            int at = 0;
            while ((at = received.indexOf(POSS_RESEND, at)) >= 0)
            {
                resentSeen++;
                at += POSS_RESEND.length();
            }
            if (loggedOn != 0 && resentSeen >= resent)
            {
                return new long[] {loggedOn, System.nanoTime()};
            }
            received.delete(0, Math.max(0, received.length() - (POSS_RESEND.length() - 1)));
        }
        throw new IOException("the connection ended or timed out with " + resentSeen + " of " + resent +
            " reports sent again received" + (loggedOn == 0 ? ", and no Logon answer" : ""));
    }

    /** The journal an earlier run leaves: every order placed at the simulated venue and acknowledged. */
    private static long writeJournal(final Path dataDir, final String aeronDirName, final int orders)
    {
        try (ArchivingMediaDriver driver = OpenOrdersJournal.launchArchive(dataDir.resolve("archive"), aeronDirName);
            OrderJournal journal = OrderJournal.open(aeronDirName, new YieldingIdleStrategy()))
        {
            return OpenOrdersJournal.fill(journal, orders, System.currentTimeMillis());
        }
    }
}
