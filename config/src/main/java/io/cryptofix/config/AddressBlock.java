package io.cryptofix.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A source address or block of them, IPv4 or IPv6, written as an address ({@code 10.0.0.7}) or in CIDR
 * notation ({@code 10.0.0.0/24}, {@code fd00::/8}). Only literal addresses: a host name would make
 * the allow-list depend on DNS.
 */
public final class AddressBlock
{
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(/[0-9]{1,3})?");

    private final String text;
    private final byte[] network;
    private final int prefixLength;

    private AddressBlock(final String text, final byte[] network, final int prefixLength)
    {
        this.text = text;
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** @return the block, or null when {@code text} is not an address or CIDR block. */
    public static AddressBlock parse(final String text)
    {
        if (!LITERAL.matcher(text).matches() || !text.contains(".") && !text.contains(":"))
        {
            return null;
        }
        final int slash = text.indexOf('/');
        final byte[] address;
        try
        {
            // a literal (checked above) is parsed without any name lookup
            address = InetAddress.getByName(slash < 0 ? text : text.substring(0, slash)).getAddress();
        }
        catch (final UnknownHostException e)
        {
            return null;
        }
        final int bits = address.length * 8;
        final int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
        return prefix > bits ? null : new AddressBlock(text, address, prefix);
    }

    /** @param address  a peer's address, e.g. {@code 10.0.0.7} or {@code 0:0:0:0:0:0:0:1}. */
    public boolean contains(final InetAddress address)
    {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length)
        {
            // an IPv4 peer seen through an IPv6 socket arrives mapped (::ffff:a.b.c.d)
            candidate = mappedIpv4(candidate, network.length);
            if (candidate == null)
            {
                return false;
            }
        }
        int bitsLeft = prefixLength;
        for (int i = 0; i < network.length && bitsLeft > 0; i++, bitsLeft -= 8)
        {
            final int mask = bitsLeft >= 8 ? 0xFF : 0xFF << (8 - bitsLeft) & 0xFF;
            if ((candidate[i] & mask) != (network[i] & mask))
            {
                return false;
            }
        }
        return true;
    }

    private static byte[] mappedIpv4(final byte[] address, final int wanted)
    {
        if (wanted == 4 && address.length == 16)
        {
            for (int i = 0; i < 10; i++)
            {
                if (address[i] != 0)
                {
                    return null;
                }
            }
            if (address[10] == (byte)0xFF && address[11] == (byte)0xFF)
            {
                return new byte[] {address[12], address[13], address[14], address[15]};
            }
        }
        return null;
    }

    @Override
    public String toString()
    {
        return text;
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof AddressBlock block && block.text.equals(text);
    }

    @Override
    public int hashCode()
    {
        return text.hashCode();
    }
}
