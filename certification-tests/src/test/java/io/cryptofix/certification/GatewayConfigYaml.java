package io.cryptofix.certification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A gateway configuration file as a test writes it, in the keys of {@code config/examples/gateway.yaml}.
 * Only what the test sets is written; the rest takes the gateway's defaults, as in an operator's file.
 */
final class GatewayConfigYaml
{
    private final Path dataDir;
    private final int fixPort;
    private String fixBindAddress;
    private String senderCompId;
    private Integer logonTimeoutSeconds;
    private Integer maxPendingLogons;
    private final List<String> sessions = new ArrayList<>();
    private Boolean metricsEnabled;
    private String metricsBindAddress;
    private Integer metricsPort;
    private Boolean metricsPublishBalances;
    // any free port unless a test names one: no test takes the default 9465 another may be using
    private int adminPort;
    private Path credentialsPasswordFile;
    private SystemOfRecord systemOfRecord;
    private final List<Venue> venues = new ArrayList<>();
    private final Map<String, String> timeouts = new LinkedHashMap<>();
    private final List<String> timeoutRules = new ArrayList<>();
    // level ("default", "sessions.RISK", ...) -> limit -> value
    private final Map<String, Map<String, String>> risk = new LinkedHashMap<>();

    private GatewayConfigYaml(final Path dataDir, final int fixPort)
    {
        this.dataDir = dataDir;
        this.fixPort = fixPort;
    }

    /** The two settings no test leaves to the defaults: its own state and its own FIX port. */
    static GatewayConfigYaml gateway(final Path dataDir, final int fixPort)
    {
        return new GatewayConfigYaml(dataDir, fixPort);
    }

    GatewayConfigYaml fixBindAddress(final String address)
    {
        fixBindAddress = address;
        return this;
    }

    GatewayConfigYaml senderCompId(final String compId)
    {
        senderCompId = compId;
        return this;
    }

    /** How long a connection may take to log on, and how many may wait to at once. */
    GatewayConfigYaml pendingLogons(final int logonTimeoutSeconds, final int maxPendingLogons)
    {
        this.logonTimeoutSeconds = logonTimeoutSeconds;
        this.maxPendingLogons = maxPendingLogons;
        return this;
    }

    /** A client allowed to log on; the first one given replaces the default sessions. */
    GatewayConfigYaml session(final String targetCompId, final String defaultVenue)
    {
        return session(targetCompId, defaultVenue, null);
    }

    /**
     * @param cancelOnDisconnect  how long after the session logs out or drops its working orders are
     *                            canceled, e.g. 500ms; null for never (the default).
     */
    GatewayConfigYaml session(final String targetCompId, final String defaultVenue, final String cancelOnDisconnect)
    {
        final StringBuilder entry = new StringBuilder();
        line(entry, "    - TargetCompID", targetCompId);
        line(entry, "      defaultVenue", defaultVenue);
        line(entry, "      cancelOnDisconnect", cancelOnDisconnect);
        sessions.add(entry.toString());
        return this;
    }

    /** One more setting of a session given before, e.g. {@code passwordHash}; {@code value} as YAML. */
    GatewayConfigYaml sessionSetting(final String targetCompId, final String key, final String value)
    {
        for (int i = 0; i < sessions.size(); i++)
        {
            if (sessions.get(i).startsWith("    - TargetCompID: " + targetCompId + "\n"))
            {
                sessions.set(i, sessions.get(i) + "      " + key + ": " + value + "\n");
                return this;
            }
        }
        throw new IllegalArgumentException("no session " + targetCompId + " given");
    }

    /** The Prometheus endpoint on 127.0.0.1. */
    GatewayConfigYaml metricsOn(final int port)
    {
        metricsEnabled = true;
        metricsBindAddress = "127.0.0.1";
        metricsPort = port;
        return this;
    }

    /** The venue accounts' balances published as metrics (off by default). */
    GatewayConfigYaml metricsPublishBalances()
    {
        metricsPublishBalances = true;
        return this;
    }

    /** No Prometheus endpoint, whatever its address and port say. */
    GatewayConfigYaml metricsOff()
    {
        metricsEnabled = false;
        return this;
    }

    /** The credentials store (in the data directory) opened with the password in this file. */
    GatewayConfigYaml credentialsPasswordFile(final Path file)
    {
        credentialsPasswordFile = file;
        return this;
    }

