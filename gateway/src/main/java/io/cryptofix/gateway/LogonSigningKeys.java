package io.cryptofix.gateway;

import io.cryptofix.config.FixConfig;
import io.cryptofix.config.SessionConfig;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The keys signing sessions sign their Logon with, read at start from the environment variables
 * their {@code signingKeyEnv} names (base64). A key that is missing or not base64 refuses the start,
 * naming the variable, never its value.
 */
final class LogonSigningKeys
{
    private LogonSigningKeys()
    {
    }

    /** @return CompID to key, for the sessions that sign their Logon. */
    static Map<String, byte[]> read(final FixConfig fix, final UnaryOperator<String> environment)
    {
        final Map<String, byte[]> keys = new HashMap<>();
        for (final SessionConfig session : fix.sessions())
        {
            final String variable = session.logon().signingKeyEnv();
            if (variable == null)
            {
                continue;
            }
            final String value = environment.apply(variable);
            if (value == null || value.isBlank())
            {
                throw new IllegalStateException("session " + session.targetCompId() + ": environment variable " +
                    variable + " (signingKeyEnv) is not set");
            }
            try
            {
                keys.put(session.targetCompId(), Base64.getDecoder().decode(value.trim()));
            }
            catch (final IllegalArgumentException e)
            {
                throw new IllegalStateException("session " + session.targetCompId() + ": environment variable " +
                    variable + " (signingKeyEnv) does not hold a base64 key");
            }
        }
        return Map.copyOf(keys);
    }
}
