package io.cryptofix.store.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the real PostgreSQL server, so that a test can take the database away
 * without stopping the server others use: {@link #cutOff()} stops listening and breaks every relayed
 * connection, as a server going down does; {@link #restore()} listens on the same port again.
 */
final class PostgresRelay implements AutoCloseable
{
    private static final String SERVER_HOST = "127.0.0.1";
    private static final int SERVER_PORT = 5432;

    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listening;

    private PostgresRelay(final int port)
    {
        this.port = port;
    }

    static PostgresRelay start() throws IOException
    {
        final int port;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()))
        {
            port = probe.getLocalPort();
        }
        final PostgresRelay relay = new PostgresRelay(port);
        relay.restore();
        return relay;
    }

    /** The JDBC URL of the test database through this relay. */
    String url()
    {
        return TestSchema.url(SERVER_HOST + ":" + port);
    }

    synchronized void restore() throws IOException
    {
        final ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listening = server;
        startThread("relay-accept", () -> accept(server));
    }

    /** Connections to the relay are refused, and those open are broken, until {@link #restore()}. */
    synchronized void cutOff() throws IOException
    {
        final ServerSocket server = listening;
        listening = null;
        if (server != null)
        {
            server.close();
        }
        for (final Socket socket : sockets)
        {
            socket.close();
        }
    }

    @Override
    public void close() throws Exception
    {
        cutOff();
        for (final Thread thread : threads)
        {
            thread.join();
        }
    }

    private void accept(final ServerSocket server)
    {
        while (!server.isClosed())
        {
            try
            {
                final Socket client = server.accept();
                final Socket upstream = new Socket(SERVER_HOST, SERVER_PORT);
                sockets.add(client);
                sockets.add(upstream);
                startThread("relay-up", () -> pump(client, upstream));
                startThread("relay-down", () -> pump(upstream, client));
            }
            catch (final IOException e)
            {
                // closed by cutOff
            }
        }
    }

    private void pump(final Socket from, final Socket to)
    {
        final byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream())
        {
            int read;
            while ((read = in.read(buffer)) >= 0)
            {
                out.write(buffer, 0, read);
                out.flush();
            }
        }
        catch (final IOException e)
        {
            // one side went away: the other goes too
        }
        finally
        {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(final Socket socket)
    {
        sockets.remove(socket);
        try
        {
            socket.close();
        }
        catch (final IOException e)
        {
            // closing is all that was wanted
        }
    }

    private void startThread(final String name, final Runnable work)
    {
        final Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }
}
