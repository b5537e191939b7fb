package io.cryptofix.certification;

import io.cryptofix.certification.GatewayConfigYaml.Venue;
import io.cryptofix.venue.binance.FakeBinance;
import io.cryptofix.venue.binance.FakeBinance.FakeOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.Account;
import quickfix.field.ExecType;
import quickfix.field.OrdRejReason;
import quickfix.field.Side;
import quickfix.field.Text;
import quickfix.fix44.NewOrderSingle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * QuickFIX/J client -> gateway -> Binance adapters -> a local fake Binance whose user has a
 * sub-account with keys of its own, each request checked against the keys it is signed with as
 * Binance checks them: an order naming the account in Account (1) is placed, and canceled after a
 * restart, with the sub-account's keys; one without Account with the venue's own.
 */
class VenueAccountsCertificationTest
{
    private static final String KEY = "main-api-key-7a1e";
    private static final String SECRET = "main-secret-0c55d2";
    private static final String DESK_KEY = "desk1-api-key-93bf";
    private static final String DESK_SECRET = "desk1-secret-41a8e0";

    private static FakeBinance binance;
    private static GatewayFixture gateway;
    private static Path mainCredentials;
    private static Path deskCredentials;

    @BeforeAll
    static void start() throws IOException
    {
        binance = FakeBinance.start(KEY, SECRET);
        binance.addSubAccount(DESK_KEY, DESK_SECRET);
        mainCredentials = credentials(KEY, SECRET);
        deskCredentials = credentials(DESK_KEY, DESK_SECRET);
        gateway = GatewayFixture.start(config -> config
            .venue(Venue.exchange("BINANCE", "binance", binance.baseUrl(), mainCredentials).symbols("BTC/USDT")
                .set("accounts", "{ DESK1: { credentialsFile: " + deskCredentials + " } }")));
    }

    @AfterAll
    static void stop() throws IOException
    {
        gateway.close();
        binance.close();
        Files.delete(mainCredentials);
        Files.delete(deskCredentials);
    }

    @Test
    void anOrderNamingAnAccountTradesOnItsKeysAlsoAfterARestartAndOneWithoutOnTheVenuesOwn() throws Exception
    {
        final String deskOrder = Orders.nextClOrdId();
        final String ownOrder = Orders.nextClOrdId();
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            client.send(inAccount(Orders.limit(deskOrder, Side.BUY, "BTC/USDT", "0.01", "50000"), "DESK1"));
            final Message accepted = client.next("8");
            assertThat(accepted.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(accepted.getString(Account.FIELD)).isEqualTo("DESK1");
            client.send(Orders.onVenue(Orders.limit(ownOrder, Side.BUY, "BTC/USDT", "0.01", "50000"), "BINANCE"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(binance.ordersOf(DESK_KEY)).as("the sub-account's orders").singleElement()
                .extracting(FakeOrder::status).isEqualTo("NEW");
            assertThat(binance.ordersOf(KEY)).as("the venue's own orders").singleElement()
                .extracting(FakeOrder::status).isEqualTo("NEW");
            client.logout();
        }

        gateway.restart();
        // the start says what it took over: both orders open, each asked about at Binance
        final MetricsScrape started = MetricsScrape.of(gateway.metricsPort());
        assertThat(started.sample("cryptofix_recovery_orders{kind=\"open\"}")).hasValue(2);
        assertThat(started.sample("cryptofix_recovery_orders{kind=\"checked\"}")).hasValue(2);
        assertThat(started.sample("cryptofix_recovery_journal_events").orElse(0)).isPositive();
        assertThat(started.sample("cryptofix_data_dir_bytes").orElse(0)).as("the archive at least").isPositive();
        assertThat(started.sample("cryptofix_data_dir_free_bytes").orElse(0)).isPositive();

        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            // the sub-account's keys alone find the order: canceled with the main keys it would be unknown
            client.send(Orders.cancel(Orders.nextClOrdId(), deskOrder, Side.BUY, "BTC/USDT"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.PENDING_CANCEL);
            final Message canceled = client.next("8");
            assertThat(canceled.getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
            assertThat(canceled.getString(Account.FIELD)).isEqualTo("DESK1");
            client.send(Orders.cancel(Orders.nextClOrdId(), ownOrder, Side.BUY, "BTC/USDT"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.PENDING_CANCEL);
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
            client.logout();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        {
            assertThat(binance.ordersOf(DESK_KEY)).singleElement().extracting(FakeOrder::status).isEqualTo("CANCELED");
            assertThat(binance.ordersOf(KEY)).singleElement().extracting(FakeOrder::status).isEqualTo("CANCELED");
        });
    }

    @Test
    void anAccountTheVenueDoesNotHaveIsRejectedAndNothingReachesTheExchange() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DEMO", gateway.fixPort()))
        {
            final int before = binance.orderCount() + binance.ordersOf(DESK_KEY).size();
            client.send(inAccount(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "50000"), "DESK2"));
            final Message refused = client.next("8");
            assertThat(refused.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(refused.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.UNKNOWN_ACCOUNT);
            assertThat(refused.getString(Text.FIELD))
                .isEqualTo("Account (1) 'DESK2' is not an account at venue BINANCE (its accounts: DESK1)");
            assertThat(binance.orderCount() + binance.ordersOf(DESK_KEY).size()).isEqualTo(before);
            client.logout();
        }
    }

    private static NewOrderSingle inAccount(final NewOrderSingle order, final String account)
    {
        order.set(new Account(account));
        return Orders.onVenue(order, "BINANCE");
    }

    private static Path credentials(final String key, final String secret) throws IOException
    {
        final Path file = Files.createTempFile("cryptofix-credentials", ".properties");
        Files.writeString(file, "apiKey=" + key + "\nsecretKey=" + secret + "\n");
        return file;
    }
}
