package io.cryptofix.translation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.co.real_logic.artio.decoder.NewOrderSingleDecoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalFieldsTest
{
    private static final String ORDER = "11=c-1|55=BTC/USDT|54=1|60=20260101-00:00:00.000|40=2|";

    @Test
    void artiosDecoderMultipliesAnExponentOutAndOverflowsSilently()
    {
        // why the gateway checks the text itself: 184467440737095517 * 100 wraps around 2^64 to 84
        final NewOrderSingleDecoder order = RawFix.newOrderSingle(
            RawFix.message("D", ORDER + "38=184467440737095517e2|44=6e4|"));

        assertThat(order.orderQty().value()).isEqualTo(84);
        assertThat(order.orderQty().scale()).isZero();
        assertThat(order.price().value()).isEqualTo(60_000);
    }

    @Test
    void quantityInExponentNotationIsRefusedAsIncorrectDataFormat()
    {
        final FieldProblem problem = check(message("38=184467440737095517e2|44=60000|"));

        assertThat(problem.tag()).isEqualTo(38);
        assertThat(problem.sessionRejectReason()).isEqualTo(FieldProblem.INCORRECT_DATA_FORMAT);
        assertThat(problem.text()).isEqualTo("OrderQty (38) '184467440737095517e2' is not a FIX decimal: digits " +
            "with at most one decimal point and an optional leading minus, no exponent");
    }

    @Test
    void priceAndStopPxAreHeldToTheSameSyntax()
    {
        assertThat(check(message("38=1|44=6E4|")).tag()).isEqualTo(44);
        assertThat(check(message("38=1|99=1e-2|")).tag()).isEqualTo(99);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0.5", "-1", "00023.23", "1.", ".5", "123456789012345678"})
    void fixFloatsPass(final String quantity)
    {
        assertThat(check(message("38=" + quantity + "|44=60000.25|"))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e5", "1E5", " 5", "5 ", "+5", "NaN", "Infinity", "1.2.3", "-", ".", "0x10", "1,5", "--1"})
    void anythingElseIsRefused(final String quantity)
    {
        assertThat(check(message("38=" + quantity + "|"))).isNotNull();
    }

    @Test
    void aHugeValueIsQuotedOnlyInPartWithControlBytesEscaped()
    {
        final FieldProblem problem = check(message("38=\u0007" + "9".repeat(3000) + "|"));

        assertThat(problem.text()).startsWith("OrderQty (38) '\\x07" + "9".repeat(ClientText.EXCERPT_LENGTH - 1) +
            "... (3001 characters)' is not a FIX decimal");
    }

    @Test
    void otherFieldsAreLeftToTheDecoder()
    {
        // CashOrderQty (152) is not read by the gateway; an exponent in the ClOrdID is just characters
        assertThat(check(message("38=1|152=1e5|"))).isNull();
        assertThat(check(RawFix.message("D", "11=1e5|55=BTC/USDT|54=1|38=1|40=1|"))).isNull();
    }

    private static FieldProblem check(final MutableAsciiBuffer message)
    {
        return DecimalFields.check(message, 0, message.capacity());
    }

    private static MutableAsciiBuffer message(final String decimals)
    {
        return RawFix.message("D", ORDER + decimals);
    }
}
