package io.cryptofix.store.postgres;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One FIX message received or sent by the gateway, as the {@code fix_messages} table keeps it.
 *
 * @param sessionId     the FIX engine's id of the session, as the order events carry it, or {@link #UNKNOWN_SESSION}.
 * @param localCompId   the gateway's CompID: TargetCompID (56) of a message in, SenderCompID (49) of one out.
 * @param remoteCompId  the client's CompID, which names the session for ops.
 * @param msgSeqNum     MsgSeqNum (34).
 * @param msgType       MsgType (35).
 * @param possDup       PossDupFlag (43) is Y: sent again on a resend request.
 * @param sendingTime   SendingTime (52); null when the message has none that reads as a UTC timestamp.
 * @param recordedTime  when the gateway received (in) or sent (out) it.
 * @param message       the message's bytes as on the wire, SOH separated; not copied, so not to be changed.
 */
public record FixMessageRow(
    long sessionId,
    String localCompId,
    String remoteCompId,
    Direction direction,
    int msgSeqNum,
    String msgType,
    boolean possDup,
    Instant sendingTime,
    Instant recordedTime,
    byte[] message)
{
    /** The session id of a message whose session the reader could not tell; kept as NULL. */
    public static final long UNKNOWN_SESSION = -1;

    private static final byte SOH = 0x01;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Whether the gateway received the message or sent it. */
    public enum Direction
    {
        IN,
        OUT
    }

    public FixMessageRow
    {
        Objects.requireNonNull(localCompId, "localCompId");
        Objects.requireNonNull(remoteCompId, "remoteCompId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(msgType, "msgType");
        Objects.requireNonNull(recordedTime, "recordedTime");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A row for a whole message as the engine's archive gives it, its header fields read from it.
     *
     * @param recordedTimeNanos  when the engine received or sent it, epoch nanoseconds.
     * @param message            the message, SOH separated, one character per byte.
     */
    public static FixMessageRow of(
        final Direction direction, final long sessionId, final long recordedTimeNanos, final String message)
    {
        final Instant recordedTime = Instant.ofEpochSecond(
            Math.floorDiv(recordedTimeNanos, NANOS_PER_SECOND), Math.floorMod(recordedTimeNanos, NANOS_PER_SECOND));
        return of(direction, sessionId, recordedTime, message.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * A row for a whole message, its header fields read from it.
     *
     * @throws IllegalArgumentException when the message lacks MsgType, MsgSeqNum, SenderCompID or TargetCompID.
     */
    public static FixMessageRow of(
        final Direction direction, final long sessionId, final Instant recordedTime, final byte[] message)
    {
        String msgType = null;
        String msgSeqNum = null;
        String senderCompId = null;
        String targetCompId = null;
        String sendingTime = null;
        boolean possDup = false;
        int fieldStart = 0;
        for (int i = 0; i <= message.length; i++)
        {
            if (i < message.length && message[i] != SOH)
            {
                continue;
            }
            final int equals = indexOf(message, (byte)'=', fieldStart, i);
            if (equals > fieldStart)
            {
                final String value = new String(message, equals + 1, i - equals - 1, StandardCharsets.ISO_8859_1);
                switch (new String(message, fieldStart, equals - fieldStart, StandardCharsets.ISO_8859_1))
                {
                    case "35" -> msgType = first(msgType, value);
                    case "34" -> msgSeqNum = first(msgSeqNum, value);
                    case "49" -> senderCompId = first(senderCompId, value);
                    case "56" -> targetCompId = first(targetCompId, value);
                    case "52" -> sendingTime = first(sendingTime, value);
                    case "43" -> possDup = possDup || "Y".equals(value);
                    default ->
                    {
                    }
                }
            }
            fieldStart = i + 1;
        }
        if (msgType == null || msgSeqNum == null || senderCompId == null || targetCompId == null)
        {
            throw new IllegalArgumentException("not a FIX message with MsgType, MsgSeqNum, SenderCompID and TargetCompID");
        }
        final boolean in = direction == Direction.IN;
        return new FixMessageRow(sessionId, in ? targetCompId : senderCompId, in ? senderCompId : targetCompId,
            direction, parseSeqNum(msgSeqNum), msgType, possDup, utcTimestamp(sendingTime), recordedTime, message);
    }

    /**
     * The message as PostgreSQL text: each byte one character (ISO-8859-1), SOH kept as the field
     * separator. A NUL byte, which text cannot hold and only a binary data field could carry,
     * becomes U+FFFD; {@code raw_sha256} is over the bytes as they were.
     */
    String rawText()
    {
        return new String(message, StandardCharsets.ISO_8859_1).replace('\0', '\uFFFD');
    }

    private static String first(final String earlier, final String value)
    {
        // a repeated header tag is malformed; the first is what the engine acted on
        return earlier != null ? earlier : value;
    }

    private static int indexOf(final byte[] bytes, final byte wanted, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            if (bytes[i] == wanted)
            {
                return i;
            }
        }
        return -1;
    }

    private static int parseSeqNum(final String text)
    {
        try
        {
            return Integer.parseInt(text);
        }
        catch (final NumberFormatException e)
        {
            throw new IllegalArgumentException("MsgSeqNum (34) is not a number: " + text);
        }
    }

    /**
     * A FIX UTCTimestamp, {@code YYYYMMDD-HH:MM:SS} with up to 9 decimals of a second.
     *
     * @return the instant, or null when there is none or it does not read as one.
     */
    static Instant utcTimestamp(final String text)
    {
        if (text == null || text.length() < 17 || text.charAt(8) != '-' || text.charAt(11) != ':' ||
            text.charAt(14) != ':')
        {
            return null;
        }
        try
        {
            int nanos = 0;
            if (text.length() > 17)
            {
                final String fraction = text.substring(18);
                if (text.charAt(17) != '.' || fraction.isEmpty() || fraction.length() > 9 || !isDigits(fraction))
                {
                    return null;
                }
                nanos = Integer.parseInt(fraction);
                for (int i = fraction.length(); i < 9; i++)
                {
                    nanos *= 10;
                }
            }
            final LocalDate date = LocalDate.of(number(text, 0, 4), number(text, 4, 6), number(text, 6, 8));
            final LocalTime time = LocalTime.of(number(text, 9, 11), number(text, 12, 14), number(text, 15, 17), nanos);
            return date.atTime(time).toInstant(ZoneOffset.UTC);
        }
        catch (final DateTimeException | NumberFormatException e)
        {
            return null;
        }
    }

    private static int number(final String text, final int from, final int to)
    {
        final String digits = text.substring(from, to);
        if (!isDigits(digits))
        {
            throw new NumberFormatException(digits);
        }
        return Integer.parseInt(digits);
    }

    private static boolean isDigits(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            if (text.charAt(i) < '0' || text.charAt(i) > '9')
            {
                return false;
            }
        }
        return true;
    }
}
