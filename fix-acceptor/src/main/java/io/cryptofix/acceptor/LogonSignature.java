package io.cryptofix.acceptor;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A signed Logon, as Coinbase's FIX gateway has its clients sign one: RawData (96) carries
 * base64(HMAC-SHA256(key, SendingTime SOH MsgType SOH MsgSeqNum SOH SenderCompID SOH TargetCompID SOH
 * Password)), with the key shared out of band (base64) and Password empty when the Logon has none. A
 * signature proves the key without sending it; SendingTime within {@link #FRESH_MILLIS} of the
 * gateway's clock keeps a captured Logon from being played again later.
 */
public final class LogonSignature
{
    /** How far a signed Logon's SendingTime may be from the gateway's time. */
    public static final long FRESH_MILLIS = 30_000;
    private static final char SOH = '\u0001';
    private static final DateTimeFormatter SENDING_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss[.SSS][.SSSSSS][.SSSSSSSSS]");

    private LogonSignature()
    {
    }

    /** The RawData (96) a client sends: for the client side and for tests. */
    public static String sign(
        final byte[] key, final String sendingTime, final int msgSeqNum, final String senderCompId,
        final String targetCompId, final String password)
    {
        return Base64.getEncoder().encodeToString(hmac(key, prehash(sendingTime, msgSeqNum, senderCompId, targetCompId,
            password)));
    }

    /**
     * @return null when the signature holds and is fresh, else why not: {@code signature_missing},
     *     {@code signature_stale} or {@code signature}.
     */
    static String refusal(
        final byte[] key, final String rawData, final String sendingTime, final int msgSeqNum, final String senderCompId,
        final String targetCompId, final String password, final long nowMillis)
    {
        if (rawData == null || rawData.isEmpty())
        {
            return "signature_missing";
        }
        if (!fresh(sendingTime, nowMillis))
        {
            return "signature_stale";
        }
        final byte[] given;
        try
        {
            given = Base64.getDecoder().decode(rawData);
        }
        catch (final IllegalArgumentException e)
        {
            return "signature";
        }
        final byte[] expected = hmac(key, prehash(sendingTime, msgSeqNum, senderCompId, targetCompId, password));
        return MessageDigest.isEqual(expected, given) ? null : "signature";
    }

    private static boolean fresh(final String sendingTime, final long nowMillis)
    {
        try
        {
            final long sent = LocalDateTime.parse(sendingTime, SENDING_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
            return Math.abs(nowMillis - sent) <= FRESH_MILLIS;
        }
        catch (final DateTimeParseException | NullPointerException e)
        {
            return false;
        }
    }

    private static String prehash(
        final String sendingTime, final int msgSeqNum, final String senderCompId, final String targetCompId,
        final String password)
    {
        return sendingTime + SOH + "A" + SOH + msgSeqNum + SOH + senderCompId + SOH + targetCompId + SOH +
            (password == null ? "" : password);
    }

    private static byte[] hmac(final byte[] key, final String prehash)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8));
        }
        catch (final GeneralSecurityException e)
        {
            throw new IllegalStateException(e);
        }
    }
}
