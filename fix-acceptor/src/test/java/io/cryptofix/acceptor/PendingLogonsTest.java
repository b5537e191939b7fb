package io.cryptofix.acceptor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.engine.framer.TcpChannel;
import uk.co.real_logic.artio.engine.framer.TcpChannelSupplier;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connections waiting to log on, over real sockets through the engine's own channel supplier: admitted
 * up to the limit, closed beyond it, and no longer counted once logged on or closed.
 */
class PendingLogonsTest
{
    private static final long NOW = 1_000_000;

    private final List<String> refusals = new ArrayList<>();
    private final List<TcpChannel> handedToEngine = new ArrayList<>();
    private final List<Socket> clients = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Logger log = Logger.getLogger(PendingLogons.class.getName());
    private final Handler warningsKept = new Handler()
    {
        @Override
        public void publish(final LogRecord record)
        {
            warnings.add(new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush()
        {
        }

        @Override
        public void close()
        {
        }
    };
    private int port;
    private TcpChannelSupplier supplier;

    @BeforeEach
    void listen() throws IOException
    {
        log.addHandler(warningsKept);
        try (ServerSocket probe = new ServerSocket(0))
        {
            port = probe.getLocalPort();
        }
    }

    @AfterEach
    void closeAll() throws Exception
    {
        log.removeHandler(warningsKept);
        for (final Socket client : clients)
        {
            client.close();
        }
        handedToEngine.forEach(TcpChannel::close);
        if (supplier != null)
        {
            supplier.close();
        }
    }

    @Test
    void aConnectionBeyondTheLimitIsClosedAtOnceAndCountedWhileTheOthersReachTheEngine() throws Exception
    {
        final PendingLogons pending = start(2);

        final Socket first = connectAndPoll(NOW);
        final Socket second = connectAndPoll(NOW);
        final Socket third = connect();
        awaitPolling(NOW, () -> refusals.size() == 1);

        assertThat(handedToEngine).hasSize(2);
        assertThat(refusals).containsExactly("pending_limit");
        assertThat(pending.count()).isEqualTo(2);
        assertThat(isClosedByPeer(third)).as("the third connection is closed").isTrue();
        assertThat(isClosedByPeer(first)).as("the first stays open").isFalse();
        assertThat(isClosedByPeer(second)).as("the second stays open").isFalse();
    }

    @Test
    void aConnectionNoLongerCountsOnceLoggedOnOrClosedAndALoggedOnOneIsNeverCountedAgain() throws Exception
    {
        final PendingLogons pending = start(2);
        connectAndPoll(NOW);
        connectAndPoll(NOW);
        final TcpChannel loggedOn = handedToEngine.get(0);
        final TcpChannel idle = handedToEngine.get(1);

        pending.loggedOn(loggedOn.remoteAddr());
        assertThat(pending.count()).isEqualTo(1);
        connectAndPoll(NOW);
        assertThat(pending.count()).isEqualTo(2);

        idle.close();
        idle.close();
        assertThat(pending.count()).isEqualTo(1);
        loggedOn.close();
        assertThat(pending.count()).as("closing the logged-on connection frees no other slot").isEqualTo(1);

        connectAndPoll(NOW);
        assertThat(pending.count()).isEqualTo(2);
        connect();
        awaitPolling(NOW, () -> refusals.size() == 1);
        assertThat(handedToEngine).hasSize(4);
    }

    @Test
    void aFloodOfConnectionsAtTheLimitIsLoggedOnceASecondWithHowManyWereClosed() throws Exception
    {
        start(1);
        connectAndPoll(NOW);

        for (int i = 0; i < 3; i++)
        {
            connect();
        }
        awaitPolling(NOW + 999, () -> refusals.size() == 3);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("closed: 1 connections are waiting to log on")
            .endsWith("1 closed so since the last such warning");

        connect();
        awaitPolling(NOW + 999, () -> refusals.size() == 4);
        assertThat(warnings).as("still within the second of the first warning").hasSize(1);

        connect();
        awaitPolling(NOW + 1_999, () -> refusals.size() == 5);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(1)).endsWith("4 closed so since the last such warning");
    }

    private PendingLogons start(final int limit) throws IOException
    {
        final PendingLogons pending = new PendingLogons(limit, refusals::add);
        supplier = pending.channelSupplier(new EngineConfiguration().bindTo("127.0.0.1", port));
        supplier.bind();
        return pending;
    }

    private Socket connect() throws IOException
    {
        final Socket client = new Socket("127.0.0.1", port);
        client.setSoTimeout(500);
        clients.add(client);
        return client;
    }

    /** Connects and polls until the engine was handed the connection. */
    private Socket connectAndPoll(final long timeInMs) throws IOException
    {
        final int before = handedToEngine.size();
        final Socket client = connect();
        awaitPolling(timeInMs, () -> handedToEngine.size() == before + 1);
        return client;
    }

    private void awaitPolling(final long timeInMs, final Callable<Boolean> done)
    {
        // the engine polls on one thread: so does the test
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().pollInterval(Duration.ofMillis(5)).until(() ->
        {
            supplier.pollSelector(timeInMs, (time, channel) -> handedToEngine.add(channel));
            return done.call();
        });
    }

    /** @return true when the other side closed (end of stream or reset), false when it is still open. */
    private static boolean isClosedByPeer(final Socket client) throws IOException
    {
        try
        {
            return client.getInputStream().read() < 0;
        }
        catch (final SocketTimeoutException e)
        {
            return false;
        }
        catch (final SocketException e)
        {
            // reset
            return true;
        }
    }
}
