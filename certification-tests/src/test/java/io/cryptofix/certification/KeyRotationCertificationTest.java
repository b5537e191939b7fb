package io.cryptofix.certification;

import io.cryptofix.certification.GatewayConfigYaml.Venue;
import io.cryptofix.venue.binance.FakeBinance;
import io.cryptofix.venue.rest.Credentials;
import io.cryptofix.venue.rest.CredentialsStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.field.ExecType;
import quickfix.field.Side;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QuickFIX/J client -> gateway -> Binance adapter -> a local fake Binance, the venue's keys kept in
 * the gateway's encrypted credentials store: the key is replaced at Binance (the old one deleted),
 * the new one put in the store, the gateway told to read it again through the admin API, and the
 * next order is placed, signed with the new key, without a restart.
 */
class KeyRotationCertificationTest
{
    private static final String OLD_KEY = "binance-key-before-3c1f";
    private static final String OLD_SECRET = "binance-secret-before-9d02";
    private static final String NEW_KEY = "binance-key-after-77e0";
    private static final String NEW_SECRET = "binance-secret-after-5ab6";
    private static final String STORE_PASSWORD = "store-password-for-the-test-61f";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static FakeBinance binance;
    private static GatewayFixture gateway;
    private static CredentialsStore store;

    @BeforeAll
    static void start()
    {
        binance = FakeBinance.start(OLD_KEY, OLD_SECRET);
        final Map<String, String> environment = Map.of("CRYPTOFIX_CREDENTIALS_PASSWORD", STORE_PASSWORD);
        gateway = GatewayFixture.start(config -> config
            .venue(Venue.exchange("BINANCE", "binance", binance.baseUrl(), null).symbols("BTC/USDT")),
            environment::get, dataDir ->
            {
                // the store in its default place, the data directory, before the gateway first starts
                store = new CredentialsStore(dataDir.resolve("credentials.p12"), STORE_PASSWORD.toCharArray());
                store.put("BINANCE", new Credentials(OLD_KEY, OLD_SECRET, null));
            });
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
        binance.close();
    }

    @Test
    void afterAReloadTheNextOrderIsSignedWithTheNewKeyWhichIsTheOnlyOneBinanceStillTakes() throws Exception
    {
        final String token = Files.readString(gateway.dataDir().resolve("admin-token")).strip();
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "50000"), "BINANCE"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(binance.ordersOf(OLD_KEY)).hasSize(1);

            binance.replaceKey(OLD_KEY, NEW_KEY, NEW_SECRET);
            store.put("BINANCE", new Credentials(NEW_KEY, NEW_SECRET, null));
            final HttpResponse<String> reloaded = admin(token, "{\"venue\": \"BINANCE\"}");
            assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
            assertThat(reloaded.body()).contains("BINANCE: new keys in use").doesNotContain(NEW_KEY, NEW_SECRET);

            client.send(Orders.onVenue(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "50000"), "BINANCE"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(binance.ordersOf(NEW_KEY)).as("both orders, the second placed with the new key alone").hasSize(2);
            client.logout();
        }
    }

    private static HttpResponse<String> admin(final String token, final String body) throws Exception
    {
        return HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.gateway().adminPort() + "/reload-credentials"))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(30))
            .build(), HttpResponse.BodyHandlers.ofString());
    }
}
