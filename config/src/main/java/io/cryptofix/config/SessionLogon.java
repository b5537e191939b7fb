package io.cryptofix.config;

import java.net.InetAddress;
import java.util.List;

/**
 * Who may log on as a session: the addresses it may come from, and the credentials its Logon must
 * carry. The password is kept only as a bcrypt hash; the Logon's Password (554) is checked against it.
 *
 * @param username              Username (553) the Logon must carry; null: any or none.
 * @param passwordHash          bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}) of the session's
 *                              password, made by {@code bin/gateway hash-password}; null: no password.
 * @param allowUnauthenticated  whether a session without a {@code passwordHash} may log on at all.
 * @param allowedAddresses      the source addresses or CIDR blocks it may connect from; empty: any.
 * @param signingKeyEnv         the environment variable holding the base64 key the client signs its
 *                              Logon with (RawData (96), HMAC-SHA256); null: no signed logon.
 */
public record SessionLogon(
    String username, String passwordHash, boolean allowUnauthenticated, List<AddressBlock> allowedAddresses,
    String signingKeyEnv)
{
    /** Any address, no credentials: a session of the embedded defaults on loopback. */
    public static final SessionLogon OPEN = new SessionLogon(null, null, true, List.of(), null);

    /** Without a signed logon. */
    public SessionLogon(
        final String username, final String passwordHash, final boolean allowUnauthenticated,
        final List<AddressBlock> allowedAddresses)
    {
        this(username, passwordHash, allowUnauthenticated, allowedAddresses, null);
    }

    /** Whether the Logon must prove something: a password or a signature. */
    public boolean hasCredentials()
    {
        return passwordHash != null || signingKeyEnv != null;
    }

    /** Whether a Logon from {@code address} may go on to its credentials check. */
    public boolean allows(final InetAddress address)
    {
        if (allowedAddresses.isEmpty())
        {
            return true;
        }
        for (final AddressBlock block : allowedAddresses)
        {
            if (block.contains(address))
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString()
    {
        // the hash is no secret in the strict sense, but it never needs to be printed
        return "SessionLogon[username=" + username + ", passwordHash=" + (passwordHash == null ? "none" : "set") +
            ", allowUnauthenticated=" + allowUnauthenticated + ", allowedAddresses=" + allowedAddresses +
            ", signingKeyEnv=" + signingKeyEnv + "]";
    }
}
