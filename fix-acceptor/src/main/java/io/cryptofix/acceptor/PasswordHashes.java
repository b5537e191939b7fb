package io.cryptofix.acceptor;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Session passwords as bcrypt hashes (BouncyCastle's OpenBSD bcrypt, {@code $2y$}): made by
 * {@code bin/gateway hash-password}, checked at each Logon. The cost makes a guess slow; the salt
 * makes every hash differ.
 */
public final class PasswordHashes
{
    /** bcrypt reads at most 72 bytes of a password: a longer one is refused rather than cut silently. */
    public static final int MAX_PASSWORD_BYTES = 72;
    static final int COST = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashes()
    {
    }

    /**
     * @throws IllegalArgumentException when the password is empty or longer than {@link #MAX_PASSWORD_BYTES} bytes.
     */
    public static String hash(final char[] password)
    {
        final int bytes = utf8Length(password);
        if (bytes == 0 || bytes > MAX_PASSWORD_BYTES)
        {
            throw new IllegalArgumentException("a password must be 1 to " + MAX_PASSWORD_BYTES + " bytes (UTF-8), not " +
                bytes);
        }
        final byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", password, salt, COST);
    }

    /** Whether {@code password} is the one {@code hash} was made from; a password bcrypt cannot take is not. */
    public static boolean matches(final char[] password, final String hash)
    {
        final int bytes = utf8Length(password);
        if (bytes == 0 || bytes > MAX_PASSWORD_BYTES)
        {
            return false;
        }
        try
        {
            return OpenBSDBCrypt.checkPassword(hash, password);
        }
        catch (final IllegalArgumentException e)
        {
            return false;
        }
    }

    private static int utf8Length(final char[] password)
    {
        return StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining();
    }
}
