package io.cryptofix.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Bind addresses, checked by their form only: resolving a host name would be network I/O, which
 * loading a configuration must never do.
 */
public final class Addresses
{
    static final TextRule RULE = new TextRule(
        "a valid bind address", Addresses::isValid, "an IPv4 or IPv6 address or a host name, e.g. 127.0.0.1 or 0.0.0.0");

    private static final Pattern IPV4 = Pattern.compile(
        "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern HOST_NAME = Pattern.compile(LABEL + "(\\." + LABEL + ")*\\.?");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

    private Addresses()
    {
    }

    /**
     * Whether a listener on this bind address accepts connections from this machine only: an address in
     * 127.0.0.0/8, {@code ::1} (also written in full or IPv4-mapped), or {@code localhost}. Judged from
     * the text alone, never looked up: a host name other than localhost counts as reachable from other
     * machines, since it may resolve to any interface.
     */
    public static boolean isLoopback(final String address)
    {
        final String lower = address.strip().toLowerCase(Locale.ROOT);
        if ("localhost".equals(lower) || "localhost.".equals(lower))
        {
            return true;
        }
        if (!IPV4.matcher(lower).matches() && lower.indexOf(':') < 0)
        {
            return false;
        }
        try
        {
            // an address literal is parsed, never looked up; ::ffff:127.0.0.1 comes back as IPv4
            return InetAddress.getByName(lower).isLoopbackAddress();
        }
        catch (final UnknownHostException e)
        {
            return false;
        }
    }

    static boolean isValid(final String address)
    {
        if (address.indexOf(':') >= 0)
        {
            return isIpv6(address);
        }
        if (DIGITS_AND_DOTS.matcher(address).matches())
        {
            // all digits is never a host name people mean: 999.1.1.1 or 10.0.0 are typos of an IPv4 address
            return IPV4.matcher(address).matches();
        }
        return address.length() <= 253 && HOST_NAME.matcher(address).matches();
    }

    /**
     * @return true when listening on both addresses with the same port would collide: the same address,
     *     or either one the wildcard that listens on every address.
     */
    static boolean overlap(final String a, final String b)
    {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT)) || isWildcard(a) || isWildcard(b);
    }

    private static boolean isWildcard(final String address)
    {
        return "0.0.0.0".equals(address) || "::".equals(address) || "0:0:0:0:0:0:0:0".equals(address);
    }

    private static boolean isIpv6(final String address)
    {
        if (!IPV6_CHARACTERS.matcher(address).matches() || address.contains(":::") ||
            address.startsWith(":") && !address.startsWith("::") || address.endsWith(":") && !address.endsWith("::"))
        {
            return false;
        }
        final int compressions = address.split("::", -1).length - 1;
        if (compressions > 1)
        {
            return false;
        }
        final String[] groups = address.split(":", -1);
        int hexGroups = 0;
        for (int i = 0; i < groups.length; i++)
        {
            final String group = groups[i];
            if (group.isEmpty())
            {
                continue;
            }
            if (i == groups.length - 1 && group.indexOf('.') >= 0)
            {
                // an embedded IPv4 tail such as ::ffff:192.0.2.1 stands for two groups
                if (!IPV4.matcher(group).matches())
                {
                    return false;
                }
                hexGroups += 2;
            }
            else if (HEX_GROUP.matcher(group).matches())
            {
                hexGroups++;
            }
            else
            {
                return false;
            }
        }
        return compressions == 1 ? hexGroups < 8 : hexGroups == 8;
    }
}
