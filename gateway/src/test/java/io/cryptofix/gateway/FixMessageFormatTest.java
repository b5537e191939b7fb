package io.cryptofix.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gateway audit} output of a message whose values hold what a client may send: control
 * characters and bytes beyond ASCII never reach the terminal as they are.
 */
class FixMessageFormatTest
{
    private static final long TIME = 1_767_225_600_000_000_000L;
    // as the archive gives a message: SOH between fields, one character per byte
    private static final String HOSTILE = "8=FIX.4.4\u00019=99\u000135=D\u000149=RISK\u000156=GATEWAY\u0001" +
        "11=c-1\r\n2026-01-01T00:00:00Z IN  FORGED\u0001" +
        "55=BTC\u001b[2J/USDT\u000158=caf\u00e9\u007f\\x01\u000110=000\u0001";

    @Test
    void textLineEscapesEveryCharacterOutsidePrintableAscii()
    {
        final String line = format(false);

        assertThat(line).doesNotContain("\r", "\n", "\u001b", "\u007f", "\u00e9");
        assertThat(line).contains("ClOrdID(11)=c-1\\x0d\\x0a2026-01-01T00:00:00Z IN  FORGED|");
        assertThat(line).contains("Symbol(55)=BTC\\x1b[2J/USDT|");
        assertThat(line).as("a backslash the client sent is doubled").contains("Text(58)=caf\\xe9\\x7f\\\\x01|");
        assertThat(line.chars()).allMatch(c -> c >= 0x20 && c <= 0x7E);
    }

    @Test
    void jsonLineIsPrintableAsciiAndKeepsEachValueExact() throws IOException
    {
        final String line = format(true);

        assertThat(line.chars()).allMatch(c -> c >= 0x20 && c <= 0x7E);
        assertThat(values(line)).contains(
            "c-1\r\n2026-01-01T00:00:00Z IN  FORGED", "BTC\u001b[2J/USDT", "caf\u00e9\u007f\\x01");
    }

    @Test
    void aPrintableMessageIsShownAsItWas()
    {
        final String line = new FixMessageFormat(false).format(true, TIME, "RISK",
            FixMessageFormat.fields("35=D\u000111=c-1\u000155=BTC/USDT\u0001"));

        assertThat(line).isEqualTo("2026-01-01T00:00:00Z IN  RISK MsgType(35)=D[NewOrderSingle]|ClOrdID(11)=c-1|" +
            "Symbol(55)=BTC/USDT");
    }

    private static String format(final boolean json)
    {
        final List<String[]> fields = FixMessageFormat.fields(HOSTILE);
        return new FixMessageFormat(json).format(true, TIME, FixMessageFormat.value(fields, "49"), fields);
    }

    private static List<String> values(final String json) throws IOException
    {
        final List<String> values = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(json))
        {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken())
            {
                if (token == JsonToken.VALUE_STRING && "value".equals(parser.currentName()))
                {
                    values.add(parser.getText());
                }
            }
        }
        return values;
    }
}
