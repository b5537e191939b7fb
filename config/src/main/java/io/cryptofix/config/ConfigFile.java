package io.cryptofix.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the configuration file's text: the only I/O this module does.
 */
final class ConfigFile
{
    private ConfigFile()
    {
    }

    static String read(final Path file) throws ConfigException
    {
        if (Files.isDirectory(file))
        {
            throw new ConfigException(file.toString(), List.of(file + ": is a directory, not a configuration file"));
        }
        try
        {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new ConfigException(file.toString(), List.of(problem(file, e)));
        }
    }

    /**
     * @return one line saying why the file could not be read, without a stack trace.
     */
    static String problem(final Path file, final IOException e)
    {
        if (e instanceof NoSuchFileException)
        {
            return file + ": file not found";
        }
        if (e instanceof AccessDeniedException)
        {
            return file + ": not readable (permission denied)";
        }
        if (e instanceof CharacterCodingException)
        {
            return file + ": not UTF-8 text";
        }
        return file + ": cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }
}
