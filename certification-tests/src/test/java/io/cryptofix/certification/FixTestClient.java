package io.cryptofix.certification;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.MessageStoreFactory;
import quickfix.ScreenLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An independent FIX 4.4 client: QuickFIX/J with the standard FIX44 dictionary, validating every
 * message the gateway sends. What it receives is queued for the test to take in order.
 */
final class FixTestClient implements Application, AutoCloseable
{
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final SessionID sessionId;
    private final SocketInitiator initiator;
    private final BlockingQueue<Message> applicationMessages = new LinkedBlockingQueue<>();
    private final BlockingQueue<Message> adminMessages = new LinkedBlockingQueue<>();
    private volatile CountDownLatch loggedOn = new CountDownLatch(1);
    private volatile CountDownLatch loggedOut = new CountDownLatch(1);
    // Username (553) and Password (554) for its Logon; null: none
    private volatile String username;
    private volatile String password;
    // the key its Logon is signed with (RawData (96)); null: unsigned
    private volatile byte[] signingKey;

    private FixTestClient(final String senderCompId, final int port, final Path storeDir, final boolean resetOnLogon)
        throws ConfigError
    {
        this(senderCompId, port, storeDir, resetOnLogon, Map.of());
    }

    /** @param moreSettings  QuickFIX/J session settings on top of the standard ones, e.g. {@link #tls}. */
    private FixTestClient(final String senderCompId, final int port, final Path storeDir, final boolean resetOnLogon,
        final Map<String, String> moreSettings) throws ConfigError
    {
        sessionId = new SessionID("FIX.4.4", senderCompId, "GATEWAY");
        final SessionSettings settings = new SessionSettings();
        settings.setString(sessionId, "ConnectionType", "initiator");
        settings.setString(sessionId, "SocketConnectHost", "127.0.0.1");
        settings.setLong(sessionId, "SocketConnectPort", port);
        settings.setString(sessionId, "StartTime", "00:00:00");
        settings.setString(sessionId, "EndTime", "00:00:00");
        settings.setLong(sessionId, "HeartBtInt", 30);
        settings.setLong(sessionId, "ReconnectInterval", 1);
        settings.setString(sessionId, "UseDataDictionary", "Y");
        settings.setString(sessionId, "DataDictionary", "FIX44.xml");
        settings.setString(sessionId, "ResetOnLogon", resetOnLogon ? "Y" : "N");
        settings.setString(sessionId, "ValidateIncomingMessage", "Y");
        moreSettings.forEach((key, value) -> settings.setString(sessionId, key, value));
        final MessageStoreFactory store;
        if (storeDir != null)
        {
            settings.setString(sessionId, "FileStorePath", storeDir.toString());
            store = new FileStoreFactory(settings);
        }
        else
        {
            store = new MemoryStoreFactory();
        }
        initiator = new SocketInitiator(this, store, settings, new ScreenLogFactory(false, false, false), new DefaultMessageFactory());
    }

    /**
     * Connects with a fresh sequence (ResetSeqNumFlag on logon) and waits for the logon.
     */
    static FixTestClient logOn(final String senderCompId, final int port) throws Exception
    {
        final FixTestClient client = new FixTestClient(senderCompId, port, null, true);
        client.start();
        client.awaitLogon();
        return client;
    }

    /**
     * Connects with a fresh sequence and these credentials in its Logon, without waiting for the
     * gateway's answer: the test awaits the logon ({@link #awaitLogon}) or the Logout refusing it
     * ({@link #nextAdmin} 5).
     *
     * @param username  Username (553), or null for none.
     * @param password  Password (554), or null for none.
     */
    static FixTestClient connect(final String senderCompId, final int port, final String username, final String password)
        throws Exception
    {
        final FixTestClient client = new FixTestClient(senderCompId, port, null, true);
        client.username = username;
        client.password = password;
        client.start();
        return client;
    }

    /** As {@link #connect}, its Logon signed with {@code signingKey} (RawData (96)). */
    static FixTestClient connectSigned(final String senderCompId, final int port, final byte[] signingKey)
        throws Exception
    {
        final FixTestClient client = new FixTestClient(senderCompId, port, null, true);
        client.signingKey = signingKey;
        client.start();
        return client;
    }

    /** As {@link #connect}, waiting for the logon. */
    static FixTestClient logOnWith(final String senderCompId, final int port, final String username, final String password)
        throws Exception
    {
        final FixTestClient client = connect(senderCompId, port, username, password);
        client.awaitLogon();
        return client;
    }

    /**
     * Connects keeping sequence numbers in {@code storeDir} across connections (no reset).
     */
    static FixTestClient logOnPersistent(final String senderCompId, final int port, final Path storeDir)
        throws Exception
    {
        final FixTestClient client = new FixTestClient(senderCompId, port, storeDir, false);
        client.start();
        client.awaitLogon();
        return client;
    }

    /**
     * Connects through a TLS front with {@code tlsSettings} (see {@link #tls}), with a fresh sequence,
     * and waits for the logon.
     */
    static FixTestClient logOnOverTls(final String senderCompId, final int port, final Map<String, String> tlsSettings)
        throws Exception
    {
        final FixTestClient client = new FixTestClient(senderCompId, port, null, true, tlsSettings);
        client.start();
        client.awaitLogon();
        return client;
    }

