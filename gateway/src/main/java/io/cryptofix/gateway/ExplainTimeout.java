package io.cryptofix.gateway;

import io.cryptofix.config.Defaults;
import io.cryptofix.config.GatewayConfig;
import io.cryptofix.config.SessionConfig;
import io.cryptofix.config.TimeoutPolicy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gateway explain-timeout}: which timeout rule an order would get under a configuration, and
 * why, without starting anything.
 */
final class ExplainTimeout
{
    private static final List<String> OPTIONS = List.of("--config", "--session", "--venue", "--symbol", "--ord-type", "--tif");

    private ExplainTimeout()
    {
    }

    static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        final Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2)
        {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length)
            {
                return usage(err, "unknown option or missing value: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        final GatewayConfig config = options.containsKey("--config") ?
            GatewayMain.load(Path.of(options.get("--config")), err) : Defaults.config();
        if (config == null)
        {
            return GatewayMain.BAD_INPUT;
        }
        final String session = options.get("--session");
        final String symbol = options.get("--symbol");
        if (session == null || symbol == null)
        {
            return usage(err, "--session and --symbol are required");
        }
        String venue = options.get("--venue");
        if (venue == null)
        {
            venue = defaultVenue(config, session);
            if (venue == null)
            {
                return usage(err, "--venue is required: session " + session + " is not configured");
            }
        }
        final String ordType = options.getOrDefault("--ord-type", "2");
        final String timeInForce = options.getOrDefault("--tif", "0");
        if (ordType.length() != 1 || "1234J".indexOf(ordType.charAt(0)) < 0)
        {
            return usage(err, "--ord-type " + ordType + " is not an OrdType the gateway trades (1, 2, 3, 4, J)");
        }
        if (timeInForce.length() != 1 || "01346".indexOf(timeInForce.charAt(0)) < 0)
        {
            return usage(err, "--tif " + timeInForce + " is not a TimeInForce the gateway trades (0, 1, 3, 4, 6)");
        }

        out.println("order: session " + session + ", venue " + venue + ", symbol " + symbol + ", OrdType " + ordType +
            ", TimeInForce " + timeInForce);
        for (final String line : new TimeoutPolicy(config.timeouts())
            .explain(session, venue, symbol, ordType.charAt(0), timeInForce.charAt(0)))
        {
            out.println(line);
        }
        return GatewayMain.OK;
    }

    private static String defaultVenue(final GatewayConfig config, final String session)
    {
        for (final SessionConfig configured : config.fix().sessions())
        {
            if (configured.targetCompId().equals(session))
            {
                return configured.defaultVenue();
            }
        }
        return null;
    }

    private static int usage(final PrintStream err, final String problem)
    {
        err.println("gateway explain-timeout: " + problem);
        err.println("usage: gateway explain-timeout [--config FILE] --session COMPID --symbol BASE/QUOTE " +
            "[--venue ID] [--ord-type 1|2|3|4|J] [--tif 0|1|3|4|6]");
        return GatewayMain.BAD_INPUT;
    }
}
