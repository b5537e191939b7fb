package io.cryptofix.venue.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.spec.SecretKeySpec;

/**
 * Venue API keys at rest in a PKCS#12 keystore through the JDK's {@link KeyStore}: each key, secret and
 * passphrase a secret-key entry of its own ({@code binance:apikey}, {@code binance/desk1:secretkey}),
 * encrypted under the store's password (the JDK's PKCS#12 defaults: PBES2 with AES-256 and an HMAC-SHA256
 * integrity check). A store with a wrong password, or one changed on disk by anyone without it, fails
 * its integrity check and is not read.
 *
 * <p>PKCS#12 aliases are not case-sensitive, so neither are the routes: {@code BINANCE} and
 * {@code binance} are one venue. Writes go to a new file moved over the old one, readable by its owner
 * only; a store readable by others is refused, as a plain credentials file is.
 */
public final class CredentialsStore
{
    private static final String TYPE = "PKCS12";
    private static final String API_KEY = "apikey";
    private static final String SECRET_KEY = "secretkey";
    private static final String PASSPHRASE = "passphrase";
    // the algorithm name a stored value goes by; the value is the text itself, kept as bytes
    private static final String ALGORITHM = "HmacSHA256";

    private final Path file;
    private final char[] password;

    /**
     * @param file      the keystore; it need not exist before the first {@link #put}.
     * @param password  the store's password.
     */
    public CredentialsStore(final Path file, final char[] password)
    {
        this.file = file;
        this.password = password.clone();
    }

    /** What the store holds for one venue or venue account, without its values. */
    public record Entry(String route, boolean apiKey, boolean secretKey, boolean passphrase, Instant setAt)
    {
    }

