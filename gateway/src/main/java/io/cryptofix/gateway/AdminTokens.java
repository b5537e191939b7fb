package io.cryptofix.gateway;

import io.cryptofix.config.AdminConfig;
import io.cryptofix.config.AdminConfig.Role;
import io.cryptofix.config.ConfigException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Who holds which admin token, and in which role: the configured tokens, read from the environment
 * at start, or else the gateway's own in {@code <dataDir>/admin-token}. A token is compared with
 * every known one in constant time, so the time of an answer tells nothing of how close a guess was.
 */
final class AdminTokens
{
    private static final String BEARER = "Bearer ";

    private final List<Holder> holders;

    /** Someone whose token the gateway knows. */
    record Caller(String name, Role role)
    {
    }

    private record Holder(Caller caller, byte[] token)
    {
    }

    private AdminTokens(final List<Holder> holders)
    {
        this.holders = holders;
    }

    /**
     * @param environment  where the configured tokens' values are read, e.g. {@code System::getenv}.
     * @throws IllegalStateException naming each configured token that is unset or too short, or when the
     *     token file cannot be made or read.
     */
    static AdminTokens load(final AdminConfig admin, final Path dataDir, final UnaryOperator<String> environment)
    {
        if (admin.tokens().isEmpty())
        {
            return of(Map.of(AdminTokenFile.HOLDER,
                new Held(Role.RISK_OFFICER, AdminTokenFile.readOrCreate(dataDir))));
        }
        final Map<String, String> values;
        try
        {
            values = admin.tokenValues(environment);
        }
        catch (final ConfigException e)
        {
            throw new IllegalStateException("admin tokens: " + String.join("; ", e.problems()), e);
        }
        final Map<String, Held> held = new LinkedHashMap<>();
        values.forEach((name, value) -> held.put(name, new Held(admin.tokens().get(name).role(), value)));
        return of(held);
    }

    /** A token and its role, by its holder's name. */
    record Held(Role role, String token)
    {
    }

    static AdminTokens of(final Map<String, Held> tokens)
    {
        final List<Holder> holders = new ArrayList<>();
        tokens.forEach((name, held) ->
            holders.add(new Holder(new Caller(name, held.role()), held.token().getBytes(StandardCharsets.UTF_8))));
        return new AdminTokens(List.copyOf(holders));
    }

    /**
     * @param authorization  the request's Authorization header; null when it has none.
     * @return who holds the bearer token, or null when there is none or nobody holds it.
     */
    Caller caller(final String authorization)
    {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()))
        {
            return null;
        }
        final byte[] presented = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        Caller found = null;
        // every token is compared, the match or not, so that the time taken does not tell which matched
        for (final Holder holder : holders)
        {
            if (MessageDigest.isEqual(holder.token(), presented))
            {
                found = holder.caller();
            }
        }
        return found;
    }
}
