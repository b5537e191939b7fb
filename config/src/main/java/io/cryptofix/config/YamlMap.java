package io.cryptofix.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One YAML mapping read as a configuration section: typed values with fallbacks, and every type
 * mismatch reported with its key path. A key that is absent or explicitly null takes the fallback;
 * a null fallback means the key is required.
 *
 * <p>Values in messages are quoted as the text found, except integers checked against a range.
 */
final class YamlMap
{
    // the gateway's fixed-point prices and quantities carry 8 decimals; config stays independent of that type
    private static final int MAX_DECIMAL_PLACES = 8;
    private static final String DECIMAL_RULE = "must be a positive decimal with at most " + MAX_DECIMAL_PLACES + " decimal places";

    private final Node position;
    private final MappingNode mapping;
    private final String path;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(final Node position, final MappingNode mapping, final String path, final Problems problems)
    {
        this.position = position;
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
    }

    /**
     * @param node      the section's node; null or a YAML null means the section was left out.
     * @param path      the section's key path.
     * @param expected  what the section should be, for the message when it is not a map.
     */
    static YamlMap of(final Node node, final String path, final String expected, final Problems problems)
    {
        if (node instanceof MappingNode mapping)
        {
            final YamlMap map = new YamlMap(node, mapping, path, problems);
            map.index();
            return map;
        }
        if (!isNull(node))
        {
            problems.add(node, path, "expected " + expected + ", found " + describe(node));
        }
        // a section that is left out or mistyped reads as empty, so everything in it takes its fallback
        return new YamlMap(node, null, path, problems);
    }

    /**
     * Reports every key not in {@code knownKeys}, with a suggestion when the user probably misspelled one.
     */
    void allowOnly(final List<String> knownKeys)
    {
        for (final NodeTuple entry : entries.values())
        {
            final String key = ((ScalarNode)entry.getKeyNode()).getValue();
            if (!knownKeys.contains(key))
            {
                problems.add(entry.getKeyNode(), path(key), "unknown key " + KeySuggestions.hint(key, knownKeys));
            }
        }
    }

    boolean isMap()
    {
        return mapping != null;
    }

    Set<String> keys()
    {
        return entries.keySet();
    }

    String path()
    {
        return path;
    }

    String path(final String key)
    {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * @return the value of {@code key}, or null when the key is absent or its value is a YAML null.
     */
    Node value(final String key)
    {
        final NodeTuple entry = entries.get(key);
        return entry == null || isNull(entry.getValueNode()) ? null : entry.getValueNode();
    }

    YamlMap map(final String key, final String expected)
    {
        return of(value(key), path(key), expected, problems);
    }

    /**
     * Reports a problem with the value of {@code key}; positioned at the value when there is one.
     */
    void problem(final String key, final String message)
    {
        final NodeTuple entry = entries.get(key);
        problems.add(entry == null ? position : entry.getValueNode(), path(key), message);
    }

    /**
     * Reports a problem with {@code key} itself, such as a venue id or a symbol that is not well-formed.
     */
    void keyProblem(final String key, final String message)
    {
        final NodeTuple entry = entries.get(key);
        problems.add(entry == null ? position : entry.getKeyNode(), path(key), message);
    }

    /**
     * Reports a problem with the whole section, e.g. that it is empty.
     */
    void sectionProblem(final String message)
    {
        problems.add(position, path, message);
    }

    void missing(final String key, final String required)
    {
        problem(key, "missing (required: " + required + ")");
    }

    /**
     * @param required  what to say when the key is missing and there is no fallback.
     * @param rule      what the text must look like; null accepts any text.
     * @return the text, the fallback, or null when there is a problem.
     */
    String text(final String key, final String fallback, final String required, final TextRule rule)
    {
        final Node value = value(key);
        if (value == null)
        {
            return fallback(key, fallback, required);
        }
        if (!(value instanceof ScalarNode scalar))
        {
            problem(key, "expected " + required + ", found " + describe(value));
            return null;
        }
        final String text = scalar.getValue();
        if (rule != null && !rule.valid().test(text))
        {
            problem(key, quoted(text) + " is not " + rule.what() + " (allowed: " + rule.allowed() + ")");
            return null;
        }
        return text;
    }

    /**
     * @param name  what a value in range is, e.g. "a valid TCP port"; null for a plain range message.
     * @return the integer, the fallback, or null when there is a problem.
     */
    Long integer(final String key, final Long fallback, final long min, final long max, final String name)
    {
        final String allowed = min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "a 64-bit integer" : min + "-" + max;
        final Node value = value(key);
        if (value == null)
        {
            return fallback(key, fallback, "an integer, allowed: " + allowed);
        }
        if (!(value instanceof ScalarNode scalar))
        {
            problem(key, "expected an integer (allowed: " + allowed + "), found " + describe(value));
            return null;
        }
        if (!Tag.INT.equals(scalar.getTag()))
        {
            problem(key, quoted(scalar.getValue()) + " is not an integer (allowed: " + allowed + ")");
            return null;
        }
        final BigInteger number = new BigInteger(scalar.getValue());
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0)
        {
            problem(key, number + (name == null ? " is out of range" : " is not " + name) + " (allowed: " + allowed + ")");
            return null;
        }
        return number.longValueExact();
    }

