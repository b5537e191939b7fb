package io.cryptofix.acceptor;

/** Where refused logons are counted, by reason (e.g. {@code password}, {@code address}); any thread. */
@FunctionalInterface
public interface LogonRefusals
{
    LogonRefusals NONE = reason -> { };

    void refused(String reason);
}
