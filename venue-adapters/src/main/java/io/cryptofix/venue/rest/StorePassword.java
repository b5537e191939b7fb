package io.cryptofix.venue.rest;

import io.cryptofix.config.CredentialsStoreConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.UnaryOperator;

/**
 * The credentials store's password, from the file the configuration names (its first line) or else
 * from the environment variable. A regular file its group or others may read is refused; a pipe or
 * a file descriptor ({@code /dev/fd/3}) is read as it is.
 */
public final class StorePassword
{
    private StorePassword()
    {
    }

    /**
     * @return the password, or null when neither the file nor the variable gives one.
     * @throws VenueUnavailableException when the password file cannot be read or others may read it.
     */
    public static char[] read(final CredentialsStoreConfig config, final UnaryOperator<String> environment)
    {
        if (config.passwordFile() != null)
        {
            if (Files.isRegularFile(config.passwordFile()))
            {
                Credentials.refuseIfOthersMayRead("credentials store password file", config.passwordFile());
            }
            try (BufferedReader reader = Files.newBufferedReader(config.passwordFile(), StandardCharsets.UTF_8))
            {
                final String line = reader.readLine();
                return line == null || line.isEmpty() ? null : line.toCharArray();
            }
            catch (final IOException e)
            {
                throw new VenueUnavailableException("credentials store password file " + config.passwordFile() +
                    " cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        }
        final String value = config.passwordEnv() == null ? null : environment.apply(config.passwordEnv());
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }

    /** Where the password is looked for, for messages: never the password. */
    public static String where(final CredentialsStoreConfig config)
    {
        return config.passwordFile() != null ? "credentials.passwordFile " + config.passwordFile() :
            "environment variable " + config.passwordEnv();
    }
}
