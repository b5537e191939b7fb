package io.cryptofix.certification;

import io.cryptofix.acceptor.ArchivedFixMessages;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import quickfix.field.ExecType;
import quickfix.field.Side;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The FIX messages of a running gateway read back from its archive, from where the last read
 * ended: what feeds the system of record without touching the engine's live streams.
 */
class ArchivedFixMessagesCertificationTest
{
    private final GatewayFixture gateway = GatewayFixture.start();
    private final Map<Long, Long> readUpTo = new HashMap<>();
    private final List<String> messages = new ArrayList<>();

    @AfterEach
    void stop()
    {
        gateway.close();
    }

    @Test
    void messagesReceivedAndSentAreReadWhileTheGatewayRunsEachOnce() throws Exception
    {
        final String first = Orders.nextClOrdId();
        final String second = Orders.nextClOrdId();
        try (FixTestClient client = FixTestClient.logOn("RISK", gateway.fixPort());
            ArchivedFixMessages archive = ArchivedFixMessages.connect(gateway.options().aeronDir().toString()))
        {
            client.send(Orders.limit(first, Side.BUY, "BTC/USDT", "0.01", "1000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            await().untilAsserted(() ->
            {
                readNew(archive);
                assertThat(messages).anySatisfy(message -> assertThat(message)
                    .startsWith("IN ").contains("\u000135=D\u0001").contains("\u000111=" + first + "\u0001"));
                assertThat(messages).anySatisfy(message -> assertThat(message)
                    .startsWith("OUT ").contains("\u000135=8\u0001").contains("\u000111=" + first + "\u0001"));
            });
            assertThat(messages).anySatisfy(message -> assertThat(message).startsWith("IN ").contains("\u000135=A\u0001"));
            final int readSoFar = messages.size();

            client.send(Orders.limit(second, Side.BUY, "BTC/USDT", "0.01", "1000"));
            assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            await().untilAsserted(() ->
            {
                readNew(archive);
                assertThat(messages.subList(readSoFar, messages.size()))
                    .anySatisfy(message -> assertThat(message).startsWith("OUT ").contains("\u000111=" + second + "\u0001"))
                    .noneSatisfy(message -> assertThat(message).contains("\u000111=" + first + "\u0001"));
            });
        }
    }

    /** Reads every recording from where the previous read ended to where the archive has written it. */
    private void readNew(final ArchivedFixMessages archive)
    {
        for (final ArchivedFixMessages.Recording recording : archive.recordings())
        {
            final long from = readUpTo.getOrDefault(recording.recordingId(), recording.startPosition());
            archive.read(recording, from, archive.writtenPosition(recording.recordingId()),
                new SleepingMillisIdleStrategy(1), (recordingId, position, received, timestampNanos, message) ->
                {
                    assertThat(timestampNanos).isPositive();
                    messages.add((received ? "IN " : "OUT ") + message);
                    readUpTo.put(recordingId, position);
                });
        }
    }
}
