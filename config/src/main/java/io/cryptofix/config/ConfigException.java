package io.cryptofix.config;

import java.util.List;

/**
 * A configuration that cannot be used. It carries every problem found, not just the first, so that
 * one run of {@code check-config} is enough to fix a file.
 */
public final class ConfigException extends Exception
{
    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<String> problems;

    /**
     * @param source    what was loaded, e.g. the file name; used only in the message.
     * @param problems  one line per problem, each naming the key path, the bad value and what is allowed.
     */
    public ConfigException(final String source, final List<String> problems)
    {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /**
     * @return what was loaded, e.g. the file name.
     */
    public String source()
    {
        return source;
    }

    /**
     * @return the problems in document order, one line each, e.g.
     *     {@code fix.port: 99999 is not a valid TCP port (allowed: 1-65535)}.
     */
    public List<String> problems()
    {
        return problems;
    }

    private static String message(final String source, final List<String> problems)
    {
        final StringBuilder message = new StringBuilder()
            .append(source)
            .append(": ")
            .append(problems.size() == 1 ? "1 configuration problem" : problems.size() + " configuration problems");
        for (final String problem : problems)
        {
            message.append("\n  ").append(problem);
        }
        return message.toString();
    }
}