    /**
     * Whether the store holds keys for the route, read without the password (PKCS#12 names its entries
     * in the clear): a venue whose keys are not in the store goes on reading its environment.
     *
     * @param route  a venue id, or {@code VENUE/ACCOUNT}.
     */
    public static boolean holds(final Path file, final String route)
    {
        if (!Files.exists(file))
        {
            return false;
        }
        Credentials.refuseIfOthersMayRead("venue " + route + ": credentials store", file);
        try (InputStream in = Files.newInputStream(file))
        {
            final KeyStore keyStore = KeyStore.getInstance(TYPE);
            keyStore.load(in, null);
            return keyStore.containsAlias(alias(route, API_KEY));
        }
        catch (final IOException | GeneralSecurityException e)
        {
            throw new VenueUnavailableException("venue " + route + ": credentials store " + file +
                " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * @return the route's keys, or null when the store has none for it.
     * @throws VenueUnavailableException when the store cannot be read or its password is wrong.
     */
    public Credentials read(final String route)
    {
        final KeyStore keyStore = load(route);
        final String apiKey = value(keyStore, route, API_KEY);
        if (apiKey == null)
        {
            return null;
        }
        final String secretKey = value(keyStore, route, SECRET_KEY);
        if (secretKey == null)
        {
            throw new VenueUnavailableException("venue " + route + ": credentials store " + file +
                " has an API key but no secret for it");
        }
        return new Credentials(apiKey, secretKey, value(keyStore, route, PASSPHRASE));
    }

    /** Every route the store holds keys for, in alphabetical order, never a value. */
    public List<Entry> list()
    {
        final KeyStore keyStore = load(null);
        final Map<String, Entry> entries = new TreeMap<>();
        try
        {
            for (final String alias : Collections.list(keyStore.aliases()))
            {
                final int colon = alias.lastIndexOf(':');
                if (colon > 0)
                {
                    entries.computeIfAbsent(alias.substring(0, colon), route -> entry(keyStore, route));
                }
            }
        }
        catch (final GeneralSecurityException e)
        {
            throw unreadable(null, e);
        }
        return new ArrayList<>(entries.values());
    }

    /**
     * Keeps the route's keys, replacing any it had; a passphrase of null removes the one kept before.
     */
    public void put(final String route, final Credentials credentials)
    {
        final KeyStore keyStore = Files.exists(file) ? load(route) : empty();
        try
        {
            set(keyStore, route, API_KEY, credentials.apiKey());
            set(keyStore, route, SECRET_KEY, credentials.secretKey());
            set(keyStore, route, PASSPHRASE, credentials.passphrase());
        }
        catch (final GeneralSecurityException e)
        {
            throw new IllegalStateException("credentials store " + file + ": keys for " + route + " cannot be kept (" +
                e.getClass().getSimpleName() + ")");
        }
        write(keyStore);
    }

    /** @return false when the store held nothing for the route. */
    public boolean remove(final String route)
    {
        if (!Files.exists(file))
        {
            return false;
        }
        final KeyStore keyStore = load(route);
        boolean removed = false;
        try
        {
            for (final String name : List.of(API_KEY, SECRET_KEY, PASSPHRASE))
            {
                if (keyStore.containsAlias(alias(route, name)))
                {
                    keyStore.deleteEntry(alias(route, name));
                    removed = true;
                }
            }
        }
        catch (final GeneralSecurityException e)
        {
            throw unreadable(route, e);
        }
        if (removed)
        {
            write(keyStore);
        }
        return removed;
    }

    private Entry entry(final KeyStore keyStore, final String route)
    {
        try
        {
            final java.util.Date created = keyStore.getCreationDate(alias(route, API_KEY));
            return new Entry(route.toUpperCase(Locale.ROOT), keyStore.containsAlias(alias(route, API_KEY)),
                keyStore.containsAlias(alias(route, SECRET_KEY)), keyStore.containsAlias(alias(route, PASSPHRASE)),
                created == null ? null : created.toInstant());
        }
        catch (final GeneralSecurityException e)
        {
            throw unreadable(route, e);
        }
    }

    private KeyStore load(final String route)
    {
        if (!Files.exists(file))
        {
            return empty();
        }
        Credentials.refuseIfOthersMayRead(about(route) + "credentials store", file);
        try (InputStream in = Files.newInputStream(file))
        {
            final KeyStore keyStore = KeyStore.getInstance(TYPE);
            keyStore.load(in, password);
            return keyStore;
        }
        catch (final IOException e)
        {
            // a wrong password shows as an IOException whose cause is UnrecoverableKeyException
            throw new VenueUnavailableException(about(route) + "credentials store " + file + " cannot be read: " +
                (e.getCause() instanceof java.security.UnrecoverableKeyException ?
                "wrong password, or the file was changed without it" : e.getClass().getSimpleName()));
        }
        catch (final GeneralSecurityException e)
        {
            throw unreadable(route, e);
        }
    }

    private String value(final KeyStore keyStore, final String route, final String name)
    {
        try
        {
            final Key key = keyStore.getKey(alias(route, name), password);
            return key == null ? null : new String(key.getEncoded(), StandardCharsets.UTF_8);
        }
        catch (final GeneralSecurityException e)
        {
            throw unreadable(route, e);
        }
    }

    private void set(final KeyStore keyStore, final String route, final String name, final String value)
        throws GeneralSecurityException
    {
        final String alias = alias(route, name);
        if (value == null)
        {
            if (keyStore.containsAlias(alias))
            {
                keyStore.deleteEntry(alias);
            }
            return;
        }
        keyStore.setEntry(alias, new KeyStore.SecretKeyEntry(
            new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), ALGORITHM)), new KeyStore.PasswordProtection(password));
    }

    private void write(final KeyStore keyStore)
    {
        final Path directory = file.toAbsolutePath().getParent();
        Path next = null;
        try
        {
            Files.createDirectories(directory);
            next = Files.createTempFile(directory, file.getFileName().toString(), ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(next))
            {
                keyStore.store(out, password);
            }
            try
            {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (final AtomicMoveNotSupportedException | FileAlreadyExistsException e)
            {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (final IOException | GeneralSecurityException e)
        {
            throw new IllegalStateException("credentials store " + file + " cannot be written (" +
                e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        finally
        {
            if (next != null)
            {
                try
                {
                    Files.deleteIfExists(next);
                }
                catch (final IOException ignored)
                {
                    // the move took it, or there is nothing more to do about it
                }
            }
        }
    }

    private static KeyStore empty()
    {
        try
        {
            final KeyStore keyStore = KeyStore.getInstance(TYPE);
            keyStore.load(null, null);
            return keyStore;
        }
        catch (final IOException | GeneralSecurityException e)
        {
            throw new IllegalStateException("no PKCS#12 keystore in this JDK", e);
        }
    }

    private VenueUnavailableException unreadable(final String route, final Exception e)
    {
        return new VenueUnavailableException(about(route) + "credentials store " + file + " cannot be read (" +
            e.getClass().getSimpleName() + ")");
    }

    private static String about(final String route)
    {
        return route == null ? "" : "venue " + route + ": ";
    }

    private static String alias(final String route, final String name)
    {
        return route.toLowerCase(Locale.ROOT) + ":" + name;
    }
}
