package io.cryptofix.venue.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every fake exchange shares: a real HTTP server on 127.0.0.1 on a free port, request counts,
 * JSON answers, and the faults a venue shows: latency, requests held until released, a 5xx before
 * it acts, and an answer dropped after it acted. Each venue's fake adds its endpoints, its signing rule and its errors.
 */
public abstract class FakeExchange implements AutoCloseable
{
    protected static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();
    private volatile long latencyMillis;
    private volatile int nextServerError;
    private final AtomicInteger serverErrorsLeft = new AtomicInteger();
    private volatile long clockOffsetMillis;
    private volatile boolean dropNextOrderResponse;
    private volatile CountDownLatch held;

    protected FakeExchange()
    {
        try
        {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /** Starts answering; the subclass calls it once its own state is ready. */
    protected final void listen()
    {
        server.start();
    }

    public final String baseUrl()
    {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every answer of {@link #delayedOrFailed} waits this long first, as a slow venue would. */
    public final void latency(final long millis)
    {
        latencyMillis = millis;
    }

    /**
     * Requests that pass {@link #delayedOrFailed} from now on wait, unanswered and not acted on,
     * until {@link #releaseRequests}: what the venue does in the meantime comes before them.
     */
    public final void holdRequests()
    {
        held = new CountDownLatch(1);
    }

    public final void releaseRequests()
    {
        final CountDownLatch waiting = held;
        held = null;
        if (waiting != null)
        {
            waiting.countDown();
        }
    }

    /**
     * The next request that passes {@link #delayedOrFailed} fails with this HTTP status (a 5xx)
     * before the venue does anything: the client cannot tell whether it acted.
     */
    public final void serverErrorNext(final int httpStatus)
    {
        nextServerError = httpStatus;
    }

    /**
     * The next {@code count} requests that pass {@link #delayedOrFailed} fail with this HTTP status
     * before the venue does anything: an outage or a maintenance window.
     */
    public final void serverErrors(final int count, final int httpStatus)
    {
        nextServerError = 0;
        serverErrorsLeft.set(count);
        outageStatus = httpStatus;
    }

    private volatile int outageStatus;

    /**
     * The venue's clock runs this far ahead of the host's (negative: behind): its time endpoint says
     * so, and it checks request timestamps against it.
     */
    public final void clockOffset(final long millis)
    {
        clockOffsetMillis = millis;
    }

    /** @return the venue's time now, epoch milliseconds: the host's clock and the {@link #clockOffset}. */
    protected final long venueMillis()
    {
        return System.currentTimeMillis() + clockOffsetMillis;
    }

    /** The next order is placed, and then its response is never sent: the connection just closes. */
    public final void dropNextOrderResponse()
    {
        dropNextOrderResponse = true;
    }

    /** How many requests reached {@code key}, as the fake names them (e.g. {@code POST /api/v3/order}). */
    public final int requests(final String key)
    {
        final AtomicInteger count = requestCounts.get(key);
        return count == null ? 0 : count.get();
    }

    @Override
    public final void close()
    {
        releaseRequests();
        server.stop(0);
        executor.shutdownNow();
    }

    /** Answers one request, and closes the exchange, answered or not (try-with-resources). */
    protected abstract void handle(HttpExchange exchange) throws IOException;

    protected final void countRequest(final String key)
    {
        requestCounts.computeIfAbsent(key, unused -> new AtomicInteger()).incrementAndGet();
    }

    /** @return true once after {@link #dropNextOrderResponse}: the caller places the order and answers nothing. */
    protected final boolean takeDropNextOrderResponse()
    {
        if (!dropNextOrderResponse)
        {
            return false;
        }
        dropNextOrderResponse = false;
        return true;
    }

    /**
     * Waits the injected latency, and fails the request with the injected server error.
     *
     * @return true if the request failed and was answered.
     */
    protected final boolean delayedOrFailed(final HttpExchange exchange) throws IOException
    {
        final CountDownLatch waiting = held;
        if (waiting != null)
        {
            try
            {
                // bounded: a test that never releases must not leave server threads behind
                waiting.await(60, TimeUnit.SECONDS);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }
        if (latencyMillis > 0)
        {
            try
            {
                // the fault itself: a venue slow to answer, not a wait for something to happen
                Thread.sleep(latencyMillis);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }
        int status = nextServerError;
        if (status == 0 && serverErrorsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0)
        {
            status = outageStatus;
        }
        if (status == 0)
        {
            return false;
        }
        nextServerError = 0;
        final byte[] page = ("<html><body>" + status + " Bad Gateway</body></html>").getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(status, page.length);
        exchange.getResponseBody().write(page);
        return true;
    }

    /** The parameters of a query string or form body; empty for null. */
    protected static Map<String, String> params(final String encoded)
    {
        final Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null)
        {
            return params;
        }
        for (final String part : encoded.split("&"))
        {
            final int equals = part.indexOf('=');
            if (equals > 0)
            {
                params.put(URLDecoder.decode(part.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(part.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** Answers with {@code body} as JSON; a 429 says when to come back, as venues do. */
    protected static void send(final HttpExchange exchange, final int status, final Object body) throws IOException
    {
        final byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        if (status == 429)
        {
            exchange.getResponseHeaders().set("Retry-After", "2");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
