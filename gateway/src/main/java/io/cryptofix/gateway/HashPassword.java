package io.cryptofix.gateway;

import io.cryptofix.acceptor.PasswordHashes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code gateway hash-password}: reads a session's password on standard input (its first line) and
 * prints the bcrypt hash a session entry takes as {@code passwordHash}. The password is never echoed,
 * printed or kept.
 */
final class HashPassword
{
    private HashPassword()
    {
    }

    static int run(final InputStream in, final PrintStream out, final PrintStream err)
    {
        final char[] password;
        try
        {
            password = firstLine(in);
        }
        catch (final IOException e)
        {
            err.println("gateway hash-password: cannot read standard input: " + e.getMessage());
            return GatewayMain.BAD_INPUT;
        }
        try
        {
            out.println(PasswordHashes.hash(password));
            return GatewayMain.OK;
        }
        catch (final IllegalArgumentException e)
        {
            err.println("gateway hash-password: " + e.getMessage() + "; give the password on standard input, e.g. " +
                "bin/gateway hash-password < password.txt");
            return GatewayMain.BAD_INPUT;
        }
        finally
        {
            Arrays.fill(password, '\0');
        }
    }

    /** The first line, without its line end; what follows is ignored. */
    private static char[] firstLine(final InputStream in) throws IOException
    {
        final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        char[] line = new char[64];
        int length = 0;
        int c;
        while ((c = reader.read()) >= 0 && c != '\n')
        {
            if (length == line.length)
            {
                final char[] longer = Arrays.copyOf(line, line.length * 2);
                Arrays.fill(line, '\0');
                line = longer;
            }
            line[length++] = (char)c;
        }
        if (length > 0 && line[length - 1] == '\r')
        {
            length--;
        }
        final char[] password = Arrays.copyOf(line, length);
        Arrays.fill(line, '\0');
        return password;
    }
}
