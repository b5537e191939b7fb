package io.cryptofix.translation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientTextTest
{
    @Test
    void printableTextIsTheSameInstance()
    {
        final String text = "ClOrdID c-1 of BTC/USDT: rejected by venue SIM [50%]";

        assertThat(ClientText.escape(text)).isSameAs(text);
    }

    @Test
    void controlCharactersAreEscapedAsHexBytes()
    {
        assertThat(ClientText.escape("a\u0001b\r\nc\u001b[2Jd\u007f")).isEqualTo("a\\x01b\\x0d\\x0ac\\x1b[2Jd\\x7f");
    }

    @Test
    void bytesBeyondAsciiAreEscapedAndWiderCharactersAsUnicode()
    {
        assertThat(ClientText.escape("caf\u00e9 \u2028")).isEqualTo("caf\\xe9 \\u2028");
    }

    @Test
    void backslashIsDoubledSoAnEscapeAlwaysMeansTheGatewayWroteIt()
    {
        assertThat(ClientText.escape("\\x01")).isEqualTo("\\\\x01");
    }

    @Test
    void nullStaysNull()
    {
        assertThat(ClientText.escape((String)null)).isNull();
    }

    @Test
    void excerptCutsALongValueAndSaysItsLength()
    {
        final String value = "9".repeat(5000);

        assertThat(ClientText.excerpt(value)).isEqualTo("9".repeat(ClientText.EXCERPT_LENGTH) + "... (5000 characters)");
    }

    @Test
    void excerptOfADecoderValueShowsTheBytesArtioWidenedWithTheirSign()
    {
        // Artio's decoders turn byte 0xE9 into (char)(byte)0xE9, U+FFE9
        final char[] decoded = {'a', (char)(byte)0xE9, '\u0002'};

        assertThat(ClientText.excerpt(decoded, 3)).isEqualTo("a\\xe9\\x02");
        assertThat(ClientText.escape((char)(byte)0xE9)).isEqualTo("\\xe9");
    }
}
