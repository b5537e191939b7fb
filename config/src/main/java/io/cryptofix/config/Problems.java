package io.cryptofix.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Collects problems while the whole document is checked, so that all of them are reported at once.
 * Sections are read in dependency order (venues before the sessions that refer to them), so problems
 * are sorted back into document order before they are shown.
 */
final class Problems
{
    private record Problem(int line, int column, String text)
    {
    }

    private static final Comparator<Problem> DOCUMENT_ORDER =
        Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column);

    private final List<Problem> problems = new ArrayList<>();

    /**
     * @param at       the node the problem is about, for ordering; null when there is none (a section left out).
     * @param path     key path such as {@code fix.sessions[0].TargetCompID}; empty for the document itself.
     * @param message  the bad value and what is allowed.
     */
    void add(final Node at, final String path, final String message)
    {
        final Optional<Mark> mark = at == null ? Optional.empty() : at.getStartMark();
        final String where = path.isEmpty() ? "(top level)" : path;
        problems.add(new Problem(
            mark.map(Mark::getLine).orElse(-1),
            mark.map(Mark::getColumn).orElse(-1),
            where + ": " + message));
    }

    boolean isEmpty()
    {
        return problems.isEmpty();
    }

    void throwIfAny(final String source) throws ConfigException
    {
        if (!problems.isEmpty())
        {
            throw new ConfigException(source, problems.stream().sorted(DOCUMENT_ORDER).map(Problem::text).toList());
        }
    }
}
