package io.cryptofix.gateway;

import io.cryptofix.config.CredentialsStoreConfig;
import io.cryptofix.config.Defaults;
import io.cryptofix.config.GatewayConfig;
import io.cryptofix.config.VenueAccount;
import io.cryptofix.config.VenueConfig;
import io.cryptofix.venue.VenueAdapters;
import io.cryptofix.venue.rest.Credentials;
import io.cryptofix.venue.rest.CredentialsStore;
import io.cryptofix.venue.rest.StorePassword;
import io.cryptofix.venue.rest.VenueUnavailableException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * {@code gateway credentials set|list|remove}: the venue keys in the encrypted store the configuration
 * names ({@code credentials.store}, {@code <dataDir>/credentials.p12} by default), opened with the
 * password from {@code credentials.passwordFile} or the variable {@code credentials.passwordEnv}. Keys
 * come in on standard input in the format of a venue's {@code credentialsFile}; nothing printed ever
 * holds a key, a secret or a passphrase. Exit codes: 0 done, 1 failed (a wrong password, a file that
 * cannot be read or written), 2 bad usage or input.
 */
final class CredentialsCommand
{
    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: gateway credentials set --venue ID [--account NAME] [--config FILE]   (keys on standard input:",
        "           apiKey=..., secretKey=..., passphrase=... where the venue has one)",
        "       gateway credentials list [--config FILE]",
        "       gateway credentials remove --venue ID [--account NAME] [--config FILE]",
        "the store's password: credentials.passwordFile, else the variable credentials.passwordEnv " +
        "($" + CredentialsStoreConfig.DEFAULT_PASSWORD_ENV + " by default)");
    private static final List<String> KEYS = List.of("apiKey", "secretKey", "passphrase");

    private CredentialsCommand()
    {
    }

    /**
     * @param in           where {@code set} reads the keys.
     * @param environment  where the store's password may be, e.g. {@code System::getenv}.
     */
    static int run(
        final String[] args, final InputStream in, final PrintStream out, final PrintStream err,
        final UnaryOperator<String> environment)
    {
        final String verb = args.length < 2 ? null : args[1];
        if (!"set".equals(verb) && !"list".equals(verb) && !"remove".equals(verb))
        {
            return usage(err, verb == null ? "set, list or remove?" : "unknown request " + verb);
        }
        String venueId = null;
        String account = null;
        String configFile = null;
        for (int i = 2; i < args.length; i += 2)
        {
            if (i + 1 >= args.length)
            {
                return usage(err, "unknown option or missing value: " + args[i]);
            }
            switch (args[i])
            {
                case "--venue" -> venueId = args[i + 1];
                case "--account" -> account = args[i + 1];
                case "--config" -> configFile = args[i + 1];
                default ->
                {
                    return usage(err, "unknown option " + args[i]);
                }
            }
        }
        if ("list".equals(verb) ? venueId != null || account != null : venueId == null)
        {
            return usage(err, "list".equals(verb) ? "list takes no --venue or --account" : verb + " needs --venue ID");
        }
        final GatewayConfig config = configFile == null ? Defaults.config() : GatewayMain.load(Path.of(configFile), err);
        if (config == null)
        {
            return GatewayMain.BAD_INPUT;
        }
        final CredentialsStoreConfig storeConfig = config.credentials();
        if (storeConfig == null || storeConfig.store() == null)
        {
            err.println("gateway credentials: the configuration names no credentials store (credentials.store)");
            return GatewayMain.BAD_INPUT;
        }
        final String route = venueId == null ? null :
            account == null ? venueId : VenueAdapters.accountRoute(venueId, account);
        if ("set".equals(verb))
        {
            final String refused = refusedRoute(config, venueId, account);
            if (refused != null)
            {
                err.println("gateway credentials: " + refused);
                return GatewayMain.BAD_INPUT;
            }
        }
        final char[] password;
        try
        {
            password = StorePassword.read(storeConfig, environment);
        }
        catch (final VenueUnavailableException e)
        {
            err.println("gateway credentials: " + e.getMessage());
            return GatewayMain.FAILED;
        }
        if (password == null)
        {
            err.println("gateway credentials: no password for the credentials store " + storeConfig.store() + ": " +
                StorePassword.where(storeConfig) + (storeConfig.passwordFile() == null ? " is not set" : " is empty"));
            return GatewayMain.BAD_INPUT;
        }
        try
        {
            final CredentialsStore store = new CredentialsStore(storeConfig.store(), password);
            return switch (verb)
            {
                case "set" -> set(store, storeConfig.store(), config.venues().get(venueId), account, route, in, out, err);
                case "list" -> list(store, storeConfig.store(), config, out, err);
                default -> remove(store, storeConfig.store(), route, out, err);
            };
        }
        catch (final VenueUnavailableException | IllegalStateException e)
        {
            // a wrong password, a file others may read, a store that cannot be written: named, never a key
            err.println("gateway credentials: " + e.getMessage());
            return GatewayMain.FAILED;
        }
        finally
        {
            Arrays.fill(password, '\0');
        }
    }

