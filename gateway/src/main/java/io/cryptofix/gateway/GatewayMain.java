package io.cryptofix.gateway;

import io.cryptofix.acceptor.SessionEvents;
import io.cryptofix.config.ConfigException;
import io.cryptofix.config.ConfigLoader;
import io.cryptofix.config.Defaults;
import io.cryptofix.config.GatewayConfig;
import org.agrona.concurrent.ShutdownSignalBarrier;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * The command line: {@code gateway run [--config FILE]}, {@code gateway check-config FILE},
 * {@code gateway explain-timeout ...}, {@code gateway audit ...}, {@code gateway admin ...},
 * {@code gateway credentials ...} and {@code gateway hash-password}.
 * Exit codes: 0 ok, 1 runtime failure, 2 bad usage or bad configuration. Errors are one clear
 * message, never a stack trace.
 */
public final class GatewayMain
{
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: gateway run [--config FILE]      start the gateway (embedded defaults without --config)",
        "       gateway check-config FILE        validate a configuration file and exit",
        "       gateway explain-timeout [--config FILE] --session COMPID --symbol BASE/QUOTE",
        "               [--venue ID] [--ord-type 1|2|3|4|J] [--tif 0|1|3|4|6]",
        "                                        which timeout rule an order gets, and why",
        "       gateway audit [--config FILE] [--session COMPID] [--from TIME] [--to TIME] [--format text|json]",
        "               [--source archive|postgres]",
        "                                        the FIX messages received and sent (archive: gateway stopped)",
        "       gateway audit order CLORDID [--config FILE] [--format text|json] [--source archive|postgres]",
        "                                        the FIX messages of one order, through replaces and cancels",
        "       gateway audit admin [--config FILE] [--format text|json]",
        "                                        the operators' actions and the gateway's trips, from the admin journal",
        "       gateway admin status|halt|reduce|resume|kill [--session COMPID | --venue ID | --all]",
        "               [--reason TEXT] [--config FILE]",
        "                                        the running gateway's trading states and kill switch (admin API)",
        "       gateway admin reload-credentials --venue ID [--config FILE]",
        "                                        the running gateway reads the venue's keys again (admin API)",
        "       gateway credentials set --venue ID [--account NAME] [--config FILE]",
        "                                        keep a venue's keys, read on standard input (apiKey=...,",
        "                                        secretKey=..., passphrase=...), in the encrypted store",
        "       gateway credentials list [--config FILE]",
        "                                        which venues have keys in the store, and since when (never a value)",
        "       gateway credentials remove --venue ID [--account NAME] [--config FILE]",
        "                                        forget a venue's keys in the store",
        "       gateway hash-password            read a session password on standard input, print its bcrypt",
        "                                        hash for the session's passwordHash",
        "       gateway help                     show this text");

    private GatewayMain()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(run(args, System.out, System.err));
    }

    static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0]) || "-h".equals(args[0]))
        {
            out.println(USAGE);
            return args.length == 0 ? BAD_INPUT : OK;
        }
        switch (args[0])
        {
            case "run":
                if (args.length == 1)
                {
                    return runGateway(Defaults.config(), "embedded defaults", null, out, err);
                }
                if (args.length == 3 && "--config".equals(args[1]))
                {
                    final GatewayConfig config = load(Path.of(args[2]), err);
                    return config == null ? BAD_INPUT : runGateway(config, args[2], Path.of(args[2]), out, err);
                }
                break;

            case "check-config":
                if (args.length == 2)
                {
                    final GatewayConfig config = load(Path.of(args[1]), err);
                    if (config == null)
                    {
                        return BAD_INPUT;
                    }
                    out.println(args[1] + ": configuration is valid");
                    out.println(ConfigLoader.describe(config));
                    return OK;
                }
                break;

            case "explain-timeout":
                return ExplainTimeout.run(args, out, err);

            case "audit":
                return Audit.run(args, out, err);

            case "admin":
                return AdminCommand.run(args, out, err, System::getenv);

            case "credentials":
                return CredentialsCommand.run(args, System.in, out, err, System::getenv);

            case "hash-password":
                if (args.length == 1)
                {
                    return HashPassword.run(System.in, out, err);
                }
                break;

            default:
                break;
        }
        err.println("gateway: unknown arguments: " + String.join(" ", args));
        err.println(USAGE);
        return BAD_INPUT;
    }

    static GatewayConfig load(final Path file, final PrintStream err)
    {
        try
        {
            return ConfigLoader.load(file);
        }
        catch (final ConfigException e)
        {
            err.println("gateway: invalid configuration " + file + ":");
            for (final String problem : e.problems())
            {
                err.println("  " + problem);
            }
            return null;
        }
    }

    /**
     * @param file  the configuration file, whose timeouts are reloaded when it changes; null for the defaults.
     */
    private static int runGateway(
        final GatewayConfig config, final String source, final Path file, final PrintStream out, final PrintStream err)
    {
        // the barrier holds the JVM's shutdown (SIGINT, SIGTERM) until it is closed, so the gateway
        // stops cleanly before the JVM exits; installed first, so that a signal during start waits too
        try (ShutdownSignalBarrier shutdown = new ShutdownSignalBarrier())
        {
            final Gateway gateway;
            try
            {
                gateway = Gateway.start(config, new PrintingSessionEvents(out));
            }
            catch (final RuntimeException e)
            {
                err.println("gateway: cannot start: " + describe(e));
                return FAILED;
            }

            out.println("cryptofix gateway running (" + source + ")");
            out.println(ConfigLoader.describe(config));
            out.println("FIX 4.4 acceptor listening on " + config.fix().bindAddress() + ":" + config.fix().port() +
                " as " + config.fix().senderCompId());
            out.println("state kept in " + config.dataDir().toAbsolutePath());
            printAdmin(config, gateway, out);
            final ConfigReloader reloader = file == null ? null : watch(file, config, gateway, out, err);
            gateway.reloadsFrom(reloader);
            out.println("press Ctrl-C to stop");

            shutdown.await();
            out.println("stopping");
            closeQuietly(reloader);
            gateway.close();
            out.println("stopped");
        }
        return OK;
    }

    private static void printAdmin(final GatewayConfig config, final Gateway gateway, final PrintStream out)
    {
        for (final TradingStateRestore.Restored state : gateway.restoredTradingStates())
        {
            out.println("trading state restored from the admin journal: " + ScopeRequest.word(state.scope()) +
                (state.name() == null ? "" : " " + state.name()) + " " + state.state() + " since " +
                Instant.ofEpochMilli(state.sinceMillis()) + ": " + state.reason());
        }
        if (gateway.adminPort() > 0)
        {
            out.println("admin API on " + config.admin().bindAddress() + ":" + gateway.adminPort() +
                (config.admin().tokens().isEmpty() ? ", token in " +
                config.dataDir().toAbsolutePath().resolve(AdminTokenFile.FILE_NAME) : ""));
        }
    }

    private static ConfigReloader watch(
        final Path file, final GatewayConfig config, final Gateway gateway, final PrintStream out, final PrintStream err)
    {
        try
        {
            final ConfigReloader reloader = new ConfigReloader(file, config, gateway::reloadTimeouts, gateway::reloadRisk,
                out::println);
            out.println("watching " + file + " for changes to its timeouts");
            return reloader;
        }
        catch (final java.io.IOException e)
        {
            err.println("gateway: cannot watch " + file + " (timeouts take effect at the next start): " + e.getMessage());
            return null;
        }
    }

    private static void closeQuietly(final ConfigReloader reloader)
    {
        if (reloader != null)
        {
            try
            {
                reloader.close();
            }
            catch (final java.io.IOException e)
            {
                // stopping anyway
            }
        }
    }

    private static String describe(final Throwable e)
    {
        final StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        while (cause != null)
        {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage()))
            {
                message.append(": ").append(cause.getMessage());
            }
            cause = cause.getCause();
        }
        return message.toString();
    }

    private static final class PrintingSessionEvents implements SessionEvents
    {
        private final PrintStream out;

        PrintingSessionEvents(final PrintStream out)
        {
            this.out = out;
        }

        @Override
        public void onLogon(final String clientCompId, final long sessionId)
        {
            out.println(now() + " session " + clientCompId + " logged on");
        }

        @Override
        public void onLogout(final String clientCompId, final long sessionId, final String reason)
        {
            out.println(now() + " session " + clientCompId + " logged out (" + reason.toLowerCase() + ")");
        }

        private static LocalTime now()
        {
            return LocalTime.now().truncatedTo(ChronoUnit.MILLIS);
        }
    }
}
