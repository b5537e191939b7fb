package io.cryptofix.acceptor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine sent, as the next start reads it from the engine's recording: reports by ExecID
 * value, refusals by order and request, each refusal counted once.
 */
class SentReportsTest
{
    private final SentReports sent = new SentReports();

    @Test
    void reportsAreKnownByTheirExecIdValue()
    {
        sent.add(message("35=8", "37=MXB-11", "11=C1", "17=MXB-E7", "150=0"));
        sent.add(message("35=8", "37=NONE", "11=C2", "17=MXC-X3", "150=8"));

        assertThat(sent.report(7)).isTrue();
        assertThat(sent.report(3)).as("an answer no journal has").isFalse();
        assertThat(sent.report(8)).isFalse();
    }

    @Test
    void eachRefusalSentAnswersYesOnceForItsOrderAndRequest()
    {
        sent.add(message("35=9", "37=MXB-11", "11=C1-X", "41=C1", "39=0", "434=1"));
        sent.add(message("35=9", "37=MXB-11", "11=C1-X", "41=C1", "39=0", "434=1"));
        // the engine's resend of the first, on a ResendRequest: not a third refusal
        sent.add(message("35=9", "43=Y", "37=MXB-11", "11=C1-X", "41=C1", "39=0", "434=1"));
        sent.add(message("35=9", "37=NONE", "11=C9-X", "41=C9", "39=8", "434=1"));

        assertThat(sent.cancelReject(11, "C1-X")).isTrue();
        assertThat(sent.cancelReject(11, "C1-X")).isTrue();
        assertThat(sent.cancelReject(11, "C1-X")).as("only two went out").isFalse();
        assertThat(sent.cancelReject(12, "C1-X")).as("another order").isFalse();
        assertThat(sent.report(0)).isFalse();
    }

    private static String message(final String... fields)
    {
        final StringBuilder message = new StringBuilder("8=FIX.4.4\u00019=100\u0001");
        message.append(fields[0]).append('\u0001').append("49=GATEWAY\u000156=RISK\u000134=5\u0001");
        for (int i = 1; i < fields.length; i++)
        {
            message.append(fields[i]).append('\u0001');
        }
        return message.append("10=000\u0001").toString();
    }
}
