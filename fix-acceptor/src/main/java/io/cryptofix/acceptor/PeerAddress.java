package io.cryptofix.acceptor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** The address part of the FIX engine's peer text ({@code /10.0.0.7:51234}, {@code [::1]:51234}). */
final class PeerAddress
{
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private PeerAddress()
    {
    }

    /** @return the address, or null when the text holds no address literal. */
    static InetAddress of(final String peer)
    {
        if (peer == null)
        {
            return null;
        }
        String text = peer.startsWith("/") ? peer.substring(1) : peer;
        final int slash = text.indexOf('/');
        if (slash >= 0)
        {
            // host name/address form: the address follows the slash
            text = text.substring(slash + 1);
        }
        if (text.startsWith("["))
        {
            final int end = text.indexOf(']');
            text = end < 0 ? "" : text.substring(1, end);
        }
        else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') >= 0)
        {
            // IPv4 with its port
            text = text.substring(0, text.indexOf(':'));
        }
        else if (text.chars().filter(c -> c == ':').count() == 8)
        {
            // a full IPv6 address followed by its port, without brackets
            text = text.substring(0, text.lastIndexOf(':'));
        }
        if (text.isEmpty() || !LITERAL.matcher(text).matches())
        {
            return null;
        }
        try
        {
            // a literal: no name lookup
            return InetAddress.getByName(text);
        }
        catch (final UnknownHostException e)
        {
            return null;
        }
    }
}
