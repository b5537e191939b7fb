package io.cryptofix.certification;

import io.cryptofix.gateway.GatewayOptions;
import org.agrona.IoUtil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as an operator runs it: {@code bin/gateway}'s main class in a process of its own, started
 * in a work directory of its own with a configuration file there, on free ports. Each {@link #start}
 * after a kill or a stop runs on the same configuration and data directory, as an operator's restart
 * does. {@link #close} kills what still runs and removes the work directory and the gateway's
 * shared-memory directory, which a killed gateway leaves behind.
 */
final class GatewayProcess implements AutoCloseable
{
    private static final String READY = "press Ctrl-C to stop";
    private static final long WAIT_SECONDS = 60;

    private final Path workDir;
    private final int fixPort;
    private final int metricsPort;
    private final int adminPort;
    // the port of a debugger agent in every start from now on; 0: none
    private int debugPort;
    private Path configFile;
    private Path log;
    private String logNote;
    private int runs;
    private Process process;
    private BlockingQueue<String> output;

    private GatewayProcess(final Path workDir)
    {
        this.workDir = workDir;
        this.fixPort = GatewayFixture.freePort();
        this.metricsPort = GatewayFixture.freePort();
        this.adminPort = GatewayFixture.freePort();
    }

    /** @param prefix  of the temporary work directory's name, telling whose it is. */
    static GatewayProcess inNewWorkDir(final String prefix) throws IOException
    {
        return new GatewayProcess(Files.createTempDirectory(prefix));
    }

    Path workDir()
    {
        return workDir;
    }

    Path dataDir()
    {
        return workDir.resolve("data");
    }

    int fixPort()
    {
        return fixPort;
    }

    /** A free port for the metrics endpoint, should the test's configuration turn it on. */
    int metricsPort()
    {
        return metricsPort;
    }

    /** A free port for the admin API, should the test's configuration name it. */
    int adminPort()
    {
        return adminPort;
    }

    /** The directory of the gateway's Aeron media driver, where its archive can be reached while it runs. */
    String aeronDir()
    {
        return GatewayOptions.defaults(fixPort).aeronDir().toString();
    }

    /**
     * Every start from now on runs with a debugger agent on a free port of its own ({@link #debugPort}),
     * for a test that holds one of the gateway's threads ({@link ThreadHold}).
     */
    void withDebugAgent()
    {
        debugPort = GatewayFixture.freePort();
    }

    int debugPort()
    {
        return debugPort;
    }

    /** A configuration with this gateway's data directory and FIX port, for the test to complete. */
    GatewayConfigYaml config()
    {
        return GatewayConfigYaml.gateway(dataDir(), fixPort);
    }

    /** @return the file every {@link #start} from now on runs with. */
    Path writeConfig(final GatewayConfigYaml config) throws IOException
    {
        configFile = config.writeTo(workDir.resolve("gateway.yaml"));
        return configFile;
    }

    /**
     * Keeps the output of every start from now on in {@code log}, for a failure's diagnosis, each run
     * headed by its number and {@code note}; the file is started anew.
     */
    void logTo(final Path log, final String note) throws IOException
    {
        Files.deleteIfExists(log);
        this.log = log;
        this.logNote = note;
        this.runs = 0;
    }

    /** Starts the gateway and returns once it accepts logons. */
    void start() throws IOException, InterruptedException
    {
        launch();
        awaitLine(READY);
    }

    /** Starts the gateway and returns at once, for a test that reads its start-up output line by line. */
    void launch() throws IOException
    {
        runs++;
        final Path runLog = log;
        if (runLog != null)
        {
            Files.writeString(runLog, "---- run " + runs + ", " + logNote + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        }
        process = startMain("run", "--config", configFile.toString());
        output = linesOf(process, runLog);
    }

    /**
     * @return the next line of the last started gateway's output that contains the fragment, within
     *     60 s; the lines before it are passed over.
     */
    String awaitLine(final String fragment) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
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

    /**
     * SIGKILL: no shutdown, nothing flushed on the way out.
     *
     * @return whether the process had ended within 60 s.
     */
    boolean kill() throws InterruptedException
    {
        process.destroyForcibly();
        return process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** SIGTERM, and the clean stop that follows. */
    void stop() throws InterruptedException
    {
        // through the handle: Process.destroy() would also close our end of its output
        assertThat(process.toHandle().destroy()).isTrue();
        assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    int exitValue()
    {
        return process.exitValue();
    }

    /** Runs a {@code bin/gateway} command in the work directory to its end, beside the gateway if one runs. */
    Exited command(final String... args) throws IOException, InterruptedException
    {
        return commandWithInput("", args);
    }

    /** The same, with {@code input} on its standard input. */
    Exited commandWithInput(final String input, final String... args) throws IOException, InterruptedException
    {
        final Process command = startMain(args);
        try (var stdin = command.getOutputStream())
        {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        final String commandOutput = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        final boolean exited = command.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        if (!exited)
        {
            command.destroyForcibly();
        }
        assertThat(exited).isTrue();
        return new Exited(command.exitValue(), commandOutput);
    }

    @Override
    public void close() throws InterruptedException
    {
        if (process != null && process.isAlive())
        {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        IoUtil.delete(workDir.toFile(), true);
        IoUtil.delete(Path.of(aeronDir()).toFile(), true);
    }

    /** A command's exit code and all it printed. */
    record Exited(int exitValue, String output)
    {
    }

    private Process startMain(final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-XX:-DontCompileHugeMethods",
            "-Xmx256m"));
        if (debugPort > 0)
        {
            command.add("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:" + debugPort);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.cryptofix.gateway.GatewayMain"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    }

    /** The process's output lines as they come, read on a thread of their own, and appended to log if any. */
    private BlockingQueue<String> linesOf(final Process gateway, final Path runLog)
    {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader in = new BufferedReader(
                new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = in.readLine()) != null)
                {
                    lines.add(line);
                    if (runLog != null)
                    {
                        append(runLog, line);
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
        return lines;
    }

    private static synchronized void append(final Path log, final String line)
    {
        try
        {
            Files.writeString(log, line + "\n", StandardOpenOption.APPEND);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
