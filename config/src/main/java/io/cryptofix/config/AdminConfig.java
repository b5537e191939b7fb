package io.cryptofix.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The admin API: the HTTP endpoint operators use to halt, reduce, resume and kill trading and to see
 * the risk status, and who may do which.
 *
 * @param enabled      false: no admin endpoint at all.
 * @param bindAddress  the address it listens on; loopback by default, for it can stop all trading.
 * @param port         its TCP port; 0 takes any free port (tests).
 * @param tokens       token name to its role and the environment variable holding it; empty: the gateway
 *                     makes its own risk-officer token in {@code <dataDir>/admin-token}.
 */
public record AdminConfig(boolean enabled, String bindAddress, int port, Map<String, Token> tokens)
{
    /** A token shorter than this is too easy to guess for an endpoint that can stop all trading. */
    public static final int MIN_TOKEN_LENGTH = 16;

    public AdminConfig
    {
        // in the file's order, for the summary and the problems
        tokens = Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
    }

    /**
     * What a token's holder may do; each role may do all that the roles before it may.
     */
    public enum Role
    {
        /** Reads the status. */
        VIEWER("viewer"),
        /** Also halts, reduces and kills: whatever stops risk from growing. */
        OPERATOR("operator"),
        /** Also resumes trading and reloads the configuration: whatever lets risk grow again. */
        RISK_OFFICER("risk-officer");

        private final String configName;

        Role(final String configName)
        {
            this.configName = configName;
        }

        public String configName()
        {
            return configName;
        }

        /** @return whether this role may do what {@code needed} may. */
        public boolean allows(final Role needed)
        {
            return ordinal() >= needed.ordinal();
        }

        /** @return the role of that name in the configuration, or null. */
        public static Role of(final String configName)
        {
            for (final Role role : values())
            {
                if (role.configName.equals(configName))
                {
                    return role;
                }
            }
            return null;
        }
    }

    /**
     * @param tokenEnv  the environment variable whose value is the token; the file holds no secret.
     */
    public record Token(Role role, String tokenEnv)
    {
    }

    /**
     * Reads each configured token from the environment, as the gateway does when it starts.
     *
     * @param environment  e.g. {@code System::getenv}.
     * @return token name to its value, in the file's order.
     * @throws ConfigException naming each token whose variable is unset or too short to be safe.
     */
    public Map<String, String> tokenValues(final UnaryOperator<String> environment) throws ConfigException
    {
        final Map<String, String> values = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();
        tokens.forEach((name, token) ->
        {
            final String value = environment.apply(token.tokenEnv());
            if (value == null || value.isBlank())
            {
                problems.add("admin.tokens." + name + ".tokenEnv: environment variable " + token.tokenEnv() +
                    " is not set (allowed: a token of at least " + MIN_TOKEN_LENGTH + " characters in it)");
            }
            else if (value.strip().length() < MIN_TOKEN_LENGTH)
            {
                // the value itself is a secret: only its length is said
                problems.add("admin.tokens." + name + ".tokenEnv: the token in " + token.tokenEnv() + " has " +
                    value.strip().length() + " characters (allowed: at least " + MIN_TOKEN_LENGTH + ")");
            }
            else
            {
                values.put(name, value.strip());
            }
        });
        if (!problems.isEmpty())
        {
            throw new ConfigException("admin tokens", problems);
        }
        return values;
    }
}
