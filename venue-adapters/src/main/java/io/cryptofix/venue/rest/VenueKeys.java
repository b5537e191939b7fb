package io.cryptofix.venue.rest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The keys a venue (or venue account) signs with now, and where they are read again when an operator
 * rotates them. A request reads them once, before it is signed ({@link SigningKey}): one already signed
 * goes out with the key it was signed with, the next one takes the new key.
 */
public final class VenueKeys
{
    private final Supplier<Credentials> source;
    // each signer's maker, tried on new keys before they are taken: a secret a signer cannot use is refused
    private final List<Consumer<Credentials>> checks = new CopyOnWriteArrayList<>();
    private volatile Credentials current;

    /**
     * @param source  reads the keys from where the configuration keeps them (the credentials file,
     *                the store, the environment); throws {@link VenueUnavailableException} when it cannot.
     */
    public VenueKeys(final Supplier<Credentials> source)
    {
        this.source = source;
        this.current = source.get();
    }

    /** Keys that never change: tests, and tools that sign once. */
    public static VenueKeys fixed(final String apiKey, final String secretKey, final String passphrase)
    {
        final Credentials credentials = new Credentials(apiKey, secretKey, passphrase);
        return new VenueKeys(() -> credentials);
    }

    public Credentials current()
    {
        return current;
    }

    /** A check new keys must pass before they are taken, e.g. that a signer can be made of the secret. */
    void check(final Consumer<Credentials> check)
    {
        checks.add(check);
    }

    /**
     * Reads the keys again; on a problem the keys in use stay.
     *
     * @return true when they changed.
     * @throws VenueUnavailableException when they cannot be read; the message names where, never a value.
     */
    public boolean reload()
    {
        final Credentials next = source.get();
        final boolean changed = !next.equals(current);
        if (changed)
        {
            for (final Consumer<Credentials> check : checks)
            {
                try
                {
                    check.accept(next);
                }
                catch (final RuntimeException e)
                {
                    // the exception's message could quote the secret: only its kind is told
                    throw new VenueUnavailableException("the new secret cannot sign requests (" +
                        e.getClass().getSimpleName() + ")");
                }
            }
            current = next;
        }
        return changed;
    }

    @Override
    public String toString()
    {
        return "VenueKeys[hidden]";
    }
}
