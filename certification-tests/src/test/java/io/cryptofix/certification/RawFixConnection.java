package io.cryptofix.certification;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * A bare FIX 4.4 connection over a socket, for what a well-behaved engine will not send: bad
 * checksums, values of the wrong type, missing required tags. Messages are written by hand
 * ({@code |} for SOH); BodyLength and CheckSum are computed unless a test corrupts them on purpose.
 */
final class RawFixConnection implements AutoCloseable
{
    private static final DateTimeFormatter SENDING_TIME =
        DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String senderCompId;
    private int nextSeqNum;

    RawFixConnection(final int port, final String senderCompId) throws IOException
    {
        this(port, senderCompId, 1);
    }

    /**
     * @param nextSeqNum  MsgSeqNum of the first message to send, to continue an earlier connection.
     */
    RawFixConnection(final int port, final String senderCompId, final int nextSeqNum) throws IOException
    {
        this.nextSeqNum = nextSeqNum;
        this.socket = new Socket("127.0.0.1", port);
        this.socket.setSoTimeout((int)FixTestClient.TIMEOUT.toMillis());
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.senderCompId = senderCompId;
    }

    /** Logs on with a sequence reset and returns the gateway's Logon. */
    Map<Integer, String> logOn() throws IOException
    {
        send("35=A|98=0|108=30|141=Y|");
        return receive("A");
    }

    /** Logs on continuing the sequence numbers of an earlier connection, and returns the gateway's Logon. */
    Map<Integer, String> logOnContinuing() throws IOException
    {
        send("35=A|98=0|108=30|");
        return receive("A");
    }

    /** Sends body fields (after the standard header) as a well-formed message. */
    void send(final String body) throws IOException
    {
        out.write(frame(body, false));
        out.flush();
    }

    /** Sends body fields with a deliberately wrong CheckSum. */
    void sendWithBadChecksum(final String body) throws IOException
    {
        out.write(frame(body, true));
        out.flush();
    }

    private byte[] frame(final String body, final boolean corruptChecksum)
    {
        final String header = "35=" + body.substring(3, body.indexOf('|')) + "|49=" + senderCompId +
            "|56=GATEWAY|34=" + nextSeqNum++ + "|52=" + SENDING_TIME.format(Instant.now()) + "|";
        final String rest = header + body.substring(body.indexOf('|') + 1);
        final String withLength = "8=FIX.4.4|9=" + rest.length() + "|" + rest;
        final byte[] bytes = withLength.replace('|', '\u0001').getBytes(StandardCharsets.US_ASCII);
        int sum = 0;
        for (final byte b : bytes)
        {
            sum += b;
        }
        final int checksum = (sum + (corruptChecksum ? 1 : 0)) % 256;
        return (withLength + String.format("10=%03d|", checksum)).replace('|', '\u0001')
            .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Sends bytes as they are: a message the test framed itself ({@link #frame}), right or wrong. The
     * test keeps MsgSeqNum itself ({@link #nextSeqNum(int)}) for what the gateway reads unframed.
     */
    void sendRaw(final byte[] message) throws IOException
    {
        out.write(message);
        out.flush();
    }

    /**
     * A message with body fields given as bytes (SOH between fields, any byte in a value), the
     * standard header before them and CheckSum after.
     *
     * @param bodyLengthError  added to the true BodyLength (9), to garble the message; 0 for none.
     * @param checksumError    added to the true CheckSum (10), modulo 256; 0 for none.
     */
    byte[] frame(
        final String msgType, final int msgSeqNum, final byte[] body, final int bodyLengthError, final int checksumError)
    {
        final byte[] header = ("35=" + msgType + "|49=" + senderCompId + "|56=GATEWAY|34=" + msgSeqNum + "|52=" +
            SENDING_TIME.format(Instant.now()) + "|").replace('|', '\u0001').getBytes(StandardCharsets.US_ASCII);
        final byte[] prefix = ("8=FIX.4.4\u00019=" + (header.length + body.length + bodyLengthError) + "\u0001")
            .getBytes(StandardCharsets.US_ASCII);
        final byte[] message = new byte[prefix.length + header.length + body.length + 7];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(header, 0, message, prefix.length, header.length);
        System.arraycopy(body, 0, message, prefix.length + header.length, body.length);
        int sum = 0;
        for (int i = 0; i < message.length - 7; i++)
        {
            sum += message[i] & 0xFF;
        }
        final int checksum = Math.floorMod(sum + checksumError, 256);
        final byte[] trailer = String.format("10=%03d\u0001", checksum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(trailer, 0, message, message.length - 7, 7);
        return message;
    }

    /** Sets the MsgSeqNum of the next message {@link #send} frames. */
    void nextSeqNum(final int nextSeqNum)
    {
        this.nextSeqNum = nextSeqNum;
    }

    /**
     * @return the fields of the next message of {@code msgType}, skipping others (heartbeats).
     */
    Map<Integer, String> receive(final String msgType) throws IOException
    {
        while (true)
        {
            final Map<Integer, String> message = readMessage();
            if (msgType.equals(message.get(35)))
            {
                return message;
            }
        }
    }

    /**
     * @return the fields of the next message, whatever its type.
     */
    Map<Integer, String> next() throws IOException
    {
        return readMessage();
    }

    /**
     * @return true if the gateway closed the connection (after a Logout or not) within the timeout.
     */
    boolean isClosedByGateway() throws IOException
    {
        try
        {
            while (true)
            {
                readMessage();
            }
        }
        catch (final EndOfStream e)
        {
            return true;
        }
        catch (final SocketTimeoutException e)
        {
            return false;
        }
    }

    private Map<Integer, String> readMessage() throws IOException
    {
        final Map<Integer, String> fields = new HashMap<>();
        final StringBuilder field = new StringBuilder();
        while (true)
        {
            final int b = in.read();
            if (b < 0)
            {
                throw new EndOfStream();
            }
            if (b == 1)
            {
                final String text = field.toString();
                final int equals = text.indexOf('=');
                final int tag = Integer.parseInt(text.substring(0, equals));
                fields.put(tag, text.substring(equals + 1));
                field.setLength(0);
                if (tag == 10)
                {
                    return fields;
                }
            }
            else
            {
                field.append((char)b);
            }
        }
    }

    int nextSeqNum()
    {
        return nextSeqNum;
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }

    static final class EndOfStream extends IOException
    {
        EndOfStream()
        {
            super("connection closed by the gateway");
        }
    }
}
