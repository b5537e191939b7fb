package io.cryptofix.certification;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.Account;
import quickfix.field.ExecType;
import quickfix.field.OrdRejReason;
import quickfix.field.Side;
import quickfix.field.Text;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QuickFIX/J client -> gateway with session-wide controls -> simulated venue: the value a session
 * has open and sent today, the duplicate-order guard, self-trade prevention and entitlements each
 * refuse with a Text naming the check and the figures, while an order inside them trades.
 */
class SessionControlsCertificationTest
{
    private static GatewayFixture gateway;

    @BeforeAll
    static void start()
    {
        gateway = GatewayFixture.start(config -> config
            .venueSetting("SIM", "accounts", "{ MAIN: {}, OTHER: {} }")
            .riskLimit("sessions.DEMO", "maxOpenNotional", "100")
            .riskLimit("sessions.RISK", "maxDailyNotional", "200")
            .riskLimit("sessions.RISK", "symbols", "[\"BTC/*\"]")
            .riskLimit("sessions.RISK", "accounts", "[MAIN]")
            .riskLimit("sessions.DESK", "duplicateOrderWindow", "1m")
            .riskLimit("sessions.DESK", "selfTradePrevention", "refuse")
            .riskLimit("sessions.DESK", "positionLimit", "{ BTC: 0.05 }"));
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    @Test
    void maxOpenNotionalRefusesAnOrderThatWouldTakeTheSessionsOpenValueOverIt() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DEMO", gateway.fixPort()))
        {
            final String resting = Orders.nextClOrdId();
            client.send(Orders.limit(resting, Side.BUY, "BTC/USDT", "0.05", "1000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);

            client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.06", "1000"));
            final Message refused = client.next("8");
            assertThat(refused.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(refused.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.ORDER_EXCEEDS_LIMIT);
            assertThat(refused.getString(Text.FIELD))
                .isEqualTo("maxOpenNotional 100 exceeded: open orders 50 + this order 60 = 110");

            cancel(client, resting);
            client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.06", "1000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).as("the canceled order freed its value")
                .isEqualTo(ExecType.NEW);
            client.logout();
        }
    }

    @Test
    void maxDailyNotionalAndEntitlementsRefuseWhatTheSessionMayNotSend() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort()))
        {
            final String resting = Orders.nextClOrdId();
            client.send(Orders.limit(resting, Side.BUY, "BTC/USDT", "0.1", "1000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            cancel(client, resting);

            client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.15", "1000"));
            assertThat(client.next("8").getString(Text.FIELD))
                .as("a canceled order still counts to the day's value")
                .isEqualTo("maxDailyNotional 200 exceeded: sent today 100 + this order 150 = 250");

            client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "ETH/USDT", "0.01", "1000"));
            assertThat(client.next("8").getString(Text.FIELD))
                .isEqualTo("session RISK may not trade ETH/USDT (its symbols: BTC/*)");

            final quickfix.fix44.NewOrderSingle otherAccount =
                Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "1000");
            otherAccount.set(new Account("OTHER"));
            client.send(otherAccount);
            assertThat(client.next("8").getString(Text.FIELD))
                .isEqualTo("Account (1) 'OTHER' is not one of session RISK's accounts (MAIN)");

