package io.cryptofix.config;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The Prometheus text endpoint, served at {@code http://bindAddress:port/metrics}.
 *
 * @param enabled          false: no metrics endpoint at all.
 * @param bindAddress      the address it listens on; loopback by default.
 * @param port             its TCP port.
 * @param tokenEnv         the environment variable holding the bearer token a scrape must send
 *                         ({@code Authorization: Bearer <token>}); null: no token asked for. The file
 *                         holds no secret.
 * @param publishBalances  true: each venue account's free balances are published
 *                         ({@code cryptofix_venue_balance}); false (the default): they are neither read
 *                         nor shown, for they tell anyone who can scrape what the firm holds.
 */
public record MetricsConfig(boolean enabled, String bindAddress, int port, String tokenEnv, boolean publishBalances)
{
    /** A token shorter than this is too easy to guess; the admin API asks as much of its own. */
    public static final int MIN_TOKEN_LENGTH = AdminConfig.MIN_TOKEN_LENGTH;

    /**
     * Reads the bearer token from the environment, as the gateway does when it starts.
     *
     * @param environment  e.g. {@code System::getenv}.
     * @return the token, or null when none is configured.
     * @throws ConfigException when the variable is unset or holds a token too short to be safe; the
     *     message names the variable, never the value.
     */
    public String tokenValue(final UnaryOperator<String> environment) throws ConfigException
    {
        if (tokenEnv == null)
        {
            return null;
        }
        final String value = environment.apply(tokenEnv);
        if (value == null || value.isBlank())
        {
            throw new ConfigException("metrics token", List.of("metrics.tokenEnv: environment variable " + tokenEnv +
                " is not set (allowed: a token of at least " + MIN_TOKEN_LENGTH + " characters in it)"));
        }
        if (value.strip().length() < MIN_TOKEN_LENGTH)
        {
            throw new ConfigException("metrics token", List.of("metrics.tokenEnv: the token in " + tokenEnv + " has " +
                value.strip().length() + " characters (allowed: at least " + MIN_TOKEN_LENGTH + ")"));
        }
        return value.strip();
    }
}
