package io.cryptofix.venue.bybit;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.venue.VenueCancel;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.VenueError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.cryptofix.domain.TestCatalog.fixed;
import static io.cryptofix.venue.bybit.BybitTestVenue.SYMBOL;
import static io.cryptofix.venue.bybit.BybitTestVenue.limit;
import static io.cryptofix.venue.bybit.BybitTestVenue.now;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Bybit's V5 order statuses as the gateway sees them: each way Bybit ends an order on its own
 * reaches the listener through polling, with Bybit's cancel type and reject reason in the client's
 * Text; a status word the adapter does not know is never guessed.
 */
class BybitOrderStatusTest
{
    private static final String FIRST = "cfx-T1-1-0";

    private final FakeBybit bybit = FakeBybit.start(BybitTestVenue.KEY, BybitTestVenue.SECRET);
    private final BybitTestVenue gateway = BybitTestVenue.on(bybit);

    @BeforeEach
    void start()
    {
        gateway.started();
    }

    @AfterEach
    void stop()
    {
        bybit.close();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "Cancelled, CancelBySmp, EC_BySelfMatch, CANCELED, CANCELED 1, " +
            "'canceled by Bybit: self-trade prevention (Cancelled, CancelBySmp, EC_BySelfMatch)'",
        "Cancelled, CancelByMmpTriggered, EC_CancelByMMP, CANCELED, CANCELED 1, " +
            "'canceled by Bybit: market maker protection (Cancelled, CancelByMmpTriggered, EC_CancelByMMP)'",
        "Cancelled, CancelByAdmin, EC_NoError, CANCELED, CANCELED 1, " +
            "'canceled by Bybit: an operator at Bybit (Cancelled, CancelByAdmin)'",
        "Cancelled, CancelByDCP, EC_NoError, CANCELED, CANCELED 1, " +
            "'canceled by Bybit: disconnect cancel protection (Cancelled, CancelByDCP)'",
        "Cancelled, CancelBySettle, EC_NoError, CANCELED, CANCELED 1, " +
            "'canceled by Bybit: the symbol being delisted (Cancelled, CancelBySettle)'",
        "Cancelled, CancelByAccountBlocking, EC_NoError, CANCELED, CANCELED 1, " +
            "'canceled by Bybit: the account being blocked (Cancelled, CancelByAccountBlocking)'",
        "Cancelled, UNKNOWN, EC_ReachMarketPriceLimit, CANCELED, CANCELED 1, " +
            "'canceled by Bybit: market order reaching its price protection limit (Cancelled, EC_ReachMarketPriceLimit)'",
        "Cancelled, UNKNOWN, EC_NoImmediateQtyToFill, CANCELED, CANCELED 1, " +
            "'canceled by Bybit: IOC or market order with nothing left to fill against (Cancelled, EC_NoImmediateQtyToFill)'",
        "Cancelled, UNKNOWN, EC_NoEnoughQtyToFill, CANCELED, CANCELED 1, " +
            "'canceled by Bybit: FOK order that could not fill in full (Cancelled, EC_NoEnoughQtyToFill)'",
        "Cancelled, CancelBySomethingNew, EC_NoError, CANCELED, CANCELED 1, " +
            "'canceled by Bybit (Cancelled, CancelBySomethingNew)'",
        "Rejected, UNKNOWN, EC_InvalidSymbolStatus, REJECTED, REJECTED 1, 'rejected by Bybit (EC_InvalidSymbolStatus)'",
        "Rejected, UNKNOWN, EC_NoError, REJECTED, REJECTED 1, 'rejected by Bybit (Rejected)'",
    })
    void anOrderBybitEndsOnItsOwnReachesTheListenerWithBybitsReason(
        final String status, final String cancelType, final String rejectReason, final ExchangeOrder.State state,
        final String event, final String reason) throws Exception
    {
        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

        bybit.endOrder(FIRST, status, cancelType, rejectReason);
        gateway.pollUntil(events -> events.size() == 2);

        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1", event + " " + reason);
        final ExchangeOrder found = gateway.client.find(SYMBOL, null, FIRST);
        assertThat(found.state()).isEqualTo(state);
        assertThat(found.venueStatus()).isEqualTo(status);
        assertThat(found.reason()).isEqualTo(reason);
    }

    @Test
    void aPartlyFilledOrderBybitCancelsReportsItsFillThenItsEnd() throws Exception
    {
        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

        bybit.fillInTrades(FIRST, "0.004@50000");
        bybit.endOrder(FIRST, "PartiallyFilledCanceled", "CancelByAdmin", "EC_NoError");
        gateway.pollUntil(events -> events.size() == 3);

        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.004@50000 fee 0.000004 BTC",
            "CANCELED 1 canceled by Bybit: an operator at Bybit (PartiallyFilledCanceled, CancelByAdmin)");
    }

    @Test
    void aConditionalOrderBybitDeactivatesBeforeItTriggersIsCanceledSayingSo() throws Exception
    {
        gateway.venue.submit(new VenueOrder(1, 0, SYMBOL, Side.BUY, OrdType.STOP, fixed("0.01"), 0, fixed("61000"),
            TimeInForce.GOOD_TILL_CANCEL, 0, false), now());

        bybit.endOrder(FIRST, "Deactivated", "CancelByTpSlTsClear", "EC_NoError");
        gateway.pollUntil(events -> events.size() == 2);

        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1", "CANCELED 1 canceled by Bybit before it " +
            "triggered: its take-profit/stop-loss being cleared (Deactivated, CancelByTpSlTsClear)");
    }

    @Test
    void aFilledOrderEndsWithItsLastFillAndAnOrderCanceledByRequestNeedsNoReason() throws Exception
    {
        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        gateway.venue.submit(limit(2, Side.BUY, "0.01", "50000"), now());
        bybit.fillInTrades(FIRST, "0.01@50000");
        gateway.venue.cancel(new VenueCancel(2, SYMBOL, null), now());
        gateway.pollUntil(events -> events.contains("FILL 1 0.01@50000 fee 0.00001 BTC"));

        assertThat(gateway.listener.events()).containsExactly(
            "ACCEPTED 1", "ACCEPTED 2", "CANCELED 2 canceled by request", "FILL 1 0.01@50000 fee 0.00001 BTC");
        assertThat(gateway.client.find(SYMBOL, null, FIRST).state()).isEqualTo(ExchangeOrder.State.FILLED);
        final ExchangeOrder canceled = gateway.client.find(SYMBOL, null, "cfx-T1-2-0");
        assertThat(canceled.state()).isEqualTo(ExchangeOrder.State.CANCELED);
        assertThat(canceled.reason()).isNull();
    }

    @Test
    void aStatusWordTheAdapterDoesNotKnowIsUnknownNeverAGuessAndPutsTheOrderInDoubtOnce() throws Exception
    {
        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());

        bybit.endOrder(FIRST, "Expiring", "UNKNOWN", "EC_NoError");
        gateway.pollUntil(events -> events.size() == 2);
        final int lookups = bybit.requests("GET /v5/order/realtime");
        // polled on: several more lookups answer the same status, and tell nothing more
        await().until(() -> gateway.venue.doWork(now()) >= 0 && bybit.requests("GET /v5/order/realtime") >= lookups + 6);

        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1", "IN_DOUBT 1 in doubt: venue BYBIT reports " +
            "status 'Expiring', which the gateway does not know; the order may have ended, check it at the venue");
        final ExchangeOrder found = gateway.client.find(SYMBOL, null, FIRST);
        assertThat(found.state()).isEqualTo(ExchangeOrder.State.UNKNOWN);
        assertThat(found.venueStatus()).isEqualTo("Expiring");
    }

    @Test
    void aPostOnlyOrderThatWouldTakeIsCanceledByBybitWithItsRejectReason() throws Exception
    {
        gateway.venue.submit(new VenueOrder(1, 0, SYMBOL, Side.BUY, OrdType.LIMIT, fixed("0.01"), fixed("60000.01"), 0,
            TimeInForce.GOOD_TILL_CANCEL, 0, true), now());

        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1",
            "CANCELED 1 canceled by Bybit: post-only order that would take liquidity (Cancelled, EC_PostOnlyWillTakeLiquidity)");
    }

    @Test
    void anOrderClosedBeforeBybitRestartedIsFoundInTheHistoryAndAnOrderBybitNeverHadIsNull() throws Exception
    {
        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        bybit.endOrder(FIRST, "Cancelled", "CancelBySmp", "EC_BySelfMatch");
        bybit.restartService();

        assertThat(gateway.client.find(SYMBOL, null, FIRST).state()).isEqualTo(ExchangeOrder.State.CANCELED);
        assertThat(bybit.requests("GET /v5/order/history")).isEqualTo(1);
        assertThat(gateway.client.find(SYMBOL, null, "cfx-T1-99-0")).isNull();
    }

    @Test
    void aCancelOfAnOrderBybitAlreadyEndedReportsTheTrueEndNotARefusal() throws Exception
    {
        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        bybit.endOrder(FIRST, "Cancelled", "CancelBySmp", "EC_BySelfMatch");

        gateway.venue.cancel(new VenueCancel(1, SYMBOL, null), now());

        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1",
            "CANCELED 1 canceled by Bybit: self-trade prevention (Cancelled, CancelBySmp, EC_BySelfMatch)");
        // the client's own view: Bybit's "order does not exist", and the lookup that tells the end
        assertThatThrownBy(() -> gateway.client.cancel(SYMBOL, null, FIRST))
            .satisfies(e -> assertThat(gateway.client.classify((Exception) e).kind()).isEqualTo(VenueError.Kind.UNKNOWN_ORDER))
            .hasMessage("Order does not exist.");
    }

    @Test
    void aCancelOfAnOrderBybitFilledMeanwhileReportsItsFillThenRefusesTheCancelAsTooLate()
    {
        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        bybit.fillInTrades(FIRST, "0.01@50000");

        gateway.venue.cancel(new VenueCancel(1, SYMBOL, null), now());

        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.01@50000 fee 0.00001 BTC",
            "CANCEL_REJECTED 1 order already filled");
        assertThat(bybit.requests("POST /v5/order/cancel")).isEqualTo(1);
    }

    @Test
    void aCancelOfAnOrderBybitPartlyFilledAndCanceledMeanwhileReportsTheFillThenBybitsCancel()
    {
        gateway.venue.submit(limit(1, Side.BUY, "0.01", "50000"), now());
        bybit.fillInTrades(FIRST, "0.003@50000");
        bybit.endOrder(FIRST, "PartiallyFilledCanceled", "CancelBySmp", "EC_BySelfMatch");

        gateway.venue.cancel(new VenueCancel(1, SYMBOL, null), now());

        assertThat(gateway.listener.events()).containsExactly("ACCEPTED 1", "FILL 1 0.003@50000 fee 0.000003 BTC",
            "CANCELED 1 canceled by Bybit: self-trade prevention (PartiallyFilledCanceled, CancelBySmp, EC_BySelfMatch)");
    }
}