    /**
     * QuickFIX/J's settings for a TLS connection, as a client of the gateway's TLS front sets them:
     * TLS 1.2 or 1.3, and the front's certificate must chain to a CA in {@code trustStore} and name
     * the address connected to (without SocketTrustStore QuickFIX/J would trust any certificate).
     *
     * @param trustStore     PKCS12 trust store with the CA of the front's certificate.
     * @param keyStore       PKCS12 key store with the client's key and certificate, for mutual TLS;
     *                       null to present no certificate.
     * @param storePassword  the password of both stores.
     */
    static Map<String, String> tls(final Path trustStore, final Path keyStore, final String storePassword)
    {
        final Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SocketUseSSL", "Y");
        settings.put("EnabledProtocols", "TLSv1.3,TLSv1.2");
        settings.put("EndpointIdentificationAlgorithm", "HTTPS");
        settings.put("SocketTrustStore", trustStore.toString());
        settings.put("SocketTrustStorePassword", storePassword);
        settings.put("TrustStoreType", "PKCS12");
        if (keyStore != null)
        {
            settings.put("SocketKeyStore", keyStore.toString());
            settings.put("SocketKeyStorePassword", storePassword);
            settings.put("KeyStoreType", "PKCS12");
        }
        return settings;
    }

    void start() throws ConfigError
    {
        initiator.start();
    }

    void awaitLogon() throws InterruptedException
    {
        if (!loggedOn.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
        {
            throw new AssertionError(sessionId + " did not log on within " + TIMEOUT);
        }
    }

    void send(final Message message) throws SessionNotFound
    {
        if (!Session.sendToTarget(message, sessionId))
        {
            throw new AssertionError("QuickFIX/J did not send " + message);
        }
    }

    Session session()
    {
        return Session.lookupSession(sessionId);
    }

    /** @return the next application message, whatever its type. */
    Message next() throws InterruptedException
    {
        final Message message = applicationMessages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null)
        {
            throw new AssertionError("no application message within " + TIMEOUT);
        }
        return message;
    }

    /**
     * @return the next application message, which must be of {@code msgType}.
     */
    Message next(final String msgType) throws InterruptedException, FieldNotFound
    {
        final Message message = applicationMessages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null)
        {
            throw new AssertionError("no application message within " + TIMEOUT + ", expected " + msgType);
        }
        final String actual = message.getHeader().getString(MsgType.FIELD);
        if (!msgType.equals(actual))
        {
            throw new AssertionError("expected MsgType " + msgType + " but got " + message);
        }
        return message;
    }

    /**
     * @return the next admin message of {@code msgType}, skipping others (heartbeats, logons).
     */
    Message nextAdmin(final String msgType) throws InterruptedException, FieldNotFound
    {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline)
        {
            final Message message = adminMessages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message != null && msgType.equals(message.getHeader().getString(MsgType.FIELD)))
            {
                return message;
            }
        }
        throw new AssertionError("no admin message " + msgType + " within " + TIMEOUT);
    }

    /** @return the next application message if one arrives within {@code millis}, else null. */
    Message poll(final long millis) throws InterruptedException
    {
        return applicationMessages.poll(millis, TimeUnit.MILLISECONDS);
    }

    boolean hasPendingApplicationMessages()
    {
        return !applicationMessages.isEmpty();
    }

    void logout() throws InterruptedException
    {
        loggedOut = new CountDownLatch(1);
        session().logout("test done");
        if (!loggedOut.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
        {
            throw new AssertionError(sessionId + " did not log out within " + TIMEOUT);
        }
    }

    void expectNextLogon()
    {
        loggedOn = new CountDownLatch(1);
    }

    @Override
    public void close()
    {
        initiator.stop(true);
    }

    @Override
    public void onCreate(final SessionID sessionId)
    {
    }

    @Override
    public void onLogon(final SessionID sessionId)
    {
        loggedOn.countDown();
    }

    @Override
    public void onLogout(final SessionID sessionId)
    {
        loggedOut.countDown();
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId)
    {
        if (message instanceof quickfix.fix44.Logon logon)
        {
            if (username != null)
            {
                logon.set(new quickfix.field.Username(username));
            }
            if (password != null)
            {
                logon.set(new quickfix.field.Password(password));
            }
            if (signingKey != null)
            {
                try
                {
                    // QuickFIX/J has set SendingTime and MsgSeqNum by now: the signature covers them
                    final String rawData = io.cryptofix.acceptor.LogonSignature.sign(signingKey,
                        logon.getHeader().getString(quickfix.field.SendingTime.FIELD),
                        logon.getHeader().getInt(quickfix.field.MsgSeqNum.FIELD), sessionId.getSenderCompID(),
                        sessionId.getTargetCompID(), password);
                    logon.set(new quickfix.field.RawDataLength(rawData.length()));
                    logon.set(new quickfix.field.RawData(rawData));
                }
                catch (final quickfix.FieldNotFound e)
                {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId)
    {
        adminMessages.add(message);
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId)
    {
        applicationMessages.add(message);
    }
}
