package io.cryptofix.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The built-in configuration: what the gateway runs with when there is no file, and where every key a
 * file leaves out comes from. It lives in one readable YAML resource, {@code default-gateway.yaml}
 * next to this class, read with the same rules as a user's file except that every key is required.
 */
public final class Defaults
{
    static final String RESOURCE = "default-gateway.yaml";
    static final String SOURCE = "built-in defaults (io/cryptofix/config/" + RESOURCE + ")";

    private Defaults()
    {
    }

    /**
     * @return the built-in configuration; the same instance every time (it is immutable).
     */
    public static GatewayConfig config()
    {
        return Holder.CONFIG;
    }

    /**
     * @return the text of the built-in configuration file, e.g. to show a user where to start.
     */
    public static String yaml()
    {
        return Holder.YAML;
    }

    // loaded on first use, once; a broken resource is a build defect, so it fails loudly, not with a ConfigException
    private static final class Holder
    {
        static final String YAML = readResource();
        static final GatewayConfig CONFIG = load(YAML);

        private static String readResource()
        {
            try (InputStream in = Defaults.class.getResourceAsStream(RESOURCE))
            {
                if (in == null)
                {
                    throw new IllegalStateException("missing resource " + SOURCE);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException("cannot read " + SOURCE, e);
            }
        }

        private static GatewayConfig load(final String yaml)
        {
            try
            {
                return ConfigLoader.parse(yaml, SOURCE, null);
            }
            catch (final ConfigException e)
            {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
