package io.cryptofix.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The startup summary of a configuration. It prints only what is safe to show: when secrets join the
 * model, they stay out of here.
 */
final class ConfigSummary
{
    private ConfigSummary()
    {
    }

    static String describe(final GatewayConfig config)
    {
        final FixConfig fix = config.fix();
        final MetricsConfig metrics = config.metrics();
        final List<String> lines = new ArrayList<>();
        lines.add("FIX acceptor: " + hostPort(fix.bindAddress(), fix.port()) + ", SenderCompID " + fix.senderCompId());
        lines.add("sessions: " + sessions(fix.sessions()));
        lines.add("metrics: " +
            (metrics.enabled() ? "http://" + hostPort(metrics.bindAddress(), metrics.port()) + "/metrics" : "disabled"));
        for (final Map.Entry<String, VenueConfig> venue : config.venues().entrySet())
        {
            final ExchangeVenueConfig exchange = venue.getValue().exchange();
            lines.add("venue " + venue.getKey() + " (" + venue.getValue().type() +
                (exchange == null ? "): " + String.join(", ", venue.getValue().instruments().keySet()) :
                " at " + exchange.baseUrl() + "): " + String.join(", ", exchange.symbols()) +
                ", rules loaded from the venue at start"));
        }
        lines.add("admin API: " + admin(config.admin()));
        lines.add("performance profile: " + config.performance().profile().configName());
        lines.add("system of record: " + systemOfRecord(config.store()));
        lines.add("data directory: " + config.dataDir());
        return String.join(System.lineSeparator(), lines);
    }

    private static String admin(final AdminConfig admin)
    {
        if (!admin.enabled())
        {
            return "disabled";
        }
        final List<String> tokens = new ArrayList<>();
        admin.tokens().forEach((name, token) ->
            tokens.add(name + " (" + token.role().configName() + ", $" + token.tokenEnv() + ")"));
        return "http://" + hostPort(admin.bindAddress(), admin.port()) + ", tokens: " +
            (tokens.isEmpty() ? "the gateway's own, in the data directory's admin-token" : String.join(", ", tokens));
    }

    private static String systemOfRecord(final StoreConfig store)
    {
        final PostgresConfig postgres = store.postgres();
        // the URL may be shown: a password in it is refused when the file is read
        return postgres == null ? "the order journal alone (no database)" :
            "PostgreSQL " + postgres.url() + " as " + postgres.user() + ", schema " + postgres.schema() +
            (postgres.passwordEnv() == null ? "" : ", password from $" + postgres.passwordEnv());
    }

    private static String sessions(final List<SessionConfig> sessions)
    {
        final List<String> described = new ArrayList<>();
        for (final SessionConfig session : sessions)
        {
            described.add(session.targetCompId() + " (default venue " + session.defaultVenue() +
                (session.resetOnLogon() ? ", ResetOnLogon" : "") +
                (session.cancelOnDisconnect() == null ? "" :
                ", cancel on disconnect after " + Durations.format(session.cancelOnDisconnect())) + ")");
        }
        return String.join(", ", described);
    }

    private static String hostPort(final String host, final int port)
    {
        // an IPv6 literal needs brackets before the port, as in a URL
        return (host != null && host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
