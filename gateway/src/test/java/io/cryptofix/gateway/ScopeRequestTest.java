package io.cryptofix.gateway;

import io.cryptofix.order.TradingScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The body of a halt, reduce, resume or kill: what is taken, and what each refusal says. */
class ScopeRequestTest
{
    @Test
    void aScopeItsNameAndAReasonAreTaken()
    {
        assertThat(ScopeRequest.parse("{\"scope\": \"venue\", \"name\": \"SIM\", \"reason\": \" feed stale \"}"))
            .isEqualTo(new ScopeRequest(TradingScope.VENUE, "SIM", "feed stale"));
        assertThat(ScopeRequest.parse("{\"reason\": \"fat finger\", \"scope\": \"session\", \"name\": \"RISK\"}"))
            .isEqualTo(new ScopeRequest(TradingScope.SESSION, "RISK", "fat finger"));
        assertThat(ScopeRequest.parse("{\"scope\": \"global\", \"name\": null, \"reason\": \"market halt\"}"))
            .isEqualTo(new ScopeRequest(TradingScope.GLOBAL, null, "market halt"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''| the body must be a JSON object with scope, name and reason",
        "[1]| the body must be a JSON object with scope, name and reason",
        "{\"scope\": \"venue\"| the body is not JSON: ",
        "{\"scope\": \"global\", \"reason\": \"x\"} {}| the body must be one JSON object, with nothing after it",
        "{\"scope\": \"global\", \"reason\": \"x\", \"force\": true}| unknown field 'force' (allowed: scope, name, reason)",
        "{\"scope\": 1, \"reason\": \"x\"}| scope must be a string",
        "{\"reason\": \"x\"}| scope is required (allowed: global, venue, session)",
        "{\"scope\": \"desk\", \"reason\": \"x\"}| scope 'desk' is not known (allowed: global, venue, session)",
        "{\"scope\": \"venue\", \"reason\": \"x\"}| name is required for scope venue (the venue id, as in ExDestination)",
        "{\"scope\": \"session\", \"name\": \" \", \"reason\": \"x\"}| name is required for scope session",
        "{\"scope\": \"global\", \"name\": \"SIM\", \"reason\": \"x\"}| the global scope takes no name",
        "{\"scope\": \"global\"}| reason is required: say why",
        "{\"scope\": \"global\", \"reason\": \"  \"}| reason is required: say why",
        "{\"scope\": \"global\", \"reason\": \"two\\nlines\"}| reason must be one line of at most 200 characters",
    })
    void aBadBodyIsRefusedSayingWhatIsAllowed(final String body, final String message)
    {
        assertThatThrownBy(() -> ScopeRequest.parse(body))
            .isInstanceOf(ScopeRequest.BadRequest.class)
            .hasMessageStartingWith(message.strip())
            .hasNoCause();
    }

    @Test
    void aReasonLongerThanALineOfTextIsRefused()
    {
        assertThatThrownBy(() -> ScopeRequest.of("global", null, "x".repeat(201)))
            .hasMessage("reason must be one line of at most 200 characters");
        assertThat(ScopeRequest.of("global", null, "x".repeat(200)).reason()).hasSize(200);
    }
}
