package io.cryptofix.translation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifiersTest
{
    @Test
    void printableAsciiUpToTheLimitKeepsToTheRule()
    {
        final char[] id = ("!~" + "x".repeat(Identifiers.MAX_LENGTH - 2)).toCharArray();

        assertThat(Identifiers.check("ClOrdID", 11, id, id.length)).isNull();
    }

    @Test
    void oneCharacterBeyondTheLimitIsRefusedNamingFieldAndRule()
    {
        final char[] id = "x".repeat(Identifiers.MAX_LENGTH + 1).toCharArray();

        final FieldProblem problem = Identifiers.check("ClOrdID", 11, id, id.length);

        assertThat(problem.tag()).isEqualTo(11);
        assertThat(problem.sessionRejectReason()).isEqualTo(FieldProblem.VALUE_IS_INCORRECT);
        assertThat(problem.text()).isEqualTo("ClOrdID (11) is 65 characters long: an identifier is 1 to 64 " +
            "printable ASCII characters (0x21-0x7E), without spaces");
    }

    @Test
    void controlCharacterIsRefusedAndQuotedEscaped()
    {
        final char[] id = "ab\u0007c".toCharArray();

        final FieldProblem problem = Identifiers.check("OrigClOrdID", 41, id, id.length);

        assertThat(problem.tag()).isEqualTo(41);
        assertThat(problem.text()).startsWith("OrigClOrdID (41) holds character 0x07 at position 3: ");
    }

    @Test
    void spaceDeleteAndBytesBeyondAsciiAreRefused()
    {
        assertThat(Identifiers.check("Symbol", 55, "BTC USDT".toCharArray(), 8)).isNotNull();
        assertThat(Identifiers.check("Symbol", 55, "BTC\u007f".toCharArray(), 4)).isNotNull();
        assertThat(Identifiers.check("Account", 1, new char[] {'A', (char)(byte)0xC3}, 2).text())
            .startsWith("Account (1) holds character 0xC3 at position 2");
    }

    @Test
    void onlyTheDecodersLengthCounts()
    {
        // a decoder reuses its array: characters past the value's length are from an earlier message
        final char[] reused = "c-1\u0000\u0000garbage from before".toCharArray();

        assertThat(Identifiers.check("ClOrdID", 11, reused, 3)).isNull();
    }
}