    /**
     * A number that may have a fraction, within [min, max].
     *
     * @return the number, the fallback, or null when there is a problem.
     */
    BigDecimal number(final String key, final BigDecimal fallback, final BigDecimal min, final BigDecimal max)
    {
        final String allowed = min.toPlainString() + "-" + max.toPlainString();
        final Node value = value(key);
        if (value == null)
        {
            return fallback(key, fallback, "a number, allowed: " + allowed);
        }
        if (!(value instanceof ScalarNode scalar))
        {
            problem(key, "expected a number (allowed: " + allowed + "), found " + describe(value));
            return null;
        }
        final BigDecimal number = isNumber(scalar) ? decimalOrNull(scalar.getValue()) : null;
        if (number == null)
        {
            problem(key, quoted(scalar.getValue()) + " is not a number (allowed: " + allowed + ")");
            return null;
        }
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0)
        {
            problem(key, scalar.getValue() + " is out of range (allowed: " + allowed + ")");
            return null;
        }
        return number;
    }

    /**
     * A price or quantity. Quoted text is accepted as well as a plain number, because crypto venues
     * conventionally write decimals as strings and the value is read from its text either way.
     *
     * @return the decimal exactly as written, the fallback, or null when there is a problem.
     */
    BigDecimal positiveDecimal(final String key, final BigDecimal fallback)
    {
        final Node value = value(key);
        if (value == null)
        {
            return fallback(key, fallback, "a positive decimal with at most " + MAX_DECIMAL_PLACES + " decimal places");
        }
        if (!(value instanceof ScalarNode scalar))
        {
            problem(key, "expected a positive decimal with at most " + MAX_DECIMAL_PLACES + " decimal places, found " +
                describe(value));
            return null;
        }
        final BigDecimal number = decimalOrNull(scalar.getValue());
        if (number == null || number.signum() <= 0 || number.stripTrailingZeros().scale() > MAX_DECIMAL_PLACES)
        {
            problem(key, quoted(scalar.getValue()) + " " + DECIMAL_RULE);
            return null;
        }
        return number;
    }

    /**
     * @return the boolean, the fallback, or null when there is a problem.
     */
    Boolean bool(final String key, final Boolean fallback)
    {
        final Node value = value(key);
        if (value == null)
        {
            return fallback(key, fallback, "true or false");
        }
        if (!(value instanceof ScalarNode scalar))
        {
            problem(key, "expected true or false, found " + describe(value));
            return null;
        }
        if (!Tag.BOOL.equals(scalar.getTag()))
        {
            problem(key, quoted(scalar.getValue()) + " is not a boolean (allowed: true, false)");
            return null;
        }
        return Boolean.valueOf(scalar.getValue());
    }

    static boolean isNull(final Node node)
    {
        return node == null || Tag.NULL.equals(node.getTag());
    }

    /**
     * @return how a node looks to the user: "a map", "a list", or its text in quotes.
     */
    static String describe(final Node node)
    {
        if (node instanceof MappingNode)
        {
            return "a map";
        }
        if (node instanceof SequenceNode)
        {
            return "a list";
        }
        if (isNull(node))
        {
            return "nothing";
        }
        return quoted(((ScalarNode)node).getValue());
    }

    static String quoted(final String text)
    {
        final StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                quoted.append('\\').append(c);
            }
            else if (c < 0x20 || c == 0x7f)
            {
                // control characters would break the one-line-per-problem output
                quoted.append(String.format("\\u%04x", (int)c));
            }
            else
            {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private void index()
    {
        for (final NodeTuple entry : mapping.getValue())
        {
            final Node keyNode = entry.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar) || isNull(keyNode))
            {
                problems.add(keyNode, path, "keys must be names, found " + describe(keyNode));
                continue;
            }
            final String key = scalar.getValue();
            final NodeTuple first = entries.get(key);
            if (first != null)
            {
                final String firstAt = first.getKeyNode().getStartMark().map(YamlDocument::position).orElse("earlier");
                problems.add(keyNode, path(key), "duplicate key (first given at " + firstAt + ")");
                continue;
            }
            entries.put(key, entry);
        }
    }

    private <T> T fallback(final String key, final T fallback, final String required)
    {
        if (fallback == null)
        {
            missing(key, required);
        }
        return fallback;
    }

    private static boolean isNumber(final ScalarNode scalar)
    {
        return Tag.INT.equals(scalar.getTag()) || Tag.FLOAT.equals(scalar.getTag());
    }

    private static BigDecimal decimalOrNull(final String text)
    {
        try
        {
            return new BigDecimal(text);
        }
        catch (final NumberFormatException e)
        {
            return null;
        }
    }
}
