package io.cryptofix.config;

import java.util.List;

/**
 * Test helpers: YAML from lines, and the problems a document produces.
 */
final class ConfigProblems
{
    private ConfigProblems()
    {
    }

    static String yaml(final String... lines)
    {
        return String.join("\n", lines) + "\n";
    }

    static GatewayConfig parse(final String... lines) throws ConfigException
    {
        return ConfigLoader.parse(yaml(lines), "test.yaml");
    }

    /**
     * @return the problems reported for a document that must be rejected.
     */
    static List<String> problemsOf(final String... lines)
    {
        try
        {
            ConfigLoader.parse(yaml(lines), "test.yaml");
        }
        catch (final ConfigException e)
        {
            return e.problems();
        }
        throw new AssertionError("expected the document to be rejected:\n" + yaml(lines));
    }
}
