package io.cryptofix.order;

import io.cryptofix.domain.InstrumentCatalog;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TestCatalog;
import io.cryptofix.order.RecordingSink.NewOrderReject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cryptofix.domain.TestCatalog.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Account (1) selects the venue account an order trades in: one the venue has goes there with the
 * order, one it does not have is refused as unknown, and one whose adapter is down is refused while
 * the venue's own keys and its other accounts trade on.
 */
class VenueAccountsTest
{
    private static final long SESSION = 3;
    private static final String SYMBOL = "BTC/USDT";

    private final InstrumentCatalog catalog = TestCatalog.venue("BINANCE").accounts("DESK1", "HEDGE")
        .trades(SYMBOL, "0.01", "0.00001", "0.00001").venue("SIM", io.cryptofix.config.VenueCapabilities.NONE)
        .trades(SYMBOL, "0.01", "0.00001", "0.00001").build();
    private final RecordingVenueRouter venue = new RecordingVenueRouter();
    private final RecordingSink reports = new RecordingSink();
    private final OrderCore core = new OrderCore(catalog, venue, reports, reports);
    private final NewOrderCommand newOrder = new NewOrderCommand();
    private long now = 1_000_000;

    @Test
    void anOrderCarriesTheAccountItNamesToItsVenueAndOneWithoutTradesOnTheVenuesKeys()
    {
        core.onNewOrder(order("O1", "BINANCE", "DESK1"), tick());
        core.onNewOrder(order("O2", "BINANCE", null), tick());

        assertThat(reports.newOrderRejects()).isEmpty();
        assertThat(venue.submitted()).extracting(RecordingVenueRouter.Placement::account).containsExactly("DESK1", null);
    }

    @Test
    void anAccountTheVenueDoesNotHaveIsRefusedAsUnknownNamingItsAccounts()
    {
        core.onNewOrder(order("O1", "BINANCE", "DESK2"), tick());
        core.onNewOrder(order("O2", "SIM", "DESK1"), tick());

        assertThat(reports.newOrderRejects()).extracting(NewOrderReject::clOrdId, NewOrderReject::reason, NewOrderReject::text)
            .containsExactly(
                tuple("O1", OrdRejReason.UNKNOWN_ACCOUNT,
                    "Account (1) 'DESK2' is not an account at venue BINANCE (its accounts: DESK1, HEDGE)"),
                tuple("O2", OrdRejReason.UNKNOWN_ACCOUNT,
                    "Account (1) 'DESK1' is not an account at venue SIM (it has none configured: orders there carry no Account)"));
        assertThat(venue.submitted()).isEmpty();
    }

    @Test
    void anAccountWhoseAdapterIsDownIsRefusedWhileTheVenueAndItsOtherAccountsTrade()
    {
        core.onVenueDown("BINANCE/DESK1", "HTTP 401 invalid API key", tick());
        core.onNewOrder(order("O1", "BINANCE", "DESK1"), tick());
        core.onNewOrder(order("O2", "BINANCE", "HEDGE"), tick());
        core.onNewOrder(order("O3", "BINANCE", null), tick());
        assertThat(catalog.outages()).as("why, for the operators' status").containsExactly(Map.entry("BINANCE/DESK1",
            new InstrumentCatalog.Outage(InstrumentCatalog.Outage.Kind.DOWN, "HTTP 401 invalid API key")));
        core.onVenueUp("BINANCE/DESK1", List.of(), tick());
        core.onNewOrder(order("O4", "BINANCE", "DESK1"), tick());

        assertThat(reports.newOrderRejects()).extracting(NewOrderReject::clOrdId, NewOrderReject::text).containsExactly(
            tuple("O1", "account DESK1 at venue BINANCE is unavailable, retry later"));
        assertThat(venue.submitted()).extracting(RecordingVenueRouter.Placement::account)
            .as("O2, O3 and O4").containsExactly("HEDGE", null, "DESK1");
    }

    private NewOrderCommand order(final String clOrdId, final String venueId, final String account)
    {
        return newOrder.set(SESSION, clOrdId, SYMBOL, venueId, Side.BUY, OrdType.LIMIT, fixed("0.1"), fixed("50000"), 0)
            .clientCompId("RISK").account(account);
    }

    private long tick()
    {
        now += 10;
        return now;
    }
}
