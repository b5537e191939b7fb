package io.cryptofix.acceptor;

import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.engine.framer.DefaultTcpChannelSupplier;
import uk.co.real_logic.artio.engine.framer.TcpChannel;
import uk.co.real_logic.artio.engine.framer.TcpChannelSupplier;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections the FIX engine has accepted that have not logged on yet, at most a limit
 * ({@code fix.maxPendingLogons}): one more is closed as it is accepted, before the engine reads from
 * it, and counted as a refused logon, {@code pending_limit}. Idle connections (a port scan, a client
 * stuck reconnecting, a flood) would otherwise each hold a socket and the engine's buffers until the
 * logon timeout closes them. A flood is logged once a second at most, with how many were closed.
 * <p>
 * A connection stops counting when its Logon is accepted ({@link #loggedOn}, on the logon checks'
 * thread) or when the engine closes it, whatever the reason (no Logon in time, refused, dropped): the
 * engine closes every connection through its {@link TcpChannel#close()}. A session logged on is never
 * counted, so never closed here.
 * <p>
 * Artio has no hook for this: the engine's channel supplier is wrapped instead
 * ({@link EngineConfiguration#channelSupplierFactory}).
 */
public final class PendingLogons
{
    /** The reason {@link LogonRefusals} is given for a connection closed at the limit. */
    static final String REFUSAL = "pending_limit";
    static final long LOG_INTERVAL_MILLIS = 1_000;
    private static final Logger LOG = System.getLogger(PendingLogons.class.getName());

    private final int limit;
    private final LogonRefusals refusals;
    // by the peer's address as the engine gives it (/ip:port): unique among open connections, and what
    // the logon checks see as the peer. Added on the engine's thread, removed on it or the logon checks'.
    private final Map<String, TcpChannel> pending = new ConcurrentHashMap<>();
    // the engine's thread only
    private long lastLogMillis = -LOG_INTERVAL_MILLIS;
    private int closedSinceLog;

    /**
     * @param limit     how many connections may wait to log on at once.
     * @param refusals  told of each connection closed at the limit.
     */
    public PendingLogons(final int limit, final LogonRefusals refusals)
    {
        if (limit < 1)
        {
            throw new IllegalArgumentException("limit " + limit + " must be at least 1");
        }
        this.limit = limit;
        this.refusals = refusals;
    }

    /** The engine's own channel supplier with the limit applied, for {@link EngineConfiguration#channelSupplierFactory}. */
    public TcpChannelSupplier channelSupplier(final EngineConfiguration engine)
    {
        return new Limited(new DefaultTcpChannelSupplier(engine));
    }

    /**
     * The Logon on the connection from {@code peer} was accepted: it no longer counts. Any thread.
     *
     * @param peer  the address as the engine gives it ({@code AuthenticationProxy.remoteAddress()}).
     */
    public void loggedOn(final String peer)
    {
        pending.remove(peer);
    }

    /**
     * @return whether a connection from exactly this address waits to log on. A Logon whose address is
     *     not one of them came after a PROXY protocol header, which Artio always honours and which lets a
     *     client claim any source address.
     */
    public boolean waiting(final String peer)
    {
        return pending.containsKey(peer);
    }

    /** @return how many connections wait to log on now. */
    int count()
    {
        return pending.size();
    }

    /** @return the connection to hand to the engine, counted; null when it was closed at the limit. */
    private TcpChannel admit(final long timeInMs, final TcpChannel channel) throws IOException
    {
        // only this thread adds, so the count cannot rise between the check and the put
        if (pending.size() >= limit)
        {
            channel.close();
            refusals.refused(REFUSAL);
            closedAtLimit(timeInMs, channel.remoteAddr());
            return null;
        }
        final Counted counted = new Counted(channel);
        pending.put(channel.remoteAddr(), counted);
        return counted;
    }

    private void closedAtLimit(final long timeInMs, final String peer)
    {
        closedSinceLog++;
        if (timeInMs - lastLogMillis >= LOG_INTERVAL_MILLIS)
        {
            LOG.log(Level.WARNING, "connection from " + peer + " closed: " + limit + " connections are waiting to " +
                "log on, the limit (fix.maxPendingLogons); " + closedSinceLog + " closed so since the last such warning");
            lastLogMillis = timeInMs;
            closedSinceLog = 0;
        }
    }

    /** The engine's supplier of accepted connections, each admitted or closed first. */
    private final class Limited extends TcpChannelSupplier
    {
        private final TcpChannelSupplier accepted;
        // one handler for every poll: the engine polls on every duty cycle, nothing is allocated per poll
        private final NewChannelHandler admitting = this::onNewChannel;
        private NewChannelHandler engine;

        Limited(final TcpChannelSupplier accepted)
        {
            this.accepted = accepted;
        }

        @Override
        public int pollSelector(final long timeInMs, final NewChannelHandler handler) throws IOException
        {
            engine = handler;
            return accepted.pollSelector(timeInMs, admitting);
        }

        private void onNewChannel(final long timeInMs, final TcpChannel channel) throws IOException
        {
            final TcpChannel counted = admit(timeInMs, channel);
            if (counted != null)
            {
                engine.onNewChannel(timeInMs, counted);
            }
        }

        @Override
        public void open(final InetSocketAddress address, final InitiatedChannelHandler channelHandler)
            throws IOException
        {
            // connections the engine initiates are not accepted ones: not counted
            accepted.open(address, channelHandler);
        }

        @Override
        public void stopConnecting(final InetSocketAddress address) throws IOException
        {
            accepted.stopConnecting(address);
        }

        @Override
        public void unbind() throws IOException
        {
            accepted.unbind();
        }

        @Override
        public void bind() throws IOException
        {
            accepted.bind();
        }

        @Override
        public void close() throws Exception
        {
            accepted.close();
        }
    }

    /** An accepted connection that counts until it logs on or closes. */
    private final class Counted extends TcpChannel
    {
        private final TcpChannel channel;

        Counted(final TcpChannel channel) throws IOException
        {
            super(channel.remoteAddr());
            this.channel = channel;
        }

        @Override
        public SelectionKey register(final Selector selector, final int ops, final Object attachment)
            throws ClosedChannelException
        {
            return channel.register(selector, ops, attachment);
        }

        @Override
        public int write(final ByteBuffer src, final int seqNum, final boolean replay) throws IOException
        {
            return channel.write(src, seqNum, replay);
        }

        @Override
        public int read(final ByteBuffer dst) throws IOException
        {
            return channel.read(dst);
        }

        @Override
        public void close()
        {
            // its own entry only, which its logon may have removed already
            pending.remove(remoteAddress, this);
            channel.close();
        }

        @Override
        public void onReplayComplete(final long correlationId)
        {
            channel.onReplayComplete(correlationId);
        }
    }
}
