package io.cryptofix.venue.rest;

import io.cryptofix.config.CredentialsStoreConfig;
import io.cryptofix.config.ExchangeVenueConfig;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A venue's API key and secret, read at start (and again when an operator rotates them) from the
 * credentials file, the credentials store or the environment variables its configuration names.
 * Never printed: {@link #toString()} hides them, and every message about them names only where they
 * were looked for.
 *
 * @param apiKey     the API key.
 * @param secretKey  the secret the requests are signed with.
 * @param passphrase the API passphrase where the venue has one (Coinbase), else null.
 */
public record Credentials(String apiKey, String secretKey, String passphrase)
{
    /**
     * @param environment  the environment, e.g. {@code System::getenv}.
     * @throws VenueUnavailableException when a key is missing or the file cannot be read.
     */
    public static Credentials load(final String venueId, final ExchangeVenueConfig config, final UnaryOperator<String> environment)
    {
        return load(venueId, config, null, environment, false);
    }

    /**
     * Reads a venue's keys from where its configuration keeps them: its {@code credentialsFile} when it
     * names one, else the credentials store when the store holds keys for the venue, else the
     * environment variables it names.
     *
     * @param venueId         the venue, or {@code VENUE/ACCOUNT} for an account's keys.
     * @param store           the encrypted store of venue keys; null: none.
     * @param withPassphrase  whether the venue needs an API passphrase too.
     * @throws VenueUnavailableException when a key is missing or cannot be read.
     */
    public static Credentials load(
        final String venueId, final ExchangeVenueConfig config, final CredentialsStoreConfig store,
        final UnaryOperator<String> environment, final boolean withPassphrase)
    {
        if (config.credentialsFile() != null)
        {
            return fromFile(venueId, config.credentialsFile(), withPassphrase);
        }
        if (store != null && store.store() != null && CredentialsStore.holds(store.store(), venueId))
        {
            return fromStore(venueId, store, environment, withPassphrase);
        }
        return new Credentials(
            required(venueId, environment.apply(config.apiKeyEnv()), "environment variable " + config.apiKeyEnv()),
            required(venueId, environment.apply(config.secretKeyEnv()), "environment variable " + config.secretKeyEnv()),
            withPassphrase ? required(venueId, environment.apply(config.passphraseEnv()),
                "environment variable " + config.passphraseEnv()) : null);
    }

    private static Credentials fromFile(final String venueId, final Path file, final boolean withPassphrase)
    {
        refuseIfOthersMayRead("venue " + venueId + ": credentials file", file);
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file))
        {
            properties.load(reader);
        }
        catch (final IOException e)
        {
            throw new VenueUnavailableException("venue " + venueId + ": credentials file " + file +
                " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return new Credentials(
            required(venueId, properties.getProperty("apiKey"), "apiKey in " + file),
            required(venueId, properties.getProperty("secretKey"), "secretKey in " + file),
            withPassphrase ? required(venueId, properties.getProperty("passphrase"), "passphrase in " + file) : null);
    }

    private static Credentials fromStore(
        final String venueId, final CredentialsStoreConfig store, final UnaryOperator<String> environment,
        final boolean withPassphrase)
    {
        final char[] password = StorePassword.read(store, environment);
        if (password == null)
        {
            throw new VenueUnavailableException("venue " + venueId + ": credentials store " + store.store() +
                " holds its keys but no password is given (" + StorePassword.where(store) + " is not set)");
        }
        final Credentials credentials = new CredentialsStore(store.store(), password).read(venueId);
        Arrays.fill(password, '\0');
        if (credentials == null)
        {
            throw new VenueUnavailableException("venue " + venueId + ": no API credentials: the credentials store " +
                store.store() + " has none for it");
        }
        if (withPassphrase && credentials.passphrase() == null)
        {
            throw new VenueUnavailableException("venue " + venueId + ": no API credentials: the credentials store " +
                store.store() + " has no passphrase for it (bin/gateway credentials set --venue " + venueId + ")");
        }
        return withPassphrase ? credentials : new Credentials(credentials.apiKey(), credentials.secretKey(), null);
    }

    /**
     * A credentials file that its group or others may read is refused, as ssh refuses such a private key:
     * the keys in it may already be known beyond the gateway's user.
     */
    static void refuseIfOthersMayRead(final String what, final Path file)
    {
        final Set<PosixFilePermission> permissions;
        try
        {
            permissions = Files.getPosixFilePermissions(file);
        }
        catch (final UnsupportedOperationException e)
        {
            // not a POSIX file system: nothing to check by these rules
            return;
        }
        catch (final IOException e)
        {
            throw new VenueUnavailableException(what + " " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        for (final PosixFilePermission permission : permissions)
        {
            if (permission != PosixFilePermission.OWNER_READ && permission != PosixFilePermission.OWNER_WRITE &&
                permission != PosixFilePermission.OWNER_EXECUTE)
            {
                throw new VenueUnavailableException(what + " " + file + " may be read or changed by others (" + PosixFilePermissions.toString(permissions) +
                    "); allow its owner only: chmod 600 " + file);
            }
        }
    }

    @Override
    public String toString()
    {
        return "Credentials[hidden]";
    }

    private static String required(final String venueId, final String value, final String where)
    {
        if (value == null || value.isBlank())
        {
            throw new VenueUnavailableException("venue " + venueId + ": no API credentials: " + where + " is not set");
        }
        return value.trim();
    }
}