    /** The admin API on 127.0.0.1 at this port; otherwise on any free port. */
    GatewayConfigYaml adminOn(final int port)
    {
        adminPort = port;
        return this;
    }

    /** The PostgreSQL store the gateway feeds from its journal. */
    GatewayConfigYaml systemOfRecord(final SystemOfRecord store)
    {
        systemOfRecord = store;
        return this;
    }

    /** One more setting of a venue given before, e.g. a test's accounts at the fixture's SIM. */
    GatewayConfigYaml venueSetting(final String venueId, final String key, final Object value)
    {
        venues.stream().filter(venue -> venue.id.equals(venueId)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no venue " + venueId + " given")).set(key, value);
        return this;
    }

    /** A venue, after those given before; the first one given replaces the default venues. */
    GatewayConfigYaml venue(final Venue venue)
    {
        venues.add(venue);
        return this;
    }

    /** @param key  a key of the {@code timeouts} section, e.g. {@code unacknowledgedSubmit}, and its value. */
    GatewayConfigYaml timeout(final String key, final String value)
    {
        timeouts.put(key, value);
        return this;
    }

    /**
     * @param selector  what the rule matches on: venue, symbol, ordType, timeInForce or session.
     * @param after     how long a matching order may rest, e.g. 500ms.
     */
    GatewayConfigYaml timeoutRule(final String selector, final String value, final String after)
    {
        timeoutRules.add("    - { " + selector + ": " + value + ", after: " + after + " }\n");
        return this;
    }

    /**
     * @param level  {@code default}, or {@code sessions.<CompID>}, {@code venues.<ID>}, {@code symbols.<symbol>}.
     * @param limit  a limit of the {@code risk} section, e.g. {@code maxOrderQty}, and its value.
     */
    GatewayConfigYaml riskLimit(final String level, final String limit, final String value)
    {
        risk.computeIfAbsent(level, unused -> new LinkedHashMap<>()).put(limit, value);
        return this;
    }

    String toYaml()
    {
        final StringBuilder yaml = new StringBuilder()
            .append("dataDir: ").append(dataDir).append('\n')
            .append("fix:\n");
        line(yaml, "  bindAddress", fixBindAddress);
        line(yaml, "  port", fixPort);
        line(yaml, "  SenderCompID", senderCompId);
        line(yaml, "  logonTimeoutSeconds", logonTimeoutSeconds);
        line(yaml, "  maxPendingLogons", maxPendingLogons);
        if (!sessions.isEmpty())
        {
            yaml.append("  sessions:\n");
            sessions.forEach(yaml::append);
        }
        if (metricsEnabled != null || metricsPort != null)
        {
            yaml.append("metrics:\n");
            line(yaml, "  enabled", metricsEnabled);
            line(yaml, "  bindAddress", metricsBindAddress);
            line(yaml, "  port", metricsPort);
            line(yaml, "  publishBalances", metricsPublishBalances);
        }
        if (systemOfRecord != null)
        {
            yaml.append(systemOfRecord.configYaml());
        }
        if (!venues.isEmpty())
        {
            yaml.append("venues:\n");
            venues.forEach(venue -> venue.appendTo(yaml));
        }
        if (!timeouts.isEmpty() || !timeoutRules.isEmpty())
        {
            yaml.append("timeouts:\n");
            timeouts.forEach((key, value) -> line(yaml, "  " + key, value));
            if (!timeoutRules.isEmpty())
            {
                yaml.append("  rules:\n");
                timeoutRules.forEach(yaml::append);
            }
        }
        appendRisk(yaml);
        yaml.append("admin:\n");
        line(yaml, "  port", adminPort);
        if (credentialsPasswordFile != null)
        {
            yaml.append("credentials:\n");
            line(yaml, "  passwordFile", credentialsPasswordFile);
        }
        return yaml.toString();
    }

    private void appendRisk(final StringBuilder yaml)
    {
        if (risk.isEmpty())
        {
            return;
        }
        yaml.append("risk:\n");
        final Map<String, List<String>> byKind = new LinkedHashMap<>();
        risk.forEach((level, limits) ->
        {
            final String[] kindAndName = level.split("\\.", 2);
            final StringBuilder entry = new StringBuilder("{ ");
            limits.forEach((limit, value) -> entry.append(limit).append(": ").append(value).append(", "));
            entry.setLength(entry.length() - 2);
            entry.append(" }");
            if (kindAndName.length == 1)
            {
                yaml.append("  ").append(level).append(": ").append(entry).append('\n');
            }
            else
            {
                byKind.computeIfAbsent(kindAndName[0], unused -> new ArrayList<>())
                    .add("    \"" + kindAndName[1] + "\": " + entry + "\n");
            }
        });
        byKind.forEach((kind, entries) ->
        {
            yaml.append("  ").append(kind).append(":\n");
            entries.forEach(yaml::append);
        });
    }

    /** @return the file, for {@code --config}. */
    Path writeTo(final Path file) throws IOException
    {
        return Files.writeString(file, toYaml());
    }

    private static void line(final StringBuilder yaml, final String key, final Object value)
    {
        if (value != null)
        {
            yaml.append(key).append(": ").append(value).append('\n');
        }
    }

    /** One entry under {@code venues}: its id, type and settings, in the order given. */
    static final class Venue
    {
        // the default SIM venue's rules, which a simulated venue's market is built on
        private static final Map<String, String> DEFAULT_INSTRUMENTS = Map.of(
            "BTC/USDT", "{ tickSize: 0.01, lotSize: 0.00001, minQty: 0.00001, referencePrice: 60000, levelQty: 0.5 }",
            "ETH/USDT", "{ tickSize: 0.01, lotSize: 0.0001, minQty: 0.0001, referencePrice: 3000, levelQty: 5 }",
            "SOL/USDT", "{ tickSize: 0.001, lotSize: 0.001, minQty: 0.001, referencePrice: 150, levelQty: 50 }");

        private final String id;
        private final Map<String, Object> settings = new LinkedHashMap<>();
        private final Map<String, String> instruments = new LinkedHashMap<>();

        private Venue(final String id, final String type)
        {
            this.id = id;
            settings.put("type", type);
        }

        static Venue simulated(final String id)
        {
            return new Venue(id, "simulated");
        }

        /**
         * A venue reached over its REST API, here a local fake of it, polled every 100 ms so that a test
         * hears of a fill at the venue within its timeout.
         *
         * @param type  binance, kraken, coinbase, okx or bybit.
         */
        static Venue exchange(final String id, final String type, final String baseUrl, final Path credentialsFile)
        {
            return new Venue(id, type)
                .set("baseUrl", baseUrl)
                .set("credentialsFile", credentialsFile)
                .set("pollIntervalMillis", 100);
        }

        /**
         * @param features  the {@code supports} map, e.g. {@code "{ stopOrders: false, postOnly: false,
         *                  immediateOrCancel: false, fillOrKill: false, goodTillDate: false, amend: false }"}.
         */
        Venue supports(final String features)
        {
            return set("supports", features);
        }

        /** @param value  as YAML: a scalar, or a flow map such as {@code { loseCancels: 1 }}. */
        Venue set(final String key, final Object value)
        {
            settings.put(key, value);
            return this;
        }

        /** An exchange venue's symbols, whose rules it loads from the venue at start. */
        Venue symbols(final String... symbols)
        {
            return set("symbols", "[" + String.join(", ", symbols) + "]");
        }

        /** A simulated instrument with the rules and market of the default SIM venue's. */
        Venue instrument(final String symbol)
        {
            final String rules = DEFAULT_INSTRUMENTS.get(symbol);
            return instrument(symbol, Objects.requireNonNull(rules, () -> symbol + " is not a default instrument"));
        }

        /** @param rules  a flow map of tickSize, lotSize, minQty, minNotional, referencePrice, levelQty. */
        Venue instrument(final String symbol, final String rules)
        {
            settings.putIfAbsent("instruments", instruments);
            instruments.put(symbol, rules);
            return this;
        }

        private void appendTo(final StringBuilder yaml)
        {
            yaml.append("  ").append(id).append(":\n");
            settings.forEach((key, value) ->
            {
                if (value == instruments)
                {
                    yaml.append("    instruments:\n");
                    instruments.forEach((symbol, rules) -> line(yaml, "      " + symbol, rules));
                }
                else
                {
                    line(yaml, "    " + key, value);
                }
            });
        }
    }
}
