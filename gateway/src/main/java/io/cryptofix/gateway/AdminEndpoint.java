package io.cryptofix.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cryptofix.config.AdminConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The admin API over HTTP on its own port: {@code GET /status}, {@code POST /halt}, {@code /reduce},
 * {@code /resume}, {@code /kill}, {@code /reload} and {@code /reload-credentials}, JSON in and out, served by one thread of its own
 * (operators' requests are few, and one at a time keeps the journal's order that of the requests).
 * The JDK's HTTP server is enough for that: no web framework to ship and keep patched. What a request
 * does is {@link AdminService}'s; this class only speaks HTTP, and never answers with a stack trace.
 */
final class AdminEndpoint implements AutoCloseable
{
    private static final Logger LOG = System.getLogger(AdminEndpoint.class.getName());
    // a scope, a name and one line of reason: anything longer is not a request of ours
    private static final int MAX_BODY = 8 * 1024;

    private final HttpServer server;
    private final ExecutorService thread;

    private AdminEndpoint(final HttpServer server, final ExecutorService thread)
    {
        this.server = server;
        this.thread = thread;
    }

    /** @return the endpoint listening, or none when the admin API is disabled. */
    static AdminEndpoint start(final AdminConfig admin, final AdminService service)
    {
        if (!admin.enabled())
        {
            return new AdminEndpoint(null, null);
        }
        final HttpServer server;
        try
        {
            server = HttpServer.create(new InetSocketAddress(admin.bindAddress(), admin.port()), 0);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(
                "cannot serve the admin API on " + admin.bindAddress() + ":" + admin.port() + ": " + e.getMessage(), e);
        }
        final ExecutorService thread = Executors.newSingleThreadExecutor(task ->
        {
            final Thread admins = new Thread(task, "admin-api");
            admins.setDaemon(true);
            return admins;
        });
        server.setExecutor(thread);
        server.createContext("/", exchange -> serve(exchange, service));
        server.start();
        return new AdminEndpoint(server, thread);
    }

    /** @return the port it listens on, or -1 when the admin API is disabled. */
    int port()
    {
        return server == null ? -1 : server.getAddress().getPort();
    }

    @Override
    public void close()
    {
        if (server != null)
        {
            server.stop(0);
            thread.shutdownNow();
        }
    }

    private static void serve(final HttpExchange exchange, final AdminService service) throws IOException
    {
        try
        {
            final String path = exchange.getRequestURI().getPath();
            final AdminAction action = path.length() > 1 ? AdminAction.of(path.substring(1)) : null;
            if (action == null)
            {
                send(exchange, 404, AdminJson.error("no such admin request " + path + " (allowed: GET /status, POST " +
                    "/halt, /reduce, /resume, /kill, /reload, /reload-credentials)"));
                return;
            }
            final String method = action == AdminAction.STATUS ? "GET" : "POST";
            if (!method.equals(exchange.getRequestMethod()))
            {
                exchange.getResponseHeaders().set("Allow", method);
                send(exchange, 405, AdminJson.error(path + " takes " + method + ", not " + exchange.getRequestMethod()));
                return;
            }
            final String body = body(exchange.getRequestBody());
            if (body == null)
            {
                send(exchange, 413, AdminJson.error("the body is longer than " + MAX_BODY + " bytes"));
                return;
            }
            final AdminService.Answer answer =
                service.handle(action, exchange.getRequestHeaders().getFirst("Authorization"), body);
            send(exchange, answer.status(), answer.json());
        }
        catch (final RuntimeException e)
        {
            // the details go to the log, not to whoever asked
            LOG.log(Level.WARNING, "admin request " + exchange.getRequestURI() + " failed", e);
            send(exchange, 500, AdminJson.error("internal error: " + e.getClass().getSimpleName() + ", see the " +
                "gateway's log"));
        }
        finally
        {
            exchange.close();
        }
    }

    /** @return the body as text, or null when it is longer than any request of ours. */
    private static String body(final InputStream in) throws IOException
    {
        final byte[] bytes = in.readNBytes(MAX_BODY + 1);
        return bytes.length > MAX_BODY ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static void send(final HttpExchange exchange, final int status, final String json) throws IOException
    {
        final byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody())
        {
            out.write(bytes);
        }
    }
}
