package io.cryptofix.certification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The gateway started as an operator starts it, `bin/gateway`'s main class in a process of its own. */
final class GatewayProcesses
{
    private GatewayProcesses()
    {
    }

    static Process start(final Path workDir, final String... args) throws IOException
    {
        return start(workDir, Map.of(), args);
    }

    /** @param environment  variables added to the process's environment (venue credentials). */
    static Process start(final Path workDir, final Map<String, String> environment, final String... args)
        throws IOException
    {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-XX:-DontCompileHugeMethods",
            "-Xmx256m",
            "-cp", System.getProperty("java.class.path"),
            "io.cryptofix.gateway.GatewayMain"));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The process's output lines as they come, read on a thread of their own. */
    static BlockingQueue<String> linesOf(final Process process)
    {
        return linesOf(process, line -> { });
    }

    /** @param alsoTo  given every line too, on the reading thread (a log kept for a failure's diagnosis). */
    static BlockingQueue<String> linesOf(final Process process, final Consumer<String> alsoTo)
    {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = in.readLine()) != null)
                {
                    lines.add(line);
                    alsoTo.accept(line);
                }
            }
            catch (final IOException ignored)
            {
                // the process ended
            }
        }, "gateway-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** @return the first line containing the fragment, within 60 s. */
    static String awaitLine(final BlockingQueue<String> output, final String fragment) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        final List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline)
        {
            final String line = output.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null)
            {
                break;
            }
            seen.add(line);
            if (line.contains(fragment))
            {
                return line;
            }
        }
        throw new AssertionError("no output line containing '" + fragment + "'; saw: " + seen);
    }
}
