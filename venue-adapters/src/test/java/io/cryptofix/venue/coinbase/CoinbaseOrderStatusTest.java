package io.cryptofix.venue.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.ExchangeOrder.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Every status Coinbase documents for an order, read as the gateway's state, and the words it does not know. */
class CoinbaseOrderStatusTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        "received, , OPEN, received",
        "pending, , OPEN, pending",
        "open, , OPEN, open",
        "active, , OPEN, active",
        "done, filled, FILLED, done/filled",
        "done, canceled, CANCELED, done/canceled",
        "done, rejected, REJECTED, done/rejected",
        "rejected, , REJECTED, rejected",
        "held, , UNKNOWN, held",
        "done, liquidated, UNKNOWN, done/liquidated"})
    void eachStatusHasItsState(final String status, final String doneReason, final State state, final String venueStatus)
        throws Exception
    {
        final ExchangeOrder order = CoinbaseOrderStatus.read(order(status, doneReason, "0.01", "0.01", null, null), "c1");

        assertThat(order.state()).isEqualTo(state);
        assertThat(order.venueStatus()).isEqualTo(venueStatus);
        assertThat(order.clientOrderId()).isEqualTo("c1");
        assertThat(order.executedQty()).isEqualByComparingTo("0.01");
    }

    @Test
    void aMarketOrderDoneAsFilledWithSizeLeftIsCanceledForWhatIsLeft() throws Exception
    {
        final ExchangeOrder order = CoinbaseOrderStatus.read(order("done", "filled", "0.01", "0.004", null, null), null);

        assertThat(order.state()).isEqualTo(State.CANCELED);
        assertThat(order.reason()).isEqualTo("ended by Coinbase with 0.006 unfilled (done_reason filled, the rest of a market order)");
    }

    @Test
    void aGoodTillTimeOrderCanceledAtItsExpireTimeExpiredAndOneCanceledBeforeItWasCanceled() throws Exception
    {
        final ExchangeOrder expired = CoinbaseOrderStatus.read(
            order("done", "canceled", "0.01", "0", "2026-12-07T10:00:00Z", "2026-12-07T10:00:00.120Z"), "c1");
        final ExchangeOrder canceled = CoinbaseOrderStatus.read(
            order("done", "canceled", "0.01", "0", "2026-12-07T10:00:00Z", "2026-12-07T09:59:00Z"), "c1");

        assertThat(expired.state()).isEqualTo(State.EXPIRED);
        assertThat(expired.reason()).isEqualTo("expired by Coinbase at its expire_time 2026-12-07T10:00:00Z (GTT)");
        assertThat(canceled.state()).isEqualTo(State.CANCELED);
        assertThat(canceled.reason()).startsWith("canceled by Coinbase (done_reason canceled");
    }

    @Test
    void aRejectionCarriesCoinbasesRejectReason() throws Exception
    {
        final JsonNode json = JSON.readTree("{\"id\":\"o1\",\"status\":\"rejected\",\"size\":\"0.01\",\"filled_size\":\"0\"," +
            "\"reject_reason\":\"post only\"}");

        assertThat(CoinbaseOrderStatus.read(json, "c1").reason()).isEqualTo("rejected by Coinbase: post only");
    }

    @Test
    void anOrderWithoutAStatusIsUnknownNotAnError() throws Exception
    {
        final ExchangeOrder order = CoinbaseOrderStatus.read(JSON.readTree("{\"id\":\"o1\"}"), "c1");

        assertThat(order.state()).isEqualTo(State.UNKNOWN);
        assertThat(order.executedQty()).isEqualTo(BigDecimal.ZERO);
    }

    private static JsonNode order(final String status, final String doneReason, final String size, final String filled,
        final String expireTime, final String doneAt) throws Exception
    {
        final var json = JSON.createObjectNode().put("id", "o1").put("status", status).put("size", size)
            .put("filled_size", filled).put("executed_value", "600");
        if (doneReason != null)
        {
            json.put("done_reason", doneReason);
        }
        if (expireTime != null)
        {
            json.put("expire_time", expireTime).put("time_in_force", "GTT");
        }
        if (doneAt != null)
        {
            json.put("done_at", doneAt);
        }
        return json;
    }
}
