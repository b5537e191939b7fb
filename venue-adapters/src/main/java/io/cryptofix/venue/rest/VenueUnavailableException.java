package io.cryptofix.venue.rest;

/**
 * A venue that cannot be used (missing or refused credentials, unreachable, unknown symbols). The
 * message is for operators and never contains a secret.
 */
public final class VenueUnavailableException extends RuntimeException
{
    public VenueUnavailableException(final String message)
    {
        super(message, null, false, false);
    }
}
