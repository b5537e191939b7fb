package io.cryptofix.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether the FIX port, plain TCP because Artio has no TLS, can be reached from other machines, and
 * the warning the gateway gives at start when it can. Decided from the text of {@code fix.bindAddress}
 * without a name lookup: a host name other than {@code localhost} counts as reachable, since it may
 * resolve to any interface, and warning once too often is cheaper than staying silent once too often.
 */
final class FixPortExposure
{
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private FixPortExposure()
    {
    }

    /**
     * @return true when a listener on {@code bindAddress} accepts connections from this machine only:
     *     an address in 127.0.0.0/8, {@code ::1} (also written in full or IPv4-mapped), or {@code localhost}.
     */
    static boolean isLoopbackOnly(final String bindAddress)
    {
        final String address = bindAddress.strip().toLowerCase(Locale.ROOT);
        if ("localhost".equals(address) || "localhost.".equals(address))
        {
            return true;
        }
        if (!IPV4.matcher(address).matches() && address.indexOf(':') < 0)
        {
            return false;
        }
        try
        {
            // an address literal is parsed, never looked up; ::ffff:127.0.0.1 comes back as IPv4
            return InetAddress.getByName(address).isLoopbackAddress();
        }
        catch (final UnknownHostException e)
        {
            return false;
        }
    }

    /** @return the start-up warning for a FIX port on {@code bindAddress:port} that is not loopback only. */
    static String warning(final String bindAddress, final int port)
    {
        final String hostPort = bindAddress.indexOf(':') >= 0 ? "[" + bindAddress + "]:" + port : bindAddress + ":" + port;
        final String rule = "*".repeat(100);
        return "\n" + rule + "\n" +
            "FIX PORT OPEN WITHOUT TLS: the gateway listens for FIX on " + hostPort + ", which is not a loopback\n" +
            "address, in plain TCP. Logons, orders and reports cross the network readable and alterable by\n" +
            "anyone on the path. Set fix.bindAddress to 127.0.0.1 and let clients in through the TLS front\n" +
            "(deploy/tls; docs/security.md, section \"TLS\"), unless every network in between is trusted.\n" +
            rule;
    }
}
