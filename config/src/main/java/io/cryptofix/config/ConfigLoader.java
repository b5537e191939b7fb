package io.cryptofix.config;

import java.nio.file.Path;
import java.util.Objects;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads a gateway configuration file: parses the YAML, checks the whole document, and either returns
 * a complete {@link GatewayConfig} (omitted keys take the {@link Defaults}) or throws a
 * {@link ConfigException} listing every problem found.
 */
public final class ConfigLoader
{
    private ConfigLoader()
    {
    }

    /**
     * @param file  a YAML file in the format of {@code config/examples/gateway.yaml}.
     * @throws ConfigException when the file cannot be read, is not YAML, or holds invalid settings.
     */
    public static GatewayConfig load(final Path file) throws ConfigException
    {
        Objects.requireNonNull(file, "file");
        return parse(ConfigFile.read(file), file.toString());
    }

    /**
     * @param yaml        the configuration text; an empty document means all defaults.
     * @param sourceName  where the text came from, for messages (e.g. a file name).
     * @throws ConfigException when the text is not YAML or holds invalid settings.
     */
    public static GatewayConfig parse(final String yaml, final String sourceName) throws ConfigException
    {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(sourceName, "sourceName");
        return parse(yaml, sourceName, Defaults.config());
    }

    /**
     * @return a few lines for the startup banner: where the acceptor listens, its sessions, the metrics
     *     endpoint, each venue with its symbols, the data directory.
     */
    public static String describe(final GatewayConfig config)
    {
        return ConfigSummary.describe(config);
    }

    /**
     * @param fallback  supplies omitted keys; null makes every key required.
     */
    static GatewayConfig parse(final String yaml, final String sourceName, final GatewayConfig fallback)
        throws ConfigException
    {
        final Node document = YamlDocument.parse(yaml, sourceName);
        final Problems problems = new Problems();
        final GatewayConfig config = ConfigMapper.map(document, fallback, problems);
        problems.throwIfAny(sourceName);
        return config;
    }
}
