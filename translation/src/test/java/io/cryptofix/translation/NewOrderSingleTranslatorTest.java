package io.cryptofix.translation;

import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.order.NewOrderCommand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identifiers of a NewOrderSingle the order core keeps (Symbol, ExDestination, Account) are
 * refused with a Rejected report naming the field and the rule, and never reach the command.
 */
class NewOrderSingleTranslatorTest
{
    private static final String TRANSACT_TIME = "60=20260101-00:00:00.000|";

    private final NewOrderSingleTranslator translator = new NewOrderSingleTranslator();
    private final NewOrderCommand command = new NewOrderCommand();

    @Test
    void wellFormedOrderTranslates()
    {
        assertThat(translate("11=c-1|1=DESK1|55=BTC/USDT|54=1|38=0.5|40=2|44=60000|100=SIM|")).isTrue();
        assertThat(command.symbol()).isEqualTo("BTC/USDT");
        assertThat(command.account()).isEqualTo("DESK1");
        assertThat(command.venueId()).isEqualTo("SIM");
    }

    @Test
    void symbolWithAControlCharacterIsRefusedAsUnknownSymbolAndLeftOut()
    {
        assertThat(translate("11=c-1|55=BTC\u0002USDT|54=1|38=1|40=1|")).isFalse();

        assertThat(translator.problemReason()).isEqualTo(OrdRejReason.UNKNOWN_SYMBOL);
        assertThat(translator.problem()).startsWith("Symbol (55) holds character 0x02 at position 4: an identifier is 1 to 64");
        assertThat(command.symbol()).isNull();
        assertThat(command.clOrdId()).as("the report still answers the client's ClOrdID").isEqualTo("c-1");
    }

    @Test
    void accountLongerThanTheLimitIsRefusedAsUnknownAccount()
    {
        assertThat(translate("11=c-1|1=" + "A".repeat(65) + "|55=BTC/USDT|54=1|38=1|40=1|")).isFalse();

        assertThat(translator.problemReason()).isEqualTo(OrdRejReason.UNKNOWN_ACCOUNT);
        assertThat(translator.problem()).startsWith("Account (1) is 65 characters long");
        assertThat(command.account()).isNull();
    }

    @Test
    void exDestinationWithASpaceIsRefused()
    {
        assertThat(translate("11=c-1|55=BTC/USDT|54=1|38=1|40=1|100=S M|")).isFalse();

        assertThat(translator.problemReason()).isEqualTo(OrdRejReason.OTHER);
        assertThat(translator.problem()).startsWith("ExDestination (100) holds character 0x20 at position 2");
        assertThat(command.venueId()).isNull();
    }

    @Test
    void aValueQuotedInTheTextIsEscapedAndCut()
    {
        assertThat(translate("11=c-1|55=BTC/USDT|54=1|38=1|40=2|44=1|59=6|126=\u001b[2J" + "9".repeat(40) + "|"))
            .isFalse();

        assertThat(translator.problem()).isEqualTo("ExpireTime (126) '\\x1b[2J" + "9".repeat(28) +
            "... (44 characters)' is not a UTC timestamp (YYYYMMDD-HH:MM:SS[.sss])");
    }

    private boolean translate(final String body)
    {
        return translator.translate(RawFix.newOrderSingle(RawFix.message("D", body + TRANSACT_TIME)), 1, "SIM", 0,
            command);
    }
}
