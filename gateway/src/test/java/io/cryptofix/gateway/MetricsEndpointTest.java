package io.cryptofix.gateway;

import io.cryptofix.config.MetricsConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The metrics endpoint over real HTTP: with a token configured, a scrape without it, with another one
 * or in another scheme is answered 401 and sees nothing; with it, 200. Venue balances are on the page
 * only when published.
 */
class MetricsEndpointTest
{
    private static final String TOKEN = "metrics-token-5f0c9a27e1";
    private static final String TOKEN_ENV = "TEST_METRICS_TOKEN";

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port = freePort();
    private MetricsEndpoint endpoint;

    @AfterEach
    void stop()
    {
        if (endpoint != null)
        {
            endpoint.close();
        }
    }

    @Test
    void withATokenConfiguredOnlyAScrapeSendingItIsAnswered() throws Exception
    {
        final GatewayMetrics metrics = new GatewayMetrics(new PrometheusRegistry(), false);
        metrics.orderReceived();
        endpoint = MetricsEndpoint.start(config(TOKEN_ENV, false), metrics.registry(), Map.of(TOKEN_ENV, TOKEN)::get);

        final HttpResponse<String> none = scrape(null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
        assertThat(none.body()).doesNotContain("cryptofix_");
        assertThat(scrape("Bearer " + TOKEN + "x").statusCode()).as("another token").isEqualTo(401);
        assertThat(scrape("Bearer " + TOKEN.substring(1)).statusCode()).as("a shorter one").isEqualTo(401);
        assertThat(scrape("Basic " + TOKEN).statusCode()).as("another scheme").isEqualTo(401);
        assertThat(scrape("Bearer ").statusCode()).as("an empty token").isEqualTo(401);

        final HttpResponse<String> granted = scrape("Bearer " + TOKEN);
        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(granted.body()).contains("cryptofix_orders_received_total 1.0");
        assertThat(scrape("bearer " + TOKEN).statusCode()).as("the scheme's case does not matter").isEqualTo(200);
    }

    @Test
    void withoutATokenConfiguredEveryScrapeIsAnswered() throws Exception
    {
        endpoint = MetricsEndpoint.start(config(null, false), new GatewayMetrics(new PrometheusRegistry(), false)
            .registry(), Map.<String, String>of()::get);

        assertThat(scrape(null).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenMissingFromTheEnvironmentRefusesTheStartNamingTheVariableAndLeavesThePortFree()
    {
        assertThatThrownBy(() -> MetricsEndpoint.start(config(TOKEN_ENV, false), new PrometheusRegistry(),
            Map.<String, String>of()::get))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("metrics.tokenEnv: environment variable " + TOKEN_ENV + " is not set (allowed: a token of at " +
                "least 16 characters in it)");
        assertThat(canBind(port)).isTrue();
    }

    @Test
    void balancesAreNeitherReadNorOnThePageUnlessPublished() throws Exception
    {
        final GatewayMetrics metrics = new GatewayMetrics(new PrometheusRegistry(), false);
        metrics.onBalance("BINANCE", "USDT", 100_000);
        endpoint = MetricsEndpoint.start(config(null, false), metrics.registry(), Map.<String, String>of()::get);

        assertThat(metrics.readsBalances()).as("the venues are told not to read them").isFalse();
        assertThat(scrape(null).body()).doesNotContain("cryptofix_venue_balance");
    }

    @Test
    void publishedBalancesAreOnThePage() throws Exception
    {
        final GatewayMetrics metrics = new GatewayMetrics(new PrometheusRegistry(), true);
        metrics.onBalance("BINANCE", "USDT", 100_000);
        endpoint = MetricsEndpoint.start(config(null, true), metrics.registry(), Map.<String, String>of()::get);

        assertThat(metrics.readsBalances()).isTrue();
        assertThat(scrape(null).body()).contains("cryptofix_venue_balance{asset=\"USDT\",venue=\"BINANCE\"} 100000.0");
    }

    private MetricsConfig config(final String tokenEnv, final boolean publishBalances)
    {
        return new MetricsConfig(true, "127.0.0.1", port, tokenEnv, publishBalances);
    }

    private HttpResponse<String> scrape(final String authorization) throws IOException, InterruptedException
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(10));
        if (authorization != null)
        {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean canBind(final int port)
    {
        try (ServerSocket socket = new ServerSocket())
        {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        }
        catch (final IOException e)
        {
            return false;
        }
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
        catch (final IOException e)
        {
            throw new IllegalStateException(e);
        }
    }
}
