package io.cryptofix.store.postgres;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A FIX message's row: its header fields read from its bytes, the session named from the gateway's side.
 */
class FixMessageRowTest
{
    private static final Instant RECORDED = Instant.parse("2026-11-25T07:33:27.059927Z");

    @Test
    void anExecutionReportSentAgainIsTheClientsSessionOutboundAndPossDup()
    {
        final FixMessageRow row = FixMessageRow.of(FixMessageRow.Direction.OUT, 42, RECORDED,
            fix("8=FIX.4.4|9=99|35=8|34=17|43=Y|49=GATEWAY|52=20261125-07:33:27.059912|56=RISK|" +
                "122=20261125-07:30:00.000|150=F|10=123|"));

        assertThat(row.localCompId()).isEqualTo("GATEWAY");
        assertThat(row.remoteCompId()).isEqualTo("RISK");
        assertThat(row.direction()).isEqualTo(FixMessageRow.Direction.OUT);
        assertThat(row.msgSeqNum()).isEqualTo(17);
        assertThat(row.msgType()).isEqualTo("8");
        assertThat(row.possDup()).isTrue();
        assertThat(row.sendingTime()).isEqualTo(Instant.parse("2026-11-25T07:33:27.059912Z"));
        assertThat(row.recordedTime()).isEqualTo(RECORDED);
        assertThat(row.sessionId()).isEqualTo(42);
    }

    @Test
    void anInboundMessageIsNamedAfterItsSenderTheClient()
    {
        final FixMessageRow row = FixMessageRow.of(FixMessageRow.Direction.IN, 42, RECORDED,
            fix("8=FIX.4.4|9=60|35=A|34=1|49=RISK|52=20261125-07:33:27|56=GATEWAY|98=0|108=30|10=001|"));

        assertThat(row.localCompId()).isEqualTo("GATEWAY");
        assertThat(row.remoteCompId()).isEqualTo("RISK");
        assertThat(row.possDup()).isFalse();
        assertThat(row.sendingTime()).isEqualTo(Instant.parse("2026-11-25T07:33:27Z"));
    }

    @Test
    void sendingTimesAreReadToTheNanosecondAndAnythingElseIsNoTime()
    {
        assertThat(FixMessageRow.utcTimestamp("20261125-07:33:27.123456789"))
            .isEqualTo(Instant.parse("2026-11-25T07:33:27.123456789Z"));
        assertThat(FixMessageRow.utcTimestamp("20261125-07:33:27.5")).isEqualTo(Instant.parse("2026-11-25T07:33:27.5Z"));
        assertThat(FixMessageRow.utcTimestamp("2026-11-25T07:33:27Z")).isNull();
        assertThat(FixMessageRow.utcTimestamp("20261325-07:33:27")).isNull();
        assertThat(FixMessageRow.utcTimestamp("20261125-07:33:27.")).isNull();
        assertThat(FixMessageRow.utcTimestamp(null)).isNull();
    }

    @Test
    void aMessageWithoutItsSequenceNumberIsRefused()
    {
        assertThatThrownBy(() -> FixMessageRow.of(FixMessageRow.Direction.IN, 42, RECORDED,
            fix("8=FIX.4.4|9=40|35=D|49=RISK|56=GATEWAY|10=000|")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("MsgSeqNum");
    }

    @Test
    void theRawTextKeepsSohAndEveryByteAsOneCharacterButNul()
    {
        // 0xE9 in Text (58), and a NUL in RawData (96), which PostgreSQL text cannot hold
        final byte[] message = fix("8=FIX.4.4|35=0|34=2|49=RISK|56=GATEWAY|58=caf\u00e9|95=1|96=\u0000|");

        final String raw = FixMessageRow.of(FixMessageRow.Direction.IN, 1, RECORDED, message).rawText();

        assertThat(raw).hasSize(message.length).contains("\u000158=caf\u00e9\u0001").endsWith("96=\ufffd\u0001");
    }

    private static byte[] fix(final String text)
    {
        return text.replace('|', '\u0001').getBytes(StandardCharsets.ISO_8859_1);
    }
}
