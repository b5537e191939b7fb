package io.cryptofix.certification;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The TLS front an operator runs, {@code deploy/tls/run-front} (stunnel), before a gateway's FIX port,
 * on a free port of its own. {@link #close} stops the one process it started, by its PID, and removes
 * its log.
 */
final class TlsFront implements AutoCloseable
{
    /** Where the project keeps the front: found from the module directory surefire runs in. */
    static final Path DEPLOY_TLS = findDeployTls();

    private final Process process;
    private final Path log;
    private final int port;

    private TlsFront(final Process process, final Path log, final int port)
    {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the front and waits until it accepts connections.
     *
     * @param clientCa  CA certificate(s) a client certificate must chain to (mutual TLS); null for none.
     */
    static TlsFront start(final int gatewayPort, final Path cert, final Path key, final Path clientCa)
        throws IOException
    {
        requireStunnel();
        final int port = GatewayFixture.freePort();
        final Path log = Files.createTempFile("cryptofix-tls-front-", ".log");
        final ProcessBuilder builder = new ProcessBuilder(DEPLOY_TLS.resolve("run-front").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        final Map<String, String> environment = builder.environment();
        environment.put("TLS_ACCEPT", "127.0.0.1:" + port);
        environment.put("GATEWAY_PORT", String.valueOf(gatewayPort));
        environment.put("TLS_CERT", cert.toString());
        environment.put("TLS_KEY", key.toString());
        environment.put("LOG_LEVEL", "info");
        environment.remove("CLIENT_CA");
        if (clientCa != null)
        {
            environment.put("CLIENT_CA", clientCa.toString());
        }
        final TlsFront front = new TlsFront(builder.start(), log, port);
        try
        {
            front.awaitListening();
            return front;
        }
        catch (final RuntimeException | Error e)
        {
            front.close();
            throw e;
        }
    }

    int port()
    {
        return port;
    }

    /** @return what stunnel logged so far. */
    String log()
    {
        try
        {
            return Files.readString(log, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening()
    {
        await("the TLS front listening on 127.0.0.1:" + port)
            .atMost(FixTestClient.TIMEOUT)
            .until(() ->
            {
                if (!process.isAlive())
                {
                    throw new AssertionError("the TLS front exited with " + process.exitValue() + ":\n" + log());
                }
                // a bare connect: stunnel logs the dropped handshake, the test's first client sees a front at work
                try (Socket probe = new Socket())
                {
                    probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                    return true;
                }
                catch (final IOException notYet)
                {
                    return false;
                }
            });
    }

    private static void requireStunnel()
    {
        for (final String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        {
            if (Files.isExecutable(Path.of(dir, "stunnel")))
            {
                return;
            }
        }
        throw new AssertionError("stunnel is not installed, and the TLS front needs it: " +
            "install it with 'apt-get install -y -q stunnel4' (.ci/run does so)");
    }

    private static Path findDeployTls()
    {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent())
        {
            final Path candidate = dir.resolve("deploy").resolve("tls");
            if (Files.isExecutable(candidate.resolve("run-front")))
            {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/tls/run-front not found above " + Path.of("").toAbsolutePath());
    }

    @Override
    public void close()
    {
        // run-front execs stunnel: the process started is stunnel itself, which SIGTERM stops
        process.destroy();
        try
        {
            if (!process.waitFor(10, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        // kept in the test's output, where a failure is read
        System.out.println("TLS front log:\n" + log());
        try
        {
            Files.deleteIfExists(log);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
