package io.cryptofix.config;

import java.util.List;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.JsonSchema;

/**
 * Turns YAML text into a node tree. We stop at nodes instead of building Java objects because nodes
 * keep each scalar's original text (so {@code 0.00001} never passes through a double), its resolved
 * tag (so a quoted {@code "9880"} is known to be a string) and its position (so problems come out in
 * document order).
 */
final class YamlDocument
{
    private YamlDocument()
    {
    }

    /**
     * @return the document's root node, or null for an empty document (which means: all defaults).
     * @throws ConfigException when the text is not well-formed YAML; the problem names line and column.
     */
    static Node parse(final String yaml, final String sourceName) throws ConfigException
    {
        // The JSON schema resolves only true/false, null and JSON-style numbers, so YAML 1.1 surprises
        // (yes/no/on/off as booleans, 0x and 0o numbers) cannot happen; they stay strings and get a clear message.
        final LoadSettings settings = LoadSettings.builder()
            .setLabel(sourceName)
            .setSchema(new JsonSchema())
            .build();
        try
        {
            return new Compose(settings).composeString(withoutByteOrderMark(yaml)).orElse(null);
        }
        catch (final MarkedYamlEngineException e)
        {
            throw new ConfigException(sourceName, List.of(syntaxProblem(e)));
        }
        catch (final YamlEngineException e)
        {
            throw new ConfigException(sourceName, List.of("invalid YAML: " + oneLine(e.getMessage())));
        }
    }

    static String syntaxProblem(final MarkedYamlEngineException e)
    {
        final Optional<Mark> problemMark = e.getProblemMark().or(e::getContextMark);
        final StringBuilder problem = new StringBuilder();
        problemMark.ifPresent(mark -> problem.append(position(mark)).append(": "));
        problem.append("invalid YAML: ");
        if (e.getContext() != null)
        {
            problem.append(oneLine(e.getContext()));
            e.getContextMark().ifPresent(mark -> problem.append(" started at ").append(position(mark)));
            problem.append(": ");
        }
        problem.append(oneLine(e.getProblem()));
        return problem.toString();
    }

    static String position(final Mark mark)
    {
        // marks count from zero; editors count from one
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String withoutByteOrderMark(final String yaml)
    {
        return yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
    }

    private static String oneLine(final String text)
    {
        return String.valueOf(text).strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
