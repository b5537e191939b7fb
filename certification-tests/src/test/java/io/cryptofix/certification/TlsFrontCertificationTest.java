package io.cryptofix.certification;

import org.agrona.IoUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.EncryptMethod;
import quickfix.field.ExecType;
import quickfix.field.HeartBtInt;
import quickfix.field.MsgSeqNum;
import quickfix.field.OrdStatus;
import quickfix.field.ResetSeqNumFlag;
import quickfix.field.SenderCompID;
import quickfix.field.SendingTime;
import quickfix.field.Side;
import quickfix.field.TargetCompID;
import quickfix.fix44.Logon;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The TLS front shipped in {@code deploy/tls} (stunnel, started with its own {@code run-front}) before a
 * real gateway: QuickFIX/J connects with SocketUseSSL, logs on and trades through it; a plain TCP client
 * on the TLS port never gets a Logon; with mutual TLS only a certificate from the client CA gets in.
 * Certificates are made for the test by {@code deploy/tls/make-demo-certs}.
 */
class TlsFrontCertificationTest
{
    private static GatewayFixture gateway;
    private static Path certs;
    /** A second throwaway CA and its client: a certificate the front must not take. */
    private static Path strangerCerts;
    private static String storePassword;

    @BeforeAll
    static void startGatewayAndMakeCertificates() throws Exception
    {
        gateway = GatewayFixture.start();
        certs = makeDemoCerts();
        strangerCerts = makeDemoCerts();
        storePassword = Files.readString(certs.resolve("store-password")).strip();
    }

    @AfterAll
    static void stopGatewayAndRemoveCertificates()
    {
        if (gateway != null)
        {
            gateway.close();
        }
        for (final Path dir : new Path[] {certs, strangerCerts})
        {
            if (dir != null)
            {
                IoUtil.delete(dir.toFile(), true);
            }
        }
    }

    @Test
    void aQuickFixjClientLogsOnThroughTheTlsFrontAndTrades() throws Exception
    {
        try (TlsFront front = startFront(false))
        {
            try (FixTestClient client = FixTestClient.logOnOverTls("RISK", front.port(),
                FixTestClient.tls(certs.resolve("truststore.p12"), null, storePassword)))
            {
                tradesOnSim(client);
                client.logout();
            }
            assertThat(front.log()).contains("TLS accepted");
        }
    }

    @Test
    void aPlainTcpClientOnTheTlsPortIsDisconnectedWithoutALogon() throws Exception
    {
        try (TlsFront front = startFront(false))
        {
            // the same bytes on the gateway's own port are a good Logon: only the transport differs
            try (Socket plain = new Socket("127.0.0.1", gateway.fixPort()))
            {
                final Answer answer = logOn(plain);
                assertThat(answer.received()).contains("\u000135=A\u0001");
            }

            try (Socket plain = new Socket("127.0.0.1", front.port()))
            {
                final Answer answer = logOn(plain);

                assertThat(answer.failure()).as("the front ends the connection, no Logon comes back").isNotNull();
                assertThat(answer.received()).doesNotContain("35=A");
            }
        }
    }

    @Test
    void withMutualTlsAClientWithACertificateFromTheClientCaTrades() throws Exception
    {
        try (TlsFront front = startFront(true))
        {
            try (FixTestClient client = FixTestClient.logOnOverTls("RISK", front.port(),
                FixTestClient.tls(certs.resolve("truststore.p12"), certs.resolve("client.p12"), storePassword)))
            {
                tradesOnSim(client);
                client.logout();
            }
            assertThat(front.log()).contains("Certificate accepted at depth=0: CN=RISK");
        }
    }

    @Test
    void withMutualTlsAClientWithoutACertificateIsRefused() throws Exception
    {
        try (TlsFront front = startFront(true);
            SSLSocket tls = tlsSocket(front.port(), null, null))
        {
            assertThat(refusal(tls)).isInstanceOfAny(SSLException.class, SocketException.class);
            await().atMost(FixTestClient.TIMEOUT).untilAsserted(() ->
                assertThat(front.log()).contains("peer did not return a certificate"));
        }
    }

    @Test
    void withMutualTlsACertificateFromAnotherCaIsRefused() throws Exception
    {
        try (TlsFront front = startFront(true);
            SSLSocket tls = tlsSocket(front.port(), strangerCerts.resolve("client.p12"), strangerPassword()))
        {
            assertThat(refusal(tls)).isInstanceOfAny(SSLException.class, SocketException.class);
            await().atMost(FixTestClient.TIMEOUT).untilAsserted(() ->
                assertThat(front.log()).contains("certificate verify failed"));
        }
    }

    private static TlsFront startFront(final boolean mutualTls) throws IOException
    {
        return TlsFront.start(gateway.fixPort(), certs.resolve("server.pem"), certs.resolve("server.key"),
            mutualTls ? certs.resolve("ca.pem") : null);
    }