            final quickfix.fix44.NewOrderSingle mainAccount =
                Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "1000");
            mainAccount.set(new Account("MAIN"));
            client.send(mainAccount);
            final Message accepted = client.next("8");
            assertThat(accepted.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(accepted.getString(Account.FIELD)).as("the account echoed").isEqualTo("MAIN");
            cancel(client, accepted.getString(quickfix.field.ClOrdID.FIELD));
            client.logout();
        }
    }

    @Test
    void anAccountTheVenueDoesNotHaveIsRejectedAsUnknownNamingTheVenuesAccounts() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DESK", gateway.fixPort()))
        {
            final quickfix.fix44.NewOrderSingle unknown = Orders.limit(Orders.nextClOrdId(), Side.BUY, "ETH/USDT", "0.01", "1000");
            unknown.set(new Account("NOPE"));
            client.send(unknown);
            final Message refused = client.next("8");
            assertThat(refused.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(refused.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.UNKNOWN_ACCOUNT);
            assertThat(refused.getString(Text.FIELD))
                .isEqualTo("Account (1) 'NOPE' is not an account at venue SIM (its accounts: MAIN, OTHER)");
            client.logout();
        }
    }

    @Test
    void theDuplicateGuardAndSelfTradePreventionRefuseNamingTheEarlierOrder() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DESK", gateway.fixPort()))
        {
            final String first = Orders.nextClOrdId();
            client.send(Orders.limit(first, Side.BUY, "BTC/USDT", "0.01", "1000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "1000"));
            final Message duplicate = client.next("8");
            assertThat(duplicate.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.DUPLICATE_ORDER);
            assertThat(duplicate.getString(Text.FIELD)).startsWith("duplicate order (duplicateOrderWindow 1m): " +
                "same side, symbol, quantity 0.01 and price 1000 as ClOrdID (11) '" + first + "' sent ");

            final String restingSell = Orders.nextClOrdId();
            client.send(Orders.limit(restingSell, Side.SELL, "BTC/USDT", "0.01", "1000000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.02", "1000000"));
            final Message selfTrade = client.next("8");
            assertThat(selfTrade.getChar(ExecType.FIELD)).isEqualTo(ExecType.REJECTED);
            assertThat(selfTrade.getString(Text.FIELD)).isEqualTo("selfTradePrevention: this buy at 1000000 would " +
                "trade against the session's own sell ClOrdID (11) '" + restingSell + "' resting at 1000000 at venue SIM");

            cancel(client, first);
            cancel(client, restingSell);
            client.logout();
        }
    }

    @Test
    void positionLimitCountsTheSessionsFillsAndRefusesABuyBeyondItWhileASellGoesThrough() throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn("DESK", gateway.fixPort()))
        {
            client.send(Orders.market(Orders.nextClOrdId(), Side.BUY, "ETH/USDT", "1"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(client.next("8").getChar(quickfix.field.OrdStatus.FIELD)).as("another asset: no limit")
                .isEqualTo(quickfix.field.OrdStatus.FILLED);

            client.send(Orders.market(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.03"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(client.next("8").getChar(quickfix.field.OrdStatus.FIELD)).isEqualTo(quickfix.field.OrdStatus.FILLED);

            client.send(Orders.market(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.025"));
            final Message refused = client.next("8");
            assertThat(refused.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.ORDER_EXCEEDS_LIMIT);
            assertThat(refused.getString(Text.FIELD)).isEqualTo("positionLimit 0.05 BTC exceeded: position 0.03 BTC" +
                " + open buys 0 BTC + this buy 0.025 BTC = 0.055 BTC long");

            client.send(Orders.market(Orders.nextClOrdId(), Side.SELL, "BTC/USDT", "0.09"));
            assertThat(client.next("8").getString(Text.FIELD)).isEqualTo("positionLimit 0.05 BTC exceeded: position " +
                "0.03 BTC - open sells 0 BTC - this sell 0.09 BTC = 0.06 BTC short");

            client.send(Orders.market(Orders.nextClOrdId(), Side.SELL, "BTC/USDT", "0.03"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            assertThat(client.next("8").getChar(quickfix.field.OrdStatus.FIELD)).isEqualTo(quickfix.field.OrdStatus.FILLED);
            client.logout();
        }
    }

    private static void cancel(final FixTestClient client, final String clOrdId) throws Exception
    {
        client.send(Orders.cancel(Orders.nextClOrdId(), clOrdId, Side.BUY, "BTC/USDT"));
        assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.PENDING_CANCEL);
        assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.CANCELED);
    }
}