    private static int set(
        final CredentialsStore store, final Path file, final VenueConfig venue, final String account, final String route,
        final InputStream in, final PrintStream out, final PrintStream err)
    {
        final Properties keys = new Properties();
        try
        {
            keys.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        catch (final IOException | IllegalArgumentException e)
        {
            err.println("gateway credentials: standard input cannot be read as apiKey=... lines (" +
                e.getClass().getSimpleName() + ")");
            return GatewayMain.BAD_INPUT;
        }
        // a line without '=' reads as a name with no value: it may be a bare secret, so it is never echoed
        if (!KEYS.containsAll(keys.stringPropertyNames()))
        {
            err.println("gateway credentials: standard input has a line other than apiKey=..., secretKey=... or " +
                "passphrase=... (not shown: it may hold a key)");
            return GatewayMain.BAD_INPUT;
        }
        final String apiKey = value(keys, "apiKey");
        final String secretKey = value(keys, "secretKey");
        final String passphrase = value(keys, "passphrase");
        if (apiKey == null || secretKey == null)
        {
            err.println("gateway credentials: " + route + ": standard input needs apiKey=... and secretKey=... " +
                "(missing: " + (apiKey == null ? secretKey == null ? "apiKey, secretKey" : "apiKey" : "secretKey") +
                "), e.g. bin/gateway credentials set --venue " + venue.id() + " < keys.properties");
            return GatewayMain.BAD_INPUT;
        }
        final boolean withPassphrase = VenueConfig.TYPE_COINBASE.equals(venue.type()) ||
            VenueConfig.TYPE_OKX.equals(venue.type());
        if (withPassphrase && passphrase == null)
        {
            err.println("gateway credentials: " + route + ": a " + venue.type() + " venue signs with a passphrase " +
                "too: add passphrase=... on standard input");
            return GatewayMain.BAD_INPUT;
        }
        store.put(route, new Credentials(apiKey, secretKey, passphrase));
        out.println(route + ": keys stored in " + file);
        final Path credentialsFile = account == null ? venue.exchange().credentialsFile() :
            venue.forAccount(venue.accounts().get(account)).exchange().credentialsFile();
        if (credentialsFile != null)
        {
            err.println("gateway credentials: note: " + route + " has a credentialsFile (" + credentialsFile +
                "), which is read instead of the store while it is configured");
        }
        out.println("a running gateway takes them with: bin/gateway admin reload-credentials --venue " + venue.id());
        return GatewayMain.OK;
    }

    private static int list(
        final CredentialsStore store, final Path file, final GatewayConfig config, final PrintStream out,
        final PrintStream err)
    {
        final List<CredentialsStore.Entry> entries = store.list();
        if (entries.isEmpty())
        {
            err.println("gateway credentials: no keys in " + file);
            return GatewayMain.OK;
        }
        final Set<String> configured = configuredRoutes(config);
        final int width = entries.stream().mapToInt(entry -> entry.route().length()).max().orElse(0);
        for (final CredentialsStore.Entry entry : entries)
        {
            final StringBuilder line = new StringBuilder(entry.route())
                .append(" ".repeat(width - entry.route().length() + 2))
                .append(String.join(" ", present(entry)));
            if (entry.setAt() != null)
            {
                line.append("  set ").append(entry.setAt().truncatedTo(ChronoUnit.SECONDS));
            }
            if (!configured.contains(entry.route()))
            {
                line.append("  (no such REST venue or account in the configuration)");
            }
            out.println(line);
        }
        return GatewayMain.OK;
    }

    private static int remove(
        final CredentialsStore store, final Path file, final String route, final PrintStream out, final PrintStream err)
    {
        if (!store.remove(route))
        {
            err.println("gateway credentials: " + file + " holds no keys for " + route);
            return GatewayMain.FAILED;
        }
        out.println(route + ": keys removed from " + file);
        out.println("a running gateway signs with the keys it has until it reloads them or restarts, then reads " +
            "its credentialsFile or environment variables");
        return GatewayMain.OK;
    }

    /** @return why keys cannot be set for the route, or null when they can. */
    private static String refusedRoute(final GatewayConfig config, final String venueId, final String account)
    {
        final VenueConfig venue = config.venues().get(venueId);
        if (venue == null || venue.exchange() == null)
        {
            final Set<String> rest = new TreeSet<>();
            config.venues().values().stream().filter(each -> each.exchange() != null).forEach(each -> rest.add(each.id()));
            return "'" + venueId + "' is not a configured venue with API keys (" +
                (rest.isEmpty() ? "the configuration has none; a simulated venue needs no keys" :
                "configured: " + String.join(", ", rest)) + ")";
        }
        if (account != null && !venue.accounts().containsKey(account))
        {
            return "'" + account + "' is not an account of venue " + venueId + " in the configuration (" +
                (venue.accounts().isEmpty() ? "it has none" : "its accounts: " + String.join(", ",
                new TreeSet<>(venue.accounts().keySet()))) + ")";
        }
        return null;
    }

    /** Every venue and account over REST, as the store names them (upper case). */
    private static Set<String> configuredRoutes(final GatewayConfig config)
    {
        final Set<String> routes = new TreeSet<>();
        for (final VenueConfig venue : config.venues().values())
        {
            if (venue.exchange() == null)
            {
                continue;
            }
            routes.add(venue.id().toUpperCase(Locale.ROOT));
            for (final VenueAccount account : venue.accounts().values())
            {
                routes.add(VenueAdapters.accountRoute(venue.id(), account.name()).toUpperCase(Locale.ROOT));
            }
        }
        return routes;
    }

    private static List<String> present(final CredentialsStore.Entry entry)
    {
        return KEYS.stream().filter(key -> switch (key)
        {
            case "apiKey" -> entry.apiKey();
            case "secretKey" -> entry.secretKey();
            default -> entry.passphrase();
        }).toList();
    }

    private static String value(final Properties keys, final String name)
    {
        final String value = keys.getProperty(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int usage(final PrintStream err, final String problem)
    {
        err.println("gateway credentials: " + problem);
        err.println(USAGE);
        return GatewayMain.BAD_INPUT;
    }
}