    /** A market order on the simulated venue: acknowledged New, then filled in full. */
    private static void tradesOnSim(final FixTestClient client) throws Exception
    {
        final String clOrdId = Orders.nextClOrdId();
        client.send(Orders.onVenue(Orders.market(clOrdId, Side.BUY, "BTC/USDT", "0.01"), "SIM"));

        final Message ack = client.next("8");
        assertThat(ack.getString(ClOrdID.FIELD)).isEqualTo(clOrdId);
        assertThat(ack.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
        Message fill = client.next("8");
        while (fill.getChar(OrdStatus.FIELD) == OrdStatus.PARTIALLY_FILLED)
        {
            fill = client.next("8");
        }
        assertThat(fill.getString(ClOrdID.FIELD)).isEqualTo(clOrdId);
        assertThat(fill.getChar(ExecType.FIELD)).isEqualTo(ExecType.TRADE);
        assertThat(fill.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
        assertThat(fill.getDecimal(CumQty.FIELD)).isEqualByComparingTo("0.01");
    }

    /**
     * Sends a Logon (as DEMO, sequence reset) and reads until the other side closes, fails or stays
     * silent for {@link FixTestClient#TIMEOUT}.
     */
    private static Answer logOn(final Socket socket) throws IOException
    {
        final Logon logon = new Logon(new EncryptMethod(EncryptMethod.NONE_OTHER), new HeartBtInt(30));
        logon.set(new ResetSeqNumFlag(true));
        logon.getHeader().setString(SenderCompID.FIELD, "DEMO");
        logon.getHeader().setString(TargetCompID.FIELD, "GATEWAY");
        logon.getHeader().setInt(MsgSeqNum.FIELD, 1);
        logon.getHeader().setUtcTimeStamp(SendingTime.FIELD, LocalDateTime.now(ZoneOffset.UTC));

        socket.setSoTimeout((int)FixTestClient.TIMEOUT.toMillis());
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        try
        {
            socket.getOutputStream().write(logon.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            final InputStream in = socket.getInputStream();
            final byte[] buffer = new byte[4096];
            while (true)
            {
                final int read = in.read(buffer);
                if (read < 0)
                {
                    return new Answer(received.toString(StandardCharsets.US_ASCII), new IOException("end of stream"));
                }
                received.write(buffer, 0, read);
                if (received.toString(StandardCharsets.US_ASCII).contains("\u000110="))
                {
                    // a whole message came back: the gateway answered
                    return new Answer(received.toString(StandardCharsets.US_ASCII), null);
                }
            }
        }
        catch (final SocketTimeoutException e)
        {
            throw new AssertionError("neither an answer nor a disconnect within " + FixTestClient.TIMEOUT, e);
        }
        catch (final IOException e)
        {
            return new Answer(received.toString(StandardCharsets.US_ASCII), e);
        }
    }

    /**
     * Completes the client's side of the handshake and waits for the front's verdict on the client's
     * certificate, which TLS 1.3 gives after the client's last handshake message. The client sees a
     * fatal alert, or a reset when the front's reset overtakes the client's last handshake write:
     * which one is a race, so the tests read the reason in the front's log, written before it closes.
     *
     * @return how the connection ended.
     */
    private static IOException refusal(final SSLSocket socket) throws IOException
    {
        socket.setSoTimeout((int)FixTestClient.TIMEOUT.toMillis());
        try
        {
            socket.startHandshake();
            final int read = socket.getInputStream().read();
            throw new AssertionError(read < 0 ? "the front closed the connection without an alert" :
                "the front let the connection through");
        }
        catch (final SocketTimeoutException e)
        {
            throw new AssertionError("the front neither refused nor answered within " + FixTestClient.TIMEOUT, e);
        }
        catch (final IOException e)
        {
            return e;
        }
    }

    /** What came back for a Logon, and how the connection ended (null: it did not). */
    private record Answer(String received, IOException failure)
    {
    }

    /**
     * A TLS client socket as JSSE makes one, trusting the demo CA and checking the front's name.
     *
     * @param clientKeys  PKCS12 key store with the certificate to present; null for none.
     */
    private static SSLSocket tlsSocket(final int port, final Path clientKeys, final String clientKeysPassword)
        throws Exception
    {
        final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore(certs.resolve("truststore.p12"), storePassword));
        KeyManagerFactory keys = null;
        if (clientKeys != null)
        {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(clientKeys, clientKeysPassword), clientKeysPassword.toCharArray());
        }
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        final SSLSocket socket = (SSLSocket)context.getSocketFactory().createSocket("127.0.0.1", port);
        final SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        return socket;
    }

    private static KeyStore keyStore(final Path file, final String password) throws Exception
    {
        final KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file))
        {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static String strangerPassword() throws IOException
    {
        return Files.readString(strangerCerts.resolve("store-password")).strip();
    }

    private static Path makeDemoCerts() throws Exception
    {
        final Path dir = Files.createTempDirectory("cryptofix-tls-certs-");
        final Process process = new ProcessBuilder(TlsFront.DEPLOY_TLS.resolve("make-demo-certs").toString(), dir.toString())
            .redirectErrorStream(true)
            .start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0)
        {
            throw new AssertionError("make-demo-certs failed:\n" + output);
        }
        return dir;
    }
}
