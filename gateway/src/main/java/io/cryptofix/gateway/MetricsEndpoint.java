package io.cryptofix.gateway;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import io.cryptofix.config.Addresses;
import io.cryptofix.config.ConfigException;
import io.cryptofix.config.MetricsConfig;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.UnaryOperator;

/**
 * The Prometheus text endpoint ({@code /metrics}) on its own port, serving one gateway's registry;
 * none when metrics are disabled. With {@code metrics.tokenEnv} configured, every request on the port
 * must carry {@code Authorization: Bearer <token>}, or is answered 401.
 */
final class MetricsEndpoint implements AutoCloseable
{
    private static final Logger LOG = System.getLogger(MetricsEndpoint.class.getName());

    private final HTTPServer server;

    private MetricsEndpoint(final HTTPServer server)
    {
        this.server = server;
    }

    /**
     * @param environment  where the token's variable is read, e.g. {@code System::getenv}.
     * @throws IllegalStateException when the token's variable is unset or its token too short: the
     *     gateway must not serve without the protection it was configured with.
     */
    static MetricsEndpoint start(
        final MetricsConfig metrics, final PrometheusRegistry registry, final UnaryOperator<String> environment)
    {
        if (!metrics.enabled())
        {
            return new MetricsEndpoint(null);
        }
        final String token;
        try
        {
            token = metrics.tokenValue(environment);
        }
        catch (final ConfigException e)
        {
            throw new IllegalStateException(String.join("; ", e.problems()), e);
        }
        if (token == null && !Addresses.isLoopback(metrics.bindAddress()))
        {
            LOG.log(Level.WARNING, "metrics on {0}:{1} ask for no token: whoever reaches the port reads them; set " +
                "metrics.tokenEnv (docs/security.md)", metrics.bindAddress(), Integer.toString(metrics.port()));
        }
        try
        {
            final HTTPServer.Builder server = HTTPServer.builder()
                .hostname(metrics.bindAddress())
                .port(metrics.port())
                .registry(registry);
            if (token != null)
            {
                server.authenticator(new BearerToken(token));
            }
            return new MetricsEndpoint(server.buildAndStart());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(
                "cannot serve metrics on " + metrics.bindAddress() + ":" + metrics.port() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the port it listens on, or -1 if metrics are disabled.
     */
    int port()
    {
        return server == null ? -1 : server.getPort();
    }

    @Override
    public void close()
    {
        if (server != null)
        {
            server.close();
        }
    }

    /**
     * Lets a request through when it carries the token. Both sides are hashed first and the hashes
     * compared in constant time, so neither the time of an answer nor the token's length tells how
     * close a guess was.
     */
    private static final class BearerToken extends Authenticator
    {
        private static final String BEARER = "Bearer ";
        private static final HttpPrincipal SCRAPER = new HttpPrincipal("scraper", "metrics");

        private final byte[] expected;

        BearerToken(final String token)
        {
            this.expected = sha256(token);
        }

        @Override
        public Result authenticate(final HttpExchange exchange)
        {
            final String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            final boolean bearer = authorization != null &&
                authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
            final byte[] presented = sha256(bearer ? authorization.substring(BEARER.length()).strip() : "");
            if (MessageDigest.isEqual(expected, presented) && bearer)
            {
                return new Success(SCRAPER);
            }
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"metrics\"");
            return new Failure(401);
        }

        private static byte[] sha256(final String text)
        {
            try
            {
                return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            }
            catch (final NoSuchAlgorithmException e)
            {
                // every Java platform must have SHA-256
                throw new IllegalStateException(e);
            }
        }
    }
}
