package io.cryptofix.venue.rest;

import java.util.function.Function;

/**
 * A venue's signer, made again from the secret whenever the keys rotate. Each request takes
 * {@link #current()} once and signs and sends with what it got, so its API key, signature and
 * passphrase always belong together.
 *
 * @param <S> the venue's signer, e.g. XChange's {@code ParamsDigest}.
 */
public final class SigningKey<S>
{
    private final VenueKeys keys;
    private final Function<String, S> signerOf;
    private volatile Signing<S> current;

    /** The API key, the signer of its secret, and the passphrase, as one. */
    public record Signing<S>(Credentials credentials, S signer)
    {
        public String apiKey()
        {
            return credentials.apiKey();
        }

        public String passphrase()
        {
            return credentials.passphrase();
        }

        @Override
        public String toString()
        {
            return "Signing[hidden]";
        }
    }

    /**
     * @param signerOf  makes the signer from a secret key.
     */
    public SigningKey(final VenueKeys keys, final Function<String, S> signerOf)
    {
        this.keys = keys;
        this.signerOf = signerOf;
        keys.check(credentials -> signerOf.apply(credentials.secretKey()));
    }

    public Signing<S> current()
    {
        final Credentials credentials = keys.current();
        Signing<S> signing = current;
        if (signing == null || signing.credentials() != credentials)
        {
            // two threads may both make it after a rotation; either signer signs alike
            signing = new Signing<>(credentials, signerOf.apply(credentials.secretKey()));
            current = signing;
        }
        return signing;
    }
}
