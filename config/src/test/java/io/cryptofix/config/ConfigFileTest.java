package io.cryptofix.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the file and the YAML in it: each failure is one line without a stack trace.
 */
class ConfigFileTest
{
    @TempDir
    Path dir;

    @Test
    void aValidFileLoads() throws IOException, ConfigException
    {
        final Path file = write("gateway.yaml", "fix:\n  port: 7000\n");

        assertThat(ConfigLoader.load(file).fix().port()).isEqualTo(7000);
    }

    @Test
    void aMissingFileIsReported()
    {
        final Path file = dir.resolve("absent.yaml");

        assertThat(problemsOfLoading(file)).containsExactly(file + ": file not found");
    }

    @Test
    void aDirectoryIsNotAConfigurationFile()
    {
        assertThat(problemsOfLoading(dir)).containsExactly(dir + ": is a directory, not a configuration file");
    }

    @Test
    void anUnreadableFileIsReported() throws IOException
    {
        final Path file = write("secret.yaml", "fix: {}\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        // root reads any file regardless of permissions, so this only proves something as another user
        assumeThat(Files.isReadable(file)).isFalse();

        assertThat(problemsOfLoading(file)).containsExactly(file + ": not readable (permission denied)");
    }

    @Test
    void permissionDeniedIsReportedWithoutAStackTrace()
    {
        final Path file = Path.of("secret.yaml");

        assertThat(ConfigFile.problem(file, new AccessDeniedException(file.toString())))
            .isEqualTo("secret.yaml: not readable (permission denied)");
    }

    @Test
    void aFileThatIsNotUtf8IsReported() throws IOException
    {
        final Path file = dir.resolve("latin1.yaml");
        Files.write(file, "fix: { SenderCompID: GAT\u00c9 }\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(problemsOfLoading(file)).containsExactly(file + ": not UTF-8 text");
    }

    @Test
    void aYamlSyntaxErrorNamesLineAndColumn() throws IOException
    {
        final Path file = write("broken.yaml", "fix:\n  port: 9880\n  bindAddress: a: b\n");

        assertThat(problemsOfLoading(file))
            .containsExactly("line 3, column 17: invalid YAML: mapping values are not allowed here");
    }

    @Test
    void anUnclosedFlowListNamesWhereItStartedAndWhereItEnded()
    {
        assertThat(problemsOfParsing("fix: { sessions: [ { TargetCompID: RISK }\n"))
            .containsExactly("line 2, column 1: invalid YAML: while parsing a flow sequence started at line 1, column 18: " +
                "expected ',' or ']', but got <stream end>");
    }

    @Test
    void aTabUsedForIndentationIsASyntaxError()
    {
        assertThat(problemsOfParsing("fix:\n\tport: 9880\n"))
            .singleElement(STRING)
            .startsWith("line 2, column 1: invalid YAML:");
    }

    @Test
    void twoDocumentsInOneFileAreASyntaxError()
    {
        assertThat(problemsOfParsing("fix: {}\n---\nmetrics: {}\n"))
            .singleElement(STRING)
            .startsWith("line 2, column 1: invalid YAML:");
    }

    @Test
    void aSyntaxErrorMessageIsOneLineWithoutAStackTrace()
    {
        assertThatThrownBy(() -> ConfigLoader.parse("a: b: c\n", "broken.yaml"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("broken.yaml: 1 configuration problem\n  line 1, column 5: invalid YAML: mapping values are not allowed here");
    }

    @Test
    void aByteOrderMarkAtTheStartIsIgnored() throws IOException, ConfigException
    {
        final Path file = write("bom.yaml", "\uFEFFfix:\n  port: 7000\n");

        assertThat(ConfigLoader.load(file).fix().port()).isEqualTo(7000);
    }

    private Path write(final String name, final String text) throws IOException
    {
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<String> problemsOfLoading(final Path file)
    {
        try
        {
            ConfigLoader.load(file);
        }
        catch (final ConfigException e)
        {
            return e.problems();
        }
        throw new AssertionError("expected " + file + " to be rejected");
    }

    private static List<String> problemsOfParsing(final String yaml)
    {
        try
        {
            ConfigLoader.parse(yaml, "test.yaml");
        }
        catch (final ConfigException e)
        {
            return e.problems();
        }
        throw new AssertionError("expected the document to be rejected");
    }
}
