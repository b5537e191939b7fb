package io.cryptofix.venue.rest;

import io.cryptofix.config.CredentialsStoreConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The credentials store's password, from the file the configuration names (its first line) or else
 * from the environment variable. A regular file its group or others may read is refused; it is read
 * again each time, so a changed password file takes effect at the next rotation. A pipe or a file
 * descriptor ({@code /dev/fd/3}) can be read once in a process: what it gave is kept for the process's
 * later reads (each venue's start, each rotation).
 */
public final class StorePassword
{
    private static final Map<Path, char[]> READ_ONCE = new ConcurrentHashMap<>();

    private StorePassword()
    {
    }

    /**
     * @return the password, or null when neither the file nor the variable gives one.
     * @throws VenueUnavailableException when the password file cannot be read or others may read it.
     */
    public static char[] read(final CredentialsStoreConfig config, final UnaryOperator<String> environment)
    {
        final Path file = config.passwordFile();
        if (file != null)
        {
            if (Files.isRegularFile(file))
            {
                Credentials.refuseIfOthersMayRead("credentials store password file", file);
                return firstLine(file);
            }
            final char[] kept = READ_ONCE.get(file);
            if (kept != null)
            {
                return kept.clone();
            }
            final char[] password = firstLine(file);
            if (password != null)
            {
                READ_ONCE.putIfAbsent(file, password.clone());
            }
            return password;
        }
        final String value = config.passwordEnv() == null ? null : environment.apply(config.passwordEnv());
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }

    private static char[] firstLine(final Path file)
    {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            final String line = reader.readLine();
            return line == null || line.isEmpty() ? null : line.toCharArray();
        }
        catch (final IOException e)
        {
            throw new VenueUnavailableException("credentials store password file " + file +
                " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Where the password is looked for, for messages: never the password. */
    public static String where(final CredentialsStoreConfig config)
    {
        return config.passwordFile() != null ? "credentials.passwordFile " + config.passwordFile() :
            "environment variable " + config.passwordEnv();
    }
}
