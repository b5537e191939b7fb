package io.cryptofix.gateway;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code gateway admin} prints of the API's answers: a few lines to read at a glance. */
class AdminAnswerTextTest
{
    @Test
    void aKillSaysWhatChangedAndHowManyOrdersAreBeingCanceled() throws Exception
    {
        assertThat(AdminAnswerText.change(answer("{\"action\":\"kill\",\"scope\":\"venue\",\"name\":\"SIM\"," +
            "\"previous\":\"ACTIVE\",\"state\":\"HALTED\",\"reason\":\"feed stale\",\"ordersCanceling\":2}")))
            .isEqualTo("venue SIM: ACTIVE -> HALTED (feed stale)" + System.lineSeparator() +
                "kill switch: 2 orders being canceled");
        assertThat(AdminAnswerText.change(answer("{\"action\":\"resume\",\"scope\":\"global\",\"name\":null," +
            "\"previous\":\"REDUCING\",\"state\":\"ACTIVE\",\"reason\":\"calm again\"}")))
            .isEqualTo("global: REDUCING -> ACTIVE (calm again)");
    }

    @Test
    void theStatusListsTheStatesTheLimitsAndEachSessionsUse() throws Exception
    {
        final String status = AdminAnswerText.status(answer("{\"time\":\"2026-12-07T16:00:00Z\",\"states\":{" +
            "\"global\":{\"state\":\"ACTIVE\",\"reason\":null,\"since\":null}," +
            "\"venues\":{\"SIM\":{\"state\":\"HALTED\",\"reason\":\"feed stale\",\"since\":\"2026-12-07T15:59:00Z\"}}," +
            "\"sessions\":{}}," +
            "\"unavailableVenues\":{\"KRAKEN\":{\"state\":\"NOT_STARTED\",\"reason\":\"venue KRAKEN: no API credentials\"}}," +
            "\"limits\":{\"default\":{\"maxOrderQty\":\"5\",\"positionLimits\":{\"BTC\":\"5\"}}," +
            "\"sessions\":{\"RISK\":{\"maxOpenOrders\":3,\"entitlements\":{\"venues\":[\"SIM\"]}}}," +
            "\"venues\":{},\"symbols\":{}}," +
            "\"usage\":{\"RISK\":{\"openOrders\":2,\"openNotional\":\"120.5\",\"dailyNotional\":\"900\"," +
            "\"positions\":{\"BTC\":\"0.01\"}}}}"));

        assertThat(status.lines()).containsExactly(
            "trading states at 2026-12-07T16:00:00Z:",
            "  global ACTIVE",
            "  venue SIM HALTED since 2026-12-07T15:59:00Z: feed stale",
            "venues taking no orders:",
            "  KRAKEN not started: venue KRAKEN: no API credentials",
            "limits in force:",
            "  default: maxOrderQty 5, positionLimits (BTC 5)",
            "  session RISK: maxOpenOrders 3, entitlements (venues [SIM])",
            "usage:",
            "  RISK: 2 open orders, open notional 120.5, today 900, positions BTC 0.01");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answer(final String json) throws Exception
    {
        return (Map<String, Object>)AdminJson.read(json);
    }
}
